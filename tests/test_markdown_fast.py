"""The Markdown loader's shortcut for text without markup (ingest.markdown._Walker._verbatim_at) must give exactly
what the full path gives (markdown-it's inline tokens, _render, _squeeze): same units, texts, maps and attrs."""

from __future__ import annotations

import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainpitch.ingest import markdown

ROOT = Path(__file__).resolve().parents[1]


def _blocks(text: str, fast: bool) -> list:
    walker = markdown._Walker(text, {}, fast=fast)
    env: dict = {}
    walker.walk(markdown._block_tokens(text, env), env)
    return [(b.kind, b.text, b.source_start, None if b.source_map is None else list(b.source_map), b.level, b.href,
             b.attrs, b.ignore) for b in walker.blocks]  # fmt: skip


def _taken(text: str) -> int:
    """How many inline tokens of ``text`` the shortcut takes (so a test knows it ran)."""
    walker = markdown._Walker(text, {})
    taken = 0
    for tok in markdown._block_parser().parse(text, {}):
        if tok.type == "inline" and tok.map and tok.content.strip():
            taken += walker._verbatim_at(tok.content, False, tok.map[0], 0, 0) >= 0
    return taken


# No character an inline rule starts at: letters, digits, spaces, the other ASCII punctuation, Unicode.
PLAIN = st.text(
    alphabet=st.sampled_from(list(string.ascii_letters + string.digits + " !#$%'\"()+,-./:;=>?@]^{|}") + ["é", "’", "😀", "\u00a0"]),
    min_size=1,
    max_size=40,
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(content=PLAIN)
def test_text_without_markup_chars_is_one_text_token(content: str) -> None:
    md = markdown._parser()
    children: list = []
    md.inline.parse(content, md, {}, children)
    assert markdown._INLINE_MARKUP_RE.search(content) is None
    assert [(t.type, t.content) for t in children] == [("text", content)]


def test_each_markup_char_makes_other_tokens() -> None:
    """Every character the shortcut refuses does start markup somewhere (the set is not wider than it must be)."""
    md = markdown._parser()
    samples = {"\n": "a\nb", "\\": "a\\*b", "`": "a `b` c", "~": "a ~~b~~ c", "*": "a *b* c", "_": "a _b_ c",
               "[": "a [b](c) d", "<": "a <b> c", "&": "a &amp; b"}  # fmt: skip
    for char, sample in samples.items():
        children: list = []
        md.inline.parse(sample, md, {}, children)
        assert [t.type for t in children] != ["text"], char


CASES = [
    "# Title\n\nShip faster with one plain paragraph.\n\n- item one\n- item two: with a colon - and dash\n",
    "| Plan | Price |\n|---|---|\n| Basic | $10 / mo |\n|  Pro  | $20 |\n| a \\| b | c |\n| **bold** | x |\n",
    "Title #\n=======\n\n## Closed heading ##\n\nA line\nand a lazy line.\n\n> quoted text\n> - in a list\n",
    "Text  with two spaces.\n\nTab\there.\n\nword word word word\n\n1. one\n2. two (2) [x]\n",
    "Subject: Hello there\n\nHi Ana,\n\nBook a call.\n\n[CTA: Book a demo]\n",
    "> [!NOTE]\n> Heads up.\n\nSee <https://x.dev> and `code` and &amp; and \\* here.\n",
    "repeat repeat\n\nrepeat\n\n- repeat\n\n| repeat | repeat |\n|---|---|\n| repeat | repeat |\n",
    "  Indented by two.\n\n   Three spaces too.\n\nEmoji 😀 in text and é.\n",
    "<!-- plainpitch: ignore JRG001 -->\nIgnored paragraph.\n\nNot ignored.\n",
    "plainpitch: ignore CTA001\n\nNext one.\n",
]


def test_shortcut_matches_the_full_path_on_cases() -> None:
    taken = 0
    for text in CASES:
        assert _blocks(text, True) == _blocks(text, False), text
        taken += _taken(text)
    assert taken >= 20


def test_shortcut_matches_the_full_path_on_real_files(shared: Path) -> None:
    files = [ROOT / "examples" / "landing-page.md", *sorted((ROOT / "tests" / "data").rglob("*.md"))]
    files += sorted((shared / "corpus").rglob("*.md"))
    taken = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert _blocks(text, True) == _blocks(text, False), path
        taken += _taken(text)
    assert taken >= 1000


PIECES = [
    "word", "Ship", "faster", " ", "  ", "\n", "\n\n", "\t", "*", "**", "_", "`", "~~", "[", "]", "(", ")", "![",
    "](", "<", ">", "&", "&amp;", "#", "## ", "> ", "- ", "1. ", "|", "|---|", "\n|---|---|\n", "\\", "---", "===",
    ":", "-", "é", "😀", "\u00a0", "[CTA: Go]", "Subject: Hi", "<!-- plainpitch: ignore TON001 -->", "    ",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(PIECES), max_size=50).map("".join))
