"""Stand-in details (CLR005): a 555 phone number, an address at example.com or yoursite.com, a testimonial signed
"Jane Doe", an open rate of "x%", a field in plain words left on a page ("Call [Your Phone Number]"): what a
template or a draft put where the real value belongs.

What counts is plainpitch.text.stand_ins'; this rule reports the first on the page, with how many more there are.
A contact detail costs the sale (the buyer who decided cannot reach the seller); a name or a figure costs trust.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainpitch.analysis.genre import is_template_kit
from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, rule
from plainpitch.text import lazy_re, placeholders, stand_ins

_WHAT = {"phone": "a phone number", "email": "an e-mail address", "site": "a web address", "person": "a name",
         "handle": "a user name",
         "figure": "a figure", "price": "a price", "field": "a detail"}  # fmt: skip
_LABEL_RE = lazy_re.compile(r"\[[A-Z][a-z][^\[\]\n]*\]")  # "[GitHub]", "[Get Started Free]": how a draft writes a button
# A file named as e-mails ("outreach_emails.md"): its bracketed fields are filled each time it is used, by design (a
# file named or introduced as a template is analysis.genre.is_template_kit's to tell)
_EMAILS_NAME_RE = lazy_re.compile(r"e-?mails?\b|e-?mail[-_ ]|outreach|sequence|campaign", re.IGNORECASE)
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
    summary="A stand-in left where a real detail belongs: a 555 number, 'you@example.com', 'Jane Doe', '[Your Phone]'.",
    why=(
        "A buyer who has decided to call or write meets '(555) 123-4567' or 'support@yoursite.com' and cannot reach "
        "the seller at the moment of the sale; a testimonial signed 'Jane Doe' or '[NAME], [ROLE]', or an open rate "
        "of 'x%', says the page was never finished, and every other claim on it looks made up too. No mail merge "
        "fills a page: a field left in it is read as written."
    ),
    message="{what} left as a template's stand-in: '{match}'{more}",
    fix="Put the real detail in (your phone number, the address you read, a customer who agreed to be named, the "
    "measured figure), or take the line out until you have it.",
    bad=[
        {"text": "# Emergency plumbing in Leeds\n\nA plumber at your door within the hour, day or night, with every "
                 "part in the van.\n\nCall us now: [[(555) 123-4567]]\n", "medium": "page"},
        {"text": "# Sponsor the newsletter\n\n3,000 readers who run small online shops.\n\n| Open rate | [[x%]] |\n"
                 "|---|---|\n| Click rate | 4% |\n", "medium": "page"},
        {"text": "# Websites for local trades\n\nA site that brings you calls, live in a week, for a fixed price.\n\n"
                 "Call [[[Your Phone Number]]] for a free mock-up.\n", "medium": "page"},
    ],  # fmt: skip
    good=[
        {"text": "# Emergency plumbing in Leeds\n\nA plumber at your door within the hour, day or night, with every "
                 "part in the van.\n\nCall us now: 0113 496 0321\n", "medium": "page"},
        {"text": "Tell us where to send the quote (e.g. procurement@company.com) and we reply within a day.",
         "format": "text"},
        {"text": "Subject: A site for your business\n\nHi [First Name],\n\nI build sites that bring trades more calls. "
                 "Want a free mock-up for [Company Name]?\n\nBest,\nAna", "format": "text"},
    ],  # fmt: skip
    sources=["RFC 2606: example.com, .net and .org are reserved for examples",
             "Nielsen Norman Group on trustworthiness: contact details are among the first credibility cues"],
)
def stand_in_detail(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    kinds = {kind for _, _, kind in placeholders.find(doc.text)}
    template = bool(kinds & {"field", "merge"})
    found = [f for f in stand_ins.find(doc.text, bracketed=not template)  # a template's own fields are filled when used
             if not (f[2] in ("site", "email") and stand_ins.named_as_brand(doc.source, doc.text[f[0] : f[1]]))
             # "[Product 1] - was $XX now $XX": among a template's fields a price in X's is one more field to fill
             and not (template and f[2] == "price")]
    found += _fields_on_a_page(doc, ctx, "merge" in kinds)
    found.sort()
    if not found:
        return
    start, end, kind = found[0]
    more = f" and {len(found) - 1} more" if len(found) > 1 else ""
    yield Hit(Span(start, end), {"what": _WHAT[kind].capitalize(), "match": doc.text[start:end], "more": more},
              severity="error" if kind in _CONTACT else "warning",
              data={"scope": "document", "kinds": sorted({k for _, _, k in found}), "count": len(found),
                    "uses": doc.source_spans((s, e) for s, e, _ in found[1:])})  # fmt: skip




def _fields_on_a_page(doc: Document, ctx: RuleContext, merged: bool) -> list[tuple[int, int, str]]:
    """Fields in plain words left on a page or a proposal ("Call [Your Phone Number]", "— [NAME], [ROLE]"): no
    mail merge fills a page, so the reader sees them as written. Not on a file a template engine fills ("{{ }}"),
    nor one named as a template or as e-mails or that says at its top that it is a template, nor a word the text
    also writes without brackets (a name the site marks so: "[macOS]"), nor one in a line of bracketed buttons or
    links ("[GitHub] [Blog] [Contact]"), nor one inside a quoted example ('keywords like "Braces in [your city]"')."""
    if (ctx.medium not in ("page", "proposal") or merged or _EMAILS_NAME_RE.search(re.split(r"[\\/]", doc.path or "")[-1])
            or is_template_kit(doc)):
        return []
    text = doc.text
    fields = list(placeholders.plain_fields(text))
    at = {start for start, _ in fields}
    written_plain: dict[str, bool] = {}  # each distinct field looked for once: a page may repeat one many times
    out = []
    for start, end in fields:
        inner = text[start + 1 : end - 1]
        if inner not in written_plain:
            written_plain[inner] = re.search(rf"(?<!\[)\b{re.escape(inner)}\b(?!\])", text) is not None
        if written_plain[inner]:
            continue
        line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if any(m.start() + line_start not in at and not placeholders.ends_in_field_word(m.group(0))
               for m in _LABEL_RE.finditer(line)):
            continue  # a row of buttons or links written in brackets ("[GitHub] [Blog] [Contact]"): a label
        if stand_ins.in_quoted_example(line, start - line_start):
            continue  # 'keywords like "Invisalign in [your city]"': an example for the reader to adapt, shown as one
        out.append((start, end, "field"))
    return out
