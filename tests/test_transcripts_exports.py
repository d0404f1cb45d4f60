"""The exports founders have: Granola and Fireflies-style Markdown, Google Meet documents, tl;dv and Fireflies JSON.

Fixtures follow each export's documented layout (tests/data/transcripts/README.md); the two real Granola exports in
../shared/data/judged/calls/ (public founder calls, see their SOURCES.md) are read as they are.
"""

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from plainpitch.call_review import analyze_call, review_bytes, review_path, review_text
from plainpitch.cli import main
from plainpitch.ingest import load_bytes, load_path, load_text
from plainpitch.ingest.errors import LoadError
from plainpitch.ingest.transcript import detect_format, load_transcript

FIXTURES = Path(__file__).resolve().parent / "data" / "transcripts"
CALL = ["Dana Reyes", "Sam Okafor", "Dana Reyes", "Sam Okafor", "Dana Reyes", "Sam Okafor", "Dana Reyes", "Sam Okafor"]


@pytest.mark.parametrize(
    "name,fmt,times",
    [("granola_export.md", "granola", "start-only"), ("fireflies_style.md", "granola", "start-only"),
     ("google_meet.txt", "meet", "sparse"), ("tldv.json", "json", "measured"), ("fireflies.json", "json", "measured")],
)  # fmt: skip
def test_each_export_reads_as_the_same_call(name, fmt, times):
    doc = load_transcript(FIXTURES / name)
    assert doc.format == fmt and doc.meta["times"] == times
    assert [u.turn.speaker for u in doc.units] == CALL
    assert doc.text.startswith("Thanks for making time today, Sam.")
    assert "Summary" not in doc.text and "Action items" not in doc.text and "Attendees" not in doc.text
    report = analyze_call(doc, me=["Dana"])
    metrics = {m.name: m.value for m in report.metrics}
    assert metrics["call.discovery_questions.seller"] == 2 and metrics["call.next_steps"] == 1
    assert 90 <= metrics["call.duration_s"] <= 100


def test_markdown_offsets_point_into_the_file():
    doc = load_transcript(FIXTURES / "fireflies_style.md")
    source = (FIXTURES / "fireflies_style.md").read_text(encoding="utf-8")
    for unit in doc.units:
        text = doc.text[unit.start : unit.end]
        first = text.split()[0]
        assert source[doc.to_source(unit.start) :].startswith(first)
    # the label "**Dana Reyes** (00:45): ..." and its next line form one turn, mapped line by line
    fifth = doc.units[4]
    assert "Slack. Most teams" in doc.text[fifth.start : fifth.end]


def test_granola_you_is_the_seller_and_guest_holding_several_people_is_reported(shared):
    report = review_path(str(shared / "data" / "judged" / "calls" / "innvest-poc-driftwood.granola.md"))
    call = report.details["call"]
    assert call["roles"]["sellers"] == ["You"] and call["roles"]["source"] == "export"
    assert call["mixed_speakers"] == ["Guest"]
    assert any("'Guest' seems to hold several people" in n for n in call["notes"])
    assert call["times"] == "start-only"
    patience = next(m for m in report.metrics if m.name == "call.patience_s.seller")
    assert patience.value is None and "start" in patience.note


def test_me_still_decides_over_the_exports_you(shared):
    report = review_path(str(shared / "data" / "judged" / "calls" / "innvest-poc-driftwood.granola.md"), me=["Guest"])
    assert report.details["call"]["roles"]["sellers"] == ["Guest"]


@pytest.mark.slow
def test_one_person_per_label_is_not_reported_as_several(shared):
    for name in ("ES2002a_teams_style.vtt", "IS1008a.srt", "TS3003c_otter_style.txt"):
        report = review_path(str(shared / "transcripts" / "formats" / "derived_from_ami" / name))
        assert report.details["call"]["mixed_speakers"] == [], name


