"""The rewrite pipeline: findings -> candidate rewrites -> plainpitch's own checks -> offered, dropped, questions.

    report = engine.analyze(doc, config)
    result = rewrite(report, config)              # offline rewriters only
    result = rewrite(report, config, model=llm)   # a model first, the offline rewriters as a fallback
    result.combined_source                        # every offered rewrite that fits with the others, applied

Each candidate is checked alone against the original (check.verify); the offered ones are then applied
together, in order, each re-checked on the text the earlier ones made, so that the combined file passes the
same checks as each rewrite did alone.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from plainpitch.model import SEVERITY_RANK, DocumentReport, Finding
from plainpitch.rewrite.check import Baseline, grammar, passage, verify
from plainpitch.rewrite.edits import EditRefused, overlaps, protected_spans, to_source, touches
from plainpitch.rewrite.model import DROPPED, OFFERED, QUESTION, Candidate, Outcome, SourceEdit
from plainpitch.rewrite.rewriters import for_code
from plainpitch.rewrite.rewriters.page import Page
from plainpitch.rewrite.rewriters.questions import ask

# A candidate maker beyond the offline rewriters (the model): (finding, page) -> candidates
Proposer = Callable[[Finding, Page], Iterable[Candidate]]


@dataclass
class RewriteResult:
    path: str
    format: str
    source: str
    report: DocumentReport
    outcomes: list[Outcome]
    combined_source: str = ""
    applied: list[Outcome] = field(default_factory=list)
    score_after: float | None = None
    notes: list[str] = field(default_factory=list)
    # the score `plainpitch check` shows by default (the rules on by default), before and after the applied rewrites
    shown_before: float | None = None
    shown_after: float | None = None

    @property
    def score_before(self) -> float | None:
        return self.report.score.overall if self.report.score else None

    def counts(self) -> dict[str, int]:
        out = {OFFERED: 0, DROPPED: 0, QUESTION: 0}
        for o in self.outcomes:
            out[o.status] += 1
        return out


def analyser(report: DocumentReport, config: Any) -> Callable[[str], DocumentReport]:
    """(source) -> report for the same path, format, medium and configuration; the last few are cached."""
    from plainpitch.config import Config
    from plainpitch.engine import analyze
    from plainpitch.ingest import load_text

    doc = report.document
    assert doc is not None
    # the same reader and medium as the original: a rewrite must not be judged for a different buyer
    cfg = dataclasses.replace(config or Config(), medium=report.medium if report.medium != "call" else None,
                              profile=report.profile)
    cache: OrderedDict[str, DocumentReport] = OrderedDict()

    def run(source: str) -> DocumentReport:
        if source in cache:
            cache.move_to_end(source)
            return cache[source]
        out = analyze(load_text(source, doc.path, doc.format), cfg)
        cache[source] = out
        if len(cache) > 8:
            cache.popitem(last=False)
        return out

    return run


def baseline(report: DocumentReport, config: Any) -> Baseline:
    """The original as every candidate is compared with it. When the rewrite runs every rule (``config.all``, as
    `plainpitch rewrite` does to find more to rewrite), the score `plainpitch check` shows by default is guarded too."""
    shown = None
    if config is not None and getattr(config, "all", False):
        by_default = analyser(report, dataclasses.replace(config, all=False))

        def shown(source: str) -> float | None:
            out = by_default(source)
            return out.score.overall if out.score else None

    return Baseline.of(report, analyser(report, config), shown)


def _place(candidate: Candidate, base: Baseline, protected) -> tuple[tuple[SourceEdit, ...], str | None]:
    placed = []
    for edit in candidate.edits:
        what = touches(edit, protected)
        if what:
            return (), f"would touch {what}"
        try:
            placed.append(to_source(base.doc, edit))
        except EditRefused as exc:
            return (), str(exc)
    return tuple(placed), None


def _by_unit(doc, edits) -> list[tuple]:
    """The edits grouped by the block they fall in (a rewrite of the whole copy touches many): each group's
    passage is checked for English on its own."""
    groups: dict[int, list] = {}
    for e in edits:
        groups.setdefault(doc.unit_at(e.start), []).append(e)
    return [tuple(g) for _, g in sorted(groups.items())]


def check_candidate(candidate: Candidate, base: Baseline, protected) -> Outcome:
    if not candidate.edits:
        if candidate.kind == "question":
            return Outcome(candidate, QUESTION)
        return Outcome(candidate, DROPPED, reasons=[candidate.note or "no change"])
    before, after, _, _ = passage(base.doc, candidate.edits)
    outcome = Outcome(candidate, DROPPED, before=before, after=after, score_before=base.score)
    source_edits, refused = _place(candidate, base, protected)
    if refused:
        outcome.reasons.append(refused)
        return outcome
    outcome.source_edits = source_edits
    english = [p for group in _by_unit(base.doc, candidate.edits) for p in grammar(*passage(base.doc, group)[:2])]
    if english:
        outcome.reasons.append("does not read as English: " + "; ".join(english[:3]))
        return outcome  # not worth an analysis
    reasons, effect, report = verify(candidate, base, source_edits)
    outcome.reasons.extend(reasons)
    outcome.effect = effect
    if report is not None and report.score is not None:
        outcome.score_after = report.score.overall
    if not reasons:
        outcome.status = OFFERED
    return outcome


def rewrite(
    report: DocumentReport,
    config: Any = None,
    *,
    model: Proposer | None = None,
    codes: Iterable[str] | None = None,
    span: tuple[int, int] | None = None,
    only: Callable[[Finding], bool] | None = None,
    questions: bool = True,
) -> RewriteResult:
    """Rewrites for the findings of one analysed document (``span``: only findings inside that range of
    Document.text, for a selected passage; ``only``: only the findings it accepts)."""
    doc = report.document
    assert doc is not None, "rewrite needs the report's document"
    base = baseline(report, config)
    page = Page(report)
    protected = protected_spans(doc)
    wanted = set(codes) if codes else None
    outcomes: list[Outcome] = []
    findings = sorted(report.findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.span.start))
    # a jargon-dense sentence gets one question about its terms, not one per term
    dense = [(f.span.start, f.span.end) for f in report.findings if f.code == "JRG003"]
    asked_sentences: set[int] = set()
    for finding in findings:
        if wanted is not None and finding.code not in wanted:
            continue
        if span is not None and not (span[0] <= finding.span.start and finding.span.end <= span[1] or
                                     finding.span.start <= span[0] < finding.span.end):  # fmt: skip
            continue
        if only is not None and not only(finding):
            continue
        rewriters = for_code(finding.code)
        makers: list[Callable[[], Iterable[Candidate]]] = []
        if model is not None:
            makers.append(lambda f=finding: model(f, page))
        makers.extend((lambda f=finding, r=r: r(f, page)) for r in rewriters)
        tried: list[Outcome] = []
        for make in makers:
            for candidate in make():
                outcome = check_candidate(candidate, base, protected)
                tried.append(outcome)
                if outcome.status == OFFERED:
                    break
            if tried and tried[-1].status == OFFERED:
                break
        offered = [o for o in tried if o.status == OFFERED]
        if offered:
            outcomes.append(offered[0])
        else:
            outcomes.extend(o for o in tried if o.status == DROPPED)
            covered = False
            if finding.code in ("JRG001", "JRG002"):
                # one question per sentence about its terms (none where a jargon-dense question already asks)
                sentence = page.sentence_of(finding.span.start)
                key = sentence.start if sentence is not None else finding.span.start
                covered = key in asked_sentences or any(s <= finding.span.start < e for s, e in dense)
                asked_sentences.add(key)
            question = ask(finding, page) if questions and not covered else None
            if question:
                outcomes.append(Outcome(Candidate(finding, "question", question=question), QUESTION))
    result = RewriteResult(doc.path, doc.format, doc.source, report, outcomes)
    combine(result, base, [o for o in outcomes if o.status == OFFERED])
    return result


def combine(result: RewriteResult, base: Baseline, chosen: list[Outcome]) -> None:
    """Apply the chosen offered rewrites together, each re-checked on the text the earlier ones made."""
    from plainpitch.rewrite.edits import apply_source

    applied: list[Outcome] = []
    edits: list[SourceEdit] = []
    for outcome in chosen:
        if outcome.source_edits and set(outcome.source_edits) <= set(edits):
            applied.append(outcome)  # the same edits already applied for another finding (RDB003 and RDB004's split)
            continue
        if overlaps(edits, outcome.source_edits):
            outcome.reasons.append("overlaps a rewrite applied before it")
            continue
        trial = [*edits, *outcome.source_edits]
        reasons, _, _ = verify(outcome.candidate, base, tuple(trial)) if applied else ([], "", None)
        if reasons:
            outcome.reasons.append("clashes with the rewrites before it: " + reasons[0])
            continue
        edits = trial
        applied.append(outcome)
    result.applied = applied
    result.combined_source = apply_source(base.doc.source, edits)
    result.shown_before = base.shown_before
    if applied:
        after = base.analyse(result.combined_source)
        result.score_after = after.score.overall if after.score else None
        result.shown_after = base.shown_after(result.combined_source, after)
    else:
        result.score_after = result.score_before
        result.shown_after = result.shown_before
