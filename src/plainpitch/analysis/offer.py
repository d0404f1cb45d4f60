"""The offer as a buyer reads it: what it costs or how to get it, when, and what happens next.

A copywriter checks an offer for its parts before its wording: what it is, who it is for, what it costs (or how to
buy it), and what happens after the click. This module finds the parts that can be told by their shape; which parts
a medium needs is the rule's business (CTA005 incomplete-offer).

- price: a real amount ("$49 per month"), "free" or "open source", a pricing page or plans named, a quote or a
  sales contact as the way to a price (services and enterprise sales price by quote);
- start: a way to get it now (a trial, a sign-up, a download or install, a demo);
- after the click: what the buyer can expect (no credit card, cancel any time, set up in minutes, a reply within a
  day, a free N-day trial);
- timeline and scope, for proposals: dates, weeks or phases; deliverables or a scope;
- next step, for proposals: sign, accept, approve, a start date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainpitch.analysis.regions import title_line
from plainpitch.text import lazy_re
from plainpitch.text.money import field_prices, real_prices

_PRICE_WORDS_RE = lazy_re.compile(
    r"\bfree\b|\bopen[- ]source\b|\bpricing\b|\bprices?\b|\bplans?\b|\bper (?:month|user|seat|year|hour|project)\b|"
    r"/\s?(?:mo|month|yr|year|user|seat)\b|\bquote\b|\bestimate\b|\bcontact (?:sales|us for (?:a )?(?:quote|pricing))\b|"
    r"\btalk to sales\b|\bsubscription\b|\bone-time (?:fee|payment)\b",
    re.IGNORECASE,
)
_START_RE = lazy_re.compile(
    r"\btrial\b|\bsign ?up\b|\bget started\b|\bstart (?:now|today|for free|free|building|your)\b|\bdownload\b|"
    r"\binstall\b|\bbook (?:a )?demo\b|\brequest (?:a )?demo\b|\bcreate (?:an? )?(?:free )?account\b",
    re.IGNORECASE,
)
_AFTER_CLICK_RE = lazy_re.compile(
    r"\bno credit card\b|\bcancel (?:at )?any ?time\b|\bno (?:contract|commitment|setup fee)s?\b|"
    r"\b(?:set ?up|started|live|running) in (?:\d+|a few|under|less than)\b|\b(?:reply|respond|get back to you) "
    r"within\b|\b\d+[- ]day (?:free )?trial\b|\bmoney[- ]back\b|\bguarantee\b|\bfree for \d+\b",
    re.IGNORECASE,
)
_TIMELINE_RE = lazy_re.compile(
    r"\b(?:timeline|schedule|milestones?|phases?|kick-?off|deadline|start date|delivery date)\b|"
    r"\b\d+\s?(?:weeks?|days?|months?)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b",
    re.IGNORECASE,
)
_SCOPE_RE = lazy_re.compile(r"\b(?:scope|deliverables?|we will (?:deliver|build|design|create)|includes?|included)\b", re.I)
_NEXT_STEP_RE = lazy_re.compile(
    r"\b(?:sign(?:ing|ature)?|accept(?:ance|ed)?|approv(?:e|al)|countersign|next steps?|to get started|kick-?off|"
    r"start date|deposit)\b",
    re.IGNORECASE,
)
_PRICING_TITLE_RE = lazy_re.compile(r"\b(?:pricing|plans|prices)\b", re.IGNORECASE)


def document_prices(doc) -> list[str]:
    """The prices a page shows: the amounts in its copy, and those its content fields hold for the template to show
    ("price: 29" in front matter, a JSON plan's "price", a shortcode's price="$29")."""
    return [*real_prices(doc.text), *field_prices(doc.source or "")]


def is_pricing_page(doc) -> bool:
    """A page whose job is the price list: three or more prices, or a title about pricing or plans."""
    return len(set(document_prices(doc))) >= 3 or bool(_PRICING_TITLE_RE.search(title_line(doc)))


PRICE_LIST_WORDS_PER_PRICE = 40  # closer than this, the prices are the page: a package list, not a pitch with a price


def is_price_list(doc) -> bool:
    """A page that is the price list: its title is about pricing or plans, or it is mostly prices (three or more,
    fewer than ~40 words apart). A service page or home page with a packages section is not one: it still has to
    persuade."""
    if _PRICING_TITLE_RE.search(title_line(doc)):
        return True
    prices = set(document_prices(doc))
    return len(prices) >= 3 and len(doc.words) < PRICE_LIST_WORDS_PER_PRICE * len(prices)


@dataclass(frozen=True)
class OfferParts:
    price: bool
    start: bool
    after_click: bool
    timeline: bool
    scope: bool
    next_step: bool

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("price", "start", "after_click", "timeline", "scope", "next_step")}


def offer_parts(doc, ctx=None) -> OfferParts:
    """The parts of the offer the copy has (once per analysis when a rule context is given)."""
    if ctx is not None:
        return ctx.memo("offer.parts", lambda: offer_parts(doc))
    text = doc.text
    return OfferParts(
        price=bool(document_prices(doc) or _PRICE_WORDS_RE.search(text)),
        start=bool(_START_RE.search(text)),
        after_click=bool(_AFTER_CLICK_RE.search(text)),
        timeline=bool(_TIMELINE_RE.search(text)),
        scope=bool(_SCOPE_RE.search(text)),
        next_step=bool(_NEXT_STEP_RE.search(text)),
    )
