"""Cues -> turns -> Document: the one place that merges cues, decides speakers and checks times.

Every format parser hands over a list of ``Cue``s in order of appearance: who (or None when the cue carries no
speaker label), what (text pieces that remember where each character came from in the source), when (start/end
seconds or None) and the source line. ``build`` then:

- gives unlabelled cues a speaker. Decision: a cue with no label *carries the previous cue's speaker*. Caption
  files (SRT, broadcast-style VTT) label a speaker only when the speaker changes, and Zoom/Teams label every cue,
  so carrying is right for both; cues before the first label, and every cue of a file with no labels at all,
  are spoken by "Unknown".
- merges consecutive cues of one speaker into one turn (texts joined with a space, first start, last end);
- records times that overlap or run backwards in ``meta["time_warnings"]`` (the cues still load, in order of
  appearance);
- builds the Document (medium "call", one "turn" unit per turn) with exact source offsets.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from plainpitch.ingest.errors import LoadError
from plainpitch.model import Document, TimeRange, Turn
from plainpitch.text import lazy_re
from plainpitch.text.segment import Block, build_document

UNKNOWN = "Unknown"
MAX_TIME_WARNINGS = 20
# Start-only formats (Otter, Zoom .txt, Teams .docx, timed lines): a turn ends where the next one starts, but no
# later than a very slow speaker (1 word a second, plus 2 s) would need; the rest of a long gap is silence.
SLOWEST_WORDS_PER_S = 1.0
# The last start-only turn has no next start: estimate it at a conversational 150 words a minute.
TYPICAL_WORDS_PER_S = 2.5

# A piece of cue text and where it came from: an int is the source offset of a verbatim slice; a list gives the
# source offset of each character (entities, JSON escapes, joins).
Piece = tuple[str, "int | list[int]"]


@dataclass(slots=True)
class Cue:
    speaker: str | None
    pieces: list[Piece]
    line: int  # 1-based source line where the cue starts
    start: float | None = None
    end: float | None = None
    end_estimated: bool = False  # the transcript gave only a start; the end was filled in

    @property
    def text(self) -> str:
        return "".join(p[0] for p in self.pieces)


@dataclass
class CueText:
    """Collects one cue's text line by line; lines are joined with one space (mapped to the end of the line before)."""

    pieces: list[Piece] = field(default_factory=list)
    _last_end: int = -1

    def add(self, text: str, offset: int | list[int]) -> None:
        """Add one source line's text as a single piece."""
        self.extend([(text, offset)])

    def extend(self, pieces: list[Piece]) -> None:
        """Add the pieces of one source line (tags between them already dropped)."""
        pieces = [p for p in pieces if p[0]]
        if not pieces:
            return
        if self.pieces:
            self.pieces.append((" ", [self._last_end]))
        for text, offset in pieces:
            self.pieces.append((text, offset))
        text, offset = pieces[-1]
        self._last_end = (offset + len(text) - 1) if isinstance(offset, int) else offset[-1]


def stripped_line(source: str, start: int, end: int) -> tuple[str, int]:
    """The line source[start:end] without surrounding white space, and the offset of its first kept character."""
    text = source[start:end]
    lead = len(text) - len(text.lstrip())
    return text.strip(), start + lead


# -- speaker labels -------------------------------------------------------------------------------------------------
# "Name: text": a name of 1-4 words, starting with a letter, then a colon and white space (so "10:30" and
# "https://" never match). Parentheses and dots are allowed inside a name: "Dr. Jones", "Ana (Acme)".
NAME = r"[^\W\d_][\w'’.&()\-]*(?:[ \t]+[\w'’.&()\-]+){0,3}?"
LABEL_RE = lazy_re.compile(
    rf"^[ \t]*(?:>>[ \t]*)?(?:\*\*|__)?(?P<name>{NAME})(?:\*\*|__)?[ \t]*(?:\*\*|__)?:(?:\*\*|__)?(?=[ \t]|$)[ \t]*"
)
# Words that open "X: ..." lines in notes and captions without naming anyone.
NOT_NAMES = frozenset(
    """
    note notes nb example examples e.g eg i.e ie step tip tips warning caution important subject re fwd ps p.s
    update edit edited summary agenda action actions todo to-do date time location where when attendees
    participants http https mailto www question answer chapter section part topic title transcript transcription
    recording meeting duration url link source sources fyi cc bcc from to
    """.split()
)


def good_name(name: str) -> str | None:
    """The name with its white space tidied, or None when it is a word that opens notes ("Note:", "Step 2:")."""
    name = " ".join(name.split())
    low = name.lower()
    if not name or low in NOT_NAMES or len(name) > 48 or low.split()[0] in ("step", "chapter", "section", "part"):
        return None
    return name


def split_label(line: str) -> tuple[str, int] | None:
    """('Name', length of the label incl. colon and space) when the line opens with a speaker label."""
    m = LABEL_RE.match(line)
    if not m:
        return None
    name = good_name(m.group("name"))
    return (name, m.end()) if name else None


def accept_labels(candidates: list[str | None]) -> set[str]:
    """Which "Name:" prefixes in a caption file are speakers rather than text that happens to hold a colon.

    All of them when at least half the cues carry one (Zoom/Meet VTT label every cue); otherwise only names that
    label two cues or more (a lone "Remember: ..." in a caption file is text).
    """
    named = [c for c in candidates if c]
    if not named:
        return set()
    if len(named) * 2 >= len(candidates):
        return set(named)
    counts: dict[str, int] = {}
    for name in named:
        counts[name] = counts.get(name, 0) + 1
    return {name for name, n in counts.items() if n >= 2}


def clean_speaker(name: str) -> str:
    return " ".join(name.split()) or UNKNOWN