def test_google_meet_docx():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in (FIXTURES / "google_meet.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    report = review_bytes(buf.getvalue(), "Invoice approvals - Transcript.docx", me=["Dana"])
    assert report.document.format == "docx"
    assert [u.turn.speaker for u in report.document.units] == CALL


def test_a_markdown_page_with_bold_labels_is_not_a_transcript():
    page = ("# Acme\n\n**Reports:** one click, every Friday.\n\n**Approvals:** in Slack, in a day.\n\n"
            "**Audit:** every change kept.\n\n**Support:** a person answers in an hour.\n\n"
            "Start your free trial today. No card needed, and you can cancel any time you like.\n")  # fmt: skip
    with pytest.raises(LoadError, match="not a transcript format"):
        review_text(page, "faq.md")


def test_a_services_page_with_repeated_bold_fact_labels_is_copy_not_a_call():
    # each offer lists "Who it is for:" and "What you get:" again: labels that recur, as speakers do, but are phrases
    offer = ("## {0}\n\nWe take on cases that exceed standard tooling and write up what we find.\n\n"
             "- **Who it is for:** investigators and compliance teams.\n"
             "- **What you get:** a written report with figures.\n\n[Contact us]\n\n")  # fmt: skip
    page = "# Services\n\n" + "".join(offer.format(name) for name in ("Analytics", "Training", "Recovery"))
    doc = load_text(page, "services.md")
    assert "Who it is for" in doc.text
    with pytest.raises(LoadError, match="not a transcript format"):
        review_text(page, "services.md")


def test_check_points_a_markdown_transcript_at_call_review():
    with pytest.raises(LoadError, match="call review"):
        load_path(FIXTURES / "granola_export.md")
    result = CliRunner().invoke(main, ["check", str(FIXTURES / "granola_export.md")])
    assert result.exit_code == 2 and "plainpitch call review" in result.output


def test_call_review_reads_a_folder_of_exports(tmp_path):
    for name in ("granola_export.md", "google_meet.txt", "tldv.json"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    result = CliRunner().invoke(main, ["call", "compare", str(tmp_path), "--me", "Dana", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.count("\n") == 4


def test_detection_is_by_content_whatever_the_name():
    text = (FIXTURES / "granola_export.md").read_text(encoding="utf-8")
    assert detect_format(text, "notes.txt") == "granola"
    assert detect_format(text, "pasted transcript.txt") == "granola"
    meet = (FIXTURES / "google_meet.txt").read_text(encoding="utf-8")
    assert detect_format(meet, "call.md") == "meet"


def test_a_case_study_quoting_one_customer_in_bold_is_copy_not_a_call():
    quote = ('<div class="quote">\n\n*We could finally answer the audit in a day, not a month.*\n\n**Gabe Chan**\n\n'
             "Staff IT Engineer, Abridge\n</div>\n\n")  # fmt: skip
    prose = "Abridge had grown to 400 devices and planned to double. The old tool could not keep up.\n\n"
    text = "# How Abridge onboards in 10 minutes\n\n## The challenge\n\n" + (prose + quote) * 4
    doc = load_bytes(text.encode(), "abridge.md")  # as check reads a file (load_text trusts the caller's format)
    assert doc.format == "markdown" and "Gabe Chan" in doc.text
    two = text.replace("**Gabe Chan**\n\nStaff IT Engineer, Abridge", "**Dana:** How long did it take?\n\n**Gabe Chan:** A day.", 2)
    assert detect_format(two + "**Dana:** And now?\n\n**Gabe Chan:** Ten minutes.\n", "call.md") == "granola"


def test_email_templates_under_bold_labels_are_copy_not_a_call():
    template = ("## Template {n}\n\n**Subject Line:** Quick question about [Restaurant Name]\n\n**Email Body:**\n\n"
                "Hi [First Name],\n\nWe cut scheduling time by 75% for a restaurant near you. Open to a short call?\n\n"
                "Best,\n[Your Name]\n\n")  # fmt: skip
    text = "# Email templates\n\n" + "".join(template.replace("{n}", str(n)) for n in range(1, 4))
    doc = load_bytes(text.encode(), "outreach.md")
    assert doc.format == "markdown" and "Open to a short call?" in doc.text


def test_copy_blocks_under_section_headings_that_reuse_header_and_body_are_copy():
    text = ("# Landing page copy\n\n## Section 1: Hero\n\n### Headline (H1)\n\n```\nStop bad trades first.\n```\n\n"
            "### Sub-headline\n\nPre-trade gates and prop firm protection.\n\n### CTA Button\n\n```\nGet access\n```\n\n"
            "### Micro-copy below button\n\nOne-time payment.\n\n## Section 2: Problem\n\n### Header\n\nWhy traders lose\n\n"
            "### Body\n\nMost accounts blow up on one bad day. Our gate stops the trade.\n\n## Section 3: Proof\n\n"
            "### Header\n\nBuilt by a trader\n\n### Body\n\nI blew three accounts before I built it.\n\n### Stat\n\n"
            "3 accounts saved\n\n## Section 4: Pricing\n\n### Header\n\nOne price\n\n### Body\n\n$49 once.\n")  # fmt: skip
    doc = load_bytes(text.encode(), "copy.md")
    assert doc.format == "markdown" and "Our gate stops the trade." in doc.text
    call = "# Call with Acme\n\n" + "".join(f"## Ana\n\nHow do you close the month?\n\n## Ben\n\nBy hand, {n} days.\n\n"
                                             for n in range(3))  # fmt: skip
    assert detect_format(call, "call.md") == "granola"  # name headings that are the document's headings: a call


def test_a_copy_decks_fields_under_section_after_section_are_copy_not_a_call():
    block = ("## Email {n}: Day {n}\n\n**Purpose:** Bring them back\n\n**Subject Lines:**\n- We miss you\n- Still there?\n\n"
             "**Copy:** We saved your projects. Pick up where you left off.\n\n")  # fmt: skip
    text = "# Win-back sequence\n\n" + "".join(block.replace("{n}", str(n)) for n in range(1, 4))
    doc = load_bytes(text.encode(), "sequence.md")
    assert doc.format == "markdown" and "Pick up where you left off." in doc.text
    # the same labels read as turns when nothing sections them: what the section headings decide
    turns = "# Win-back sequence\n\n" + "".join(block.split("\n\n", 1)[1] for _ in range(3))
    assert detect_format(turns, "call.md") == "granola"
    # a call's notes and one chapter heading among its turns keep it a call
    call = ("# Call with Acme\n\n## Summary\n\nAna asked about month-end.\n\n## Transcript\n\n**Ana:** How do you close "
            "the month?\n\n**Ben:** By hand.\n\n## Chapter 2\n\n**Ana:** How long?\n\n**Ben:** Five days.\n")  # fmt: skip
    assert detect_format(call, "call.md") == "granola"
