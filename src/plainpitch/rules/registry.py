"""The one registry: rules (Python checks, TOML packs, third-party plugins), metric providers and details providers.

Everything registers here, in the rules layer, so a rule module never imports the engine. ``load_all()`` imports
every rule module once; the engine reads what registered through ``rules()``, ``metric_providers()`` and
``details_providers()``.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
import re
import tomllib
from collections.abc import Callable, Iterable
from importlib import resources
from importlib.metadata import entry_points
from typing import Any

from plainpitch.model import Document, Metric
from plainpitch.rules.kinds import rule_from_spec
from plainpitch.rules.meta import CheckFn, Rule, RuleContext, make_meta, validate

MetricFn = Callable[[Document, RuleContext], Iterable[Metric]]
DetailsFn = Callable[[Document, RuleContext], "tuple[str, Any] | None"]

_REGISTRY: dict[str, Rule] = {}
# (media, fn): ``media`` empty = every medium but calls, as for rules
_METRICS: list[tuple[tuple[str, ...], MetricFn]] = []
_DETAILS: list[tuple[tuple[str, ...], DetailsFn]] = []
_loaded = False


class UnknownRule(LookupError):
    pass


# -- registering ---------------------------------------------------------------------------------------------
def register(rule: Rule) -> Rule:
    meta = rule.meta
    if meta.code in _REGISTRY and _REGISTRY[meta.code] is not rule:
        raise ValueError(f"rule code {meta.code} registered twice")
    validate(rule)
    _REGISTRY[meta.code] = rule
    return rule


def rule(**fields: Any) -> Callable[[CheckFn], CheckFn]:
    """Register a Python rule: ``@rule(code=..., name=..., ...)`` over ``def check(doc, ctx) -> Iterable[Hit]``."""

    def wrap(fn: CheckFn) -> CheckFn:
        register(Rule(make_meta(**fields), fn))
        return fn

    return wrap


def metric_provider(*media: str) -> Callable[[MetricFn], MetricFn]:
    """Register ``fn(doc, ctx) -> Iterable[Metric]`` for the report's metrics (and the metric rule kind)."""

    def wrap(fn: MetricFn) -> MetricFn:
        _METRICS.append((tuple(media), fn))
        return fn

    return wrap


def details_provider(*media: str) -> Callable[[DetailsFn], DetailsFn]:
    """Register ``fn(doc, ctx) -> (key, JSON-ready value) | None`` for the report's ``details``."""

    def wrap(fn: DetailsFn) -> DetailsFn:
        _DETAILS.append((tuple(media), fn))
        return fn

    return wrap


def applies(media: tuple[str, ...], medium: str) -> bool:
    return medium in media if media else medium != "call"


# -- loading -------------------------------------------------------------------------------------------------
def load_pack(text: str, pack: str) -> None:
    data = tomllib.loads(text)
    for spec in data.get("rule", []):
        register(rule_from_spec(spec, pack))


def load_all() -> None:
    """Import every rule module once: the Python checks, the TOML packs, and third-party plugins (same path)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    checks = importlib.import_module("plainpitch.rules.checks")
    for info in pkgutil.iter_modules(checks.__path__):
        importlib.import_module(f"plainpitch.rules.checks.{info.name}")
    packs = resources.files("plainpitch.rules") / "packs"
    for entry in sorted(packs.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            load_pack(entry.read_text(encoding="utf-8"), entry.name)
    # Third-party rules register through the same decorator when their module is imported.
    for ep in entry_points(group="plainpitch.rules"):
        ep.load()


def all_rules() -> list[Rule]:
    load_all()
    return sorted(_REGISTRY.values(), key=lambda r: r.meta.code)


def metric_providers(medium: str) -> list[MetricFn]:
    load_all()  # providers live beside the rules: load them even when the caller passed its own rules
    return [fn for media, fn in _METRICS if applies(media, medium)]


def details_providers(medium: str) -> list[DetailsFn]:
    load_all()
    return [fn for media, fn in _DETAILS if applies(media, medium)]


# -- finding rules -------------------------------------------------------------------------------------------
def find_rule(key: str) -> Rule:
    """A rule by code, name or alias (case-insensitive); the error lists close matches."""
    rules = all_rules()
    wanted = key.strip()
    for r in rules:
        if wanted.upper() == r.meta.code or wanted.lower() == r.meta.name or wanted in r.meta.aliases:
            return r
    names = [r.meta.code for r in rules] + [r.meta.name for r in rules]
    close = difflib.get_close_matches(wanted, names, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else "; `plainpitch rules` lists them"
    raise UnknownRule(f"unknown rule {key!r}{hint}")


def resolve_selector(key: str) -> set[str]:
    """Codes matched by a --select/--ignore entry: a code, a name, an alias, a prefix (JRG) or ALL."""
    rules = all_rules()
    k = key.strip()
    if k.upper() == "ALL":
        return {r.meta.code for r in rules}
    if k.upper() in {r.meta.code for r in rules}:
        return {k.upper()}
    if re.fullmatch(r"[A-Za-z]{3}\d{0,2}", k):
        prefix = {r.meta.code for r in rules if r.meta.code.startswith(k.upper())}
        if prefix:
            return prefix
    category = [r.meta.code for r in rules if r.meta.category == k.lower()]
    if category:
        return set(category)
    return {find_rule(k).meta.code}
