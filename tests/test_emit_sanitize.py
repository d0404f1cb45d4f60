"""One sanitiser for every report a person reads: no terminal control, C0/C1 control or bidi override from the
copy or its file name reaches a text, HTML or Markdown report."""

import pytest

from plainpitch.config import Config
from plainpitch.emit import render, sanitize
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.model import InputError, Report

HOSTILE = "\x1b[2J\x1b]0;pwned\x07\u202e\u2066\x00\x85\x9b"
SOURCE = f"Perhaps {HOSTILE} this works for you.\nWe might maybe help.\n"
NAME = f"evil{HOSTILE}.txt"
UNSAFE = {c for c in HOSTILE if not c.isprintable()}


@pytest.fixture(scope="module")
def report():
    doc_report = analyze(load_text(SOURCE, NAME, "text"), Config(select=("TON",), profile="business"))
    assert doc_report.findings  # hedges are flagged: the hostile text is quoted in findings too
    return Report((doc_report,), (InputError(NAME, f"cannot read {HOSTILE}"),), "0.1.0")


@pytest.mark.parametrize("fmt", ["text", "html", "markdown"])
def test_no_control_or_bidi_character_reaches_a_report(report, fmt):
    out = render(report, fmt, color=False)
    assert not UNSAFE & set(out), [hex(ord(c)) for c in UNSAFE & set(out)]
    assert "\ufffd" in out  # replaced, not dropped: offsets stay put


def test_one_replacement_per_character_keeps_offsets():
    for clean in (sanitize.terminal, sanitize.multiline):
        assert len(clean(HOSTILE)) == len(HOSTILE)
    assert sanitize.multiline("a\tb\nc\r\n") == "a\tb\nc\r\n" and sanitize.terminal("a\tb\nc") == "a\tb\ufffdc"
    assert sanitize.html('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert sanitize.markdown("@ana | *x*\nnext") == "@\u200bana \\| \\*x\\* next"
