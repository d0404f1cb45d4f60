"""Data rule kinds: a TOML pack entry becomes a Rule whose check is one of these.

- existence: flag any of ``tokens`` (words or phrases; regex allowed with ``regex = true``)
- substitution: flag each key of ``swap`` and suggest its value
- occurrence: flag a scope (sentence | paragraph | document) where ``token`` occurs more than ``max`` times
- metric: flag the document when a named metric is above ``max`` or below ``min`` (thresholds may name a
  profile key, e.g. ``max = "profile:grade.document"``)

What an entry reads is ``reads`` (see ``rules.meta.SCOPES``); without it the word kinds read the seller's part
(``KIND_READS``), and the engine hands the check only that, so no check here filters the buyer's turns itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from plainpitch.model import Span, Suggestion
from plainpitch.rules.meta import Hit, Rule, make_meta
from plainpitch.text import lazy_re
from plainpitch.text.wordsets import phrase_triggers, word_sets

# Units that hold prose a buyer reads (code never reaches the Document at all).
PROSE_KINDS = frozenset({"subject", "heading", "paragraph", "list_item", "cta", "link", "quote", "table_cell", "turn"})


def _phrase_pattern(phrases: Iterable[str], regex: bool) -> str:
    alts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        if regex:
            alts.append(p)
        else:
            alts.append(r"\s+".join(re.escape(w) for w in p.split()))
    return r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])"


def _compile(phrases: Iterable[str], ignorecase: bool, regex: bool = False) -> re.Pattern[str]:
    return lazy_re.compile(_phrase_pattern(phrases, regex), re.IGNORECASE if ignorecase else 0)


def _triggers(spec: Mapping[str, Any], phrases: Iterable[str]) -> frozenset[str] | None:
    """One word each phrase needs (text/wordsets.py): a unit or sentence without any is not searched. Regex
    entries have no gate."""
    return None if spec.get("regex", False) else phrase_triggers(phrases)


def _match_case(replacement: str, original: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# A phrase in quotation marks is mentioned, not used: 'no more awkward "just checking in" emails' names the habit it
# cures. Double quotes and typographic single quotes only: a straight apostrophe is also "you're".
_QUOTED_RE = lazy_re.compile(r"[\"“„‘]([^\"“”„‘’\n]{1,80})[\"”’]")


def existence_check(spec: Mapping[str, Any]):
    pattern = _compile(spec["tokens"], spec.get("ignorecase", True), spec.get("regex", False))
    exceptions = {e.lower() for e in spec.get("exceptions", ())}
    # once_per_sentence: the first match of a sentence is the finding and the others go in its data (three hedges
    # in one sentence are one thing to fix)
    once = spec.get("once_per_sentence", False)
    triggers = _triggers(spec, spec["tokens"])

    def check(doc, ctx) -> Iterable[Hit]:
        text = doc.text
        units = doc.units
        for index in word_sets(doc).units_with(triggers):  # the others cannot match
            unit = units[index]
            quoted = [q.span(1) for q in _QUOTED_RE.finditer(text, unit.start, unit.end)]
            found = [m for m in pattern.finditer(text, unit.start, unit.end)
                     if m.group(0).lower() not in exceptions and not ctx.allowed(m.group(0))
                     and not any(a <= m.start() and m.end() <= b for a, b in quoted)]  # fmt: skip
            if not once:
                for m in found:
                    yield Hit(Span(m.start(), m.end()), {"match": m.group(0)})
                continue
            for sentence in doc.sentences[_first_sentence(doc, unit.start) :]:
                if sentence.start >= unit.end:
                    break
                inside = [m for m in found if sentence.start <= m.start() < sentence.end]
                if inside:
                    m = inside[0]
                    yield Hit(Span(m.start(), m.end()), {"match": m.group(0)},
                              data={"also": [x.group(0) for x in inside[1:]]} if len(inside) > 1 else {})  # fmt: skip

    return check


def _first_sentence(doc, offset: int) -> int:
    """Index of the first sentence that ends after ``offset``."""
    lo, hi = 0, len(doc.sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def substitution_check(spec: Mapping[str, Any]):
    ignorecase = spec.get("ignorecase", True)
    swap = {(k.lower() if ignorecase else k): v for k, v in spec["swap"].items()}
    pattern = _compile(swap, ignorecase, spec.get("regex", False))
    triggers = _triggers(spec, swap)

    def check(doc, ctx) -> Iterable[Hit]:
        text = doc.text
        units = doc.units
        for index in word_sets(doc).units_with(triggers):  # the others cannot match
            unit = units[index]
            for m in pattern.finditer(text, unit.start, unit.end):
                found = m.group(0)
                if ctx.allowed(found):
                    continue
                key = " ".join(found.split())
                repl = swap.get(key.lower() if ignorecase else key, "")
                options = [o.strip() for o in re.split(r"\s*(?:,|\bor\b)\s*", repl) if o.strip()] or [repl]
                yield Hit(
                    Span(m.start(), m.end()),
                    {"match": found, "replacement": repl},
                    tuple(Suggestion(_match_case(o, found)) for o in options[:3] if o),
                )

    return check


def occurrence_check(spec: Mapping[str, Any]):
    pattern = _compile(spec["tokens"], spec.get("ignorecase", True), spec.get("regex", False))
    scope = spec.get("scope", "sentence")
    triggers = _triggers(spec, spec["tokens"])

    def check(doc, ctx) -> Iterable[Hit]:
        limit = ctx.option("max", spec.get("max", 1))
        text = doc.text
        # a window without a trigger word counts no match: skipped, unless a count of 0 is already too many
        gate = triggers if isinstance(limit, int | float) and limit >= 0 else None
        sets = word_sets(doc)
        # each window: (its span, the stretches counted in it); a document window counts only the units the rule
        # reads (on a call, not the buyer's turns between them)
        if scope == "sentence":
            sentences = doc.sentences
            windows = [((s.start, s.end), [(s.start, s.end)]) for s in map(sentences.__getitem__,
                                                                            sets.sentences_with(gate))]  # fmt: skip
        elif scope == "paragraph":
            units = doc.units
            windows = [((u.start, u.end), [(u.start, u.end)]) for u in map(units.__getitem__, sets.units_with(gate))]
        else:
            units = doc.units
            stretches = [(u.start, u.end) for u in map(units.__getitem__, sets.units_with(gate))]
            windows = [((units[0].start, units[-1].end), stretches)] if units else []
        for (start, end), stretches in windows:
            found = [m for s, e in stretches for m in pattern.finditer(text, s, e)]
            if len(found) > limit:
                yield Hit(Span(start, end), {"count": len(found), "max": limit, "match": found[0].group(0)})

    return check


def metric_check(spec: Mapping[str, Any]):
    name = spec["metric"]
    min_words = spec.get("min_words", 0)  # a metric over a few words is noise: judge only copy this long

    def check(doc, ctx) -> Iterable[Hit]:
        value = ctx.metric(name)
        if value is None or not doc.units or doc.word_count < ctx.option("min_words", min_words):
            return
        high = ctx.threshold(spec["max"]) if "max" in spec else None
        low = ctx.threshold(spec["min"]) if "min" in spec else None
        if (high is not None and value > high) or (low is not None and value < low):
            first = doc.units[0]
            yield Hit(
                Span(first.start, first.end),
                {"value": round(value, 1), "max": high, "min": low, "metric": name},
                data={"scope": "document", "metric": name, "value": value},
            )

    return check


KINDS = {
    "existence": existence_check,
    "substitution": substitution_check,
    "occurrence": occurrence_check,
    "metric": metric_check,
}
META_KEYS = {
    "code", "name", "category", "severity", "summary", "why", "message", "fix", "bad", "good", "options",
    "aliases", "media", "preview", "example_medium", "example_format", "sources", "fields", "default", "default_note", "impact", "example_profile",
}  # fmt: skip


# What a data rule reads unless its entry says (``reads``): the word kinds read what the seller wrote or said; a
# metric rule reads the metrics, which describe the whole document.
KIND_READS = {"existence": "seller", "substitution": "seller", "occurrence": "seller", "metric": "document"}
# The message fields each kind's hits carry ({match} comes with every finding): a pack's message may use only these.
KIND_FIELDS = {"existence": (), "substitution": ("replacement",), "occurrence": ("count", "max"),
               "metric": ("value", "max", "min", "metric")}  # fmt: skip


def rule_from_spec(spec: Mapping[str, Any], pack: str) -> Rule:
    kind = spec.get("kind")
    if kind not in KINDS:
        raise ValueError(f"{pack}: rule {spec.get('code')} has kind {kind!r}; use one of {', '.join(KINDS)}")
    fields = {k: v for k, v in spec.items() if k in META_KEYS}
    # what the rule reads (``scope`` already names an occurrence rule's counting window)
    fields["scope"] = spec.get("reads", KIND_READS[kind])
    fields.setdefault("fields", KIND_FIELDS[kind])
    meta = make_meta(kind=kind, pack=pack, **fields)
    return Rule(meta, KINDS[kind](spec))
