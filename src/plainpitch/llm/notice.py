"""The first use of an endpoint says what will be sent where (once per endpoint and model, remembered in the
user's cache folder: $XDG_CACHE_HOME/plainpitch/llm-endpoints, or ~/.cache/...)."""

from __future__ import annotations

import os
from pathlib import Path

from plainpitch.llm.settings import LLMSettings


def _store() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "plainpitch" / "llm-endpoints"


def describe(settings: LLMSettings, what: str) -> str:
    redaction = "e-mail addresses, phone numbers and names redacted" if settings.redact else "nothing redacted (--redact to hide e-mail addresses, phone numbers and names)"
    return f"plainpitch: sending {what} to {settings.endpoint} (model {settings.model}); {redaction}"


def first_use(settings: LLMSettings, what: str) -> str | None:
    """The notice to show when this endpoint and model have not been used from this account before, else None."""
    key = f"{settings.endpoint} {settings.model}"
    store = _store()
    try:
        seen = set(store.read_text(encoding="utf-8").splitlines()) if store.exists() else set()
    except OSError:
        seen = set()
    if key in seen:
        return None
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
        with store.open("a", encoding="utf-8") as fh:
            fh.write(key + "\n")
    except OSError:
        pass  # a read-only home: say it every time rather than never
    return describe(settings, what)
