"""run rules over a Document -> DocumentReport: selection, suppressions, severities, locations, metrics, score."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from plainpitch import priority, scoring
from plainpitch.analysis import completeness, regions
from plainpitch.analysis.reader import AUDIENCE_NAMES, Reader, infer_reader
from plainpitch.config import Config
from plainpitch.medium import infer
from plainpitch.model import (
    SEVERITY_RANK,
    Document,
    DocumentReport,
    Finding,
    Location,
    Metric,
    Sentence,
    Suppression,
    Token,
    Unit,
)
from plainpitch.profiles import thresholds
from plainpitch.rules.meta import Hit, Rule, template_fields
from plainpitch.rules.registry import (  # noqa: F401 - the provider decorators stay importable from here for now
    all_rules,
    details_provider,
    details_providers,
    metric_provider,
    metric_providers,
    resolve_selector,
)
from plainpitch.text.language import looks_english

DEFAULT_PROFILE = "business"  # calls, and copy too short to read a reader from


def choose_reader(doc: Document, config: Config, medium: str,
                  cache: dict[str, Any] | None = None) -> tuple[str, dict[str, Any], str | None]:  # fmt: skip
    """(profile, details["reader"], note): the user's reader when set, else the one the copy is written for. The
    inferred reader goes into ``cache`` (the rule context's whole-document analyses) so no rule infers it again."""
    if medium == "call":
        profile = config.profile or DEFAULT_PROFILE
        return profile, {"profile": profile, "set_by": "user" if config.profile else "default"}, None
    reader: Reader = infer_reader(doc)
    if cache is not None:
        cache["reader"] = reader  # the rules ask for it through analysis.reader.reader_of
    info = {"profile": config.profile or reader.profile, "inferred": reader.profile,
            "set_by": "user" if config.profile else "inferred", "reasons": list(reader.reasons),
            "evidence": reader.evidence}  # fmt: skip
    info["described"] = reader.describe()
    if config.profile is not None and config.profile != reader.profile:
        note = (f"reader: you chose {AUDIENCE_NAMES[config.profile]}, but the copy reads as written for "
                f"{reader.describe()}")  # fmt: skip
    else:
        note = None
    return info["profile"], info, note


class Context:
    """What a rule may ask while it runs: thresholds, options, vocabulary, metrics, shared caches."""

    def __init__(self, doc: Document, config: Config, medium: str, profile: str | None = None) -> None:
        self.doc = doc
        self.config = config
        self.medium = medium
        self.profile = profile or config.profile or DEFAULT_PROFILE
        self.context = config.context
        self.thresholds = thresholds(self.profile, config.context, config.thresholds)
        self.cache: dict[str, Any] = {}
        # analyses of the whole Document the engine made before the rules run (the inferred reader): every rule
        # gets these, whichever part of the Document it reads
        self.document_wide: dict[str, Any] = {}
        self._metrics: dict[str, Metric] | None = None
        self._rule: Rule | None = None
        # the scope of the Document the running rule reads, when it is not the whole one: what a rule memoises
        # over its view is kept apart from what the whole Document gives (sentence indices differ)
        self._view = ""
        self._vocab_lower = {v.lower() for v in config.vocabulary}

    # -- per rule ------------------------------------------------------------------------------------
    def option(self, name: str, default: Any = None) -> Any:
        rule = self._rule
        if rule is None:
            return default
        configured = self.config.rule_options.get(rule.meta.code) or self.config.rule_options.get(rule.meta.name) or {}
        if name in configured:
            return configured[name]
        return rule.meta.options.get(name, default)

    def threshold(self, key: Any) -> Any:
        """A number, or ``"profile:<key>"`` / a bare profile key looked up in the merged thresholds."""
        if isinstance(key, str):
            name = key.removeprefix("profile:")
            return self.thresholds[name]
        return key

    def allowed(self, term: str) -> bool:
        """True when the project vocabulary lists the term (case-insensitive, whole term)."""
        return bool(self._vocab_lower) and term.lower() in self._vocab_lower

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        if key in self.document_wide:
            return self.document_wide[key]
        if self._view:
            key = f"{self._view}|{key}"
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    # -- metrics -------------------------------------------------------------------------------------
    @property
    def metrics(self) -> dict[str, Metric]:
        if self._metrics is None:
            self._metrics = {}
            for fn in metric_providers(self.medium):
                for metric in fn(self.doc, self):
                    self._metrics[metric.name] = metric
        return self._metrics

    def metric(self, name: str) -> Any:
        found = self.metrics.get(name)
        return None if found is None else found.value


def selected_rules(config: Config, medium: str) -> list[Rule]:
    rules = all_rules()
    explicit: set[str] = set()
    for key in config.select:
        explicit |= resolve_selector(key)
    ignored: set[str] = set()
    for key in config.ignore:
        ignored |= resolve_selector(key)
    chosen = []
    for r in rules:
        code = r.meta.code
        if code in ignored or config.severity.get(code) == "none":
            continue
        if explicit and code not in explicit:
            continue
        if (r.meta.preview or not r.meta.default) and code not in explicit and not config.all:
            continue
        if not r.meta.runs_on(medium):
            continue
        chosen.append(r)
    return chosen


# -- what a rule reads -----------------------------------------------------------------------------------------
def _in_scope(unit: Unit, scope: str) -> bool:
    if scope == "copy":
        return unit.turn is None and unit.kind != "turn"
    if scope == "seller":
        return not unit.by_buyer
    if scope == "buyer":
        return unit.by_buyer
    return True


def scoped(doc: Document, scope: str) -> Document:
    """The Document a rule with this scope reads: only the units in scope, with their sentences and words, at the
    same offsets into the same text (so a hit's span needs no mapping). The document itself when all are in."""
    keep = [i for i, unit in enumerate(doc.units) if _in_scope(unit, scope)]
    if len(keep) == len(doc.units):
        return doc
    new_unit = {old: new for new, old in enumerate(keep)}
    sentences: list[Sentence] = []
    words: list[Token] = []
    for s in doc.sentences:
        unit = new_unit.get(s.unit)
        if unit is None:
            continue
        first = len(words)
        index = len(sentences)
        words.extend(Token(t.start, t.end, t.text, unit, index) for t in doc.words[s.word_start : s.word_end])
        sentences.append(Sentence(s.start, s.end, s.text, unit, first, len(words)))
    return replace(doc, units=tuple(doc.units[i] for i in keep), sentences=tuple(sentences), words=tuple(words),
                   meta={**doc.meta, "scope": scope})  # fmt: skip


class Suppressions:
    """A document's ``plainpitch: ignore`` comments, asked "does one silence this rule at this offset?". Per rule,
    the ranges that name it (or name no code) are merged once and bisected: a scan of every comment for each
    finding grew with the square of a file full of them."""

    def __init__(self, suppressions: tuple[Suppression, ...]) -> None:
        self._all = suppressions
        self._by_rule: dict[tuple[str, str], tuple[list[int], list[int]]] = {}

    def silence(self, code: str, name: str, offset: int) -> bool:
        if not self._all:
            return False
        ranges = self._by_rule.get((code, name))
        if ranges is None:
            ranges = self._by_rule[(code, name)] = self._merged(code, name)
        starts, ends = ranges
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    def _merged(self, code: str, name: str) -> tuple[list[int], list[int]]:
        # a comment covers [start, end), and at least its start offset (as it always has)
        spans = sorted((s.start, max(s.end, s.start + 1)) for s in self._all
                       if not s.codes or code in s.codes or name in s.codes)  # fmt: skip
        starts: list[int] = []
        ends: list[int] = []
        for start, end in spans:
            if starts and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        return starts, ends


def _inside(ranges: Any, pos: int) -> bool:
    """``pos`` lies in one of the ranges (``regions.Ranges`` bisects; a plain list is scanned)."""
    if isinstance(ranges, regions.Ranges):
        return ranges.contains(pos)
    return any(s <= pos < e for s, e in ranges)


def make_finding(doc: Document, rule: Rule, hit: Hit, severity: str, decisive: list[tuple[int, int]] = ()) -> Finding:
    meta = rule.meta
    src_start, src_end = doc.source_span(hit.span)
    line, col = doc.line_col(src_start)
    end_line, end_col = doc.line_col(src_end)
    text = doc.span_text(hit.span)
    args = {"match": text, **hit.args}
    if meta.fields is not None and hit.message is None:
        missing = template_fields(meta.message) - set(args)
        if missing:  # the rule declared its fields: a hit without one is the rule's bug, not a message to guess
            raise ValueError(f"{meta.code}: a hit lacks the message field(s) {', '.join(sorted(missing))}")
    if hit.message is not None:
        message = hit.message
    else:
        try:
            message = meta.message.format(**args)
        except (KeyError, IndexError, ValueError):
            message = meta.message
    unit = doc.units[doc.unit_at(hit.span.start)] if doc.units else None
    turn = unit.turn if unit is not None else None
    return Finding(
        code=meta.code,
        name=meta.name,
        category=meta.category,
        severity=severity,
        message=message,
        fix=hit.fix or meta.fix,
        span=hit.span,
        location=Location(src_start, src_end, line, col, end_line, end_col),
        text=text,
        suggestions=hit.suggestions,
        data=dict(hit.data),
        turn=turn.index if turn is not None else None,
        time=turn.time.start if turn is not None and turn.time is not None else None,
        cost=priority.cost(meta.impact, severity, hit.data.get("scope") == "document"
                           or _inside(decisive, hit.span.start)),
    )


def analyze(doc: Document, config: Config | None = None, *, rules: list[Rule] | None = None) -> DocumentReport:
    """Run the rules over one document."""
    config = config or Config()
    medium = "call" if doc.medium == "call" else config.medium or infer(doc)  # a call stays a call
    found: dict[str, Any] = {}
    profile, reader, reader_note = choose_reader(doc, config, medium, found)
    ctx = Context(doc, config, medium, profile)
    ctx.document_wide.update(found)
    notes: list[str] = [reader_note] if reader_note and doc.sentences else []
    if doc.sentences and completeness.includes_parts(doc):
        notes.append(completeness.NOTE)
    elif doc.sentences and completeness.store_listing(doc):
        notes.append(completeness.NOTE_STORE)
    findings: list[Finding] = []
    english = looks_english(doc)
    if rules is None:
        rules = selected_rules(config, medium)
    if not english:
        rules = [r for r in rules if r.meta.any_language]
        kept = ", ".join(r.meta.code for r in rules)
        notes.append("the text does not look like English; plainpitch's rules are for English, so they were skipped"
                     + (f" (except those that read the page's structure, not its words: {kept})" if kept else ""))
    elif not doc.sentences:
        notes.append("no sentences to check")
    min_rank = SEVERITY_RANK[config.min_severity]
    decisive = regions.Ranges(regions.decisive_ranges(doc, medium, ctx.thresholds) if rules and medium != "call" else [])
    seen: set[tuple[str, int, int]] = set()
    suppressions = Suppressions(doc.suppressions)
    for rule in rules:
        ctx._rule = rule
        ctx._view = ""
        code = rule.meta.code
        scope = rule.meta.scope
        view = doc if scope == "document" else ctx.memo(f"scope:{scope}", lambda s=scope: scoped(doc, s))
        ctx._view = "" if view is doc else scope
        inside = None if view is doc else {(u.start, u.end) for u in view.units}
        for hit in rule.check(view, ctx):
            if inside is not None:
                unit = doc.units[doc.unit_at(hit.span.start)] if doc.units else None
                if unit is None or (unit.start, unit.end) not in inside:
                    continue  # outside what the rule declared it reads
            severity = config.severity.get(code) or hit.severity or rule.meta.severity
            if SEVERITY_RANK[severity] < min_rank:
                continue
            key = (code, hit.span.start, hit.span.end)
            if key in seen or suppressions.silence(code, rule.meta.name, hit.span.start):
                continue
            seen.add(key)
            findings.append(make_finding(doc, rule, hit, severity, decisive))
    ctx._rule = None
    ctx._view = ""
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    metrics = tuple(ctx.metrics.values()) if english else ()
    details: dict[str, Any] = {"reader": reader}
    if english:
        for fn in details_providers(medium):
            item = fn(doc, ctx)
            if item is not None:
                details[item[0]] = item[1]
    score = scoring.score(doc, findings, ctx) if english and doc.sentences else None
    if english and doc.sentences and score is None:
        notes.append("too little copy to judge (a few words or only links): no score")
    notes.extend(ctx.cache.get("notes", ()))  # from the analyses: a configured model's use or failure (check --llm)
    return DocumentReport(
        path=doc.path,
        format=doc.format,
        medium=medium,
        profile=profile,
        context=config.context,
        findings=tuple(findings),
        metrics=metrics,
        score=score,
        document=doc,
        details=details,
        notes=tuple(notes),
        top=priority.top_fixes(findings),
    )
