"""Transcripts saved as Markdown by meeting recorders and note tools: Granola, Fireflies-style exports, notes apps.

Two layouts, in any mix:

- **a heading per turn**, then what was said: ``### Guest (2025-11-19T21:30:38.471Z)`` (Granola's export),
  ``## Ana Lopez - 00:01:02``, ``#### Ana [01:02]``; a heading of a name alone counts when that name heads two
  turns or more;
- **a bold label per turn**: ``**Ana Lopez:** text``, ``**Ana Lopez** (00:01:02): text``, ``**[00:01] Ana:** text``,
  ``- **Ana**: text``, or a bold label on a line of its own with the text below (``**Ana Lopez** 00:01:02``).

Everything else is skipped: YAML front matter, the title, notes and summary sections, code blocks, HTML
comments, rules. When a heading names the transcript ("Transcript", "# Transcript for: …"), only what follows
it is read. Times may be offsets (``01:02``, ``1:02:03``), clock times (``10:32 AM``) or ISO timestamps; clock
and ISO times are taken from the first one, so the call starts at 0:00. They are start times: a turn ends where
the next starts (``turns.fill_start_only_ends``), and the report says the times are start-only.
"""

from __future__ import annotations

import re
from datetime import datetime

from plainpitch.ingest.transcript.timecode import BadTime, start_only_seconds
from plainpitch.ingest.transcript.turns import Cue, CueText, fill_start_only_ends, good_name
from plainpitch.text import lazy_re

ISO = r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
OFFSET = r"\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
CLOCK12 = r"\d{1,2}:\d{2}(?::\d{2})?\s?[AaPp]\.?[Mm]\.?"
TIME = rf"(?:{ISO}|{CLOCK12}|{OFFSET})"
_BOLD = r"(?:\*\*|__)"
# A speaker's name in a label: up to four words of letters (no brackets: those hold the time).
_NAME = r"(?P<name>[^\W\d_][\w'’.&-]*(?:[ \t]+[^\W\d_][\w'’.&-]*){0,3})"
# A heading that is a speaker label: "Guest (2025-11-19T21:30:38Z)", "Ana Lopez - 00:01:02", "[01:02] Ana", "Ana".
HEAD_LABEL_RE = lazy_re.compile(
    rf"^(?:[\[(]?(?P<t1>{TIME})[\])]?[ \t]*(?:[-–—|·][ \t]*)?)?{_NAME}[ \t]*"
    rf"(?:[\[(](?P<t2>{TIME})[\])]|[-–—|·,][ \t]*(?P<t3>{TIME})|[ \t]{{2,}}(?P<t4>{TIME}))?[ \t]*:?[ \t]*$"
)
# A bold label: "**Ana Lopez:** text", "**Ana Lopez** (00:01:02): text", "**[00:01] Ana:** text", "- **Ana**: text".
BOLD_LABEL_RE = lazy_re.compile(
    rf"^[ \t]*(?:[-*+>][ \t]+)?{_BOLD}[ \t]*(?:[\[(]?(?P<t1>{TIME})[\])]?[ \t]*(?:[-–—|·][ \t]*)?)?{_NAME}[ \t]*"
    rf"(?:[\[(](?P<t2>{TIME})[\])])?[ \t]*(?P<c1>:)?[ \t]*{_BOLD}[ \t]*"
    rf"(?:[\[(](?P<t3>{TIME})[\])]|[-–—|·][ \t]*(?P<t4>{TIME})|(?P<t5>{TIME}))?[ \t]*(?P<c2>:)?[ \t]*(?P<rest>.*)$"
)
HEADING_RE = lazy_re.compile(r"^[ \t]{0,3}(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$")
FENCE_RE = lazy_re.compile(r"^[ \t]{0,3}(```|~~~)")
RULE_RE = lazy_re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$")
TRANSCRIPT_HEADING_RE = lazy_re.compile(r"\btranscript\b", re.IGNORECASE)
_NOT_SPEAKERS = frozenset(
    "summary notes note action items next steps agenda attendees participants transcript overview key takeaways "
    "decisions questions highlights chapters topics outline details q a question answer tip warning example step "
    "feature features benefit benefits pros cons price pricing plan plans faq update important "
    # the parts of a copy deck or a press release, labelled field by field ("**Headline:**", "**Subheading:**")
    "headline headlines subheadline subheading subhead subtitle subject preheader body copy cta button caption "
    "tagline title description hook intro lede".split()
)


