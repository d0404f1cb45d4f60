"""What a rule is: its metadata, the hit it yields, the check signature and what a rule may declare it reads.

Nothing here registers or runs a rule (that is ``registry`` and the engine); this module imports only the model,
so the data rule kinds, the registry and the rule modules can all build on it without an import cycle.
"""

from __future__ import annotations

import inspect
import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from plainpitch.model import SEVERITIES, Document, Span, Suggestion
from plainpitch.text import lazy_re

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
CODE_RE = lazy_re.compile(r"^[A-Z]{3}\d{3}$")
NAME_RE = lazy_re.compile(r"^[a-z]+(-[a-z0-9]+)*$")
# "[[Submit]]" marks "Submit" (also inside "[CTA: [[Submit]]]"); "[[[First Name]]]" marks "[First Name]"
MARK_RE = lazy_re.compile(r"\[\[(\[[^\]]+\]|.+?)\]\]", re.S)

# What a rule reads (``scope=`` in @rule or a pack). The engine hands a scoped rule a Document that holds only
# those units (offsets into the same text, so its spans map back unchanged) and drops any hit outside them.
SCOPES = {
    "document": "the whole document (the default: a rule that declares nothing reads everything)",
    "copy": "copy units only (headings, paragraphs, list items, buttons...; never a call turn)",
    "seller": "what the seller wrote or said: every copy unit, and the turns on a call that are not the buyer's",
    "buyer": "the buyer's turns on a call",
}
# Message fields every finding has without the rule giving them.
BUILTIN_FIELDS = frozenset({"match"})
# Rule examples kept in files (long transcripts, whole pages) live here, one file per example.
EXAMPLES_DIR = resources.files("plainpitch.rules") / "examples"


class RuleContext(Protocol):
    """What a check may ask while it runs (the engine's Context implements it)."""

    medium: str
    profile: str
    context: str

    def option(self, name: str, default: Any = None) -> Any: ...
    def threshold(self, key: Any) -> Any: ...
    def allowed(self, term: str) -> bool: ...
    def memo(self, key: str, compute: Callable[[], Any]) -> Any: ...
    def metric(self, name: str) -> Any: ...


@dataclass(frozen=True)
class Example:
    """A rule example; in ``bad`` examples ``[[…]]`` marks exactly what must be flagged.

    ``file`` names a fixture (relative to ``plainpitch/rules/examples/``, or absolute) whose content is the text:
    long transcripts and whole pages belong in files, not in rule modules.
    """

    text: str
    medium: str = ""  # the medium to load it as; empty = the rule's example_medium
    format: str = ""  # loader format: markdown (default), text, html, email, call
    file: str = ""  # where the text was read from, when it lives in a fixture file


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
    # A finding that makes the buyer doubt everything else on the page (placeholder text, a faked thread, a wrong
    # sum): the score discounts the whole text for it, not one part (scoring.TRUST_FACTOR).
    breaks_trust: bool = False
    # A rule that reads the page's structure, not its words (a button that goes nowhere, git's conflict markers):
    # it runs on copy in any language, where the rules that read English words are skipped.
    any_language: bool = False
    kind: str = "python"  # python | existence | substitution | occurrence | metric
    example_medium: str = "text"
    example_format: str = "markdown"
    example_profile: str = ""  # the reader the examples are written for (empty: inferred from each example)
    sources: tuple[str, ...] = ()  # where thresholds come from
    pack: str = ""  # the TOML pack that defines a data rule
    scope: str = "document"  # what the rule reads: one of SCOPES
    fields: tuple[str, ...] | None = None  # the args every hit carries; None = not declared (not checked)

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


CheckFn = Callable[[Document, RuleContext], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    meta: RuleMeta
    check: CheckFn

    @property
    def code(self) -> str:
        return self.meta.code


@lru_cache(maxsize=1024)
def template_fields(message: str) -> frozenset[str]:
    """The names a message template uses (``{share}%`` -> share; ``{value:.1f}`` -> value); parsed once per
    template, as the engine checks every hit against it."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(message):
        if name:
            names.add(re.split(r"[.\[]", name, maxsplit=1)[0])
    return frozenset(names)


def validate(rule: Rule) -> None:
    """What registration checks: a rule that breaks one of these is refused with one line naming it."""
    meta = rule.meta
    if meta.severity not in SEVERITIES:
        raise ValueError(f"{meta.code}: severity {meta.severity!r} is not one of {', '.join(SEVERITIES)}")
    if meta.scope not in SCOPES:
        raise ValueError(f"{meta.code}: scope {meta.scope!r} is not one of {', '.join(SCOPES)}")
    if meta.fields is not None:
        try:
            used = template_fields(meta.message)
        except ValueError as exc:
            raise ValueError(f"{meta.code}: message template is malformed: {exc}") from None
        undeclared = used - set(meta.fields) - BUILTIN_FIELDS
        if undeclared:
            raise ValueError(
                f"{meta.code}: message uses {', '.join(sorted(undeclared))} but declares only fields "
                f"{', '.join(meta.fields) or '(none)'}"
            )
    if not callable(rule.check):
        raise ValueError(f"{meta.code}: check is not callable")
    try:
        inspect.signature(rule.check).bind(None, None)
    except TypeError:
        raise ValueError(f"{meta.code}: check must take (doc, ctx)") from None
    except ValueError:  # a builtin without a signature: nothing to check
        pass


def _read_example(name: str) -> str:
    path = Path(name)
    target = path if path.is_absolute() else EXAMPLES_DIR.joinpath(*path.parts)
    try:
        return target.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"rule example file {name}: {exc.strerror or exc}") from None


def _examples(items: Iterable[str | Example | Mapping[str, str]]) -> tuple[Example, ...]:
    out = []
    for item in items:
        if isinstance(item, Example):
            out.append(item)
        elif isinstance(item, str):
            out.append(Example(item))
        elif "file" in item:
            out.append(Example(_read_example(item["file"]), item.get("medium", ""), item.get("format", ""), item["file"]))
        else:
            out.append(Example(item["text"], item.get("medium", ""), item.get("format", "")))
    return tuple(out)


def make_meta(**fields: Any) -> RuleMeta:
    fields["bad"] = _examples(fields.get("bad", ()))
    fields["good"] = _examples(fields.get("good", ()))
    for key in ("aliases", "media", "sources"):
        if key in fields:
            fields[key] = tuple(fields[key])
    if fields.get("fields") is not None:
        fields["fields"] = tuple(fields["fields"])
    return RuleMeta(**fields)


def iter_markers(example: str) -> Iterator[tuple[int, int]]:
    """Offsets of the ``[[…]]`` marks in an example, in the text with the marks removed."""
    removed = 0
    for m in MARK_RE.finditer(example):
        start = m.start() - removed
        yield start, start + len(m.group(1))
        removed += 4


def strip_markers(example: str) -> str:
    return MARK_RE.sub(lambda m: m.group(1), example)
