"""Model settings: ``[tool.plainpitch.llm]`` in pyproject.toml (or ``[llm]`` in plainpitch.toml), then flags.

    [tool.plainpitch.llm]
    base_url = "http://127.0.0.1:11434/v1"   # any OpenAI-compatible endpoint
    model = "llama3.1:8b"
    api_key_env = "OPENAI_API_KEY"           # the *name* of the variable holding the key (never the key)
    timeout = 60                             # seconds per request
    retries = 2                              # after a connection error, a timeout, 429 or 5xx
    redact = false                           # replace e-mail addresses, phone numbers and names before sending
    redact_names = ["Ana Ruiz"]              # names to redact besides those found in greetings and sign-offs
    check = true                             # plainpitch check uses the model without --llm (docs/jargon.md)

Temperature (0) and seed (7) are fixed so that the same text gets the same rewrite from the same model.
"""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from plainpitch.llm.errors import LLMError

KEYS = ("base_url", "model", "api_key_env", "timeout", "retries", "redact", "redact_names", "max_tokens", "check")


@dataclass(frozen=True)
class LLMSettings:
    base_url: str
    model: str
    api_key_env: str | None = None
    timeout: float = 60.0
    retries: int = 2
    redact: bool = False
    redact_names: tuple[str, ...] = field(default_factory=tuple)
    max_tokens: int = 512
    temperature: float = 0.0
    seed: int = 7
    source: str = ""  # where the settings came from (a file, "flags")

    def api_key(self) -> str | None:
        if not self.api_key_env:
            return None
        key = os.environ.get(self.api_key_env)
        if not key:
            raise LLMError(f"the model's API key variable {self.api_key_env} is not set")
        return key

    @property
    def endpoint(self) -> str:
        return self.base_url.rstrip("/") + "/chat/completions"


def _table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LLMError(f"{path}: cannot read the model settings: {exc}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("plainpitch", {}).get("llm", {}) or {}
    return (data.get("tool", {}).get("plainpitch", data)).get("llm", {}) or {}


def _validate(values: dict[str, Any], where: str) -> LLMSettings:
    unknown = sorted(set(values) - set(KEYS))
    if unknown:
        raise LLMError(f"{where}: unknown model setting {unknown[0]!r}; use {', '.join(KEYS)}")
    url = str(values.get("base_url") or "")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise LLMError(f"{where}: base_url {url!r} is not an http(s) address like http://127.0.0.1:11434/v1")
    model = str(values.get("model") or "")
    if not model:
        raise LLMError(f"{where}: no model named (model = \"llama3.1:8b\", or --model)")
    try:
        timeout = float(values.get("timeout", 60))
        retries = int(values.get("retries", 2))
        max_tokens = int(values.get("max_tokens", 512))
    except (TypeError, ValueError):
        raise LLMError(f"{where}: timeout, retries and max_tokens must be numbers") from None
    if not math.isfinite(timeout) or timeout <= 0 or retries < 0 or max_tokens <= 0:
        raise LLMError(f"{where}: timeout (a finite number of seconds) and max_tokens must be positive, retries zero or more")
    names = values.get("redact_names") or ()
    if isinstance(names, str):
        names = [names]
    return LLMSettings(url, model, values.get("api_key_env") or None, timeout, retries, bool(values.get("redact", False)),
                       tuple(str(n) for n in names), max_tokens, source=where)  # fmt: skip


def resolve(config_file: str | None, flags: dict[str, Any], *, wanted: bool) -> LLMSettings | None:
    """The model settings when the user asked for a model (``wanted``: --llm or any model flag), else None.
    Flags win over the file; a file alone never makes plainpitch send anything."""
    flags = {k: v for k, v in flags.items() if v is not None and v != ()}
    if not wanted and not flags:
        return None
    values: dict[str, Any] = {}
    where = "flags"
    if config_file:
        values.update(_table(Path(config_file)))
        where = config_file
    values.update(flags)
    if not values.get("base_url"):
        raise LLMError("no model endpoint configured: set [tool.plainpitch.llm] base_url and model, or --base-url and --model")
    return _validate(values, where if not flags else f"{where} and flags" if config_file else "flags")


def check_wanted(config_file: str | None) -> bool:
    """Whether the settings file asks ``plainpitch check`` to use the model (``check = true``): an explicit choice
    in the file, like --llm on the command line."""
    if not config_file:
        return False
    value = _table(Path(config_file)).get("check", False)
    if not isinstance(value, bool):
        raise LLMError(f"{config_file}: the model setting check must be true or false")
    return value


def with_redaction(settings: LLMSettings, redact: bool | None) -> LLMSettings:
    return settings if redact is None else replace(settings, redact=redact)
