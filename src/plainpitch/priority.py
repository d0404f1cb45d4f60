"""What to fix first: each finding's cost to the sale, and the top fixes every report opens with.

A finding's cost is its rule's impact (rules/base.py: 3 loses the sale, 2 weakens it, 1 is friction) times its
severity, raised when it sits where the buyer decides (the headline, the hero, an email's subject and first lines,
a button) and for document-level findings (they speak for the whole text). The same order serves every report
(text, Markdown, HTML, JSON, the editor), so a reader sees what to fix first in ten seconds.
"""

from __future__ import annotations

from collections.abc import Sequence

from plainpitch.model import Finding

IMPACT_POINTS = {1: 1.0, 2: 3.0, 3: 6.0}
SEVERITY_FACTOR = {"suggestion": 1.0, "warning": 1.6, "error": 2.5}
OPENING_FACTOR = 1.5  # where the buyer decides to read on or leave
TOP = 3


def cost(impact: int, severity: str, in_opening: bool) -> float:
    value = IMPACT_POINTS.get(impact, 1.0) * SEVERITY_FACTOR[severity]
    return round(value * (OPENING_FACTOR if in_opening else 1.0), 2)


def top_fixes(findings: Sequence[Finding], limit: int = TOP) -> tuple[int, ...]:
    """Indexes of the costliest findings, one per rule (three findings of one rule are one fix), costliest first;
    ties go to the earlier finding."""
    order = sorted(range(len(findings)), key=lambda i: (-findings[i].cost, findings[i].span.start, i))
    chosen: list[int] = []
    rules: set[str] = set()
    for i in order:
        if findings[i].code in rules:
            continue
        rules.add(findings[i].code)
        chosen.append(i)
        if len(chosen) == limit:
            break
    return tuple(chosen)
