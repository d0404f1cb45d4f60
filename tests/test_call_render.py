"""Call reports as text, Markdown and HTML, and the timeline chart; transcript text is hostile input."""

import xml.etree.ElementTree as ET

import pytest

from plainpitch.call_review import analyze_call
from plainpitch.call_review import review_text
from plainpitch.emit.call import render_call, timeline_svg
from plainpitch.model import TimeRange, Turn
from plainpitch.text.segment import Block, build_document

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
    assert "TLK002 long-monologue" in out and "fix:" in out
    assert "moments to listen back to" in out and "features in a row" in out
    assert "\x1b[" not in out
    assert "\x1b[" in render_call(report, "text", color=True)


def test_markdown_report(report):
    out = render_call(report, "markdown")
    assert out.startswith("# plainpitch call report")
    assert "| Seller talk share |" in out and "### Findings" in out and "### Moments" in out


def test_html_report_has_the_timeline_and_escapes(report):
    out = render_call([report, report], "html")
    assert out.count("<svg") == 2 and out.startswith("<!doctype html>")
    assert "Moments" in out and "TLK002" in out


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
