"""Stand-in details (CLR005): a 555 phone number, an address at example.com or yoursite.com, a testimonial signed
"Jane Doe", an open rate of "x%": what a template or a draft put where the real value belongs.

What counts is plainpitch.text.stand_ins'; this rule reports the first on the page, with how many more there are.
A contact detail costs the sale (the buyer who decided cannot reach the seller); a name or a figure costs trust.
"""

from __future__ import annotations

from collections.abc import Iterable

from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, rule
from plainpitch.text import placeholders, stand_ins

_WHAT = {"phone": "a phone number", "email": "an e-mail address", "site": "a web address", "person": "a name",
         "figure": "a figure"}  # fmt: skip
_CONTACT = ("phone", "email", "site")


@rule(
    code="CLR005",
    name="stand-in-detail",
    category="clarity",
    scope="seller",
    fields=("what", "match", "more"),
    severity="error",
    impact=3,
    breaks_trust=True,
    summary="A template's stand-in left where a real detail belongs: a 555 number, an address at example.com, 'Jane Doe'.",
    why=(
        "A buyer who has decided to call or write meets '(555) 123-4567' or 'support@yoursite.com' and cannot reach "
        "the seller at the moment of the sale; a testimonial signed 'Jane Doe' or an open rate of 'x%' says the "
        "page was never finished, and every other claim on it looks made up too."
    ),
    message="{what} left as a template's stand-in: '{match}'{more}",
    fix="Put the real detail in (your phone number, the address you read, a customer who agreed to be named, the "
    "measured figure), or take the line out until you have it.",
    bad=[
        {"text": "# Emergency plumbing in Leeds\n\nA plumber at your door within the hour, day or night, with every "
                 "part in the van.\n\nCall us now: [[(555) 123-4567]]\n", "medium": "page"},
        {"text": "# Sponsor the newsletter\n\n3,000 readers who run small online shops.\n\n| Open rate | [[x%]] |\n"
                 "|---|---|\n| Click rate | 4% |\n", "medium": "page"},
    ],  # fmt: skip
    good=[
        {"text": "# Emergency plumbing in Leeds\n\nA plumber at your door within the hour, day or night, with every "
                 "part in the van.\n\nCall us now: 0113 496 0321\n", "medium": "page"},
        {"text": "Tell us where to send the quote (e.g. procurement@company.com) and we reply within a day.",
         "format": "text"},
    ],  # fmt: skip
    sources=["RFC 2606: example.com, .net and .org are reserved for examples",
             "Nielsen Norman Group on trustworthiness: contact details are among the first credibility cues"],
)
def stand_in_detail(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    template = any(kind in ("field", "merge") for _, _, kind in placeholders.find(doc.text))
    found = list(stand_ins.find(doc.text, bracketed=not template))  # a template's own fields are filled when used
    if not found:
        return
    start, end, kind = found[0]
    more = f" and {len(found) - 1} more" if len(found) > 1 else ""
    yield Hit(Span(start, end), {"what": _WHAT[kind].capitalize(), "match": doc.text[start:end], "more": more},
              severity="error" if kind in _CONTACT else "warning",
              data={"scope": "document", "kinds": sorted({k for _, _, k in found}), "count": len(found),
                    "uses": doc.source_spans((s, e) for s, e, _ in found[1:])})  # fmt: skip
