"""Random markup-heavy input: the loaders never raise, and every offset they hand out lies inside the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainpitch.ingest import load_bytes, load_text
from plainpitch.ingest.errors import LoadError
from plainpitch.model import Span

PIECES = [
    "word", "Ship", "faster", " ", "  ", "\n", "\n\n", "\t", "*", "**", "_", "`", "```", "~~~", "[", "]", "(", ")",
    "![", "](", "<", ">", "</", "/>", "&", "&amp;", "&#65;", "&#x;", "&bogus;", ";", "#", "## ", "> ", "- ", "1. ",
    "|", "|---|", "\\", "---", "===", "<!--", "-->", "<!-- plainpitch: ignore TON001 -->", "plainpitch: ignore",
    "[CTA: Go]", "Subject: Hi", "From: a@b.c", "<p>", "</p>", "<div>", "</div>", "<a href='x' class='btn'>",
    "</a>", "<li>", "<ul>", "<script>", "</script>", "<code>", "</code>", "<br>", "<![", "<!DOCTYPE html>",
    "<input type=submit value='Go &amp; buy'>", "=20", "=\n", "-- \n", "On Mon wrote:\n", "é", "’", "\x00", "\ufeff",
]  # fmt: skip
markup = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def assert_offsets_inside(doc) -> None:
    n = len(doc.source)
    for unit in doc.units:
        assert 0 <= unit.source_start <= n
        if unit.source_map is not None:
            assert len(unit.source_map) == unit.end - unit.start
            assert all(0 <= o <= n for o in unit.source_map)
    for word in doc.words:
        s, e = doc.source_span(Span(word.start, word.end))
        assert 0 <= s <= e <= n


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=markup, name=st.sampled_from(["f.md", "f.html", "f.txt", "f.eml"]))
def test_loaders_never_raise_and_stay_inside_the_file(text, name):
    doc = load_text(text, name)
    assert_offsets_inside(doc)
    if name == "f.txt":  # plain text is only ever sliced and joined: words are the file's own characters
        for word in doc.words:
            s, e = doc.source_span(Span(word.start, word.end))
            assert doc.source[s:e] == word.text


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=400), name=st.sampled_from(["f.md", "f.html", "f.txt", "f.eml"]))
def test_random_bytes_load_or_fail_with_a_load_error(data, name):
    try:
        doc = load_bytes(data, name)
    except LoadError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(name)
        return
    assert_offsets_inside(doc)
