"""analyze_call end to end: real transcripts in every format, the details["call"] data, jargon on seller turns
only, and bad input (empty, one speaker, no times, overlapping or out-of-order times, past 24 h, large, unknown)."""

import io
import json
from pathlib import Path

import pytest

from plainpitch.call_review import analyze_call, review_bytes, review_text
from plainpitch.emit.json_report import report_dict
from plainpitch.ingest.errors import LoadError
from plainpitch.ingest.transcript import load_transcript
from plainpitch.model import Report

FIXTURES = Path(__file__).resolve().parent / "data" / "transcripts"
FIXTURE_FILES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".vtt", ".srt", ".txt", ".json", ".md") and p.name != "README.md")
DETAILS_KEYS = {
    "version", "type", "type_source", "type_reason", "has_times", "duration_s", "roles", "thresholds", "turns",
    "questions", "asks", "next_steps", "monologues", "longest_story", "feature_dumps", "terms_asked", "early_price",
    "topics", "jargon", "moments", "notes", "times", "mixed_speakers", "objections", "buying_signals",
    "absent_deciders", "loose_next_steps",
}  # fmt: skip


def check_report(report):
    call = report.details["call"]
    assert set(call) == DETAILS_KEYS
    assert call["version"] == "1.2"
    assert len(call["turns"]) == len(report.document.units)
    for t in call["turns"]:
        assert t["role"] in ("seller", "buyer") and t["end"] >= t["start"] >= 0
    names = {m.name for m in report.metrics}
    assert {"call.talk_share.seller", "call.longest_monologue_s.seller", "call.interactivity",
            "call.questions.seller", "call.jargon_per_100.seller", "call.type"} <= names  # fmt: skip
    json.dumps(report_dict(Report((report,))))  # the wire format takes it as is
    return call


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_fixture_format(path):
    doc = load_transcript(path)
    seller = doc.meta["speakers"][0]  # Dana Reyes, or the ASR label ("A", "SPEAKER_00") of whoever speaks first
    report = analyze_call(doc, me=[seller])
    call = check_report(report)
    assert call["roles"]["sellers"] == [seller] and call["roles"]["source"] == "me"
    if len(doc.meta["speakers"]) > 1:
        assert {m.name: m.value for m in report.metrics}["call.talk_share.seller"] is not None


def test_the_same_call_in_every_format_gives_the_same_questions():
    counts = {}
    for path in FIXTURE_FILES:
        if path.name in ("zoom_chat.txt", "whisper.json"):  # chat lines / no speakers: a different call shape
            continue
        doc = load_transcript(path)
        report = analyze_call(doc, me=[doc.meta["speakers"][0]])
        m = {x.name: x.value for x in report.metrics}
        counts[path.name] = (m["call.discovery_questions.seller"], m["call.next_steps"])
    assert len(set(counts.values())) == 1, counts
    questions, next_steps = next(iter(counts.values()))
    assert questions >= 2 and next_steps >= 1


def test_a_teams_docx_through_the_api():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for i, (speaker, text) in enumerate([("Dana Reyes", "How do approvals work today?"),
                                         ("Sam Okafor", "Finance chases managers by email for nine days."),
                                         ("Dana Reyes", "I'll send a proposal by Friday.")]):  # fmt: skip
        document.add_paragraph(f"0:0:{i * 10}.0 --> 0:0:{i * 10 + 8}.0")
        document.add_paragraph(speaker)
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    report = review_bytes(buf.getvalue(), "call.docx", me=["Dana"])
    call = check_report(report)
    assert call["has_times"] and [q["text"] for q in call["questions"]] == ["How do approvals work today?"]
    assert call["next_steps"][0]["when"] == "Friday"


SHARED_FORMATS = ["derived_from_ami/IS1008a.srt", "derived_from_ami/IS1008a_otter_style.txt",
                  "derived_from_ami/IS1008a_teams_style.vtt", "derived_from_ami/IS1008a_zoom_style.vtt",
                  "zoomstudentengagement/computer_science_101_week1.vtt", "webvtt-py/teams_timeframe.vtt"]  # fmt: skip


@pytest.mark.parametrize("name", SHARED_FORMATS)
def test_real_shared_transcripts(shared, name):
    report = analyze_call(load_transcript(shared / "transcripts" / "formats" / name))
    call = check_report(report)
    assert any("roles guessed" in n for n in call["notes"])


def test_one_meeting_rendered_in_four_formats_gives_the_same_talk_share(shared):
    base = shared / "transcripts" / "formats" / "derived_from_ami"
    shares = {}
    for name in ("IS1008a.srt", "IS1008a_otter_style.txt", "IS1008a_teams_style.vtt", "IS1008a_zoom_style.vtt"):
        m = {x.name: x.value for x in analyze_call(load_transcript(base / name), me=["Marketing"]).metrics}
        shares[name] = m["call.talk_share.seller"]
    assert max(shares.values()) - min(shares.values()) < 1.0, shares


