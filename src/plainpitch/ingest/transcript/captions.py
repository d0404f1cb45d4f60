"""What WebVTT and SRT share: blank-line separated blocks, a 'start --> end' timing line, and cue text with tags.

A small hand-written scanner rather than webvtt-py or srt: plainpitch needs the source offset of every character
it keeps (to point a finding at its line and column) and the line of every malformed timing, which neither
library exposes. The scanner is one pass over the lines, so a 10 MB file loads in linear time.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass

from plainpitch.ingest.errors import LoadError
from plainpitch.ingest.transcript.timecode import CLOCK, BadTime, seconds
from plainpitch.ingest.transcript.turns import Cue, CueText, Piece, accept_labels, split_label
from plainpitch.text import lazy_re

TIMING_RE = lazy_re.compile(rf"^[ \t]*(?P<start>{CLOCK})[ \t]*-->[ \t]*(?P<end>{CLOCK})(?:[ \t]+.*)?$")
# A line that tries to be a timing and fails ("00:00:05 -> 00:00:09", "00:05 - 00:09", "00:00:05 -->").
TIMING_ATTEMPT_RE = lazy_re.compile(r"^[ \t]*\d+:\d{1,2}(?:[:.,]\d+)*[ \t]*(?:\S{1,4}[ \t]*\d+:\d|-+>|→)")
# Tags (<v Name>, <c.yellow>, <b>, <00:19.000>, </v>), SRT/ASS position codes ({\an8}) and HTML entities.
MARKUP_RE = lazy_re.compile(r"<[^>\n]*>|\{\\[^}\n]*\}|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
VOICE_RE = lazy_re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>]*)>")
# the usual Teams line, "<v Name>text</v>" with no other markup: parsed without the general loop
SIMPLE_VOICE_RE = lazy_re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>]*)>([^<&{]*)(?:</v>)?[ \t]*$")


@dataclass(slots=True)
class RawCue:
    line: int  # 1-based line of the timing
    start: float
    end: float
    payload: list[tuple[int, str]]  # (source offset, text) of each payload line
    label: tuple[str, int] | None = None  # a "Name:" prefix on the first payload line


def blocks(source: str) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    """Yield (0-based index of the first line, [(offset, line text), ...]) for each blank-line separated block."""
    lines = source.split("\n")
    offset = 0
    block: list[tuple[int, str]] = []
    block_start = 0
    for index, line in enumerate(lines):
        if line.strip():
            if not block:
                block_start = index
            block.append((offset, line.rstrip("\r")))
        elif block:
            yield block_start, block
            block = []
        offset += len(line) + 1
    if block:
        yield block_start, block


def quoted(text: str, limit: int = 60) -> str:
    """A source line for an error message: stripped and cut short, so the message stays one readable line."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bad_timing(path: str, text: str, line: int) -> LoadError:
    return LoadError(path, f"cue timing '{quoted(text)}' is not 'start --> end'", line=line)


def timing(path: str, text: str, line: int) -> tuple[float, float]:
    m = TIMING_RE.match(text)
    if not m:
        raise bad_timing(path, text, line)
    try:
        return seconds(m.group("start")), seconds(m.group("end"))
    except BadTime as exc:
        raise LoadError(path, f"cue timing '{quoted(text)}': {exc}", line=line) from None


def check_not_timing(path: str, text: str, line: int) -> None:
    """Raise for a line that was meant to be a cue timing but is malformed."""
    if TIMING_ATTEMPT_RE.match(text):
        raise bad_timing(path, text, line)


def line_pieces(text: str, offset: int) -> tuple[list[Piece], list[tuple[int, str]]]:
    """Split one payload line into text pieces (tags dropped, entities decoded) and voice changes.

    Returns (pieces, voices) where voices are (index into pieces where the voice starts, speaker name).
    """
    if "<" not in text and "&" not in text and "{" not in text:
        return [(text, offset)], []
    simple = SIMPLE_VOICE_RE.match(text)
    if simple and simple.group(1).strip():
        return [(simple.group(2), offset + simple.start(2))], [(0, simple.group(1).strip())]
    pieces: list[Piece] = []
    voices: list[tuple[int, str]] = []
    pos = 0
    for m in MARKUP_RE.finditer(text):
        if m.start() > pos:
            pieces.append((text[pos : m.start()], offset + pos))
        token = m.group(0)
        if token[0] == "&":
            decoded = html.unescape(token)
            if decoded != token:
                pieces.append((decoded, [offset + m.start()] * len(decoded)))
            else:
                pieces.append((token, offset + m.start()))
        elif token.startswith("<v"):
            voice = VOICE_RE.match(token)
            if voice and voice.group(1).strip():
                voices.append((len(pieces), voice.group(1).strip()))
        pos = m.end()
    if pos < len(text):
        pieces.append((text[pos:], offset + pos))
    return pieces, voices


