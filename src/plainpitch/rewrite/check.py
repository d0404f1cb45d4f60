"""plainpitch checks every rewrite with its own analysis before offering it.

A rewrite is offered only when, on the rewritten *document* (re-loaded from the edited source and analysed
again with the same configuration):
1. the finding it targets is gone (for a finding about the whole document, such as we-focus, the measure it
   reports moves the right way);
2. no finding appears that the original did not have (a hard sentence that becomes a merely long one is the
   same problem, smaller; anything else is new);
3. the score does not fall: neither the score under the rewrite's configuration (every rule, as `plainpitch
   rewrite` runs) nor the score `plainpitch check` shows (the rules on by default), so that a rewrite which removes
   an off-by-default finding cannot make the score the user sees worse;
4. every fact of the original is still there (numbers, prices, dates, names, product terms: facts.py), and a
   model's rewrite states no fact the original does not;
5. the rewritten passage reads as English (english.py) where the original did.
Otherwise the rewrite is dropped and the reasons are kept for the report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from plainpitch.model import Document, DocumentReport, Finding
from plainpitch.rewrite import english, facts
from plainpitch.rewrite.edits import apply_source, shift
from plainpitch.rewrite.model import Candidate, Edit, SourceEdit

TERM_CODES = frozenset({"JRG001", "JRG002"})
# Findings that are one problem at two strengths: a very hard sentence made merely hard is not a new finding.
FAMILY = {"RDB002": "RDB001"}


def _family(code: str) -> str:
    return FAMILY.get(code, code)


def _doc_scope(f: Finding) -> bool:
    return f.data.get("scope") == "document"


@dataclass
class Baseline:
    """The original document, analysed once, that every candidate is compared with."""

    doc: Document
    report: DocumentReport
    analyse: Any  # (source: str) -> DocumentReport, same path, format and config
    facts: Counter[str] = field(default_factory=Counter)
    # (source) -> the score `plainpitch check` shows (the rules on by default); None when that is ``analyse``'s own
    shown: Any = None
    shown_score: float | None = None

    @classmethod
    def of(cls, report: DocumentReport, analyse, shown=None) -> Baseline:
        doc = report.document
        assert doc is not None
        base = cls(doc, report, analyse, facts.facts(doc.text), shown)
        if shown is not None:
            base.shown_score = shown(doc.source)
        return base

    @property
    def score(self) -> float | None:
        return self.report.score.overall if self.report.score else None

    def shown_after(self, source: str, after: DocumentReport) -> float | None:
        """The score `plainpitch check` shows for the rewritten source."""
        if self.shown is None:
            return after.score.overall if after.score else None
        return self.shown(source)

    @property
    def shown_before(self) -> float | None:
        return self.score if self.shown is None else self.shown_score


def _mapped(f: Finding, edits: tuple[SourceEdit, ...]) -> tuple[int, int]:
    """A finding's source range after the edits (a range an edit touches grows or shrinks with it)."""
    start, end = f.location.start, f.location.end
    for e in edits:
        if e.start < start < e.end:
            start = e.start
        if e.start < end < e.end:
            end = e.end
    return shift(start, edits), shift(end, edits)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1] or a == b


def _same(before: Finding, after: Finding, edits: tuple[SourceEdit, ...], family: bool) -> bool:
    same_code = _family(before.code) == _family(after.code) if family else before.code == after.code
    if not same_code:
        return False
    if _doc_scope(before) or _doc_scope(after):
        return True
    if before.code in TERM_CODES and after.code in TERM_CODES:
        return (before.data.get("term") or before.text).lower() == (after.data.get("term") or after.text).lower()
    return _overlap(_mapped(before, edits), (after.location.start, after.location.end))


def _measure(report: DocumentReport, name: str) -> Any:
    metric = report.metric(name)
    return None if metric is None else metric.value


