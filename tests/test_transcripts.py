"""Transcript loaders on files written to each published format (tests/data/transcripts, .docx built here)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from plainpitch.ingest import TRANSCRIPT_FORMATS
from plainpitch.ingest.errors import LoadError
from plainpitch.ingest.transcript import (
    FORMATS,
    detect_format,
    load_transcript,
    load_transcript_bytes,
    load_transcript_text,
)

DATA = Path(__file__).parent / "data" / "transcripts"

# The call every fixture holds: speakers by turn and the turns' words.
SELLER, BUYER = "Dana Reyes", "Sam Okafor"
TURNS = [
    (SELLER, "Thanks for making time today, Sam. How are you handling invoice approvals right now?"),
    (BUYER, "Honestly, it's a mess. Finance chases managers over email, and approvals take about nine days."),
    (SELLER, "Nine days is a long time. What does that delay cost you each month?"),
    (BUYER, "We lose early-payment discounts, roughly 2% on €40,000 a month."),
    (
        SELLER,
        "Our tool routes each invoice to the right approver in Slack. Most teams approve in one day. Would that help?",
    ),
    (BUYER, "It would, if it works with NetSuite & our audit rules."),
    (SELLER, "It does. Can we book a 30-minute demo with your controller next Tuesday?"),
    (BUYER, "Yes, Tuesday works."),
]
# VTT/SRT/JSON fixtures carry cue times; the turn-level times they must give
CUE_TIMES = [
    (0.0, 6.5),
    (7.0, 19.0),
    (19.5, 31.0),
    (31.5, 45.0),
    (45.5, 70.0),
    (70.5, 80.0),
    (80.5, 95.0),
    (95.5, 100.0),
]
FIXTURES = {
    "teams_voice.vtt": "vtt",
    "zoom_prefix.vtt": "vtt",
    "broadcast.srt": "srt",
    "zoom_saved_transcript.txt": "zoom",
    "zoom_chat.txt": "zoom",
    "otter_export.txt": "otter",
    "lines_plain.txt": "lines",
    "lines_timed.txt": "lines",
    "whisper.json": "json",
    "whisperx.json": "json",
    "assemblyai.json": "json",
    "deepgram_utterances.json": "json",
    "deepgram_paragraphs.json": "json",
}
# speaker ids the speech-to-text services give the two people
ASR_NAMES = {
    "whisperx.json": ("SPEAKER_00", "SPEAKER_01"),
    "assemblyai.json": ("Speaker A", "Speaker B"),
    "deepgram_utterances.json": ("Speaker 0", "Speaker 1"),
    "deepgram_paragraphs.json": ("Speaker 0", "Speaker 1"),
}


def words(text: str) -> list[str]:
    return re.findall(r"[\w€%']+", text.lower())


def turns_of(doc) -> list[tuple[str, str]]:
    return [(u.turn.speaker, doc.unit_text(u)) for u in doc.units]


def assert_offsets_exact(doc) -> None:
    """Every kept character maps back to itself in the source; joins map to the char before; escapes to '&'/'\\'."""
    src = doc.source
    for unit in doc.units:
        text = doc.unit_text(unit)
        for i, ch in enumerate(text):
            back = src[doc.to_source(unit.start + i)]
            if ch == back:
                continue
            assert ch.isspace() or back in "&\\", (unit.turn.index, i, ch, back)


def teams_docx(layout: str, call=TURNS, line_break: bool = False) -> bytes:
    """A Teams transcript .docx in the older (timings) or current ("Name   0:03") layout, built with python-docx."""
    import docx

    document = docx.Document()
    if layout == "current":
        document.add_paragraph("Invoice approvals - discovery-20240501_100000-Meeting Recording")
        document.add_paragraph("May 1, 2024, 10:00AM")
        document.add_paragraph("1m 40s")
        document.add_paragraph(f"{SELLER} started transcription")
    for (speaker, text), (start, end) in zip(call, CUE_TIMES, strict=False):
        if layout == "older":
            document.add_paragraph(f"0:{int(start // 60)}:{start % 60:.1f} --> 0:{int(end // 60)}:{end % 60:.3f}")
            document.add_paragraph(speaker)
        else:
            document.add_paragraph(f"{speaker}   {int(start // 60)}:{int(start % 60):02d}")
        para = document.add_paragraph(text)
        if line_break and speaker == BUYER:
            para.add_run().add_break()
            para.add_run("(typing)")
    if layout == "current":
        document.add_paragraph(f"{SELLER} stopped transcription")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- the interface ---------------------------------------------------------------------------------------------------
def test_formats_agree_with_the_core_list():
    assert FORMATS == TRANSCRIPT_FORMATS


@pytest.mark.parametrize("name,fmt", FIXTURES.items())
def test_detects_each_fixture(name, fmt):
    data = (DATA / name).read_bytes()
    assert detect_format(data, name) == fmt
    assert detect_format(data.decode("utf-8"), "no-extension") == fmt  # by content alone


@pytest.mark.parametrize("name,fmt", FIXTURES.items())
def test_every_fixture_gives_the_same_call(name, fmt):
    doc = load_transcript(DATA / name)
    assert doc.medium == "call" and doc.format == fmt and doc.meta["format"] == fmt
    assert all(u.kind == "turn" for u in doc.units)
    assert [u.turn.index for u in doc.units] == list(range(len(doc.units)))
    assert all(u.turn.role == "unknown" for u in doc.units)
    seller, buyer = ASR_NAMES.get(name, (SELLER, BUYER))
    if name == "whisper.json":  # Whisper has no speakers: one voice, so one turn
        assert doc.meta["speakers"] == ["Unknown"]
        assert words(doc.text) == words(" ".join(t for _, t in TURNS))
    else:
        expected = [(seller if who == SELLER else buyer, words(text)) for who, text in TURNS]
        assert [(who, words(text)) for who, text in turns_of(doc)] == expected
        assert doc.meta["speakers"] == [seller, buyer]
    assert_offsets_exact(doc)


@pytest.mark.parametrize(
    "name", [n for n, f in FIXTURES.items() if f in ("vtt", "srt", "json") and n != "whisper.json"]
)
def test_cue_times_give_turn_times(name):
    doc = load_transcript(DATA / name)
    assert [(u.turn.time.start, u.turn.time.end) for u in doc.units] == CUE_TIMES
    assert doc.meta["has_times"] is True and doc.meta["duration"] == 100.0


def test_text_without_tags_or_entities_and_merged_cues():
    doc = load_transcript(DATA / "teams_voice.vtt")
    assert turns_of(doc) == TURNS  # <b>, <c.yellow>, <00:00:38.000>, </v> gone; &amp; decoded; cues 5+6 merged
    assert doc.units[4].source_map is not None  # two cues joined
    assert doc.units[0].source_map is None  # one verbatim slice
    # a turn starts on its cue's timing line; its text on the line below
    first = doc.units[0]
    assert "-->" in doc.line_text(first.turn.source_line)
    line, col = doc.line_col(doc.to_source(first.start))
    assert (line, col) == (first.turn.source_line + 1, len("<v Dana Reyes>") + 1)
    assert "NOTE" not in doc.text and "font-weight" not in doc.text and "width:40%" not in doc.text


def test_finding_offsets_point_at_the_word_in_the_source():
    doc = load_transcript(DATA / "teams_voice.vtt")
    at = doc.text.index("NetSuite")
    start = doc.to_source(at)
    assert doc.source[start : start + len("NetSuite")] == "NetSuite"
    assert doc.source[doc.to_source(at + len("NetSuite "))] == "&"  # the entity maps to its '&'


def test_start_only_formats_end_turns_at_the_next_start():
    doc = load_transcript(DATA / "otter_export.txt")
    times = [(u.turn.time.start, u.turn.time.end) for u in doc.units]
    assert times[0] == (0.0, 7.0) and times[1] == (7.0, 19.0)
    assert times[-1] == (95.0, 95.0 + 3 / 2.5)  # the last turn: 3 words at 150 words a minute
    assert doc.meta["has_times"] is True
    assert "otter.ai" not in doc.text


def test_zoom_clock_times_count_from_the_first_stamp():
    doc = load_transcript(DATA / "zoom_saved_transcript.txt")
    assert [u.turn.time.start for u in doc.units] == [0.0, 7.0, 19.0, 31.0, 45.0, 70.0, 80.0, 95.0]
    assert doc.units[4].turn.source_line == 13  # the merged turn starts at its first header


def test_zoom_transcript_past_midnight():
    text = "[Ann Lee] 23:59:50\nLast question before we close?\n\n[Bo Chen] 00:00:10\nSend the contract.\n"
    doc = load_transcript_text(text, "late.txt")
    assert doc.format == "zoom"
    assert [u.turn.time.start for u in doc.units] == [0.0, 20.0]


def test_zoom_chat_names_drop_the_recipient():
    doc = load_transcript(DATA / "zoom_chat.txt")
    assert doc.meta["speakers"] == [SELLER, BUYER]
    assert doc.units[-2].turn.speaker == SELLER  # "to Sam Okafor(Direct Message)" is not part of the name


def test_lines_timestamps_in_every_position():
    doc = load_transcript(DATA / "lines_timed.txt")
    assert [u.turn.time.start for u in doc.units] == [0.0, 7.0, 19.0, 31.0, 45.0, 70.0, 80.0, 95.0]
    assert doc.units[4].turn.source_line == 5 and "Most teams" in doc.unit_text(doc.units[4])


def test_lines_without_times_have_no_times():
    doc = load_transcript(DATA / "lines_plain.txt")
    assert doc.meta["has_times"] is False and doc.meta["duration"] is None
    assert all(u.turn.time is None for u in doc.units)
    assert doc.units[0].turn.source_line == 1 and doc.units[1].turn.source_line == 3


def test_lines_labels_that_are_not_names_continue_the_turn():
    text = "Ana: We cut approval time.\nNote: numbers are from Q3.\nStep 2: we route to Slack.\nBen: Sounds good.\n"
    doc = load_transcript_text(text, "call.txt")
    assert [u.turn.speaker for u in doc.units] == ["Ana", "Ben"]
    assert "Note: numbers" in doc.unit_text(doc.units[0]) and "Step 2:" in doc.unit_text(doc.units[0])


def test_lines_markdown_bold_labels_and_text_before_any_name():
    text = "Recorded on Tuesday.\n**Ana:** Hi Ben.\n**Ben:** Hi.\n"
    doc = load_transcript_text(text, "-", fmt="lines")
    assert turns_of(doc) == [("Unknown", "Recorded on Tuesday."), ("Ana", "Hi Ben."), ("Ben", "Hi.")]


def test_rule_example_shape_loads_as_lines():
    doc = load_transcript_text("Seller: We do SOC 2.\nBuyer: Good. What does it cost?", "example.txt")
    assert doc.format == "lines" and doc.meta["speakers"] == ["Seller", "Buyer"]


def test_json_times_and_speakers_by_service():
    aai = load_transcript(DATA / "assemblyai.json")
    assert aai.meta["asr"] == "assemblyai" and aai.units[1].turn.time.start == 7.0  # milliseconds -> seconds
    assert load_transcript(DATA / "deepgram_utterances.json").meta["asr"] == "deepgram"
    assert load_transcript(DATA / "whisperx.json").meta["asr"] == "whisperx"
    whisper = load_transcript(DATA / "whisper.json")
    assert whisper.meta["asr"] == "whisper" and len(whisper.units) == 1
    assert whisper.units[0].turn.time.start == 0.0 and whisper.units[0].turn.time.end == 100.0


def test_json_escapes_map_to_the_escape():
    doc = load_transcript(DATA / "whisper.json")
    at = doc.text.index("€")
    src = doc.to_source(at)
    assert doc.source[src : src + 6] == "\\u20ac"
    line, _ = doc.line_col(doc.to_source(doc.units[0].start))
    assert '"text": " Thanks' in doc.line_text(line)  # the segment's text, not the top-level "text"


def test_assemblyai_without_diarisation_is_one_unknown_turn():
    text = '{"id": "x", "status": "completed", "audio_url": "https://a/b.mp3", "text": "Hi there. Bye.", "utterances": null}'
    doc = load_transcript_text(text, "aai.json")
    assert turns_of(doc) == [("Unknown", "Hi there. Bye.")] and doc.meta["has_times"] is False


def test_bare_list_of_segments():
    text = '[{"start": 0, "end": 2, "speaker": "Ann", "text": "Hi."}, {"start": 2, "end": 3, "speaker": "Bo", "text": "Yo."}]'
    doc = load_transcript_text(text, "segments.json")
    assert turns_of(doc) == [("Ann", "Hi."), ("Bo", "Yo.")]


# -- speakers ---------------------------------------------------------------------------------------------------------
def test_unlabelled_cue_carries_the_previous_speaker():
    doc = load_transcript(DATA / "broadcast.srt")
    # cue 3 has no label: it continues Sam's turn; cue 7 continues Dana's
    assert turns_of(doc)[1] == TURNS[1]
    assert doc.units[1].turn.time.end == 19.0


def test_cues_before_the_first_label_are_unknown():
    text = "1\n00:00:01,000 --> 00:00:02,000\nWelcome back.\n\n2\n00:00:02,000 --> 00:00:04,000\nAnn: Thanks.\n"
    doc = load_transcript_text(text, "x.srt")
    assert turns_of(doc) == [("Unknown", "Welcome back."), ("Ann", "Thanks.")]


def test_a_lone_colon_in_captions_is_text_not_a_speaker():
    cues = ["We start.", "Remember: invoices pile up.", "So we fix that.", "Then we grow."]
    text = "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\n{c}\n\n" for i, c in enumerate(cues, 1))
    doc = load_transcript_text(text, "c.srt")
    assert doc.meta["speakers"] == ["Unknown"] and "Remember: invoices" in doc.text


def test_two_voices_in_one_cue_are_two_turns():
    text = "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Ann>Ready?</v> <v Bo>Yes.</v>\n"
    doc = load_transcript_text(text, "x.vtt")
    assert turns_of(doc) == [("Ann", "Ready?"), ("Bo", "Yes.")]
    assert doc.units[1].turn.time.start == 1.0


def test_two_labelled_lines_in_one_cue_are_two_turns():
    text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nAnn: Ready?\nBo: Yes.\n\n2\n00:00:03.000 --> 00:00:04.000\nAnn: Go.\n"
    doc = load_transcript_text(text, "meet.vtt")
    assert turns_of(doc) == [("Ann", "Ready?"), ("Bo", "Yes."), ("Ann", "Go.")]
    assert_offsets_exact(doc)


def test_one_speaker_only_loads():
    doc = load_transcript_text(
        "WEBVTT\n\n00:00.000 --> 00:05.000\n<v Ann>Hello?\n\n00:06.000 --> 00:08.000\n<v Ann>Anyone?\n", "solo.vtt"
    )
    assert doc.meta["speakers"] == ["Ann"] and len(doc.units) == 1
    assert doc.unit_text(doc.units[0]) == "Hello? Anyone?"
    assert doc.units[0].turn.time.start == 0.0 and doc.units[0].turn.time.end == 8.0


# -- Teams .docx --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("layout", ["older", "current"])
def test_teams_docx_layouts(layout, tmp_path):
    path = tmp_path / f"call-{layout}.docx"
    path.write_bytes(teams_docx(layout))
    assert detect_format(path.read_bytes(), str(path)) == "docx"
    doc = load_transcript(path)
    assert doc.format == "docx"
    assert [(who, words(text)) for who, text in turns_of(doc)] == [(w, words(t)) for w, t in TURNS]
    assert "transcription" not in doc.text and "Meeting Recording" not in doc.text
    assert_offsets_exact(doc)
    if layout == "older":
        assert [(u.turn.time.start, u.turn.time.end) for u in doc.units] == CUE_TIMES
    else:
        assert [u.turn.time.start for u in doc.units][:3] == [0.0, 7.0, 19.0]
    # the source is the paragraphs' text: the turn's line is its paragraph
    first = doc.units[0]
    paragraph = 1 if layout == "older" else 5
    assert first.turn.source_line == paragraph
    assert doc.line_col(doc.to_source(first.start))[0] == paragraph + (2 if layout == "older" else 1)


def test_teams_docx_line_break_inside_a_paragraph_counts_as_a_line(tmp_path):
    doc = load_transcript_bytes(teams_docx("older", line_break=True), "breaks.docx")
    assert doc.unit_text(doc.units[1]).endswith("nine days. (typing)")
    # Sam's first paragraph holds a break, so Dana's second turn starts one line further down than without
    plain = load_transcript_bytes(teams_docx("older"), "plain.docx")
    assert doc.units[2].turn.source_line == plain.units[2].turn.source_line + 1


def test_teams_text_layout_copied_out_of_word():
    text = "0:0:0.0 --> 0:0:6.500\nDana Reyes\nThanks for making time today, Sam.\n0:0:7.0 --> 0:0:19.000\nSam Okafor\nSure.\n"
    assert detect_format(text, "copied.txt") == "teams"
    doc = load_transcript_text(text, "copied.txt")
    assert turns_of(doc) == [(SELLER, "Thanks for making time today, Sam."), (BUYER, "Sure.")]


# -- forcing and detection ----------------------------------------------------------------------------------------------
def test_forced_format_wins_over_detection():
    text = (DATA / "lines_plain.txt").read_text()
    assert load_transcript_text(text, "x.srt", fmt="lines").format == "lines"
    with pytest.raises(LoadError, match="no speech found"):
        load_transcript_text(text, "x.txt", fmt="srt")


def test_encodings_line_endings_and_a_missing_blank_line():
    srt = "\ufeff1\r\n00:00:01,000 --> 00:00:02,500\r\nAnn: Café?\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nBo: Oui.\r\n"
    doc = load_transcript_bytes(srt.encode("utf-8"), "bom.srt")
    assert turns_of(doc) == [("Ann", "Café?"), ("Bo", "Oui.")] and doc.units[1].turn.source_line == 6
    vtt = "WEBVTT\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hi.\n\n00:00:02.000 --> 00:00:03.000\n<v Bo>Yo.\n"
    doc = load_transcript_bytes(vtt.encode("utf-16"), "wide.vtt")
    assert turns_of(doc) == [("Ann", "Hi."), ("Bo", "Yo.")] and doc.units[0].turn.source_line == 2


def test_one_label_counts_only_on_the_first_line():
    assert detect_format("Seller: We ship on Fridays.\nIt saves you a week.\nAnd it is free.", "example.txt") == "lines"
    with pytest.raises(LoadError, match="not a transcript format"):
        detect_format("Thanks for the call.\nSam: wants pricing.\nTalk soon.", "notes.txt")


def test_content_beats_a_misleading_extension():
    srt = (DATA / "broadcast.srt").read_bytes()
    assert detect_format(srt, "export.txt") == "srt"
    assert detect_format((DATA / "zoom_prefix.vtt").read_bytes(), "export.srt") == "vtt"


def test_start_up_does_not_import_python_docx():
    import subprocess
    import sys

    code = "import sys, plainpitch.ingest.transcript as t; t.load_transcript_text('A: hi', 'x.txt'); print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
