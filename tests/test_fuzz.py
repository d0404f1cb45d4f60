"""Property-based fuzzing of every loader and of the analysis: generated and mutated inputs either load and are
analysed, or fail with one LoadError naming the file. Never another exception.

The budget is small in ``make test`` (the "suite" profile); ``make fuzz`` runs the same properties as a longer
campaign (``HYPOTHESIS_PROFILE=fuzz``, thousands of examples each). A crash found either way is kept as a
regression case in tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainpitch.ingest import load_bytes
from plainpitch.ingest.errors import LoadError
from plainpitch.ingest.transcript import load_transcript_bytes
from plainpitch.model import Span

DATA = Path(__file__).parent / "data"
_COMMON = dict(deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)
settings.register_profile("suite", max_examples=25, **_COMMON)
settings.register_profile("fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "3000")), **_COMMON)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "suite")
LOADER_EXAMPLES = settings.get_profile(PROFILE).max_examples * (4 if PROFILE == "suite" else 1)


def fuzz(examples: int | None = None):
    return settings(settings.get_profile(PROFILE), max_examples=examples or settings.get_profile(PROFILE).max_examples)


# -- seeds: the real files of every format the tests hold ----------------------------------------------------
def _seeds(*patterns: str) -> list[tuple[str, bytes]]:
    found = [(p.name, p.read_bytes()) for pat in patterns for p in sorted(DATA.glob(pat))]
    return [(n, b) for n, b in found if len(b) < 64_000]


COPY_SEEDS = _seeds("ingest/*", "sales/*", "templates/*") + [
    ("landing-page.md", (DATA.parents[1] / "examples/landing-page.md").read_bytes())
]
CALL_SEEDS = _seeds("transcripts/*.vtt", "transcripts/*.srt", "transcripts/*.json", "transcripts/*.txt")

# Pieces that exercise each format's grammar (and the parsers' known soft spots: references, headers, times).
PIECES = {
    ".md": [
        "# ",
        "## ",
        "- ",
        "* ",
        "1. ",
        "> ",
        "```",
        "`",
        "**",
        "_",
        "[",
        "](",
        ")",
        "![",
        "|",
        "|---|",
        "\\",
        "---\n",
        "<!-- plainpitch: ignore -->",
        "<b>",
        "&#3;",
        "-",
        "\n",
        "\n\n",
        " ",
        "word",
        "API",
        "CDC",
        "faster",
        "you",
        "we",
        ".",
        "?",
        "[CTA: Go]",
        "\t",
        "é",
        "’",
        "\x00",
        "\ufeff",
        "+",
        ":",
    ],
    ".tsx": ["return (", "<div>", "</div>", "<Button href={url}>", "</Button>", "{name}", "{'Buy'}", "{/* c */}", "<>",
             "</>", "a < b", "`t ${x}`", "{", "}", "className=", "{...p}", "\\", "'", '"', "=> <p>", "// c\n"],
    ".astro": ["---\n", "import X from './x'\n", "<style>", "</style>", "<script>", "a < b", "</script>", "<Layout>",
               "</Layout>", "{x}", "<p>", "</p>", "<Hero />", "{items.map((i) => <li>{i}</li>)}", "Save time.", "\n"],
    ".svelte": ["<script>", "</script>", "<style>", "</style>", "{#if a}", "{:else}", "{/if}", "{#each xs as x}", "{/each}",
                "{@html h}", "{x}", "on:click={f}", "<p>", "</p>", "<Hero />", "Save time.", "\n", "{", "}"],
    ".vue": ["<template>", "</template>", "\n", "<script>", "</script>", "<style>", "</style>", ":href=\"u\"", "v-bind:to=",
             "{{ x }}", "<router-link to=\"/a\">", "</router-link>", "<Hero />", "<p>", "</p>", "Save time.", "<"],
    ".erb": ["<%= link_to 'x', y %>", "<% end %>", "<%= link_to u do %>", "<% if a %>", "<%= x %>", "{{", "}}", "{%", "%}",
             "<?php", "?>", "<?= $x ?>", "{{> p}}", "{{#if a}}", "{{/if}}", "<p>", "</p>", "<td>", "\n"],
    ".html": [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<a href='x' class='btn'>",
        "</a>",
        "<li>",
        "<ul>",
        "<h1>",
        "<script>",
        "</script>",
        "<code>",
        "</code>",
        "<br>",
        "<![",
        "<!DOCTYPE html>",
        "&#3;",
        "&#0;",
        "&#x110000;",
        "&#99999999999;",
        "&amp;",
        "&bogus;",
        "&",
        ";",
        "<input type=submit value='Go &amp; x'>",
        "<!--",
        "-->",
        "<title>",
        "<meta name=description content='x'>",
        "word",
        " ",
        "\n",
        "Ship",
        ".",
    ],
    ".eml": [
        "From: ana@\n",
        "To: <\n",
        'From: "\n',
        "Subject: Hi\n",
        "Subject: =?utf-8?B?S?=\n",
        "Content-Type: text/plain; charset=foo\n",
        "Content-Type: text/plain; charset=base64\n",
        "Content-Type: text/plain; charset=utf-16\n",
        "Content-Type: text/html\n",
        "Content-Type: multipart/alternative; boundary=z\n",
        "--z\n",
        "--z--\n",
        "Content-Transfer-Encoding: base64\n",
        "Content-Transfer-Encoding: quoted-printable\n",
        "=E9",
        "=\n",
        "=4",
        "SGk=",
        "!!",
        "\n",
        "\n\n",
        "Hello there.",
        "-- \n",
        "On Mon, Ana wrote:\n",
        "> ",
        "\xff",
        "é",
    ],
    ".txt": [
        "Subject: Hi\n",
        "From: a@b\n",
        "\n",
        "\n\n",
        "- ",
        "word",
        "we",
        "you",
        ".",
        "plainpitch: ignore",
        "-- \n",
        "> ",
        " ",
    ],
    ".vtt": [
        "WEBVTT\n\n",
        "00:00:01.000 --> 00:00:02.000\n",
        "9" * 30 + ":00:00.000 --> 00:00:01.000\n",
        "00:00.000 --> 00:99.000\n",
        "<v Ana>",
        "</v>",
        "<v>",
        "Ana: ",
        "NOTE x\n",
        "&amp;",
        "&#3;",
        "<c.x>",
        "<00:00:01.500>",
        "\n",
        "\n\n",
        "Hello there",
        "1\n",
        " --> ",
        "\ufeff",
    ],
    ".srt": [
        "1\n",
        "00:00:01,000 --> 00:00:02,000\n",
        "9" * 5000 + ":00:00,000 --> 00:00:01,000\n",
        "Ana: ",
        "\n",
        "\n\n",
        "Hello",
        "<i>",
        "{\\an8}",
        "-->",
        "2\n",
    ],
    ".json": [
        '{"segments":[',
        '{"start":',
        "1e999",
        "9" * 5000,
        "NaN",
        "-1",
        '"end":',
        '"text":"hi"',
        '"speaker":',
        '"A"',
        "}",
        "]",
        ",",
        "[" * 50,
        '"\\ud800"',
        '"\\u12"',
        '{"utterances":[',
        '{"results":',
        ":",
        "null",
    ],
    ".txt call": [
        "Ana: ",
        "Ben: ",
        "[00:01] ",
        "0:05\n",
        "Ana  0:03\n",
        "\n",
        "Hello there. ",
        "99999999999:00\n",
        "Ana (1:02:03): ",
        "started transcription\n",
    ],
}


def _soup(ext: str) -> st.SearchStrategy[bytes]:
    return st.lists(st.sampled_from(PIECES.get(ext) or PIECES[".md"]), max_size=40).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
    )


@st.composite
def mutated(draw, seeds: list[tuple[str, bytes]]) -> tuple[str, bytes]:
    """A real file with a few bytes flipped, inserted, deleted or repeated."""
    name, data = draw(st.sampled_from(seeds))
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        if not buf:
            break
        at = draw(st.integers(0, len(buf) - 1))
        op = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "piece"]))
        if op == "flip":
            buf[at] = draw(st.integers(0, 255))
        elif op == "insert":
            buf[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del buf[at : at + draw(st.integers(1, 64))]
        elif op == "repeat":
            buf[at:at] = buf[at : at + draw(st.integers(1, 64))] * draw(st.integers(1, 4))
        else:
            ext = os.path.splitext(name)[1].lower()
            pool = PIECES.get(ext) or PIECES[".md"]
            buf[at:at] = draw(st.sampled_from(pool)).encode("utf-8", "surrogatepass")
    return name, bytes(buf)


def assert_offsets_inside(doc) -> None:
    n = len(doc.source)
    for unit in doc.units:
        assert 0 <= unit.source_start <= n
    for word in doc.words:
        s, e = doc.source_span(Span(word.start, word.end))
        assert 0 <= s <= e <= n


def _load_or_error(load, data: bytes, name: str):
    """The Document, or None after a LoadError that is one line naming the file; any other exception fails."""
    try:
        doc = load(data, name)
    except LoadError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(name), str(exc)
        return None
    assert_offsets_inside(doc)
    return doc


def load_copy_or_error(data: bytes, name: str):
    return _load_or_error(load_bytes, data, name)


def load_call_or_error(data: bytes, name: str):
    return _load_or_error(load_transcript_bytes, data, name)


# -- loaders alone: many cheap examples ------------------------------------------------------------------------
@fuzz(LOADER_EXAMPLES)
@given(ext=st.sampled_from([".md", ".html", ".eml", ".txt", ".tsx", ".erb", ".mdx", ".astro", ".vue", ".svelte"]),
       data=st.data())
def test_copy_loaders_on_generated_markup(ext, data):
    load_copy_or_error(data.draw(_soup(ext)), "f" + ext)


@fuzz(LOADER_EXAMPLES)
@given(case=mutated(COPY_SEEDS))
def test_copy_loaders_on_mutated_files(case):
    load_copy_or_error(case[1], case[0])


@fuzz(LOADER_EXAMPLES)
@given(ext=st.sampled_from([".vtt", ".srt", ".json", ".txt call"]), data=st.data())
def test_transcript_loaders_on_generated_input(ext, data):
    load_call_or_error(data.draw(_soup(ext)), "call" + ext.split()[0])


@fuzz(LOADER_EXAMPLES)
@given(case=mutated(CALL_SEEDS))
def test_transcript_loaders_on_mutated_files(case):
    load_call_or_error(case[1], case[0])


@fuzz(LOADER_EXAMPLES)
@given(
    data=st.binary(max_size=600),
    name=st.sampled_from(["f.md", "f.html", "f.eml", "f.txt", "f.tsx", "f.php", "f.blade.php", "f.mjml", "f.astro", "f.vue", "c.vtt", "c.srt",
                          "c.json"]),
)
def test_random_bytes_in_every_format(data, name):
    if name.startswith("c."):
        load_call_or_error(data, name)
    else:
        load_copy_or_error(data, name)


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


_DOCX_SEED = None


@fuzz(max(10, LOADER_EXAMPLES // 4))
@given(data=st.data())
def test_docx_loader_on_mutated_archives(data):
    global _DOCX_SEED
    if _DOCX_SEED is None:
        _DOCX_SEED = _docx(["Ana  0:03", "Thanks for joining.", "Ben  0:10", "Happy to be here."])
    raw = bytearray(_DOCX_SEED)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    load_call_or_error(bytes(raw), "call.docx")


def test_a_zip_that_is_not_a_docx_is_one_error():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    assert load_call_or_error(buf.getvalue(), "call.docx") is None


# -- the analysis on what loads: fewer, dearer examples ----------------------------------------------------------
@fuzz()
@given(
    case=st.one_of(
        mutated(COPY_SEEDS),
        st.sampled_from([".md", ".html", ".eml", ".txt", ".tsx", ".erb"]).flatmap(
            lambda ext: _soup(ext).map(lambda b: ("f" + ext, b))
        ),
    )
)
def test_check_analysis_never_raises(case):
    from plainpitch.engine import analyze

    doc = load_copy_or_error(case[1], case[0])
    if doc is not None:
        analyze(doc)


@fuzz()
@given(
    case=st.one_of(
        mutated(CALL_SEEDS),
        st.sampled_from([".vtt", ".srt", ".json", ".txt call"]).flatmap(
            lambda ext: _soup(ext).map(lambda b: ("call" + ext.split()[0], b))
        ),
    )
)
def test_call_analysis_never_raises(case):
    from plainpitch.call_review import analyze_call

    doc = load_call_or_error(case[1], case[0])
    if doc is not None:
        analyze_call(doc, me=["Ana"])
