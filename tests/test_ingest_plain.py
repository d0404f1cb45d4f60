"""Plain text: paragraphs, bullets, wrapped lines mapped back to the file, directives, and the dispatcher's choices."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import format_for, load_bytes, load_path, load_text
from plainpitch.ingest.errors import LoadError
from plainpitch.model import Span

DATA = Path(__file__).parent / "data" / "ingest"


def test_paragraphs_bullets_and_wrapped_lines():
    text = "First line wraps\n  onto a second line.\n\n- one bullet\n* another\n1. numbered\n\nLast."
    doc = load_text(text, "notes.txt")
    assert [(u.kind, doc.unit_text(u)) for u in doc.units] == [
        ("paragraph", "First line wraps onto a second line."),
        ("list_item", "one bullet"),
        ("list_item", "another"),
        ("list_item", "numbered"),
        ("paragraph", "Last."),
    ]
    for word in doc.words:
        s, e = doc.source_span(Span(word.start, word.end))
        assert doc.source[s:e] == word.text
    onto = next(w for w in doc.words if w.text == "onto")
    assert doc.line_col(doc.to_source(onto.start)) == (2, 3)


def test_latin1_page_maps_back():
    doc = load_path(DATA / "latin1_page.txt")
    assert doc.medium == "text" and len(doc.units) == 3
    for word in doc.words:
        s, e = doc.source_span(Span(word.start, word.end))
        assert doc.source[s:e] == word.text


def test_directive_line_in_plain_text():
    text = "This will hopefully help.\n\nplainpitch: ignore TON001\n\nThis will hopefully help.\n"
    report = analyze(load_text(text, "a.txt"), Config(select=("TON001",)))
    assert [f.location.line for f in report.findings] == [1]


@pytest.mark.parametrize("name,fmt", [("a.md", "markdown"), ("a.MARKDOWN", "markdown"), ("a.htm", "html"),
                                      ("a.eml", "email"), ("a.txt", "text"), ("README", "text"), ("a.xyz", None)])  # fmt: skip
def test_format_by_extension(name, fmt):
    assert format_for(name) == fmt


def test_unknown_extension_is_a_clear_error_and_stdin_is_sniffed():
    with pytest.raises(LoadError, match=r"unknown file type \.xyz; .*--input-format"):
        load_bytes(b"Some text.", "notes.xyz")
    assert load_bytes(b"<!doctype html><p>Hi there.</p>", "<stdin>").format == "html"
    assert load_bytes(b"# Title\n\nBody.", "<stdin>").format == "markdown"
    assert load_bytes(b"Just words.", "<stdin>").format == "text"
    assert load_bytes(b"Some text.", "notes.xyz", fmt="text").text == "Some text."