# Lower-case words a person's name can hold ("Ana de la Cruz", "Vincent van Gogh"); any other lower-case word makes
# a label a phrase ("Who it is for:", "What you get:"), which is how a page lists facts, not who spoke.
_NAME_PARTICLES = frozenset("de da das del della der di do dos du la le van von den ter bin binti al el y".split())


def _is_name_shaped(name: str) -> bool:
    words = name.split()
    return len(words) == 1 or all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def _seconds(stamp: str) -> tuple[float, bool] | None:
    """(seconds, is a time of day) for a stamp, or None when it is not a valid time."""
    stamp = stamp.strip()
    if re.fullmatch(ISO, stamp):
        try:
            when = datetime.fromisoformat(stamp.replace("Z", "+00:00").replace(" ", "T"))
        except ValueError:
            return None
        return when.timestamp(), True
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s?([AaPp])\.?[Mm]\.?", stamp)
    if m:
        hour, minute, sec = int(m.group(1)) % 12, int(m.group(2)), int(m.group(3) or 0)
        if minute > 59 or sec > 59:
            return None
        return (hour + (12 if m.group(4).lower() == "p" else 0)) * 3600 + minute * 60 + sec, True
    try:
        return start_only_seconds(stamp), False
    except (BadTime, ValueError):
        return None


def _label(text: str, heading: bool) -> tuple[str, str | None, str, int] | None:
    """(speaker, time stamp or None, the text after the label, offset of that text in ``text``) or None."""
    m = (HEAD_LABEL_RE if heading else BOLD_LABEL_RE).match(text)
    if not m:
        return None
    name = good_name(m.group("name"))
    if not name or name.lower() in _NOT_SPEAKERS or name.lower().startswith("transcript") or not _is_name_shaped(name):
        return None
    groups = m.groupdict()
    stamp = next((groups[k] for k in ("t1", "t2", "t3", "t4", "t5") if groups.get(k)), None)
    if heading:
        return name, stamp, "", len(text)
    rest = m.group("rest")
    if rest and not (m.group("c1") or m.group("c2")) and not stamp:
        return None  # "**Important** point ..." is emphasis, not a speaker
    return name, stamp, rest, m.start("rest")


def _lines(source: str):
    """(line number, start offset, line) of every line outside front matter, code blocks and HTML comments."""
    offset = 0
    in_front = in_fence = in_comment = False
    for index, line in enumerate(source.split("\n")):
        start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if index == 0 and stripped == "---":
            in_front = True
            continue
        if in_front:
            if stripped in ("---", "..."):
                in_front = False
            continue
        if FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            continue
        yield index + 1, start, line


def _entries(source: str) -> list[tuple[str, int, int, str, str | None, str, int]]:
    """Every label in reading order: (kind heading|bold, line, start, speaker, stamp, rest, rest offset)."""
    found = []
    for number, start, line in _lines(source):
        h = HEADING_RE.match(line)
        if h:
            label = _label(h.group("text"), heading=True)
            found.append(("heading", number, start, label[0] if label else "", label[1] if label else None,
                          h.group("text"), h.start("text")))  # fmt: skip
            continue
        label = _label(line, heading=False)
        if label:
            found.append(("bold", number, start, label[0], label[1], label[2], label[3]))
    return found


