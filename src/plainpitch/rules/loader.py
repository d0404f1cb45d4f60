"""Loads every rule once: the Python checks, the TOML packs, and third-party plugins (same path for all)."""

from __future__ import annotations

import importlib
import pkgutil
import tomllib
from importlib import resources

from plainpitch.rules.base import register
from plainpitch.rules.kinds import rule_from_spec

_loaded = False


def load_pack(text: str, pack: str) -> None:
    data = tomllib.loads(text)
    for spec in data.get("rule", []):
        register(rule_from_spec(spec, pack))


def load_all() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    import plainpitch.rules.checks as checks

    for info in pkgutil.iter_modules(checks.__path__):
        importlib.import_module(f"plainpitch.rules.checks.{info.name}")
    packs = resources.files("plainpitch.rules") / "packs"
    for entry in sorted(packs.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            load_pack(entry.read_text(encoding="utf-8"), entry.name)
    # Third-party rules register through the same decorator when their module is imported.
    from importlib.metadata import entry_points

    for ep in entry_points(group="plainpitch.rules"):
        ep.load()