def test_shortcut_matches_the_full_path_on_random_markup(text: str) -> None:
    assert _blocks(text, True) == _blocks(text, False)


# -- HTML: text whose words are apart by single spaces is added as one slice (ingest.html._Unit.add_text) ------
WORDS = st.lists(st.sampled_from(["word", "Ship", "é", "😀", ".", "3", " ", "  ", "\n", "\t", "\u00a0", "x,"]),
                 max_size=12).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(text=WORDS, offset=st.integers(0, 50), space=st.none() | st.integers(0, 9), after_code=st.integers(-1, 9),
       before=st.sampled_from(["", "a", "a "]))  # fmt: skip
def test_html_add_text_is_add_words(text: str, offset: int, space: int | None, after_code: int, before: str) -> None:
    from plainpitch.ingest.html import _Unit

    units = [_Unit("paragraph"), _Unit("paragraph")]
    for unit in units:
        unit.chars, unit.offsets = list(before), list(range(len(before)))
        unit.space, unit.after_code = space, after_code
    units[0].add_text(text, offset)
    units[1].add_words(text, offset)
    a, b = units
    assert (a.chars, a.offsets, a.space, a.after_code) == (b.chars, b.offsets, b.space, b.after_code)


def test_html_attribute_tests_need_an_attribute() -> None:
    """Extractor._drops answers 'keep' for a tag without attributes before its attribute tests: none of their
    patterns may match the blank text those tests read when no attribute is there."""
    from plainpitch.ingest import html

    for pattern in (html._HIDDEN_STYLE_RE, html._COOKIE_RE, html._NAV_RE, html._EMAIL_THREAD_RE,
                    html._EMAIL_SIGNATURE_RE):  # fmt: skip
        for blank in ("", " ", "  "):
            assert pattern.search(blank) is None, pattern.pattern
    page = "<div><p>Keep this text.</p><nav><p>Menu</p></nav><div class='cookie-banner'><p>Cookies</p></div></div>"
    assert [b.text for b in html.extract(page)[0]] == ["Keep this text."]


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.sampled_from(["Ship it", " lead", "trail ", "x", "é 😀", "\t", "a  b"]), min_size=1, max_size=5),
       base=st.integers(0, 9), gap=st.booleans())  # fmt: skip
def test_plain_wrapped_lines_map_as_the_per_character_path(lines: list[str], base: int, gap: bool) -> None:
    """plain._para's one-range shortcut gives the map (and text) the per-character path gives."""
    from plainpitch.ingest import plain

    pieces, pos = [], 0
    for line in lines:
        pieces.append((pos, line))
        pos += len(line) + (2 if gap else 1)
    block = plain._para(pieces, base, "paragraph", None)
    text_parts, smap = [], []
    for i, (start, line) in enumerate(pieces):  # the per-character path, as it was written
        stripped = line.rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        if i:
            text_parts.append(" ")
            smap.append(smap[-1] + 1 if smap else base + start)
        text_parts.append(stripped[lead:])
        smap.extend(range(base + start + lead, base + start + len(stripped)))
    assert block.text == "".join(text_parts)
    assert block.source_start == (smap[0] if smap else base)
    if len(pieces) > 1:
        assert list(block.source_map) == smap
