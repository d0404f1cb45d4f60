"""The call score: talk (the TLK findings, each at full cost) and jargon (per 100 seller words), weighted 70/30.

A pure function of a call's findings and the seller's word count, so that the engine's scoring can hand calls
to it instead of a report being rescored afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable

from plainpitch.call.roles import SELLER
from plainpitch.model import Deduction, Document, Finding, Score, SubScore
from plainpitch.text.wordsets import unit_word_counts

TALK_POINTS = {"suggestion": 5.0, "warning": 12.0, "error": 25.0}
JARGON_POINTS = {"suggestion": 1.5, "warning": 4.0, "error": 12.0}  # per finding, per 100 seller words
WEIGHTS = {"talk": 0.7, "jargon": 0.3}


def call_score(findings: Iterable[Finding], seller_words: int) -> Score:
    scale = max(1.0, seller_words / 100)
    costs: dict[str, dict[str, list[float]]] = {"talk": {}, "jargon": {}}
    for f in findings:
        if f.category == "talk":
            costs["talk"].setdefault(f.code, []).append(TALK_POINTS[f.severity])
        elif f.category == "jargon":
            costs["jargon"].setdefault(f.code, []).append(JARGON_POINTS[f.severity] / scale)
    parts = []
    for name in ("talk", "jargon"):
        deductions = tuple(sorted((Deduction(code, round(sum(p), 2), len(p)) for code, p in costs[name].items()),
                                  key=lambda d: (-d.points, d.code)))  # fmt: skip
        parts.append(SubScore(name, float(round(max(0.0, 100.0 - sum(d.points for d in deductions)))), deductions))
    # whole points: every surface (CLI, HTML, the editor) shows the same number
    overall = sum(WEIGHTS[p.name] * p.value for p in parts)
    return Score(float(round(overall)), tuple(parts))


def seller_words(doc: Document) -> int:
    """Words spoken in the seller's turns (each unit's count from its sentences, not a Token made per word)."""
    counts = unit_word_counts(doc)
    return sum(n for n, unit in zip(counts, doc.units, strict=True) if unit.turn is not None and unit.turn.role == SELLER)
