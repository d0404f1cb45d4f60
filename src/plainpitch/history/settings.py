"""Where the history store is and whether to save, from the environment and the project's config.

Precedence for the store: ``PLAINPITCH_HISTORY_URL``, then ``url`` or ``path`` in the config, then a SQLite file in
the user's data directory (platformdirs: ``~/.local/share/plainpitch/history.sqlite3`` on Linux). In the config::

    [tool.plainpitch]
    history = true                  # save every check and call review (same as --save)

or, for more than on/off::

    [tool.plainpitch.history]
    save = true
    keep-text = false               # also store the copy and transcript text (same as --keep-text)
    path = ".plainpitch/history.sqlite3"   # a project-local SQLite file (relative to the config file)
    url = "postgresql://coach@db.internal/plainpitch"   # a team's PostgreSQL server

A value that is not what it should be is a one-line error naming the config file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plainpitch.history.errors import HistoryError

ENV_URL = "PLAINPITCH_HISTORY_URL"
DEFAULT_FILE = "history.sqlite3"


@dataclass(frozen=True)
class HistorySettings:
    url: str  # a SQLAlchemy URL: sqlite:///... or postgresql+psycopg://...
    save: bool = False  # config asks to save every run
    keep_text: bool = False  # config asks to keep the text too
    source: str = "default"  # where the URL came from: the environment, a config file, or the default

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        rest = self.url.split(":///", 1)[1] if ":///" in self.url else ""
        return Path(rest.split("?", 1)[0]) if rest and rest != ":memory:" else None

    @property
    def where(self) -> str:
        """The store as the user knows it, for messages: a file path, or the URL without its password."""
        path = self.sqlite_path
        return str(path) if path is not None else redact(self.url)


def redact(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    if "@" in rest.split("/", 1)[0]:
        creds, host = rest.split("@", 1)
        user = creds.split(":", 1)[0]
        rest = f"{user}:***@{host}" if ":" in creds else f"{user}@{host}"
    return f"{scheme.replace('+psycopg', '')}{sep}{rest}"


def normalise_url(value: str, base_dir: Path | None = None) -> str:
    """A URL or a plain file path -> the SQLAlchemy URL (PostgreSQL through psycopg 3)."""
    value = value.strip()
    if not value:
        raise HistoryError("the history store URL is empty")
    if "://" not in value:
        path = Path(value).expanduser()
        if not path.is_absolute():
            path = (base_dir or Path.cwd()) / path
        return f"sqlite:///{path}"
    scheme, _, rest = value.partition("://")
    scheme = scheme.lower()
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return "postgresql+psycopg://" + rest
    if scheme == "sqlite":
        return value
    raise HistoryError(f"history store URL scheme {scheme!r} is not supported (use a file path, sqlite:/// or postgresql://)")


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("plainpitch", appauthor=False)) / DEFAULT_FILE


def _table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise HistoryError(f"{path}: cannot read config: {exc}") from None
    tool = data.get("tool", {}).get("plainpitch")
    if path.name == "pyproject.toml":
        return tool or {}
    return tool if tool is not None else data


def _check(value: Any, kind: type, key: str, source: Path) -> Any:
    if value is not None and not isinstance(value, kind):
        raise HistoryError(f"{source}: history {key} must be a {kind.__name__}, not {type(value).__name__}")
    return value


def settings_for(start: Path | None = None, env: dict[str, str] | None = None) -> HistorySettings:
    """The history settings for a run started on ``start`` (a file or folder; default: the current folder)."""
    from plainpitch.config import find_config_file

    env = os.environ if env is None else env
    found = find_config_file((start or Path.cwd()).resolve())
    save = keep_text = False
    url = path = None
    if found is not None:
        raw = _table(found).get("history")
        if isinstance(raw, bool):
            save = raw
        elif isinstance(raw, dict):
            save = bool(_check(raw.get("save"), bool, "save", found))
            keep_text = bool(_check(raw.get("keep-text"), bool, "keep-text", found))
            url = _check(raw.get("url"), str, "url", found)
            path = _check(raw.get("path"), str, "path", found)
        elif raw is not None:
            raise HistoryError(f"{found}: history must be true, false or a table, not {type(raw).__name__}")
    if env.get(ENV_URL, "").strip():
        return HistorySettings(normalise_url(env[ENV_URL]), save, keep_text, ENV_URL)
    if url or path:
        assert found is not None
        return HistorySettings(normalise_url(url or path or "", found.parent), save, keep_text, str(found))
    return HistorySettings(normalise_url(str(default_path())), save, keep_text, "default")