def speaker_labels(source: str) -> tuple[int, int, int, int, int]:
    """(turn labels, distinct speakers, speakers with two turns or more, section headings between the first turn and
    the last, groups of fields) this loader would read: for detecting the layout. A page of bold "**Feature:** text"
    lines names each label once, and a conversation comes back to people; a call's notes sit before or after what was
    said, while a copy deck's fields ("**Headline:**", "**Copy:**") come back under section after section ("## Email
    2"). Groups of fields: headings each holding the same three labels or more, each label once ("### TechScale" …
    "**Challenge:**", "**Solution:**", "**Results:**", "### GrowthCorp" … the same): a template's fields, however few
    the groups (people in a conversation take turns back and forth; a chapter of a two-person call may hold one turn
    each, so two labels are not enough)."""
    entries = _entries(source)
    turns = _turn_entries(entries)
    counts: dict[str, int] = {}
    for e in turns:
        counts[e[3]] = counts.get(e[3], 0) + 1
    openers = {e[1] for e in turns}
    first, last = (turns[0][1], turns[-1][1]) if turns else (0, 0)
    sections = sum(1 for e in entries if e[0] == "heading" and e[1] not in openers and first < e[1] < last)
    groups: dict[int, list[str]] = {}
    section = -1
    turn_lines = {e[1]: e[3] for e in turns}
    for e in entries:
        if e[0] == "heading" and e[1] not in openers:
            section = e[1]
        elif e[1] in turn_lines:
            groups.setdefault(section, []).append(turn_lines[e[1]])
    fields = [labels for labels in groups.values() if len(labels) >= 3]
    same = len(fields) >= 2 and all(len(set(g)) == len(g) and set(g) == set(fields[0]) for g in fields)
    return len(turns), len(counts), sum(1 for n in counts.values() if n >= 2), sections, len(fields) if same else 0


def _turn_entries(entries: list) -> list:
    """The entries that open turns: bold labels, headings with a time, and name headings used twice or more."""
    name_headings: dict[str, int] = {}
    for kind, _, _, speaker, stamp, _, _ in entries:
        if kind == "heading" and speaker and stamp is None:
            name_headings[speaker] = name_headings.get(speaker, 0) + 1
    # a transcript's headings are its speakers (and a title); a document whose headings are mostly sections
    # ("Section 1: Hero", "Headline", "CTA Button") that reuses two of them ("Header", "Body") is copy, not a call
    headings = sum(1 for e in entries if e[0] == "heading")
    if sum(n for n in name_headings.values() if n >= 2) * 2 < headings:
        name_headings = {}
    out = []
    for e in entries:
        kind, _, _, speaker, stamp, _, _ = e
        if not speaker:
            continue
        if kind == "bold" or stamp is not None or name_headings.get(speaker, 0) >= 2:
            out.append(e)
    return out


def parse(source: str, path: str) -> tuple[list[Cue], dict]:
    entries = _entries(source)
    # read after a heading that names the transcript, when there is one
    start_line = 0
    for kind, number, _, speaker, _, text, _ in entries:
        if kind == "heading" and not speaker and TRANSCRIPT_HEADING_RE.search(text):
            start_line = number
            break
    openers = {e[1] for e in _turn_entries(entries) if e[1] > start_line}
    headings = {e[1] for e in entries if e[0] == "heading"}
    cues: list[Cue] = []
    current: CueText | None = None
    stamps: list[tuple[Cue, str | None]] = []
    for number, line_start, line in _lines(source):
        if number <= start_line:
            continue
        if number in openers:
            label = _label(HEADING_RE.match(line).group("text"), True) if number in headings else _label(line, False)
            assert label is not None
            speaker, stamp, rest, rest_at = label
            current = CueText()
            cue = Cue(speaker, current.pieces, number)
            cues.append(cue)
            stamps.append((cue, stamp))
            if rest.strip() and number not in headings:
                lead = len(rest) - len(rest.lstrip())
                current.add(rest.strip(), line_start + rest_at + lead)
            continue
        if number in headings:
            current = None  # a notes or summary heading ends the turn above it
            continue
        text = line.strip()
        if current is None or not text or RULE_RE.match(line):
            continue
        text = re.sub(r"^(?:[-*+>][ \t]+)+", "", text)
        current.add(text, line_start + line.index(text))
    times: dict[int, float] = {}
    first: float | None = None
    for cue, stamp in stamps:
        parsed = _seconds(stamp) if stamp else None
        if parsed is None:
            continue
        value, of_day = parsed
        if of_day:
            first = value if first is None else first
            value -= first
        times[id(cue)] = max(0.0, value)
    timed = bool(times) and len(times) == len(stamps)
    if timed:
        for cue in cues:
            cue.start = times[id(cue)]
        fill_start_only_ends(cues)
    return cues, {"times": "start-only" if timed else "none"}
