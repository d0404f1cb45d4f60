"""The Markdown loader parses a long file one top-level block at a time (ingest.markdown._stream_blocks): the
tokens must be exactly markdown-it's own block parse, for every construct whose blocks span blank lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainpitch.ingest import markdown

ROOT = Path(__file__).resolve().parents[1]

CASES = {
    "loose list": "- one\n\n- two\n\n  more of two\n\n- three\n\nAfter the list.\n",
    "nested list and quote": "1. first\n   - inner\n\n     inner para\n2. second\n\n> quote\n>\n> - in quote\n\ntail\n",
    "fence with blank lines": "Text.\n\n```python\nx = 1\n\n\ny = 2\n```\n\nAfter.\n",
    "unclosed fence": "Intro.\n\n```\ncode to the end\n\nstill code\n",
    "html block": "<div>\n<p>Hi</p>\n\n</div>\n\n<!-- plainpitch: ignore JRG001 -->\nNext para.\n",
    "table": "| a | b |\n|---|---|\n| 1 | 2 |\n\n| c |\n|---|\n| 3 |\n",
    "setext and lazy": "Title\n=====\n\nA paragraph\nlazy line\n\n> quote\nlazy\n\n    indented code\n\n    more code\n",
    "front matter": "---\ntitle: Hello\n---\n\n# Head\n\nBody.\n",
    "tight list after para": "Para\n- a\n- b\n\n* c\n\n* d\n",
    "empty": "",
    "blank only": "\n\n   \n",
    "crlf and nul": "# A\r\n\r\nText\x00 here\r\n- x\r\n",
}


def _whole(text: str) -> list:
    return markdown._block_parser().parse(text, {})


def _streamed(text: str) -> list:
    return list(markdown._stream_blocks(markdown._block_parser(), text, {}))


@pytest.mark.parametrize("name", sorted(CASES))
def test_streamed_tokens_are_markdown_its(name: str) -> None:
    text = CASES[name]
    assert _streamed(text) == _whole(text)


def test_streamed_tokens_of_real_files(shared: Path) -> None:
    files = [ROOT / "examples" / "landing-page.md", *sorted((ROOT / "tests" / "data").rglob("*.md"))]
    files += sorted((shared / "corpus").rglob("*.md"))
    checked = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        whole = _whole(text)
        assert _streamed(text) == whole, path
        checked += bool(whole)
    assert checked >= 50


def test_a_reference_definition_is_parsed_whole() -> None:
    """A link may point at a definition further down: the file is parsed whole, so the link is a link."""
    doc = markdown.load("Read [the guide][g] first.\n\n" + "Filler paragraph.\n\n" * 3 + "[g]: https://x.dev\n", "a.md")
    unit = doc.units[0]
    assert [link["href"] for link in unit.attrs.get("links", [])] == ["https://x.dev"]
