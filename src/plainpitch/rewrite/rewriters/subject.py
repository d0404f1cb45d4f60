"""BEN101: a subject that fakes a thread loses its "Re:" or "Fwd:" ("Re: Price list" -> "Price list"). The rest of
the subject is the writer's and stays as written; a better subject (about the reader) is the writer's to choose."""

from __future__ import annotations

from plainpitch.rewrite.model import Candidate, Edit
from plainpitch.rewrite.rewriters import rewriter
from plainpitch.rewrite.rewriters.page import Page


@rewriter("BEN101")
def drop_reply_marker(finding, page: Page):
    text = page.text
    unit = page.unit_of(finding.span.start)
    end = finding.span.end
    while end < unit.end and text[end] in " \t":
        end += 1  # "Re: Price" -> "Price", not " Price"
    if end >= unit.end:
        return  # the subject is the marker alone: nothing of the writer's is left to keep
    marker = text[finding.span.start : finding.span.end]
    yield Candidate(finding, "drop-reply-marker", (Edit(finding.span.start, end, ""),),
                    note=f"dropped '{marker}': the email answers nothing")
