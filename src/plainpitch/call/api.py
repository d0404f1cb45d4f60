"""The call review for the web editor and HTTP API: transcript text or bytes in, DocumentReport out.

Errors are ``plainpitch.ingest.errors.LoadError`` (unknown format, empty, malformed line) and
``plainpitch.config.ConfigError`` (an unknown call type): one line naming the file, for the caller to show.
"""

from __future__ import annotations

from collections.abc import Iterable

from plainpitch.config import Config
from plainpitch.model import DocumentReport


def review_text(text: str, filename: str, me: Iterable[str] | str = (), call_type: str | None = None,
                fmt: str | None = None, config: Config | None = None) -> DocumentReport:  # fmt: skip
    """Analyse a transcript given as text (``fmt`` None: detected from the name and content)."""
    from plainpitch.call.analysis import analyze_call
    from plainpitch.ingest.transcript import load_transcript_text

    doc = load_transcript_text(text, filename, fmt)
    return analyze_call(doc, me=me, call_type=call_type, config=config)


def review_bytes(data: bytes, filename: str, me: Iterable[str] | str = (), call_type: str | None = None,
                 fmt: str | None = None, config: Config | None = None) -> DocumentReport:  # fmt: skip
    """Analyse a transcript given as bytes (any format the loaders read, .docx included)."""
    from plainpitch.call.analysis import analyze_call
    from plainpitch.ingest.transcript import load_transcript_bytes

    doc = load_transcript_bytes(data, filename, fmt)
    return analyze_call(doc, me=me, call_type=call_type, config=config)
