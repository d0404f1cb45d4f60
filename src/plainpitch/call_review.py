"""Review one call: load the transcript, decide who sells, run the engine. What `plainpitch call review`, the web
API and the evaluation all run, so that each reports the same thing.

It sits above the engine (like ``runner`` does for copy): the conversation analysis (``plainpitch.call``) sits
below the rules, the TLK rules read it, and the engine turns their hits, the ``call.*`` metrics and the call
details into an ordinary DocumentReport. Nothing here edits that report afterwards.

Errors are ``plainpitch.ingest.errors.LoadError`` (unknown format, empty, malformed line) and
``plainpitch.config.ConfigError`` (an unknown call type): one line naming the file, for the caller to show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from plainpitch.config import Config, ConfigError
from plainpitch.model import Document, DocumentReport

__all__ = ["analyze_call", "review_bytes", "review_path", "review_text"]


def _names(me: Iterable[str] | str | None) -> list[str]:
    if not me:
        return []
    if isinstance(me, str):
        return [me]
    return [str(m) for m in me]


def analyze_call(doc: Document, me: Iterable[str] | str = (), call_type: str | None = None,
                 config: Config | None = None) -> DocumentReport:  # fmt: skip
    """Coach one call. ``me``: the seller's names as in the transcript; ``call_type``: discovery|demo|cold|closing
    (None: inferred). Config supplies ``profile`` (the buyer's reader profile) and ``[tool.plainpitch.call]``."""
    from plainpitch.call.roles import with_roles
    from plainpitch.call.types import TYPES
    from plainpitch.engine import analyze

    config = config or Config()
    call_cfg = dict(config.call or {})
    if call_type:
        if call_type not in TYPES:
            raise ConfigError(f"call type {call_type!r} is not one of {', '.join(TYPES)}")
        call_cfg["type"] = call_type
    doc = with_roles(replace(doc, medium="call") if doc.medium != "call" else doc, me=_names(me),
                     config_me=_names(call_cfg.get("me")))  # fmt: skip
    return analyze(doc, replace(config, call=call_cfg, medium=None))


def review_text(text: str, filename: str, me: Iterable[str] | str = (), call_type: str | None = None,
                fmt: str | None = None, config: Config | None = None) -> DocumentReport:  # fmt: skip
    """Analyse a transcript given as text (``fmt`` None: detected from the content, then the name)."""
    from plainpitch.ingest.transcript import load_transcript_text

    return analyze_call(load_transcript_text(text, filename, fmt), me=me, call_type=call_type, config=config)


def review_bytes(data: bytes, filename: str, me: Iterable[str] | str = (), call_type: str | None = None,
                 fmt: str | None = None, config: Config | None = None,
                 max_bytes: int | None = None) -> DocumentReport:  # fmt: skip
    """Analyse a transcript given as bytes (any format the loaders read, .docx included); ``max_bytes`` bounds the
    input and what a .docx expands to (default: the loaders' limit)."""
    from plainpitch.ingest.transcript import MAX_BYTES, load_transcript_bytes

    doc = load_transcript_bytes(data, filename, fmt, max_bytes or MAX_BYTES)
    return analyze_call(doc, me=me, call_type=call_type, config=config)


def review_path(path: str, me: Iterable[str] | str = (), call_type: str | None = None, fmt: str | None = None,
                config: Config | None = None) -> DocumentReport:  # fmt: skip
    """Analyse a transcript file."""
    from plainpitch.ingest.transcript import load_transcript

    return analyze_call(load_transcript(path, fmt), me=me, call_type=call_type, config=config)
