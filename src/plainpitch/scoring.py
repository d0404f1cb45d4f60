"""A 0-100 score per document with sub-scores, each explained by the findings that cost it points.

Deterministic: the same findings on the same text always give the same score. A finding costs points by
severity, scaled by the length of the copy (ten jargon words in a 2,000-word page are not as bad as ten in a
50-word email). Document-level findings (no ask, buried value...) cost their full weight whatever the length.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from plainpitch.model import Deduction, Document, Finding, Score, SubScore

SUBSCORES = ("clarity", "jargon", "buyer_focus", "ask")
WEIGHTS = {"clarity": 0.3, "jargon": 0.25, "buyer_focus": 0.25, "ask": 0.2}
SEVERITY_POINTS = {"suggestion": 1.5, "warning": 4.0, "error": 12.0}
DOCUMENT_POINTS = {"suggestion": 5.0, "warning": 12.0, "error": 30.0}
# Per-100-words scale: costs are counted per this many words of copy (floor: short copy is not let off).
WORDS_PER_UNIT = 100


def _subscore_of(finding: Finding) -> str:
    from plainpitch.rules.base import CATEGORIES

    return CATEGORIES.get(finding.category, ("", "", "clarity"))[2]


def score(doc: Document, findings: Iterable[Finding], ctx=None) -> Score:
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
    parts = []
    for name in SUBSCORES:
        deductions = tuple(
            sorted(
                (Deduction(code, round(sum(pts), 2), len(pts)) for code, pts in costs[name].items()),
                key=lambda d: (-d.points, d.code),
            )
        )
        value = max(0.0, 100.0 - sum(d.points for d in deductions))
        parts.append(SubScore(name, round(value, 1), deductions))
    overall = sum(WEIGHTS[p.name] * p.value for p in parts)
    return Score(round(overall, 1), tuple(parts))