def _target_effect(target: Finding, base: Baseline, after: DocumentReport, edits) -> tuple[bool, str]:
    """(removed or improved, what changed) for the targeted finding."""
    still = [f for f in after.findings if _same(target, f, edits, family=False)]
    label = f"{target.code} '{target.text[:40]}'" if not _doc_scope(target) else target.code
    if not still:
        return True, f"removes {label}"
    if target.code == "BEN002":
        we0, you0 = _measure(base.report, "copy.we_count") or 0, _measure(base.report, "copy.you_count") or 0
        we1, you1 = _measure(after, "copy.we_count") or 0, _measure(after, "copy.you_count") or 0
        if we1 < we0 and you1 >= you0:
            return True, f"we/you {we0}:{you0} -> {we1}:{you1}"
    if target.code == "RDB003":
        g0, g1 = target.data.get("grade"), still[0].data.get("grade")
        if g0 is not None and g1 is not None and g1 < g0:
            return True, f"reading grade {g0} -> {g1}"
    if target.code == "RDB004":
        w0, w1 = _measure(base.report, "copy.words_per_sentence"), _measure(after, "copy.words_per_sentence")
        if w0 is not None and w1 is not None and w1 < w0:
            return True, f"words per sentence {w0} -> {w1}"
    return False, f"{label} is still there"


def verify(candidate: Candidate, base: Baseline, source_edits: tuple[SourceEdit, ...]) -> tuple[list[str], str, DocumentReport | None]:
    """(reasons to drop, effect, the rewritten report). No reasons: the rewrite passed every check."""
    reasons: list[str] = []
    new_source = apply_source(base.doc.source, source_edits)
    after = base.analyse(new_source)
    removed, effect = _target_effect(candidate.finding, base, after, source_edits)
    if not removed:
        reasons.append(f"does not fix the finding: {effect}")
    for f in after.findings:
        if not any(_same(b, f, source_edits, family=True) for b in base.report.findings):
            reasons.append(f"adds {f.code} {f.name} ('{f.text[:40]}')")
    s0, s1 = base.score, after.score.overall if after.score else None
    if s0 is not None and s1 is not None and s1 < s0 - 0.005:
        reasons.append(f"the score falls ({s0:.2f} -> {s1:.2f})")
    elif base.shown is not None:
        d0, d1 = base.shown_score, base.shown_after(new_source, after)
        if d0 is not None and d1 is not None and d1 < d0 - 0.005:
            reasons.append(f"the score by default rules falls ({d0:.2f} -> {d1:.2f})")
    new_doc = after.document
    after_facts = facts.facts(new_doc.text if new_doc is not None else new_source)
    gone = facts.lost(base.facts, after_facts)
    if gone:
        reasons.append("loses a fact: " + ", ".join(gone[:5]))
    if candidate.origin == "model":
        made_up = facts.invented(base.facts, after_facts)
        if made_up:
            reasons.append("states a fact the original does not: " + ", ".join(made_up[:5]))
    return reasons, effect, after


def passage(doc: Document, edits: tuple[Edit, ...]) -> tuple[str, str, int, int]:
    """(before, after, start, end): the sentences the edits fall in, before and after the edits."""
    start = min(e.start for e in edits)
    end = max(e.end for e in edits)
    for s in doc.sentences:
        if s.start <= start < max(s.end, s.start + 1) or (s.start <= start and start == s.end):
            start = min(start, s.start)
        if s.start <= end <= s.end:
            end = max(end, s.end)
    unit = doc.units[doc.unit_at(start)]
    start, end = max(start, unit.start), min(max(end, start), unit.end)
    before = doc.text[start:end]
    after = before
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        if start <= e.start and e.end <= end:  # the first edit's block (a label renamed elsewhere too is shown once)
            after = after[: e.start - start] + e.replacement + after[e.end - start :]
    return before, after, start, end


def grammar(before: str, after: str) -> list[str]:
    """Problems the rewritten passage has that the original did not."""
    known = Counter(english.problems(before))
    return [p for p in english.problems(after) if not known.get(p)]
