"""Call reports as text, Markdown and HTML, and the timeline chart; transcript text is hostile input."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from plainpitch.call_review import analyze_call, review_text
from plainpitch.emit.call import render_call, timeline_svg
from plainpitch.model import TimeRange, Turn
from plainpitch.text.segment import Block, build_document

FIXTURES = Path(__file__).resolve().parent / "data" / "transcripts"

CALL = "\n".join([
    "[00:00:00] Ana: Thanks for joining. What does your month-end close look like today?",
    "[00:00:10] Ben: We export the ledger and fix it by hand for two weeks.",
    "[00:00:40] Ana: " + " ".join(["We have live dashboards, scheduled exports and audit logs."] * 15),
    "[00:03:10] Ben: Okay, what about pricing?",
    "[00:03:20] Ana: I'll send the proposal by Friday.",
])  # fmt: skip


@pytest.fixture(scope="module")
def report():
    return review_text(CALL, "call.txt", me=["Ana"])


def test_text_report(report):
    out = render_call(report, "text")
    assert "discovery call (inferred)" in out and "seller: Ana; buyer: Ben" in out
    assert "Seller talk share" in out and "target ≤ 65%" in out
    # a monologue that is all features is the feature dump's finding, not a second one on the same passage
    assert "TLK006 feature-dump" in out and "in a 2:17 monologue" in out and "TLK002" not in out and "fix:" in out
    assert "moments to listen back to" in out and "features in a row" in out
    assert "\x1b[" not in out
    assert "\x1b[" in render_call(report, "text", color=True)


def test_markdown_report(report):
    out = render_call(report, "markdown")
    assert out.startswith("# plainpitch call report")
    assert "| Seller talk share |" in out and "### Findings" in out and "### Moments" in out


@pytest.mark.slow
def test_html_report_has_the_timeline_and_escapes(report):
    out = render_call([report, report], "html")
    assert out.count("<svg") == 2 and out.startswith("<!doctype html>")
    assert "Moments" in out and "TLK006" in out


def test_timeline_svg_is_valid_xml_with_one_bar_per_turn_and_speaker_labels(report):
    svg = timeline_svg(report)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert ">Ana<" in svg and ">Ben<" in svg  # text kept as text, so labels are searchable and escaped
    assert "monologue over limit" in svg and "question" in svg


def hostile_report():
    lines = [("<script>alert(1)</script>", "Hello <img src=x onerror=alert(1)> what is your <b>stack</b> | *today*?"),
             ("Bob & 'Co' \"x\"", "What does CDC mean? </svg><script>x</script> | *bold* `code`")]  # fmt: skip
    source, blocks = "", []
    for i, (speaker, text) in enumerate(lines):
        blocks.append(Block("turn", text, len(source) + len(speaker) + 2,
                            turn=Turn(speaker, time=TimeRange(i * 10, i * 10 + 5), index=i, source_line=i + 1)))  # fmt: skip
        source += f"{speaker}: {text}\n"
    doc = build_document("<b>x</b>.txt", source, blocks, medium="call", meta={"has_times": True})
    return analyze_call(doc, me=["<script>alert(1)</script>"])


def test_hostile_text_is_escaped_everywhere():
    report = hostile_report()
    html = render_call(report, "html")
    for raw in ("<script>", "<img", "<b>", "</svg><script>"):
        assert raw not in html
    assert "&lt;script&gt;" in html
    ET.fromstring(timeline_svg(report))  # still well-formed XML with the hostile speaker name inside
    md = render_call(report, "markdown")
    assert "<script>" not in md and "<img" not in md and "\\|" in md


def test_terminal_controls_are_stripped_from_text_output():
    report = review_text("Ana: Hello \x1b[31mred\x1b[0m there, how is your team?\nBen: Fine.\n", "call.txt", me=["Ana"])
    out = render_call(report, "text")
    assert "\x1b" not in out


def test_unknown_format_is_refused(report):
    with pytest.raises(ValueError, match="text, markdown or html"):
        render_call(report, "pdf")


# -- a report a manager reads -------------------------------------------------------------------------------------
def long_call():
    lines = []
    clock = 0
    for _ in range(4):  # four monologues over two minutes, a buyer question between them
        lines.append(f"[00:{clock // 60:02d}:{clock % 60:02d}] Ana: " + " ".join(["Our platform reads every ledger for finance teams."] * 30))
        clock += 150
        lines.append(f"[00:{clock // 60:02d}:{clock % 60:02d}] Ben: Interesting, and how does that work with our ledger?")
        clock += 10
    lines.append(f"[00:{clock // 60:02d}:{clock % 60:02d}] Ana: Thanks for your time today.")
    return "\n".join(lines) + "\n"


def test_errors_first_and_one_finding_for_a_repeated_problem():
    report = review_text(long_call(), "call.txt", me=["Ana"])
    (tlk2,) = [f for f in report.findings if f.code == "TLK002"]  # four monologues, one habit: one finding
    assert tlk2.time == 0 and "(3 more over 2:00)" in tlk2.message  # the opening pitch, before the buyer spoke
    assert [a["clock"] for a in tlk2.data["also"]] == ["2:40", "5:20", "8:00"]  # the others, in its data
    assert {a["kind"] for a in tlk2.data["also"]} == {"answer"}
    out = render_call(report, "text")
    assert out.count("TLK002 long-monologue") == 1 and "×" not in out.split("TLK002")[1].split("\n")[0]
    assert out.index("error") < out.index("warning")  # TLK007 (error) before the warnings
    assert "at 0:00 (2:30, line 1); also at 2:40 (2:30, answer to a question)" in out
    for fmt in ("markdown", "html"):
        assert "also at 2:40 (2:30, answer to a question)" in render_call(report, fmt), fmt


def test_durations_are_m_ss_everywhere():
    report = review_text(long_call(), "call.txt", me=["Ana"])
    for fmt in ("text", "markdown", "html"):
        out = render_call(report, fmt)
        assert "2:30" in out, fmt
        assert " min " not in out and "120 s" not in out, fmt


def test_html_marks_off_target_values():
    report = review_text(long_call(), "call.txt", me=["Ana"])
    html = render_call(report, "html")
    assert "<td class=off>2:30" in html and "(off target)" in html
    md = render_call(report, "markdown")
    assert "✗" in md and "(off target)" in md
    assert "✗ off target" in render_call(report, "text")


def test_no_line_numbers_into_a_json_export():
    import json

    data = []
    for line in long_call().splitlines():
        stamp, rest = line[1:9], line[11:]
        speaker, text = rest.split(": ", 1)
        start = int(stamp[3:5]) * 60 + int(stamp[6:8])
        data.append({"speaker": speaker, "text": text, "startTime": start, "endTime": start + (150 if speaker == "Ana" else 9)})
    report = review_text(json.dumps({"id": "x", "data": data}, indent=1), "call.json", me=["Ana"])
    assert report.format == "json" and report.findings
    for fmt in ("text", "markdown", "html"):
        assert "line " not in render_call(report, fmt).split("moments")[0].split("Moments")[0], fmt


def test_moments_are_named_by_what_happened():
    report = review_text(long_call(), "call.txt", me=["Ana"])
    texts = [m["text"] for m in report.details["call"]["moments"] if m["kind"] == "monologue"]
    assert texts[0] == "2:30 opening pitch, before the buyer said what they need"
    assert texts[1].startswith("2:30 answer to “Interesting, and how does that work with our")
