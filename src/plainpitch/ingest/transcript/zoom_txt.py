"""Zoom's plain-text transcripts.

What is implemented, honestly:
- the transcript Zoom saves from the meeting's live-transcript panel ("Save transcript", the file
  ``meeting_saved_closed_caption.txt``): a ``[Speaker Name] 10:02:03`` line, then what they said on the lines
  below. The clock is the time of day, so times are counted from the first stamp (a stamp smaller than the one
  before is taken to cross midnight).
- the chat-style layout of Zoom's saved chat (``meeting_saved_chat.txt``): ``10:02:03 From Speaker Name : text``,
  or the newer ``10:02:03 From Speaker Name to Everyone:`` with the message on the indented lines below. It is a
  chat log, not speech; it loads so that a chat-only sales conversation can be reviewed too.
Zoom's cloud-recording transcript is a WebVTT file (``Speaker: text`` cues) and goes through the VTT loader.
Neither layout has end times: a turn ends where the next starts (see turns.fill_start_only_ends).
"""

from __future__ import annotations

import re

from plainpitch.ingest.transcript.timecode import BadTime, seconds
from plainpitch.ingest.transcript.turns import Cue, CueText, fill_start_only_ends, stripped_line
from plainpitch.text import lazy_re

HEADER_RE = lazy_re.compile(r"^[ \t]*\[(?P<name>[^\]\n]+)\][ \t]+(?P<time>\d{1,2}:\d{2}:\d{2})[ \t]*$")
CHAT_RE = lazy_re.compile(r"^[ \t]*(?P<time>\d{1,2}:\d{2}:\d{2})[ \t]+From[ \t]+(?P<who>[^:\n]+?)[ \t]*:[ \t]*(?P<text>.*)$")
TO_RE = lazy_re.compile(r"[ \t]+to[ \t]+.*$|[ \t]*\((?:privately|direct message)\)[ \t]*$", re.IGNORECASE)
DAY = 24 * 3600


def _clock(stamp: str) -> float | None:
    try:
        return seconds(stamp)
    except BadTime:
        return None


def parse(source: str, path: str) -> list[Cue]:
    cues: list[Cue] = []
    current: CueText | None = None
    origin: float | None = None
    last_clock = 0.0
    day_shift = 0.0
    offset = 0
    for index, line in enumerate(source.split("\n")):
        line_start = offset
        offset += len(line) + 1
        m = HEADER_RE.match(line) or CHAT_RE.match(line)
        clock = _clock(m.group("time")) if m else None
        if m and clock is not None:
            if origin is None:
                origin = last_clock = clock
            if clock + day_shift < last_clock - 12 * 3600:
                day_shift += DAY  # the meeting ran past midnight
            last_clock = clock + day_shift
            name = m.group("name") if "name" in m.groupdict() else TO_RE.sub("", m.group("who"))
            current = CueText()
            cues.append(Cue(name.strip(), current.pieces, index + 1, last_clock - origin, None))
            text = m.groupdict().get("text")
            if text:
                current.add(text.strip(), line_start + m.start("text"))
            continue
        if current is None:
            continue  # anything above the first stamp is a title or preamble
        text, start = stripped_line(source, line_start, line_start + len(line))
        if text:
            current.add(text, start)
    fill_start_only_ends(cues)
    return cues
