"""Merge-conflict markers left in copy (CLR006): "<<<<<<< HEAD", "=======", ">>>>>>> feature/pricing".

When two edits of a file clash, git writes both versions into it between these lines; a page published that way
shows the buyer two headlines, two prices or two buttons, and the marker lines themselves. No writer means them,
so a pair (an opening marker and its closing one, in that order) is reported whatever the page around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, rule
from plainpitch.text import lazy_re

# git's own shape: seven marks at the start of a line, then a space and the side's name, or the line's end
_OPENS_RE = lazy_re.compile(r"^<{7}(?:[ \t][^\n]*)?$", re.MULTILINE)
_CLOSES_RE = lazy_re.compile(r"^>{7}(?:[ \t][^\n]*)?$", re.MULTILINE)


def conflicts(doc: Document) -> list[tuple[int, int]]:
    """(start, end) in the text of each opening marker line that a closing one follows, read in the source (where
    the markers are whole lines: Markdown turns '=======' into a heading's underline) and kept where the opening
    line shows as copy (not in a script, a comment or a field the loader leaves out)."""
    found = []
    source = doc.source
    at = 0
    while (opens := _OPENS_RE.search(source, at)) and (closes := _CLOSES_RE.search(source, opens.end())):
        at = closes.end()
        start = doc.from_source(opens.start())
        end = doc.from_source(opens.end())
        if start < end and doc.to_source(start) < opens.end():
            found.append((start, end))
    return found


@rule(
    code="CLR006",
    name="merge-conflict-left",
    category="clarity",
    scope="seller",
    fields=("more",),
    severity="error",
    impact=3,
    any_language=True,
    breaks_trust=True,
    summary="Merge-conflict markers ('<<<<<<< HEAD' … '>>>>>>> branch') left in copy: the page shows both versions.",
    why=(
        "A page published with a clash left in it shows the buyer two versions of the same headline, price or "
        "button, with the marker lines between them. It reads as broken, and a buyer who cannot tell which price "
        "is real does not buy."
    ),
    message="Merge-conflict markers left in the copy{more}: both versions show",
    fix="Keep the version you mean, delete the other and the three marker lines, and publish again.",
    bad=[
        {"text": "# Bookkeeping for small shops\n\n[[<<<<<<< HEAD]]\nPlans from $49 a month.\n=======\nPlans from $39 a "
                 "month.\n>>>>>>> new-prices\n\n[CTA: Book a free call]", "format": "text", "medium": "page"},
    ],  # fmt: skip
    good=[
        {"text": "# Bookkeeping for small shops\n\nPlans from $39 a month.\n\n[CTA: Book a free call]",
         "format": "text", "medium": "page"},
        {"text": "Our shortcut: press <<<<<<< to undo seven steps at once, or ======= to reset.", "format": "text"},
    ],  # fmt: skip
    media=("page", "email", "proposal", "text"),
    example_medium="page",
    sources=["git-merge(1), 'How conflicts are presented': the <<<<<<<, ======= and >>>>>>> marker lines"],
)
def merge_conflict_left(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    if "<<<<<<<" not in doc.source:
        return
    spans = conflicts(doc)
    if not spans:
        return
    more = f" ({len(spans)} places)" if len(spans) > 1 else ""
    yield Hit(Span(*spans[0]), {"more": more}, data={"scope": "document", "count": len(spans),
                                                      "uses": doc.source_spans(spans[1:])})  # fmt: skip
