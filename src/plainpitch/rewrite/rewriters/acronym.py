"""JRG002: spell an acronym out where the buyer first meets it, from the page's own expansion when it has one
(written later or elsewhere on the page: "change data capture (CDC)"), else from plainpitch's acronym table
(the meaning the rule itself suggests)."""

from __future__ import annotations

import re

from plainpitch.rewrite.model import Candidate
from plainpitch.rewrite.rewriters import rewriter
from plainpitch.rewrite.rewriters.page import Page, swap

_NO_ROOM = ("cta", "link", "subject")  # a button, a link or a subject line has no room for an expansion


def _plural(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if re.search(r"(?:s|x|z|ch|sh)$", last):
        last += "es"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


@rewriter("JRG002")
def expand(finding, page: Page):
    acronym = finding.text
    key = acronym.removesuffix("s")
    unit = page.unit_of(finding.span.start)
    if unit.kind in _NO_ROOM or not acronym.strip():
        return
    text = page.text
    before, after = text[finding.span.start - 1 : finding.span.start], text[finding.span.end : finding.span.end + 2]
    if before in "-/" and before or after[:1] in "-/" or re.match(r" [A-Z]", after):
        return  # part of a compound or a name ("K8s-native", "CI/CD", "JSON Schema"): no room in the middle
    long = page.expansions.get(key) or page.expansions.get(acronym)
    if long:
        if acronym != key and not long.endswith("s"):
            long = _plural(long)
        yield Candidate(finding, "expand-acronym", tuple(swap(page, finding.span.start, finding.span.end, f"{long} ({acronym})")),
                        note=f"spelled out as the page itself does: '{long} ({key})'")  # fmt: skip
        return
    for suggestion in finding.suggestions:
        m = re.fullmatch(re.escape(acronym) + r" \((.+)\)", suggestion.replacement)
        if m and len(m.group(1).split()) <= 8:
            meaning = m.group(1)
            if acronym != key and not meaning.endswith("s") and not meaning.startswith(("a ", "an ")):
                meaning = _plural(meaning)
            yield Candidate(finding, "expand-acronym",
                            tuple(swap(page, finding.span.start, finding.span.end, f"{acronym} ({meaning})")),
                            note=f"spelled out from plainpitch's acronym table: '{m.group(1)}'")  # fmt: skip
            return
