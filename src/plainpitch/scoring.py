"""A 0-100 score per document with sub-scores, each explained by the deductions that cost it points.

Deterministic: the same text and findings always give the same score, and every point lost is listed as a
Deduction (a rule code, or a named measure such as ``grade``) in the report.

Two kinds of deduction:

1. Findings. A finding costs points by severity, scaled by the length of the copy (ten jargon words in a
   2,000-word page are not as bad as ten in a 50-word email). Document-level findings (no ask, buried value,
   too long...: hit data ``{"scope": "document"}``) cost their full weight whatever the length.
2. Measures, so that copy with no finding is still ranked the way a good seller would rank it, and two texts
   rarely tie. Each is small and has one reason:
   - clarity: ``grade`` (reading grade above 6 — plain-language guides aim at grade 6-8), ``sentence-length``
     (average words per sentence above 15), ``length`` (every word costs the reader attention: a small
     logarithmic cost, so it only decides between otherwise equal texts);
   - jargon: ``jargon-density`` (unexplained terms per 100 words: one term a buyer can read past, a page
     dense with them loses the buyer; weighed by words/100 on copy under 100 words, like the grade);
   - buyer focus: ``benefit-share`` (the share of claims that are features, not benefits) and ``you-focus``
     (the share of pronouns that are we/our/I rather than you/your).

Weights of the sub-scores in the overall score: clarity 0.3, jargon 0.25, buyer focus 0.25, the ask 0.2. The
constants were set by hand on principle and checked on the dev pairs in shared/data (scripts/eval_sales.py):
the better text of a pair must score higher; see docs/sales.md for the figures.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from plainpitch.model import Deduction, Document, Finding, Score, SubScore

SUBSCORES = ("clarity", "jargon", "buyer_focus", "ask")
WEIGHTS = {"clarity": 0.3, "jargon": 0.25, "buyer_focus": 0.25, "ask": 0.2}
SEVERITY_POINTS = {"suggestion": 1.5, "warning": 4.0, "error": 12.0}
DOCUMENT_POINTS = {"suggestion": 5.0, "warning": 12.0, "error": 30.0}
# Per-100-words scale: costs are counted per this many words of copy (floor: short copy is not let off).
WORDS_PER_UNIT = 100

# -- measures --------------------------------------------------------------------------------------------------
GRADE_FLOOR = 6.0  # plain-language target (plainlanguage.gov, GOV.UK: write for a reading age of 9-12)
GRADE_POINTS = 1.0  # per grade above the floor
GRADE_CAP = 15.0
GRADE_RELIABLE_WORDS = 100  # below this the formulas are rough: the grade weighs words/100 of its cost
SENTENCE_WORDS_FLOOR = 15.0  # plain-language guides: average 15-20 words per sentence
SENTENCE_POINTS = 1.0  # per word of average sentence length above the floor
SENTENCE_CAP = 15.0
LENGTH_POINTS = 2.0  # times log10(words): 100 words cost 4 points, 1,000 words 6
BENEFIT_SHARE_POINTS = 25.0  # times the share of claims that are features
NO_CLAIMS_SHARE = 0.5  # copy with no feature or benefit claim says nothing for the buyer either: half cost
SHARE_PRIOR_CLAIMS = 4  # the share is pulled toward 0.5 as if this many more claims were half benefits: on
# two or three claims one misclassified sentence must not swing the score
WE_SHARE_POINTS = 20.0  # times the share of pronouns that are the writer's (we, our, I)
NO_PRONOUN_SHARE = 0.5  # copy that addresses nobody: half cost
JARGON_DENSITY_POINTS = 2.5  # per unexplained term (JRG001, JRG002) per 100 words: density, not count, loses buyers
JARGON_DENSITY_CAP = 40.0
JARGON_TERM_CODES = ("JRG001", "JRG002")
ASK_STRENGTH_POINTS = 5.0  # per level below the strongest ask (a button for a next step): see ask.ask_strength

MEASURE_NOTES = {
    "grade": "reading grade above 6",
    "sentence-length": "average sentence over 15 words",
    "length": "every word costs the reader attention (log of the word count)",
    "benefit-share": "share of claims that are features, not benefits",
    "you-focus": "share of pronouns that are we/our/I, not you/your",
    "jargon-density": "unexplained terms per 100 words",
    "ask-strength": "no button or link for a next step (only 'learn more', or the ask buried in a sentence)",
}


def _subscore_of(finding: Finding) -> str:
    from plainpitch.rules.base import CATEGORIES

    return CATEGORIES.get(finding.category, ("", "", "clarity"))[2]


def _metric(ctx, name: str):
    if ctx is None:
        return None
    try:
        return ctx.metric(name)
    except Exception:  # a metric provider that fails must not take the score down with it
        return None


def measure_deductions(doc: Document, ctx) -> dict[str, dict[str, float]]:
    """Points lost to the measures, by sub-score and measure name (see the module docstring)."""
    out: dict[str, dict[str, float]] = {"clarity": {}, "buyer_focus": {}, "ask": {}}
    if ctx is None or getattr(ctx, "medium", "") == "call" or not doc.words:
        return out
    grade = _metric(ctx, "copy.grade")
    if grade is not None:
        reliability = min(1.0, doc.word_count / GRADE_RELIABLE_WORDS)
        out["clarity"]["grade"] = reliability * min(GRADE_CAP, GRADE_POINTS * max(0.0, float(grade) - GRADE_FLOOR))
    per_sentence = _metric(ctx, "copy.words_per_sentence")
    if per_sentence is not None:
        out["clarity"]["sentence-length"] = min(
            SENTENCE_CAP, SENTENCE_POINTS * max(0.0, float(per_sentence) - SENTENCE_WORDS_FLOOR)
        )
    out["clarity"]["length"] = LENGTH_POINTS * math.log10(max(doc.word_count, 1))
    features = _metric(ctx, "copy.features") or 0
    benefits = _metric(ctx, "copy.benefits") or 0
    prior = SHARE_PRIOR_CLAIMS
    feature_share = (features + NO_CLAIMS_SHARE * prior) / (features + benefits + prior)
    out["buyer_focus"]["benefit-share"] = BENEFIT_SHARE_POINTS * feature_share
    you = _metric(ctx, "copy.you_count") or 0
    we = _metric(ctx, "copy.we_count") or 0
    out["buyer_focus"]["you-focus"] = WE_SHARE_POINTS * (we / (you + we) if you + we else NO_PRONOUN_SHARE)
    strength = _metric(ctx, "copy.ask_strength")
    if strength is not None:
        out["ask"]["ask-strength"] = ASK_STRENGTH_POINTS * (3 - int(strength))
    return out


def score(doc: Document, findings: Iterable[Finding], ctx=None) -> Score | None:
    """The score, or None when there is no copy to judge (a one-word file, a list of links). A call is scored by
    the call analysis' own measure (plainpitch.call.score: talk and the seller's jargon)."""
    findings = tuple(findings)
    if getattr(ctx, "medium", "") == "call":
        from plainpitch.call.score import call_score, seller_words

        return call_score(findings, seller_words(doc)) if doc.units else None
    from plainpitch.classify import MIN_COPY_WORDS, copy_words

    if copy_words(doc) < MIN_COPY_WORDS and getattr(ctx, "medium", "") != "call":
        return None
    words = max(doc.word_count, 1)
    scale = max(1.0, words / WORDS_PER_UNIT)
    costs: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for f in findings:
        part = _subscore_of(f)
        if part not in WEIGHTS:
            continue
        if f.data.get("scope") == "document":
            costs[part][f.code].append(DOCUMENT_POINTS[f.severity])
        else:
            costs[part][f.code].append(SEVERITY_POINTS[f.severity] / scale)
    measures = measure_deductions(doc, ctx)
    if ctx is not None and getattr(ctx, "medium", "") != "call":
        terms = sum(1 for f in findings if f.code in JARGON_TERM_CODES)
        # like the grade, a density over a few words is rough: it weighs words/100 of its cost
        reliability = min(1.0, words / GRADE_RELIABLE_WORDS)
        density = reliability * JARGON_DENSITY_POINTS * terms * WORDS_PER_UNIT / words
        measures.setdefault("jargon", {})["jargon-density"] = min(JARGON_DENSITY_CAP, density)
    parts = []
    exact: dict[str, float] = {}
    for name in SUBSCORES:
        found = [Deduction(code, round(sum(pts), 2), len(pts)) for code, pts in costs[name].items()]
        measured = [Deduction(key, round(pts, 2), 1) for key, pts in measures.get(name, {}).items() if pts > 0]
        deductions = tuple(sorted(found + measured, key=lambda d: (-d.points, d.code)))
        value = max(0.0, 100.0 - sum(d.points for d in deductions))
        exact[name] = max(0.0, 100.0 - sum(sum(p) for p in costs[name].values()) - sum(measures.get(name, {}).values()))
        note = "; ".join(f"{d.code}: {MEASURE_NOTES[d.code]}" for d in measured)
        parts.append(SubScore(name, round(value, 1), deductions, note))
    # From the unrounded parts, to two decimals: small differences (one word fewer) still order two texts.
    overall = sum(WEIGHTS[name] * exact[name] for name in SUBSCORES)
    return Score(round(overall, 2), tuple(parts))
