"""The terminal report: one header line per finding, the source line with the span underlined, then the fix."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import pytest

from plainpitch.config import Config
from plainpitch.emit import render
from plainpitch.engine import analyze
from plainpitch.ingest import load_text
from plainpitch.model import Metric, Report, Suggestion
from plainpitch.runner import Runner

ONLY_HEDGES = Config(select=("TON001",))
ANSI = re.compile(r"\x1b\[")
HEADER = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]{3}\d{3}) (?P<name>[a-z0-9-]+) "
                    r"\[(?P<severity>suggestion|warning|error)\] (?P<message>.+)$")  # fmt: skip


def _report(source: str, name: str = "pitch.txt", config: Config = ONLY_HEDGES) -> Report:
    return Report((analyze(load_text(source, name, "text"), config),), (), "0.1.0")


def _blocks(out: str) -> list[tuple[re.Match, str, str]]:
    """(header match, source excerpt, underline) for every finding in the output."""
    lines = out.split("\n")
    found = []
    for i, line in enumerate(lines):
        m = HEADER.match(line)
        if m:
            excerpt = lines[i + 1].split(" | ", 1)[1]
            underline = lines[i + 2].split("| ", 1)[1]
            found.append((m, excerpt, underline))
    return found


def _under(excerpt: str, underline: str) -> str:
    """The excerpt text that the ^~~~ marks sit under (both are laid out in terminal cells)."""
    start = underline.index("^")
    end = len(underline.split(" (to line")[0].rstrip())
    return excerpt[start:end]


def test_each_finding_has_a_header_the_source_line_and_an_exact_underline():
    source = "Subject: Faster builds\n\nThis will hopefully cut your build times.\n\nPerhaps we think it is fast.\n"
    out = render(_report(source), "text", color=False, full=True)
    assert not ANSI.search(out)
    blocks = _blocks(out)
    assert [(m["line"], m["col"], m["code"], m["severity"]) for m, _, _ in blocks] == [
        ("3", "11", "TON001", "suggestion"), ("5", "1", "TON001", "suggestion"), ("5", "9", "TON001", "suggestion")]  # fmt: skip
    assert [_under(e, u) for _, e, u in blocks] == ["hopefully", "Perhaps", "we think"]
    assert blocks[0][1] == "This will hopefully cut your build times."
    assert blocks[0][2].strip() == "^~~~~~~~~"
    assert "fix: State the claim plainly" in out
    assert out.rstrip().endswith("3 findings in 1 file: 0 errors, 0 warnings, 3 suggestions")


def test_tabs_wide_characters_and_long_lines_keep_the_underline_aligned():
    long_line = "Our platform " + "does many useful things for you, " * 8 + "and it will hopefully scale. " + "More words. " * 10
    source = "\tPerhaps 日本語のテキスト we think so.\n\n" + long_line + "\n"
    blocks = _blocks(render(_report(source), "text", color=False, full=True))
    assert len(blocks) == 3
    for m, excerpt, underline in blocks:
        assert "\t" not in excerpt  # tabs are expanded, so both lines agree on where text sits
        # lay the excerpt out in terminal cells: a CJK character takes two
        cells = "".join(c + ("\0" if unicodedata.east_asian_width(c) in "WF" else "") for c in excerpt)
        assert _under(cells, underline) == re.match(r"'(.+?)'", m["message"]).group(1)
    hopeful = blocks[2][1]
    assert hopeful.startswith("…") and hopeful.endswith("…") and len(hopeful) <= 102  # cut around the span


def test_suggestions_multi_line_spans_time_and_empty_spans():
    d = _report("We think this will hopefully\nwork on every runner.\n").documents[0]
    first, second = d.findings
    wrapped = replace(first, suggestions=(Suggestion("We know"), Suggestion("")), time=75.0)
    across = replace(second, location=replace(second.location, end_line=2, end_column=5))
    empty = replace(second, location=replace(second.location, end=second.location.start, end_column=second.location.column))
    out = render(Report((replace(d, findings=(wrapped, across, empty)),), (), "0.1.0"), "text", color=False, full=True)
    assert "→ use: We know | (delete it)" in out
    assert "(at 1:15)" in out
    assert "(to line 2)" in out
    blocks = _blocks(out)
    assert _under(blocks[1][1], blocks[1][2]) == "hopefully"  # to the end of the first line
    assert blocks[2][2].strip() == "^"


def test_statistics_count_per_rule_sorted_by_count(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("Perhaps. Perhaps. We think so.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Hopefully.\n", encoding="utf-8")
    report = Runner(ONLY_HEDGES).run([str(a), str(b)])
    out = render(report, "text", statistics=True, color=False)
    assert not HEADER.search(out.split("\n")[0])  # counts, not findings
    assert re.match(r"^4\s+TON001\s+hedge-word\s+\[suggestion\]$", out.split("\n")[0])
    assert "4 findings in 2 files" in out


def test_score_metrics_and_notes_are_summarised_per_file():
    d = _report("This will hopefully cut your build times. Perhaps.\n").documents[0]
    metrics = (Metric("copy.syllables_per_word", 1.5, "syllables per word"), Metric("copy.words", 9, "Words", "words"),
               Metric("copy.grade", 7.456, "reading grade", "grade", note="the mean of five formulas"))  # fmt: skip
    d = replace(d, metrics=metrics, notes=("the copy is short",))
    out = render(Report((d,), (), "0.1.0"), "text", color=False, full=True)
    assert re.search(r"score \d+(\.\d)?/100 +\(substance [\d.]+ · ask [\d.]+ · proof [\d.]+ · buyer focus [\d.]+ · clarity [\d.]+ · "
                     r"jargon [\d.]+\)", out)
    assert "clarity: TON001 hedge-word ×2" in out
    # key metrics first, units not repeated, the rest left to the JSON report
    assert "metrics: reading grade: 7.46 · Words: 9  (+1 in --format json)" in out
    assert "reading grade: the mean of five formulas" in out
    assert "note: the copy is short" in out
    assert "score" not in render(Report((d,), (), "0.1.0"), "text", score=False, color=False, full=True)


def test_color_uses_ansi_and_plain_does_not():
    report = _report("This will hopefully work.\n")
    colored = render(report, "text", color=True)
    plain = render(report, "text", color=False, full=True)
    assert ANSI.search(colored)
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == plain  # same layout, colour only


@pytest.mark.parametrize("color", [True, False])
def test_escape_sequences_in_the_copy_cannot_drive_the_terminal(color):
    report = _report("Perhaps \x1b]0;pwned\x07 \x1b[2J this \u202eworks.\n", "evil\x1b[31m.txt")
    out = render(report, "text", color=color)
    assert "\x1b]0" not in out and "\x1b[2J" not in out and "\x1b[31m.txt" not in out and "\u202e" not in out


def test_files_without_findings_and_input_errors(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("Your builds finish in half the time.\n", encoding="utf-8")
    report = Runner(ONLY_HEDGES).run([str(clean), str(tmp_path / "missing.txt")])
    out = render(report, "text", color=False, full=True)
    assert "no findings" in out
    assert "missing.txt" not in out  # the CLI prints errors to stderr, not the renderer
    assert "1 input not checked" in out


def test_a_report_without_its_document_still_lists_findings():
    d = replace(_report("This will hopefully work.\n").documents[0], document=None)
    out = render(Report((d,), (), "0.1.0"), "text", color=False, full=True)
    assert HEADER.search(out.split("\n")[2])  # after the file line and the reader line
    assert " | " not in out  # no source line to show


def test_suggestions_of_one_rule_are_grouped_and_the_top_fixes_come_first():
    source = "Subject: Faster builds\n\nThis will hopefully cut your build times.\n\nPerhaps it is somewhat faster.\n"
    out = render(_report(source), "text", color=False)
    assert re.search(r"^pitch\.txt: TON001 hedge-word ×\d+ \[suggestion\] lines 3, 5", out, re.M)
    assert not re.search(r"^pitch\.txt:\d+:\d+: TON001", out, re.M)  # no finding printed twice
    assert "  Fix first:" in out and out.index("Fix first") < out.index("TON001 hedge-word ×")