def _strip_edges(pieces: list[Piece]) -> list[Piece]:
    """Drop white space at the two ends of one line's pieces, keeping the offsets right."""
    out = [p for p in pieces if p[0]]
    while out and not out[0][0].strip():
        out.pop(0)
    while out and not out[-1][0].strip():
        out.pop()
    if out:
        text, off = out[0]
        lead = len(text) - len(text.lstrip())
        if lead:
            out[0] = (text[lead:], off + lead if isinstance(off, int) else off[lead:])
        text, off = out[-1]
        keep = len(text.rstrip())
        if keep < len(text):
            out[-1] = (text[:keep], off if isinstance(off, int) else off[:keep])
    return out


def to_cues(raw_cues: list[RawCue]) -> list[Cue]:
    """Turn scanned cues into Cues: voice tags and accepted "Name:" prefixes name the speaker."""
    accepted = accept_labels([rc.label[0] if rc.label else None for rc in raw_cues])
    # a file whose cues mostly open with "Name:" is a labelled file: a label on a later line names a speaker too
    labelled_file = sum(1 for rc in raw_cues if rc.label) * 2 >= len(raw_cues) > 0
    cues: list[Cue] = []
    for rc in raw_cues:
        speaker: str | None = None
        label_len = 0
        if rc.label and rc.label[0] in accepted:
            speaker, label_len = rc.label
        segments: list[tuple[str | None, CueText]] = [(speaker, CueText())]
        for k, (offset, text) in enumerate(rc.payload):
            if k == 0 and label_len:
                text, offset = text[label_len:], offset + label_len
            elif k and accepted and ":" in text:
                # a second speaker on a later line of the cue ("Ann: Ready?" / "Bo: Yes."), when a known name
                later = label_of([(offset, text)])
                if later and (labelled_file or later[0] in accepted):
                    text, offset = text[later[1] :], offset + later[1]
                    segments.append((later[0], CueText()))
            pieces, voices = line_pieces(text, offset)
            cut = 0
            for at, name in voices:
                if at > cut:
                    segments[-1][1].extend(_strip_edges(pieces[cut:at]))
                cut = at
                if segments[-1][1].pieces:
                    segments.append((name, CueText()))
                else:
                    segments[-1] = (name, segments[-1][1])
            segments[-1][1].extend(_strip_edges(pieces[cut:]))
        for who, cue_text in segments:
            if cue_text.pieces:
                cues.append(Cue(who, cue_text.pieces, rc.line, rc.start, rc.end))
    return cues


def label_of(payload: list[tuple[int, str]]) -> tuple[str, int] | None:
    """A "Name:" label at the start of the first payload line (after any leading tags such as {\\an8} or <i>),
    unless the line opens with a voice tag. The length counts the skipped tags."""
    if not payload:
        return None
    text = payload[0][1]
    skip = 0
    while True:
        while skip < len(text) and text[skip] in " \t":
            skip += 1
        m = MARKUP_RE.match(text, skip)
        if not m or m.group(0)[0] == "&":
            break
        if m.group(0).startswith("<v"):
            return None
        skip = m.end()
    label = split_label(text[skip:])
    return (label[0], skip + label[1]) if label else None


def timing_line(lines: list[tuple[int, str]]) -> int | None:
    """Where a block's timing line is: first, or second under a cue number or identifier; None for neither."""
    if "-->" in lines[0][1]:
        return 0
    if len(lines) > 1 and "-->" in lines[1][1]:
        return 1
    return None


def add_block(raw: list[RawCue], path: str, start_index: int, lines: list[tuple[int, str]], timing_at: int | None) -> None:
    """Append one block as a cue, or, with no timing line, as more text of the cue above."""
    if timing_at is None:
        for k in range(min(2, len(lines))):
            check_not_timing(path, lines[k][1], start_index + k + 1)
        if raw:
            raw[-1].payload.extend(lines)  # text after a stray blank line belongs to the cue above
        return
    line_no = start_index + timing_at + 1
    start, end = timing(path, lines[timing_at][1], line_no)
    payload = lines[timing_at + 1 :]
    raw.append(RawCue(line_no, start, end, payload, label_of(payload)))
