"""Google Meet transcripts, as Meet saves them to Google Docs (downloaded as .docx or .txt, or copied out).

The layout Meet writes: a title (``Weekly sync - Transcript``), an ``Attendees`` line with the names, a
``Transcript`` line, then ``Name: text`` paragraphs with a bare time mark (``00:05:00``) every few minutes, and
at the end ``Transcription ended after 00:45:12`` (older documents) or a note that the transcript was computer
generated. Times are marks, not turn times: the turns between two marks share the time between them by their
words, so lengths and talk share follow the marks; pauses cannot be measured (the report says "sparse" times).
"""

from __future__ import annotations

import re

from plainpitch.ingest.transcript.timecode import BadTime, start_only_seconds
from plainpitch.ingest.transcript.turns import TYPICAL_WORDS_PER_S, Cue, CueText, split_label, stripped_line
from plainpitch.text import lazy_re

MARK_RE = lazy_re.compile(r"^[ \t]*(\d{1,2}:\d{2}(?::\d{2})?)[ \t]*$")
ENDED_RE = lazy_re.compile(r"^[ \t]*Transcription ended after[ \t]+(\d{1,2}:\d{2}(?::\d{2})?)\b", re.IGNORECASE)
SKIP_RE = lazy_re.compile(
    r"^[ \t]*(?:Attendees\b|Transcript[ \t]*$|.{0,200}[-–—][ \t]*Transcript[ \t]*$|This editable transcript\b|"
    r"Transcription ended after\b|Meeting ended after\b|You should review Gemini|Notes[ \t]*$)",
    re.IGNORECASE,
)


def _mark(text: str) -> float | None:
    try:
        return start_only_seconds(text)
    except (BadTime, ValueError):
        return None


def parse(source: str, path: str) -> tuple[list[Cue], dict]:
    cues: list[Cue] = []
    blocks: list[tuple[float, list[Cue]]] = []  # (mark time, the cues after it)
    current: CueText | None = None
    ended: float | None = None
    offset = 0
    after_attendees = False
    for index, line in enumerate(source.split("\n")):
        line_start = offset
        offset += len(line) + 1
        m = MARK_RE.match(line)
        if m:
            when = _mark(m.group(1))
            if when is not None:
                blocks.append((when, []))
                current = None
                continue
        e = ENDED_RE.match(line)
        if e:
            ended = _mark(e.group(1))
            current = None
            continue
        if SKIP_RE.match(line):
            after_attendees = line.strip().lower().startswith("attendees")
            current = None
            continue
        text, at = stripped_line(source, line_start, line_start + len(line))
        if not text:
            continue
        if after_attendees and not cues:  # the line of names under "Attendees"
            after_attendees = False
            continue
        label = split_label(line)
        if label:
            speaker, used = label
            current = CueText()
            cue = Cue(speaker, current.pieces, index + 1)
            cues.append(cue)
            if blocks:
                blocks[-1][1].append(cue)
            rest, rest_at = stripped_line(source, line_start + used, line_start + len(line))
            if rest:
                current.add(rest, rest_at)
        elif current is not None:
            current.add(text, at)
    _spread(blocks, ended)
    timed = all(c.start is not None for c in cues) and bool(cues)
    return cues, {"times": "sparse" if timed else "none"}


def _spread(blocks: list[tuple[float, list[Cue]]], ended: float | None) -> None:
    """Give each cue a start and end: the time between two marks shared out by the words of its turns."""
    for i, (mark, block) in enumerate(blocks):
        if not block:
            continue
        words = [max(1, len(c.text.split())) for c in block]
        nxt = blocks[i + 1][0] if i + 1 < len(blocks) else ended
        span = (nxt - mark) if nxt is not None and nxt > mark else sum(words) / TYPICAL_WORDS_PER_S
        at = mark
        total = sum(words)
        for cue, n in zip(block, words, strict=True):
            cue.start = at
            at += span * n / total
            cue.end = at
