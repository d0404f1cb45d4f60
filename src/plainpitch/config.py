"""Configuration: ``[tool.plainpitch]`` in pyproject.toml or a plainpitch.toml, found by walking up from the file.

Keys (all optional)::

    profile = "business"          # reader: technical | business | consumer (default: inferred from the copy)
    context = "self-serve"        # sales context: self-serve | services | enterprise
    medium = "page"               # force the medium: page | email | proposal | text
    select = ["JRG", "CLR001"]    # codes, names, prefixes or categories
    ignore = ["TON004"]
    min-severity = "suggestion"
    fail-on = "warning"
    include = ["*.md", "*.html"]
    exclude = ["drafts/**"]
    vocabulary = ["Kubernetes", "Acme Cloud"]   # terms the buyer knows: never jargon
    vocabulary-file = "vocab.txt"               # one term per line
    [tool.plainpitch.severity]    # per-rule severity overrides
    JRG001 = "error"
    [tool.plainpitch.thresholds]  # profile threshold overrides (see docs/profiles.md)
    "grade.hard" = 11
    [tool.plainpitch.rules.JRG001] # per-rule options
    [tool.plainpitch.call]
    me = ["Ana"]
    trackers = { security = ["SOC 2", "audit"] }
"""

from __future__ import annotations

import math
import os
import stat
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from plainpitch import formats
from plainpitch.model import SEVERITIES
from plainpitch.profiles import AUDIENCES, CONTEXTS

DEFAULT_INCLUDE = formats.globs(formats.COPY)  # every extension `check` reads


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    profile: str | None = None  # None: the engine infers the reader from the copy (analysis/reader.py)
    context: str = "self-serve"
    medium: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: str = "suggestion"
    fail_on: str = "warning"
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    vocabulary: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    thresholds: dict[str, Any] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    call: dict[str, Any] = field(default_factory=dict)
    source: str | None = None  # the file this config came from
    all: bool = False  # run every rule, also those off by default, and list every finding (--all)
    judge: Any = None  # check --llm: the model's settings (llm.LLMSettings; picklable for workers), None: offline

    def with_overrides(self, **changes: Any) -> Config:
        clean = {k: v for k, v in changes.items() if v is not None}
        cfg = replace(self, **clean)
        cfg.validate()
        return cfg

    def validate(self) -> None:
        where = f" in {self.source}" if self.source else ""
        if self.profile is not None and self.profile not in AUDIENCES:
            raise ConfigError(f"profile {self.profile!r}{where} is not one of {', '.join(AUDIENCES)}")
        if self.context not in CONTEXTS:
            raise ConfigError(f"context {self.context!r}{where} is not one of {', '.join(CONTEXTS)}")
        for key in (self.min_severity, self.fail_on, *self.severity.values()):
            if key not in SEVERITIES and key != "none":
                raise ConfigError(f"severity {key!r}{where} is not one of {', '.join(SEVERITIES)}")


MAX_VOCABULARY_BYTES = 4 * 1024 * 1024  # a vocabulary file is a word list: 4 MB is ~400,000 terms


def _kind(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def _as_tuple(value: Any, key: str = "value", where: str = "config") -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if not isinstance(value, list | tuple | set | frozenset):
        raise ConfigError(f"{where}: {key} must be a list of strings, not {_kind(value)}")
    return tuple(str(v) for v in value)


def _table(table: dict[str, Any], key: str, where: str, prefix: str = "") -> dict[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: {prefix}{key} must be a table, not {_kind(value)}")
    return dict(value)


def read_vocabulary(path: Path, name: str, where: str) -> list[str]:
    """The terms of a vocabulary file: a regular UTF-8 file under MAX_VOCABULARY_BYTES (never a device such as
    /dev/zero, a pipe or a folder, which would never end or not be text)."""
    prefix = f"{where}: vocabulary-file {name}"
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError(f"{prefix} is not a regular file (a folder, pipe or device)")
        if info.st_size > MAX_VOCABULARY_BYTES:
            raise ConfigError(f"{prefix} is {info.st_size / 1_048_576:.1f} MB; the limit is "
                              f"{MAX_VOCABULARY_BYTES / 1_048_576:g} MB")  # fmt: skip
        with open(path, "rb") as fh:
            data = fh.read(MAX_VOCABULARY_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{prefix}: cannot read it: {exc.strerror or exc}") from None
    if len(data) > MAX_VOCABULARY_BYTES:
        raise ConfigError(f"{prefix} grew past the limit of {MAX_VOCABULARY_BYTES / 1_048_576:g} MB while read")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{prefix} is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def from_table(table: dict[str, Any], source: str | None = None, base_dir: Path | None = None) -> Config:
    where = source or "config"
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: the plainpitch settings must be a table")
    vocab = set(_as_tuple(table.get("vocabulary"), "vocabulary", where))
    vocab_file = table.get("vocabulary-file")
    if vocab_file:
        if not isinstance(vocab_file, str):
            raise ConfigError(f"{where}: vocabulary-file must be a file name")
        vocab.update(read_vocabulary((base_dir or Path.cwd()) / vocab_file, vocab_file, where))
    for key in ("profile", "context", "medium", "min-severity", "fail-on"):
        if key in table and not isinstance(table[key], str):
            raise ConfigError(f"{where}: {key} must be a string, not {_kind(table[key])}")
    thresholds = _table(table, "thresholds", where)
    for key, value in thresholds.items():
        if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
            raise ConfigError(f"{where}: threshold {key!r} must be a finite number, not {value!r}")
    cfg = Config(
        profile=table.get("profile"),
        context=table.get("context", "self-serve"),
        medium=table.get("medium"),
        select=_as_tuple(table.get("select"), "select", where),
        ignore=_as_tuple(table.get("ignore"), "ignore", where),
        min_severity=table.get("min-severity", "suggestion"),
        fail_on=table.get("fail-on", "warning"),
        include=_as_tuple(table.get("include"), "include", where) or DEFAULT_INCLUDE,
        exclude=_as_tuple(table.get("exclude"), "exclude", where),
        vocabulary=frozenset(vocab),
        severity={str(k): v for k, v in _table(table, "severity", where).items()},
        thresholds=thresholds,
        rule_options={k: _table(table["rules"], k, where, "rules.") for k in _table(table, "rules", where)},
        call=_table(table, "call", where),
        source=source,
    )
    cfg.validate()
    return cfg


def find_config_file(start: Path) -> Path | None:
    """The nearest plainpitch.toml, or pyproject.toml with a [tool.plainpitch] table, walking up."""
    here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        candidate = folder / "plainpitch.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "plainpitch" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                continue
    return None


MAX_CONFIG_BYTES = 1024 * 1024


def load_config(path: Path) -> Config:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise ConfigError(f"{path}: the config is not a regular file (a folder, pipe or device)")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)
        if len(raw) > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: the config is over {MAX_CONFIG_BYTES // 1024} KB; is it the right file?")
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError, RecursionError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise ConfigError(f"{path}: cannot read config: {reason}") from None
    table = data.get("tool", {}).get("plainpitch", {}) if path.name == "pyproject.toml" else data.get("tool", {}).get("plainpitch", data)
    return from_table(table, str(path), path.parent)


def config_for(start: Path) -> Config:
    try:
        here = start.resolve()
    except (RuntimeError, OSError):  # a symlink loop (RuntimeError before Python 3.13): look from where it sits
        here = Path(os.path.abspath(start))
    found = find_config_file(here)
    return load_config(found) if found else Config()
