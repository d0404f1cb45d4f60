"""Rule metadata, the hit a rule yields, and the registry every rule (built-in or plugin) goes through."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from plainpitch.model import SEVERITIES, Span, Suggestion

CATEGORIES = {
    # category: (code prefix, what it covers, sub-score it costs)
    "jargon": ("JRG", "words a buyer does not know", "jargon"),
    "clarity": ("CLR", "wordy, vague or inflated wording", "clarity"),
    "readability": ("RDB", "hard sentences and reading grade", "clarity"),
    "tone": ("TON", "hedges, buzzwords, clichés, passive voice, we-focus", "clarity"),
    "structure": ("STR", "walls of text, buried value, length for the medium", "clarity"),
    "benefits": ("BEN", "features with no benefit, buyer focus", "buyer_focus"),
    "ask": ("CTA", "the call to action and the offer", "ask"),
    "proof": ("PRF", "proof that others bought it and it worked", "proof"),
    "claims": ("CLM", "generic, unfalsifiable claims", "buyer_focus"),
    "talk": ("TLK", "talk dynamics on calls", "talk"),
}
CODE_RE = re.compile(r"^[A-Z]{3}\d{3}$")
NAME_RE = re.compile(r"^[a-z]+(-[a-z0-9]+)*$")
MARK_RE = re.compile(r"\[\[(.+?)\]\]", re.S)


@dataclass(frozen=True)
class Example:
    """A rule example; in ``bad`` examples ``[[…]]`` marks exactly what must be flagged."""

    text: str
    medium: str = ""  # the medium to load it as; empty = the rule's example_medium
    format: str = ""  # loader format: markdown (default), text, html, email, call


@dataclass(frozen=True)
class RuleMeta:
    code: str
    name: str
    category: str
    severity: str
    summary: str  # what it flags, one line
    why: str  # why it costs the sale (cite sources for thresholds)
    message: str  # template: {match}, {replacement} and any hit args
    fix: str  # what to do, one line
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    options: Mapping[str, Any] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    media: tuple[str, ...] = ()  # media the rule runs on; empty = all but calls
    preview: bool = False  # preview rules run only when selected explicitly
    # Off by default (still selectable, and run by --all): a rule whose findings were not at least half useful
    # on the judged real texts. ``default_note`` says what was measured, for the docs.
    default: bool = True
    default_note: str = ""
    # What a finding of this rule costs the sale, for the report's "fix first" order (priority.py):
    # 3 loses it (no ask, an offer with holes, value buried), 2 weakens it (no proof, features with no benefit,
    # a vague button), 1 is friction on the way (a hard sentence, a term to explain).
    impact: int = 1
    kind: str = "python"  # python | existence | substitution | occurrence | metric
    example_medium: str = "text"
    example_format: str = "markdown"
    sources: tuple[str, ...] = ()  # where thresholds come from
    pack: str = ""  # the TOML pack that defines a data rule

    @property
    def subscore(self) -> str:
        return CATEGORIES[self.category][2]

    def runs_on(self, medium: str) -> bool:
        if self.media:
            return medium in self.media
        return medium != "call"


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports; the engine turns it into a Finding (severity, location, message...)."""

    span: Span
    args: Mapping[str, Any] = field(default_factory=dict)
    suggestions: tuple[Suggestion, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)
    message: str | None = None  # overrides the template when the rule needs a bespoke message
    severity: str | None = None  # overrides the rule's severity for this hit (e.g. very hard vs hard)
    fix: str | None = None  # overrides the rule's fix when the advice depends on what was found (the term, the feature)


CheckFn = Callable[[Any, Any], Iterable[Hit]]  # (Document, Context) -> hits


@dataclass(frozen=True)
class Rule:
    meta: RuleMeta
    check: CheckFn

    @property
    def code(self) -> str:
        return self.meta.code


_REGISTRY: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    meta = rule.meta
    if meta.code in _REGISTRY and _REGISTRY[meta.code] is not rule:
        raise ValueError(f"rule code {meta.code} registered twice")
    if meta.severity not in SEVERITIES:
        raise ValueError(f"{meta.code}: severity {meta.severity!r} is not one of {', '.join(SEVERITIES)}")
    _REGISTRY[meta.code] = rule
    return rule


def _examples(items: Iterable[str | Example | Mapping[str, str]]) -> tuple[Example, ...]:
    out = []
    for item in items:
        if isinstance(item, Example):
            out.append(item)
        elif isinstance(item, str):
            out.append(Example(item))
        else:
            out.append(Example(item["text"], item.get("medium", ""), item.get("format", "")))
    return tuple(out)


def make_meta(**fields: Any) -> RuleMeta:
    fields["bad"] = _examples(fields.get("bad", ()))
    fields["good"] = _examples(fields.get("good", ()))
    for key in ("aliases", "media", "sources"):
        if key in fields:
            fields[key] = tuple(fields[key])
    return RuleMeta(**fields)


def rule(**fields: Any) -> Callable[[CheckFn], CheckFn]:
    """Register a Python rule: ``@rule(code=..., name=..., ...)`` over ``def check(doc, ctx)``."""

    def wrap(fn: CheckFn) -> CheckFn:
        register(Rule(make_meta(**fields), fn))
        return fn

    return wrap


def all_rules() -> list[Rule]:
    from plainpitch.rules import loader

    loader.load_all()
    return sorted(_REGISTRY.values(), key=lambda r: r.meta.code)


class UnknownRule(LookupError):
    pass


def find_rule(key: str) -> Rule:
    """A rule by code, name or alias (case-insensitive); the error lists close matches."""
    rules = all_rules()
    wanted = key.strip()
    for r in rules:
        if wanted.upper() == r.meta.code or wanted.lower() == r.meta.name or wanted in r.meta.aliases:
            return r
    import difflib

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


def iter_markers(example: str) -> Iterator[tuple[int, int]]:
    """Offsets of the ``[[…]]`` marks in an example, in the text with the marks removed."""
    removed = 0
    for m in MARK_RE.finditer(example):
        start = m.start() - removed
        yield start, start + len(m.group(1))
        removed += 4


def strip_markers(example: str) -> str:
    return MARK_RE.sub(lambda m: m.group(1), example)
