"""Otter-style text: ``Name  0:05`` (or ``Name  1:02:05``) on a line of its own, then what they said.

Otter separates the name from the start time with two spaces; the time is m:ss or h:mm:ss from the start of the
recording. Lines above the first header (a title) and Otter's footer ("Transcribed by https://otter.ai") are
skipped. There are no end times: a turn ends where the next starts (see turns.fill_start_only_ends).
The same "name, then time" header opens each entry of a current Microsoft Teams .docx transcript, so the Teams
loader reuses ``headed_cues``.
"""

from __future__ import annotations

import re

from plainpitch.ingest.transcript.timecode import BadTime, start_only_seconds
from plainpitch.ingest.transcript.turns import Cue, CueText, fill_start_only_ends, stripped_line
from plainpitch.text import lazy_re

STAMP = r"(?:\d{1,3}:)?\d{1,2}:\d{2}"
HEADER_RE = lazy_re.compile(rf"^[ \t]*(?P<name>\S[^\n]{{0,60}}?)(?:[ \t]{{2,}}|\t)(?P<time>{STAMP})[ \t]*$")
FOOTER_RE = lazy_re.compile(r"^[ \t]*Transcribed by https?://otter\.ai\b", re.IGNORECASE)


def is_name(name: str) -> bool:
    """A speaker name: up to six words and not the end of a sentence ("... we meet at  5:30" is text)."""
    name = name.strip()
    return (
        bool(name) and len(name.split()) <= 6 and name[-1] not in ".,;:!?" and not name[0].isdigit() and ":" not in name
    )


def header(line: str, header_re: re.Pattern[str] = HEADER_RE) -> tuple[str, float] | None:
    """(speaker, start seconds) for a header line, else None."""
    m = header_re.match(line)
    if not m or not is_name(m.group("name")):
        return None
    try:
        return m.group("name").strip(), start_only_seconds(m.group("time"))
    except BadTime:
        return None


def headed_cues(
    source: str, header_re: re.Pattern[str] = HEADER_RE, skip_re: re.Pattern[str] | None = FOOTER_RE
) -> list[Cue]:
    """Cues of a transcript made of 'name + time' header lines, each followed by the lines of what was said."""
    cues: list[Cue] = []
    current: CueText | None = None
    offset = 0
    for index, line in enumerate(source.split("\n")):
        line_start = offset
        offset += len(line) + 1
        found = header(line, header_re)
        if found:
            name, start = found
            current = CueText()
            cues.append(Cue(name, current.pieces, index + 1, start, None))
            continue
        if current is None or (skip_re is not None and skip_re.match(line)):
            continue
        text, start_at = stripped_line(source, line_start, line_start + len(line))
        if text:
            current.add(text, start_at)
    fill_start_only_ends(cues)
    return cues


def parse(source: str, path: str) -> list[Cue]:
    return headed_cues(source)
