"""Merge-conflict markers (CLR006): a clash git wrote into a page is reported where it shows as copy, in every
format; markers that are not git's pair, or that sit in a script, are not."""

import pytest

from plainpitch.config import Config
from plainpitch.engine import analyze
from plainpitch.ingest import load_text

CLASH = ("<<<<<<< HEAD\nPlans from $49 a month.\n=======\nPlans from $39 a month.\n>>>>>>> new-prices\n")


def clr006(text, path, fmt):
    return [f for f in analyze(load_text(text, path, fmt), Config(medium="page")).findings if f.code == "CLR006"]


@pytest.mark.parametrize(("path", "fmt", "text"), [
    ("p.md", "markdown", "# Bookkeeping\n\n" + CLASH + "\n[CTA: Book a free call]\n"),
    ("p.html", "html", "<h1>Bookkeeping</h1>\n" + CLASH + "<a class='btn' href='/book'>Book a free call</a>\n"),
    ("p.txt", "text", "Bookkeeping for small shops\n\n" + CLASH),
])
def test_a_clash_is_reported_at_its_opening_marker_in_every_format(path, fmt, text):
    (finding,) = clr006(text, path, fmt)
    assert finding.text == "<<<<<<< HEAD" and finding.location.line == text.count("\n", 0, text.index("<<<")) + 1


def test_every_clash_is_counted_in_one_finding():
    (finding,) = clr006("# Bookkeeping\n\n" + CLASH + "\nWe answer within a day.\n\n" + CLASH, "p.md", "markdown")
    assert finding.data["count"] == 2 and "(2 places)" in finding.message and len(finding.data["uses"]) == 1


@pytest.mark.parametrize(("path", "fmt", "text"), [
    # an opening marker with no closing one after it, or the marks inside a line: not git's
    ("p.md", "markdown", "# Bookkeeping\n\n<<<<<<< HEAD\nPlans from $49 a month.\n"),
    ("p.md", "markdown", "# Shortcuts\n\nPress <<<<<<< to undo seven steps, >>>>>>> to redo them.\n"),
    # in a script the reader never sees as copy
    ("p.html", "html", "<p>Plans from $39 a month.</p><script>\n" + CLASH + "</script>"),
])
def test_marks_that_are_not_a_clash_in_the_copy_are_not_reported(path, fmt, text):
    assert clr006(text, path, fmt) == []


def test_from_source_finds_the_text_offset_of_a_source_offset():
    doc = load_text("# Title\n\nSome *plain* copy.\n", "p.md", "markdown")
    for i in range(len(doc.text)):
        assert doc.from_source(doc.to_source(i)) <= i
        assert doc.to_source(doc.from_source(doc.to_source(i))) == doc.to_source(i)
    assert doc.from_source(len(doc.source) + 5) == len(doc.text)
