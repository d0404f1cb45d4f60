"""Selling what is not there yet (CLM002): "SSO (coming soon)", "Template coming soon", "Screenshots: coming soon!".

A buyer reads a page for what they can have today. Each "coming soon" on a feature, a plan or a button tells them
what is missing, and a list of them makes the page read as a promise. One alone is a hedge a buyer reads past (an
empty screenshots section, "more providers coming soon" after ones that work: judged trivial), so a page is flagged
from two on. Where the writer means it there is a place for it: a roadmap section, or a page for a product that has
not launched (its hero says so, or it asks to join a waiting list); neither is flagged, nor a copy deck's notes to the
people who build the page, nor the label named in quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainpitch.analysis.completeness import shows_part_only
from plainpitch.analysis.genre import is_article, is_not_a_pitch
from plainpitch.analysis.regions import hero_units
from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, rule
from plainpitch.text import lazy_re
from plainpitch.text.wordsets import word_sets

_NOT_YET_RE = lazy_re.compile(r"\bcoming soon\b|\((?:coming )?soon\)|\bavailable soon\b|\bsoon available\b", re.IGNORECASE)
# the word every match holds (tests/test_wordsets.py proves it): a unit without it is not searched
_NOT_YET_TRIGGERS = frozenset({"soon"})
# a section that is about what comes next: "coming soon" is its point there
_ROADMAP_RE = lazy_re.compile(r"\b(?:roadmap|what'?s next|upcoming|coming (?:up|next)|changelog|release notes|future|"
                         r"planned|plans for)\b", re.IGNORECASE)  # fmt: skip
# a copy deck's notes to the people who build the page ("### Notes for the designer"): read by the team, not the buyer
_TEAM_NOTES_RE = lazy_re.compile(r"\bnotes? (?:for|to) (?:the )?(?:designers?|developers?|devs?|team|writers?|editors?)\b|"
                            r"\b(?:design|internal|dev|developer|implementation|build|production) notes?\b", re.IGNORECASE)
# "“Coming soon” needs a subdued pill": the label named in quotation marks, not a feature marked with it
_QUOTED_RE = lazy_re.compile(r"[\"“'‘]\s*$")
# a product that has not launched asks to wait for it, not to buy it
_PRE_LAUNCH_RE = lazy_re.compile(r"\b(?:wait ?list|waiting list|notify me|early access|pre-?order|launching)\b", re.IGNORECASE)
NOT_YET_MIN = 2  # one 'coming soon' is a hedge; two or more make the page sell what is missing
_COPY_KINDS = ("heading", "paragraph", "list_item", "quote", "cta", "link", "table_cell")


def not_yet(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of every 'coming soon' in the copy outside a roadmap section, in order."""
    out: list[tuple[int, int]] = []
    if not _NOT_YET_RE.search(doc.text):
        return out  # most pages: one pass over the text instead of one per unit
    in_roadmap = False
    # a page that says it once or twice has a handful of units to search, not one per unit (the headings are read
    # all the same: they open and close a roadmap section)
    holding = word_sets(doc).units_with(_NOT_YET_TRIGGERS)
    has_it = bytearray(len(doc.units))
    for index in holding:
        has_it[index] = 1
    for index, unit in enumerate(doc.units):
        if unit.kind == "heading":
            text = doc.unit_text(unit)
            # "#### Coming soon (no dates)" over a list: the section is the roadmap, set apart from what ships
            in_roadmap = bool(_ROADMAP_RE.search(text) or _TEAM_NOTES_RE.search(text)
                              or _NOT_YET_RE.match(text.strip(" #*_:")))
        if not has_it[index] or unit.kind not in _COPY_KINDS or in_roadmap:
            continue
        text = doc.unit_text(unit)
        out.extend((unit.start + m.start(), unit.start + m.end()) for m in _NOT_YET_RE.finditer(text)
                   if not _QUOTED_RE.search(text, 0, m.start()))
    return out


@rule(
    code="CLM002",
    name="not-there-yet",
    category="claims",
    scope="seller",
    fields=("more",),
    severity="warning",
    impact=2,
    summary="A page that sells several features, plans or pages marked 'coming soon': it tells the buyer what is missing.",
    why=(
        "A buyer decides on what they can have today. Every 'coming soon' on a feature, a plan or a button points "
        "at something missing, and the buyer who needs that thing leaves; a list of them makes the page read as a "
        "promise rather than a product."
    ),
    message="'{match}'{more}: the page sells what the buyer cannot have yet",
    fix="Sell what works today; leave out what is not ready, or move it to a roadmap section with a date.",
    bad=["# Acme Sync\n\nAcme keeps every dashboard your team reads current, so nobody waits for the weekly "
         "report.\n\n- Daily reports for every manager\n- Alerts in your team chat [[(coming soon)]]\n"
         "- Single sign-on for your whole company (coming soon)\n\n[Start my free trial](/signup)"],
    good=["# Acme Sync\n\nAcme keeps every dashboard your team reads current, so nobody waits for the weekly "
          "report.\n\n- Daily reports for every manager\n- Alerts by email\n\n## Roadmap\n\n"
          "- Alerts in your team chat (coming soon)\n\n[Start my free trial](/signup)"],
    media=("page",),
    example_medium="page",
    example_format="markdown",
    sources=["Copywriting practice: sell what the buyer can have today (the blind judges and the copywriter named "
             "'coming soon' on every sales text that had it, eval/blind)"],
)
def not_there_yet(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    found = not_yet(doc)
    if len(found) < NOT_YET_MIN or is_not_a_pitch(doc) or is_article(doc) or shows_part_only(doc):
        return
    hero = hero_units(doc)
    if any(_NOT_YET_RE.search(doc.unit_text(doc.units[i])) for i in hero) or _PRE_LAUNCH_RE.search(doc.text):
        return  # a product that has not launched yet: waiting is what it sells
    start, end = found[0]
    more = f" and {len(found) - 1} more" if len(found) > 1 else ""
    yield Hit(Span(start, end), {"more": more}, data={"scope": "document", "count": len(found)})
