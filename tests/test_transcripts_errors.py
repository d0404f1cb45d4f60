"""Bad and odd transcript input: one-line LoadErrors naming the file (and the line), never a traceback."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainpitch.ingest.errors import LoadError
from plainpitch.ingest.transcript import (
    FORMATS,
    detect_format,
    load_transcript,
    load_transcript_bytes,
    load_transcript_text,
)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.vtt"
    path.write_bytes(b"")
    with pytest.raises(LoadError) as err:
        load_transcript(path)
    assert str(err.value) == f"{path}: is empty: there is no transcript to read"
    with pytest.raises(LoadError, match="empty"):
        load_transcript_text("  \n\n", "blank.txt")


def test_header_only_vtt_has_no_turns():
    with pytest.raises(LoadError, match="no speech found"):
        load_transcript_text("WEBVTT\n\nNOTE nothing was said\n", "quiet.vtt")


def test_binary_file():
    data = bytes(range(256)) * 40
    with pytest.raises(LoadError, match="binary"):
        load_transcript_bytes(data, "noise.vtt")


def test_zip_that_is_not_a_docx():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(LoadError, match="ZIP archive that is not a Word .docx") as err:
        load_transcript_bytes(out.getvalue(), "bundle.zip")
    assert err.value.path == "bundle.zip"


def test_broken_docx():
    with pytest.raises(LoadError, match="not a readable Word .docx") as err:
        load_transcript_bytes(b"PK\x03\x04 this is not really a zip", "call.docx")
    assert str(err.value).startswith("call.docx: ")


def test_docx_with_no_transcript(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Quarterly plan")
    document.add_paragraph("We will grow revenue.")
    path = tmp_path / "plan.docx"
    document.save(path)
    with pytest.raises(LoadError, match="no Teams transcript entries"):
        load_transcript(path)


def test_docx_needs_bytes():
    with pytest.raises(LoadError, match="must be read from its bytes"):
        load_transcript_text("Ann  0:01\nHi", "call.docx", fmt="docx")


def test_unknown_format_names_the_file():
    with pytest.raises(LoadError) as err:
        load_transcript_text("Dear Sam,\nThanks for the call today.\nBest, Dana\n", "letter.txt")
    assert err.value.path == "letter.txt"
    assert "not a transcript format plainpitch knows" in str(err.value)
    assert "first line 'Dear Sam,'" in str(err.value)


def test_unknown_forced_format():
    with pytest.raises(LoadError, match="unknown transcript format 'pdf'; use one of vtt, srt"):
        load_transcript_text("A: hi", "x.txt", fmt="pdf")


@pytest.mark.parametrize(
    "text,name,line,bad",
    [
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann>Hi.\n\n00:00:05 -> 00:00:09\n<v Bo>Hello.\n",
            "a.vtt",
            6,
            "00:00:05 -> 00:00:09",
        ),
        ("WEBVTT\n\nid-7\n00:00:05.000 - 00:00:09.000\nHello.\n", "b.vtt", 4, "00:00:05.000 - 00:00:09.000"),
        (
            "1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\n00:00:03,000 to 00:00:04,000\nHello.\n",
            "c.srt",
            6,
            "00:00:03,000 to 00:00:04,000",
        ),
        ("1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\n00:00:03,000 -->\nHello.\n", "d.srt", 6, "00:00:03,000 -->"),
    ],
)
def test_malformed_cue_timing_names_the_line(text, name, line, bad):
    with pytest.raises(LoadError) as err:
        load_transcript_text(text, name)
    assert err.value.line == line
    assert str(err.value) == f"{name}:{line}: cue timing '{bad}' is not 'start --> end'"


def test_impossible_time_names_the_line():
    with pytest.raises(LoadError) as err:
        load_transcript_text("WEBVTT\n\n00:00:75.000 --> 00:00:80.000\nHi.\n", "x.vtt")
    assert err.value.line == 3 and "'00:00:75.000' is not a valid time" in str(err.value)


def test_invalid_json_names_the_line():
    with pytest.raises(LoadError) as err:
        load_transcript_text('{\n  "segments": [\n    {"start": 0, "end": 1, "text": "hi"\n  ]\n}\n', "w.json")
    assert err.value.line == 4 and "is not valid JSON" in str(err.value)


@pytest.mark.parametrize(
    "text,message",
    [
        ('{"model": "x", "choices": []}', "not a speech-to-text result"),
        ('{"results": {"channels": [{"alternatives": [{"transcript": "hi", "words": []}]}]}}', "utterances=true"),
    ],
)
def test_json_of_an_unknown_shape(text, message):
    with pytest.raises(LoadError, match=message):
        load_transcript_text(text, "r.json")


def test_times_past_24_hours_load():
    text = (
        "WEBVTT\n\n25:00:00.000 --> 25:00:05.000\n<v Ann>Still here.\n\n100:00:00.000 --> 100:00:02.000\n<v Bo>Yes.\n"
    )
    doc = load_transcript_text(text, "long.vtt")
    assert [u.turn.time.start for u in doc.units] == [90000.0, 360000.0]
    assert "time_warnings" not in doc.meta


def test_out_of_order_and_overlapping_times_load_in_file_order():
    text = (
        "WEBVTT\n\n00:00:10.000 --> 00:00:12.000\n<v Ann>Second in time.\n\n"
        "00:00:01.000 --> 00:00:03.000\n<v Bo>First in time.\n\n"
        "00:00:02.500 --> 00:00:05.000\n<v Ann>Overlaps.\n\n"
        "00:00:09.000 --> 00:00:08.000\n<v Bo>Ends before it starts.\n"
    )
    doc = load_transcript_text(text, "odd.vtt")
    assert [u.turn.speaker for u in doc.units] == ["Ann", "Bo", "Ann", "Bo"]
    assert doc.units[3].turn.time.start == 9.0 and doc.units[3].turn.time.duration == 0.0
    assert doc.meta["time_warnings"] == [
        "line 6: cue starts at 1 s, before the cue above (10 s)",
        "line 9: cue starts at 2.5 s, before the cue above ends (3 s)",
        "line 12: cue ends (8 s) before it starts (9 s)",
    ]


def test_many_time_warnings_are_capped():
    cues = "".join(f"00:00:{59 - i:02d}.000 --> 00:00:{59 - i:02d}.500\n<v A{i % 2}>x\n\n" for i in range(40))
    doc = load_transcript_text("WEBVTT\n\n" + cues, "backwards.vtt")
    warnings = doc.meta["time_warnings"]
    assert len(warnings) == 21 and warnings[-1] == "... and 19 more cues out of time order"


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_transcript(tmp_path / "nope.vtt")
    with pytest.raises(LoadError, match="is a directory"):
        load_transcript(tmp_path)


def test_size_limit(tmp_path):
    path = tmp_path / "big.vtt"
    path.write_bytes(b"WEBVTT\n\n" + b"x" * 2000)
    with pytest.raises(LoadError, match="over the size limit"):
        load_transcript(path, max_bytes=1000)


@pytest.mark.slow
def test_ten_megabyte_transcript_loads(tmp_path):
    """A generated 10 MB WebVTT file (about 190,000 cues; the speaker changes every 100) loads in one pass.

    No timing is asserted; the cues merge into about 1,900 turns.
    """
    cue = "{h:02d}:{m:02d}:{s:02d}.000 --> {h:02d}:{m:02d}:{s:02d}.900\n<v {who}>ok, sure.</v>\n\n"
    parts = ["WEBVTT\n\n"]
    size = len(parts[0])
    n = 0
    while size < 10_000_000:
        part = cue.format(h=n // 3600, m=n // 60 % 60, s=n % 60, who="Ann" if n // 100 % 2 else "Bo")
        parts.append(part)
        size += len(part)
        n += 1
    path = tmp_path / "huge.vtt"
    path.write_text("".join(parts))
    doc = load_transcript(path)
    assert len(doc.units) == (n + 99) // 100 and doc.meta["speakers"] == ["Bo", "Ann"]
    second = doc.units[1]
    assert (second.turn.time.start, second.turn.time.end) == (100.0, 199.9)
    assert doc.unit_text(second) == " ".join(["ok, sure."] * 100)
    assert doc.line_col(doc.to_source(second.end - 1))[0] == 3 + 199 * 3 + 1  # the last cue's text line


# -- no input gives a traceback -----------------------------------------------------------------------------------------
TRANSCRIPTISH = st.lists(
    st.sampled_from(
        [
            "WEBVTT",
            "",
            "1",
            "00:00:01.000 --> 00:00:02.000",
            "0:0:0.5 --> 0:0:1.5",
            "00:00:01,000 --> 00:00:02,000",
            "<v Ann>hi</v>",
            "<v Bo>yes",
            "Ann: hello",
            "[Ann] 10:00:01",
            "Ann  0:05",
            "NOTE x",
            "&amp; <b>x</b>",
            "00:00:05 -> 00:00:09",
            "10:00:01 From Ann : hi",
            "{",
            '{"segments": [{"start": 0, "end": 1, "text": "hi"}]}',
            "Transcribed by https://otter.ai",
            "(01:02) Bo: ok",
            "\t",
            "Ann (0:05): hm",
            "<v Ann>",
            "-->",
            "&#0;",
        ]
    ),
    max_size=14,
).map("\n".join)


def _loads_or_clean_error(call):
    try:
        doc = call()
    except LoadError as exc:
        assert "\n" not in str(exc)
        return
    assert doc.units and all(u.turn is not None for u in doc.units)
    for unit in doc.units:  # offsets stay inside the source
        assert 0 <= doc.to_source(unit.start) <= len(doc.source)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(TRANSCRIPTISH, st.text(max_size=300)),
    fmt=st.sampled_from([None, *[f for f in FORMATS if f != "docx"]]),
)
def test_no_text_gives_a_traceback(text, fmt):
    _loads_or_clean_error(lambda: load_transcript_text(text, "fuzz.txt", fmt))


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300), name=st.sampled_from(["f.vtt", "f.srt", "f.docx", "f.json", "f"]))
def test_no_bytes_give_a_traceback(data, name):
    _loads_or_clean_error(lambda: load_transcript_bytes(data, name))
    try:
        assert detect_format(data, name) in FORMATS
    except LoadError:
        pass
