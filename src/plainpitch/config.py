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


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    return tuple(str(v) for v in value)


def from_table(table: dict[str, Any], source: str | None = None, base_dir: Path | None = None) -> Config:
    vocab = set(_as_tuple(table.get("vocabulary")))
    vocab_file = table.get("vocabulary-file")
    if vocab_file:
        path = (base_dir or Path.cwd()) / vocab_file
        try:
            vocab.update(
                line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")
            )
        except OSError as exc:
            raise ConfigError(f"{source}: cannot read vocabulary-file {vocab_file}: {exc.strerror}") from None
    cfg = Config(
        profile=table.get("profile"),
        context=table.get("context", "self-serve"),
        medium=table.get("medium"),
        select=_as_tuple(table.get("select")),
        ignore=_as_tuple(table.get("ignore")),
        min_severity=table.get("min-severity", "suggestion"),
        fail_on=table.get("fail-on", "warning"),
        include=_as_tuple(table.get("include")) or DEFAULT_INCLUDE,
        exclude=_as_tuple(table.get("exclude")),
        vocabulary=frozenset(vocab),
        severity=dict(table.get("severity", {})),
        thresholds=dict(table.get("thresholds", {})),
        rule_options={k: dict(v) for k, v in table.get("rules", {}).items()},
        call=dict(table.get("call", {})),
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


def load_config(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    table = data.get("tool", {}).get("plainpitch", {}) if path.name == "pyproject.toml" else data.get("tool", {}).get("plainpitch", data)
    return from_table(table, str(path), path.parent)


def config_for(start: Path) -> Config:
    found = find_config_file(start.resolve())
    return load_config(found) if found else Config()
