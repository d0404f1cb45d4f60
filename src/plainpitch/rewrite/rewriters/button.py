"""CTA003: name a vague button or link ("Learn more", "Submit", "Click here") by what it does, from where it
leads: its address ("/pricing" -> "See pricing", "/demo" -> "Book a demo", a page's slug "/features/session-replay"
-> "See session replay"), else by the page's main action as the rule suggests it ("Contact us" on an agency's page:
"Tell us about your project"). A button with neither gets a question for the writer instead."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from plainpitch.rewrite.model import Candidate, Edit
from plainpitch.rewrite.rewriters import rewriter
from plainpitch.rewrite.rewriters.page import Page
from plainpitch.text import lazy_re

_BY_ADDRESS = (
    (re.compile(r"pricing|plans?\b|prices?", re.I), "See pricing"),
    (re.compile(r"demo", re.I), "Book a demo"),
    (re.compile(r"trial", re.I), "Start your trial"),
    (re.compile(r"sign-?up|register|join|get-?started|onboard", re.I), "Sign up"),
    (re.compile(r"^mailto:", re.I), "Email us"),
    (re.compile(r"contact|talk-to", re.I), "Send us a message"),
    (re.compile(r"download|install|releases", re.I), "Download it"),
    (re.compile(r"case-stud|customers?/|stories", re.I), "Read the customer story"),
    (re.compile(r"docs?\b|documentation|guide|tutorial", re.I), "Read the guide"),
)
_SLUG_RE = lazy_re.compile(r"^[a-z][a-z-]{2,40}$")


def _href(page: Page, finding) -> str | None:
    unit = page.unit_of(finding.span.start)
    if unit.href:
        return unit.href
    attrs = unit.attrs if hasattr(unit.attrs, "get") else {}
    for link in attrs.get("links") or ():
        if unit.start + link["start"] <= finding.span.start < unit.start + link["end"]:
            return link.get("href")
    return None


def label_for(href: str) -> str | None:
    for pattern, label in _BY_ADDRESS:
        if pattern.search(href):
            return label
    parsed = urlparse(href)
    slug = [p for p in parsed.path.split("/") if p]
    if slug and _SLUG_RE.match(slug[-1]) and len(slug[-1].split("-")) <= 4:
        return "See " + slug[-1].replace("-", " ")
    return None


@rewriter("CTA003")
def name_button(finding, page: Page):
    href = _href(page, finding)
    label = label_for(href) if href else None
    labels = [(label, f"named by where it leads ({href})")] if label else []
    # else the labels the rule itself suggests from the page's main action ("Contact us" on an agency's page:
    # "Tell us about your project")
    labels += [(s.replacement, "named by the page's main action") for s in finding.suggestions
               if s.replacement and len(s.replacement.split()) <= 6 and s.replacement != label]  # fmt: skip
    text = finding.text
    lead = len(text) - len(text.lstrip())
    spans = [(finding.span.start + lead, finding.span.start + len(text.rstrip()))]
    if not label:  # the same vague label elsewhere on the page leads to the same action: named alike
        for a, b in finding.data.get("uses") or ():  # source offsets
            start = page.text_offset(a)
            if start is not None and page.text[start : start + b - a] == text.strip() and start != spans[0][0]:
                spans.append((start, start + b - a))
    for new, note in labels:
        yield Candidate(finding, "name-button", tuple(Edit(a, b, new) for a, b in sorted(spans)), note=note)
