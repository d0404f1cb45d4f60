"""Microsoft Teams transcripts downloaded as Word (.docx), and the same layouts as text (format "teams").

Two layouts, as Teams has written them over the years:
- older: a ``0:0:0.0 --> 0:0:5.200`` timing paragraph, the speaker's name, then what they said;
- current: ``Speaker Name   0:03`` (name, then the start time), then what they said. A title, date and length
  sit above the first entry (skipped), and "Name started transcription" / "stopped transcription" notices are
  dropped.

Offsets: the "source" of a .docx is its extracted text — the body's paragraphs (and table cells, in order)
joined by newlines — so a line number is a paragraph number, counting a manual line break inside a paragraph as
the start of a new line. python-docx is imported only when a .docx is read.
"""

from __future__ import annotations

import io
import re

from plainpitch.ingest.errors import LoadError
from plainpitch.ingest.transcript import captions
from plainpitch.ingest.transcript.otter import STAMP, headed_cues, is_name
from plainpitch.ingest.transcript.turns import Cue, CueText, stripped_line
from plainpitch.text import lazy_re

# Teams puts one or more spaces (or a tab) between the name and the time: the header is its own paragraph.
HEADER_RE = lazy_re.compile(rf"^[ \t]*(?P<name>\S[^\n]{{0,60}}?)[ \t]+(?P<time>{STAMP})[ \t]*$")
NOTICE_RE = lazy_re.compile(r"^[ \t]*\S.{0,80}\b(?:started|stopped) transcription[ \t]*$", re.IGNORECASE)


def _timed_cues(source: str, path: str) -> list[Cue]:
    """The older layout: timing paragraph, speaker paragraph, text paragraphs."""
    cues: list[Cue] = []
    current: CueText | None = None
    expect_speaker = False
    offset = 0
    for index, line in enumerate(source.split("\n")):
        line_start = offset
        offset += len(line) + 1
        if "-->" in line:
            start, end = captions.timing(path, line, index + 1)
            current = CueText()
            cues.append(Cue(None, current.pieces, index + 1, start, end))
            expect_speaker = True
            continue
        text, at = stripped_line(source, line_start, line_start + len(line))
        if not text or current is None or NOTICE_RE.match(text):
            continue
        if expect_speaker:
            expect_speaker = False
            if is_name(text):
                cues[-1].speaker = text
                continue
        current.add(text, at)
    return cues


def parse(source: str, path: str) -> list[Cue]:
    """Cues of a Teams transcript given as text (the text of a .docx, or a copy of it)."""
    if any(captions.TIMING_RE.match(line) for line in source.split("\n", 400)[:400]):
        return _timed_cues(source, path)
    cues = headed_cues(source, HEADER_RE, NOTICE_RE)
    if not cues:
        raise LoadError(
            path, "no Teams transcript entries found ('0:0:0.0 --> 0:0:5.2' timings or 'Name 0:03' headers)"
        )
    return cues


def docx_text(data: bytes, path: str, max_bytes: int = 32 * 1024 * 1024) -> str:
    """The text of a .docx: its paragraphs and table cells in document order, one per line. The ZIP is inflated
    within ``max_bytes`` (checked from its directory, then while streaming) before python-docx sees it."""
    from plainpitch.ingest.archive import read_zip, rebuild

    checked = rebuild(read_zip(data, path, max_bytes, "Word .docx file"))
    try:
        import docx  # python-docx: lazy, it pulls in lxml
        from docx.table import Table

        document = docx.Document(io.BytesIO(checked))
        texts: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        texts.extend(p.text for p in cell.paragraphs)
            else:
                texts.append(block.text)
    except LoadError:
        raise
    except Exception as exc:  # python-docx raises zip, XML and package errors of many types for a broken file
        reason = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        raise LoadError(path, f"is not a readable Word .docx file ({reason})") from None
    return "\n".join(texts).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
