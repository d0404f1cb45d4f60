"""Call transcripts -> Document (medium "call"): one "turn" unit per stretch of one speaker.

Public API (what ``plainpitch call`` and the rule examples use):

- ``load_transcript(path, fmt=None, max_bytes=...)`` reads a file;
- ``load_transcript_bytes(data, path, fmt=None)`` and ``load_transcript_text(text, path="-", fmt=None)``;
- ``detect_format(text_or_bytes, path)`` -> one of ``FORMATS``.

Every unit is kind "turn" with ``unit.turn = Turn(speaker, role="unknown", time=TimeRange | None, index=i,
source_line=n)``; ``doc.meta`` holds ``has_times`` (every turn has a time), ``speakers`` (in order of first
appearance), ``format``, ``duration`` (seconds from the first start to the last end, None without times) and,
when they apply, ``time_warnings`` (overlapping or backwards cue times; the cues still load in file order) and
``asr`` (which speech-to-text JSON shape was read); ``times`` says how far the times can be trusted: "measured"
(start and end), "start-only" (ends filled in, so pauses are not measurable), "sparse" (a time mark every few
minutes) or "none". How speakers and merges are decided: see ``turns``.
Each format lives in its own module, imported only when used.
"""

from __future__ import annotations

import importlib
import os

from plainpitch.formats import CALL
from plainpitch.formats import FORMATS as FORMATS_TABLE
from plainpitch.ingest.decode import decode, normalise_newlines, size_error
from plainpitch.ingest.errors import LoadError
from plainpitch.ingest.transcript.detect import FORMATS, detect_format
from plainpitch.model import Document

__all__ = ["FORMATS", "MAX_BYTES", "detect_format", "load_transcript", "load_transcript_bytes", "load_transcript_text"]

# A one-hour call is ~60 KB of VTT; 32 MiB leaves room for word-level JSON of a very long call.
MAX_BYTES = 32 * 1024 * 1024

# format -> "module:function", from the one formats table (plainpitch.formats)
PARSERS = {f.name: f.reader for f in FORMATS_TABLE if f.command == CALL}


def _check_format(fmt: str, path: str) -> None:
    if fmt not in FORMATS:
        raise LoadError(path, f"unknown transcript format {fmt!r}; use one of {', '.join(FORMATS)}")


def _parse(text: str, path: str, fmt: str, layout: str | None = None) -> Document:
    """Parse ``text`` with the parser of ``layout`` (default: ``fmt``); the Document's format is ``fmt``."""
    from plainpitch.ingest.suppress import file_suppressions
    from plainpitch.ingest.transcript.turns import build

    module, func = PARSERS[layout or fmt].split(":")
    result = getattr(importlib.import_module(module), func)(text, path)
    cues, meta = result if isinstance(result, tuple) else (result, {})
    return build(path, text, cues, fmt, meta=meta, suppressions=file_suppressions(text))


def load_transcript_text(text: str, path: str = "-", fmt: str | None = None) -> Document:
    """Parse already-decoded transcript text; ``fmt`` None means: detect it."""
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if fmt is None:
        fmt = detect_format(text, path)
    _check_format(fmt, path)
    if fmt == "docx":
        raise LoadError(
            path, "a .docx transcript must be read from its bytes (load_transcript or load_transcript_bytes)"
        )
    if not text.strip():
        raise LoadError(path, "is empty: there is no transcript to read")
    return _parse(text, path, fmt)


def load_transcript_bytes(data: bytes, path: str, fmt: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Decode (or unzip, for .docx) and parse ``data``; ``fmt`` None means: detect it."""
    if len(data) > max_bytes:
        raise size_error(path, len(data), max_bytes)
    if not data.strip():
        raise LoadError(path, "is empty: there is no transcript to read")
    if fmt is not None:
        _check_format(fmt, path)
    if fmt == "docx" or (fmt is None and data.startswith(b"PK\x03\x04")):
        if fmt is None:
            fmt = detect_format(data, path)  # a ZIP that is not a .docx is refused here
        if fmt == "docx":
            from plainpitch.ingest.transcript.detect import sniff_text
            from plainpitch.ingest.transcript.teams_docx import docx_text

            text = docx_text(data, path, max_bytes)
            layout = sniff_text(text)  # a Word file holds Teams' layout, or Google Meet's, or plain "Name: text"
            return _parse(text, path, "docx", layout if layout in ("meet", "lines", "granola") else "docx")
    text, _encoding = decode(data, path, max_bytes)
    return load_transcript_text(text, path, fmt)


def load_transcript(path: str | os.PathLike[str], fmt: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read a transcript file; errors are one-line LoadErrors naming the file."""
    from plainpitch.ingest import read_file

    p = str(path)
    data = read_file(p, max_bytes)
    return load_transcript_bytes(data, p, fmt, max_bytes)