# -- lines --------------------------------------------------------------------------------------------------------
class LineIndex:
    """Offset -> 1-based line, for parsers that find text by offset (JSON)."""

    def __init__(self, source: str) -> None:
        starts = [0]
        find = source.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)


# -- building -----------------------------------------------------------------------------------------------------
def _trim(text: str, smap: list[int]) -> tuple[str, list[int]]:
    lead = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return text[lead:end], smap[lead:end]


def _materialise(pieces: list[Piece]) -> tuple[str, int, list[int] | None]:
    """(text, source_start, source_map or None when the text is one verbatim slice)."""
    if len(pieces) == 1 and isinstance(pieces[0][1], int):
        text, offset = pieces[0]
        lead = len(text) - len(text.lstrip())
        return text.strip(), offset + lead, None
    parts: list[str] = []
    smap: list[int] = []
    for text, offset in pieces:
        parts.append(text)
        if isinstance(offset, int):
            smap.extend(range(offset, offset + len(text)))
        else:
            smap.extend(offset)
    text, smap = _trim("".join(parts), smap)
    return text, (smap[0] if smap else 0), smap


def fill_start_only_ends(cues: list[Cue]) -> None:
    """Give cues that only have a start an end: the next cue's start, capped by a slow speaking rate."""
    timed = [c for c in cues if c.start is not None]
    for i, cue in enumerate(timed):
        if cue.end is not None:
            continue
        words = max(1, len(cue.text.split()))
        nxt = timed[i + 1].start if i + 1 < len(timed) else None
        if nxt is not None and nxt >= cue.start:
            cue.end = min(nxt, cue.start + words / SLOWEST_WORDS_PER_S + 2.0)
        else:
            cue.end = cue.start + words / TYPICAL_WORDS_PER_S
        cue.end_estimated = True


def _fmt_s(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") + " s"


def _time_warnings(cues: list[Cue]) -> tuple[list[str], int]:
    warnings: list[str] = []
    total = 0
    prev: Cue | None = None
    for cue in cues:
        if cue.start is None:
            continue
        problem = None
        if cue.end is not None and cue.end < cue.start:
            problem = f"line {cue.line}: cue ends ({_fmt_s(cue.end)}) before it starts ({_fmt_s(cue.start)})"
        elif prev is not None and cue.start < prev.start:
            problem = f"line {cue.line}: cue starts at {_fmt_s(cue.start)}, before the cue above ({_fmt_s(prev.start)})"
        elif prev is not None and prev.end is not None and cue.start < prev.end - 1e-6:
            problem = (
                f"line {cue.line}: cue starts at {_fmt_s(cue.start)}, before the cue above ends ({_fmt_s(prev.end)})"
            )
        if problem:
            total += 1
            if len(warnings) < MAX_TIME_WARNINGS:
                warnings.append(problem)
        prev = cue
    return warnings, total


def build(
    path: str,
    source: str,
    cues: Iterable[Cue],
    fmt: str,
    *,
    meta: dict[str, Any] | None = None,
    suppressions: Iterable = (),
) -> Document:
    """Merge cues into turns and build the call Document (see the module docstring for the rules)."""
    cues = [c for c in cues if c.text.strip()]
    if not cues:
        raise LoadError(path, f"no speech found: the {fmt} transcript has no turns with text")
    labelled = any(c.speaker for c in cues)
    current = UNKNOWN
    for cue in cues:
        if cue.speaker:
            cue.speaker = current = clean_speaker(cue.speaker)
        else:
            cue.speaker = current if labelled else UNKNOWN

    warnings, total_warnings = _time_warnings(cues)
    blocks: list[Block] = []
    speakers: dict[str, None] = {}
    all_timed = True
    first_start: float | None = None
    last_end: float | None = None
    i = 0
    n = len(cues)
    while i < n:
        j = i + 1
        while j < n and cues[j].speaker == cues[i].speaker:
            j += 1
        group = cues[i:j]
        pieces: list[Piece] = []
        for k, cue in enumerate(group):
            if k:
                prev_text, prev_off = pieces[-1]
                last = prev_off + len(prev_text) - 1 if isinstance(prev_off, int) else prev_off[-1]
                pieces.append((" ", [last]))
            pieces.extend(cue.pieces)
        text, source_start, smap = _materialise(pieces)
        head = group[0]
        time = None
        if head.start is not None and group[-1].end is not None:
            end = max(group[-1].end, head.start)
            time = TimeRange(head.start, end)
            first_start = head.start if first_start is None else min(first_start, head.start)
            last_end = end if last_end is None else max(last_end, end)
        else:
            all_timed = False
        speaker = head.speaker or UNKNOWN
        speakers.setdefault(speaker, None)
        turn = Turn(speaker=speaker, role="unknown", time=time, index=len(blocks), source_line=head.line)
        blocks.append(Block("turn", text, source_start, smap, turn=turn))
        i = j

    doc_meta: dict[str, Any] = {
        "has_times": all_timed,
        # measured: start and end from the transcript; start-only: ends filled in (no pause is measurable);
        # none: no times at all (a parser may say "sparse": a time mark every few minutes, turns in between spread)
        "times": ("start-only" if any(c.end_estimated for c in cues) else "measured") if all_timed else "none",
        "speakers": list(speakers),
        "format": fmt,
        "duration": (last_end - first_start) if all_timed and first_start is not None else None,
    }
    if warnings:
        if total_warnings > len(warnings):
            warnings.append(f"... and {total_warnings - len(warnings)} more cues out of time order")
        doc_meta["time_warnings"] = warnings
    if meta:
        doc_meta.update(meta)
    return build_document(path, source, blocks, medium="call", format=fmt, meta=doc_meta, suppressions=suppressions)
