"""Transcript loaders on the real samples in shared/transcripts: every file loads, and one meeting rendered in
several formats gives the same speakers and turns, which match the AMI corpus turns they were made from."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from plainpitch.ingest.transcript import load_transcript

MEETINGS = ("ES2002a", "IS1008a", "TS3003c")
RENDERINGS = {".srt": "srt", "_otter_style.txt": "otter", "_teams_style.vtt": "vtt", "_zoom_style.vtt": "vtt"}


def norm(text: str) -> str:
    """Letters and digits only: the renderings differ in spacing and punctuation ("is 'cause" vs "is'cause")."""
    return re.sub(r"[^a-z0-9]+", "", re.sub(r"\{[^}]*\}", "", text.lower()))


def turns(doc) -> list[tuple[str, str]]:
    return [(u.turn.speaker, norm(doc.unit_text(u))) for u in doc.units]


def test_every_real_sample_loads(shared):
    files = sorted(p for p in (shared / "transcripts" / "formats").rglob("*") if p.is_file())
    assert len(files) >= 16
    for path in files:
        doc = load_transcript(path)
        assert doc.units, path
        assert doc.meta["has_times"] is True, path
        assert all(u.kind == "turn" and u.turn is not None for u in doc.units)


@pytest.mark.parametrize("meeting", MEETINGS)
def test_one_meeting_in_every_format_gives_the_same_turns(shared, meeting):
    base = shared / "transcripts" / "formats" / "derived_from_ami"
    docs = {suffix: load_transcript(base / f"{meeting}{suffix}") for suffix in RENDERINGS}
    for suffix, fmt in RENDERINGS.items():
        assert docs[suffix].format == fmt
    reference = turns(docs[".srt"])
    speakers = docs[".srt"].meta["speakers"]
    assert len(speakers) == 4 and "Unknown" not in speakers
    for suffix, doc in docs.items():
        assert doc.meta["speakers"] == speakers, suffix
        assert turns(doc) == reference, suffix
    # the cue-timed renderings agree on times too; Otter keeps whole seconds of the starts
    srt_times = [u.turn.time for u in docs[".srt"].units]
    for suffix in ("_teams_style.vtt", "_zoom_style.vtt"):
        assert [u.turn.time for u in docs[suffix].units] == srt_times
    otter_starts = [u.turn.time.start for u in docs["_otter_style.txt"].units]
    assert otter_starts == [float(int(t.start)) for t in srt_times]


@pytest.mark.parametrize("meeting", MEETINGS)
def test_turns_match_the_ami_corpus(shared, meeting):
    """The renderings were made from AMI turns: merging consecutive turns of one speaker (and dropping turns that
    hold only {vocalsound}-style marks) must give the loaded turns exactly."""
    merged: list[tuple[str, str]] = []
    with open(shared / "transcripts" / "ami" / "turns.dev.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for row in (r for r in rows if r["meeting_id"] == meeting):
        text = norm(row["text"])
        if not text:
            continue
        if merged and merged[-1][0] == row["speaker"]:
            merged[-1] = (row["speaker"], merged[-1][1] + text)
        else:
            merged.append((row["speaker"], text))
    doc = load_transcript(shared / "transcripts" / "formats" / "derived_from_ami" / f"{meeting}_teams_style.vtt")
    assert turns(doc) == merged
    assert len(merged) < sum(1 for r in rows if r["meeting_id"] == meeting)  # merging did happen


def test_teams_short_times_and_overlap(shared):
    doc = load_transcript(shared / "transcripts" / "formats" / "webvtt-py" / "teams_timeframe.vtt")
    assert [(u.turn.speaker, u.turn.time.start, u.turn.time.end) for u in doc.units] == [
        ("Yuri Bakulin", 0.0, 0.57),
        ("Adrian Petrescu", 0.21, 1.13),
    ]
    assert doc.meta["time_warnings"] == ["line 6: cue starts at 0.21 s, before the cue above ends (0.57 s)"]


def test_cue_tags_and_optional_hours(shared):
    doc = load_transcript(shared / "transcripts" / "formats" / "webvtt-py" / "cue_tags.vtt")
    assert doc.text == "When the moon hits your eye Like a big-a pizza pie That's amore"
    assert doc.units[0].turn.time.start == 16.5 and doc.units[0].turn.time.end == 21.5
    assert doc.meta["speakers"] == ["Unknown"]


def test_srt_without_speakers_is_unknown(shared):
    doc = load_transcript(shared / "transcripts" / "formats" / "webvtt-py" / "sample.srt")
    assert doc.meta["speakers"] == ["Unknown"] and len(doc.units) == 1
    assert doc.text.startswith("Caption text #1 Caption text #2")


def test_classroom_vtt_speakers(shared):
    doc = load_transcript(
        shared / "transcripts" / "formats" / "zoomstudentengagement" / "computer_science_101_week1.vtt"
    )
    assert doc.meta["speakers"][:2] == ["Dr. Johnson", "Student X"]
    by_speaker = defaultdict(int)
    for u in doc.units:
        by_speaker[u.turn.speaker] += 1
    assert by_speaker["Dr. Johnson"] >= by_speaker["Student X"]
