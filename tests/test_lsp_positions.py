"""plainpitch locations <-> LSP positions: UTF-16 (and UTF-8, UTF-32) code units, LSP's three line endings only,
a byte-order mark the analysed text does not have; and user text that cannot smuggle Markdown into a hover."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("lsprotocol")

from plainpitch.config import Config  # noqa: E402
from plainpitch.engine import analyze  # noqa: E402
from plainpitch.ingest import load_text  # noqa: E402
from plainpitch.lsp.features import md  # noqa: E402
from plainpitch.lsp.positions import Positions, split_lines, units  # noqa: E402


def test_code_units_per_encoding():
    text = "aé日😀"  # 1, 2, 3 and 4 UTF-8 bytes; the emoji is two UTF-16 units
    assert units(text, "utf-16") == 5
    assert units(text, "utf-8") == 10
    assert units(text, "utf-32") == 4


def test_only_lsp_line_endings_split_lines():
    assert split_lines("a\r\nb\rc\nd\u2028e\x0cf\x85g") == ["a", "b", "c", "d\u2028e\x0cf\x85g"]


def test_columns_after_astral_characters_count_two_utf16_units():
    positions = Positions("😀😀 hopefully\n")
    assert positions.to_lsp(1, 4) == (0, 5)  # code-point column 4 ('h' after two emoji and a space)
    assert positions.from_lsp(0, 5) == (1, 4)
    assert positions.from_lsp(0, 1) == (1, 1)  # inside a surrogate pair: the emoji it belongs to


def test_a_byte_order_mark_shifts_the_first_line_only():
    positions = Positions("\ufeffWe hopefully\nhopefully\n")
    assert positions.to_lsp(1, 4) == (0, 4)  # the analysed text starts after the BOM
    assert positions.to_lsp(2, 1) == (1, 0)
    assert positions.from_lsp(0, 4) == (1, 4)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_every_column_round_trips(encoding):
    text = "\ufeffCafé 🚀 日本語\r\nnaïve 👩‍💻 teams\rend\n"
    positions = Positions(text, encoding)
    for row, line in enumerate(split_lines(text)):
        shown = len(line) - (1 if row == 0 else 0)
        for column in range(1, shown + 2):
            assert positions.from_lsp(*positions.to_lsp(row + 1, column)) == (row + 1, column)


def test_findings_map_onto_the_editor_buffer_exactly():
    """Every finding's range, converted to UTF-16 positions and sliced out of the buffer the editor holds (BOM and
    CRLF included), is the source text plainpitch flagged."""
    buffer = "\ufeff# Café 🚀 our K8s-native CDC pipeline\r\n\r\n日本語 👩‍💻 We leverage gRPC. It will hopefully help.\r\n"
    report = analyze(load_text(buffer, "a.md"), Config(all=True))
    assert len(report.findings) >= 5
    positions = Positions(buffer)
    lines = split_lines(buffer)
    for f in report.findings:
        (r0, c0), (r1, c1) = positions.to_lsp(f.location.line, f.location.column), positions.to_lsp(f.location.end_line, f.location.end_column)
        if r0 != r1:
            continue
        unit_line = lines[r0].encode("utf-16-le")
        seen = unit_line[c0 * 2 : c1 * 2].decode("utf-16-le")
        assert seen == report.document.source[f.location.start : f.location.end], f.code


def test_markdown_from_user_text_is_inert():
    hostile = "[click](https://evil.example) ![x](https://tracker.example/p.png) <img src=x> `code` **b** \x1b[2J"
    out = md(hostile)
    assert re.search(r"(?<!\\)[\[\]()<>`*!]", out) is None  # every Markdown or HTML marker is escaped
    assert "\x1b" not in out
    assert out.replace("\\", "").startswith("[click](https://evil")  # the words stay readable