def test_jargon_counts_only_on_the_sellers_turns():
    text = ("Ana: Thanks for the time. What slows your month-end close today?\n"
            "Ben: Our CDC feed into the OLAP warehouse keeps failing, and the OLAP jobs run all night.\n"
            "Ana: That sounds painful. Who fixes it when it breaks?\n"
            "Ben: Me, mostly, at night. The CDC logs are the only clue.\n")  # fmt: skip
    report = review_text(text, "call.txt", me=["Ana"])
    assert not [f for f in report.findings if f.code.startswith("JRG")], "buyer jargon is not the seller's"
    assert {m.name: m.value for m in report.metrics}["call.jargon_per_100.seller"] == 0
    seller_jargon = review_text(text, "call.txt", me=["Ben"])
    jrg = [f for f in seller_jargon.findings if f.code.startswith("JRG")]
    assert jrg and all(f.turn in (1, 3) for f in jrg)
    assert seller_jargon.details["call"]["jargon"]


def test_a_buyer_asking_what_a_term_means_flags_the_sellers_use():
    text = ("Ana: Thanks for joining. We stream every change with CDC into your warehouse.\n"
            "Ben: Sorry, what does CDC mean?\n"
            "Ana: Change data capture: every change shows up in your reports within a minute.\n"
            "Ben: Got it, thanks.\n")  # fmt: skip
    report = review_text(text, "call.txt", me=["Ana"])
    tlk9 = [f for f in report.findings if f.code == "TLK009"]
    assert [f.text for f in tlk9] == ["CDC"] and tlk9[0].turn == 0
    assert report.details["call"]["terms_asked"][0]["asked_turn"] == 1


def test_moments_read_like_the_issue_asks():
    text = "\n".join([
        "[00:00:00] Ana: Thanks for joining today.",
        "[00:00:05] Ben: Sure.",
        "[00:00:08] Ana: " + " ".join(["Our architecture streams every change from the source into the warehouse."] * 14),
        "[00:02:50] Ben: Okay, what about security?",
        "[00:03:00] Ana: I'll send the security review by Friday.",
    ])  # fmt: skip
    report = review_text(text, "call.txt", me=["Ana"])
    moments = report.details["call"]["moments"]
    mono = [m for m in moments if m["kind"] == "monologue"]
    assert mono and mono[0]["clock"] == "0:00" and mono[0]["text"] == "2:44 opening pitch, before the buyer said what they need"
    assert any(m["kind"] == "next_step" and m["clock"] == "3:00" for m in moments)


# -- bad input --------------------------------------------------------------------------------------------------------
def test_empty_transcript_is_a_one_line_error():
    with pytest.raises(LoadError, match="empty"):
        review_text("", "call.txt")
    with pytest.raises(LoadError, match="empty"):
        review_bytes(b"  \n", "call.vtt")


def test_unknown_format_is_a_one_line_error_naming_the_file():
    with pytest.raises(LoadError) as err:
        review_text("just some prose with no speakers at all\nand another line of it", "notes.md")
    assert "notes.md" in str(err.value) and "\n" not in str(err.value)


def test_no_timestamps_is_a_sane_result_with_a_note():
    report = review_text((FIXTURES / "lines_plain.txt").read_text(encoding="utf-8"), "call.txt", me=["Dana Reyes"])
    call = check_report(report)
    assert not call["has_times"] and call["times"] == "none" and any("no timestamps" in n for n in call["notes"])


def test_overlapping_and_out_of_order_times_load_with_a_note():
    vtt = ("WEBVTT\n\n00:00:10.000 --> 00:00:20.000\n<v Ana>What does your team use today?\n\n"
           "00:00:15.000 --> 00:00:25.000\n<v Ben>Spreadsheets, mostly, and a lot of email.\n\n"
           "00:00:05.000 --> 00:00:08.000\n<v Ana>Sorry, I missed that. Who owns them?\n\n"
           "00:00:30.000 --> 00:00:40.000\n<v Ben>Finance owns them, and the controller signs off.\n")  # fmt: skip
    report = review_text(vtt, "call.vtt", me=["Ana"])
    check_report(report)
    notes = report.details["call"]["notes"]
    assert any("overlap" in n for n in notes) and any("before the one above" in n for n in notes)
    m = {x.name: x.value for x in report.metrics}
    assert 0 <= m["call.talk_share.seller"] <= 100 and m["call.patience_s.seller"] >= 0


def test_times_past_24_hours():
    vtt = ("WEBVTT\n\n25:00:00.000 --> 25:00:05.000\n<v Ana>What does your team use today?\n\n"
           "25:00:06.000 --> 25:00:12.000\n<v Ben>Spreadsheets and email.\n")  # fmt: skip
    call = check_report(review_text(vtt, "call.vtt", me=["Ana"]))
    assert call["turns"][0]["start"] == 90000 and call["duration_s"] == 12


@pytest.mark.slow
def test_a_large_transcript_is_analysed(shared):
    rows = [json.loads(line) for line in (shared / "transcripts" / "ami" / "turns.dev.jsonl").open(encoding="utf-8")]
    lines = [f"{'Ana' if i % 2 == 0 else 'Ben'}: {r['text']}" for i, r in enumerate(rows[:6000])]
    text = "\n".join(lines)
    assert len(text) > 300_000
    report = review_text(text, "big.txt", me=["Ana"])
    call = check_report(report)
    assert len(call["turns"]) > 1000
