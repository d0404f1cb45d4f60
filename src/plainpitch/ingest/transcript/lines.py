"""Plain ``Name: text`` lines, with or without a timestamp: the shape people paste from notes and chat tools.

- ``Name: text``: a name of 1-4 words and a colon at the start of a line opens a turn (see turns.LABEL_RE;
  "Note:", "Step 2:" and the like are not names);
- a line without a name continues the turn above (joined with a space); lines before any name are "Unknown";
- a time may open the line — ``[00:01:02] Name: text``, ``(01:02) Name: text``, ``00:01:02 Name: text`` — or
  follow the name — ``Name (01:02): text``, ``Name [00:01:02]: text``. Times are starts only; a turn ends where
  the next starts (turns.fill_start_only_ends). A transcript with no times has ``meta["has_times"]`` False.
"""

from __future__ import annotations

from plainpitch.ingest.transcript.timecode import BadTime, start_only_seconds
from plainpitch.ingest.transcript.turns import NAME, Cue, CueText, fill_start_only_ends, good_name, split_label
from plainpitch.text import lazy_re

STAMP = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
LEAD_TIME_RE = lazy_re.compile(
    rf"^[ \t]*(?:\[(?P<a>{STAMP})\]|\((?P<b>{STAMP})\)|(?P<c>{STAMP})(?=[ \t]))[ \t]*(?:[-–—|][ \t]+)?"
)
NAME_TIME_RE = lazy_re.compile(rf"^[ \t]*(?P<name>{NAME})[ \t]*[\[(](?P<t>{STAMP})[\])][ \t]*:?[ \t]*")


def _time(stamp: str | None) -> float | None:
    if not stamp:
        return None
    try:
        return start_only_seconds(stamp)
    except BadTime:
        return None


def parse(source: str, path: str) -> list[Cue]:
    cues: list[Cue] = []
    current: CueText | None = None
    offset = 0
    for index, line in enumerate(source.split("\n")):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        pos = 0
        start = None
        lead = LEAD_TIME_RE.match(line)
        if lead:
            start = _time(lead.group("a") or lead.group("b") or lead.group("c"))
            pos = lead.end()
        rest = line[pos:]
        speaker = None
        label = split_label(rest)
        if label:
            speaker, used = label
            pos += used
        else:
            named = NAME_TIME_RE.match(rest)
            if named and good_name(named.group("name")):
                speaker, start = good_name(named.group("name")), _time(named.group("t"))
                pos += named.end()
        text = line[pos:].strip()
        at = line_start + pos + (len(line[pos:]) - len(line[pos:].lstrip()))
        if speaker is not None or start is not None or current is None:
            current = CueText()
            cues.append(Cue(speaker, current.pieces, index + 1, start, None))
        current.add(text, at)
    if any(c.start is not None for c in cues):
        fill_start_only_ends(cues)
    return cues
