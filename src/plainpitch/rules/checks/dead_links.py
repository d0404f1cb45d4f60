"""A call to action that goes nowhere (CTA008): the buyer clicks "Book now" and nothing happens.

An ask (plainpitch.analysis.asks.find_asks: a button, an ask link, a sentence that asks) whose link points at
nothing: "#" alone, an empty target, "javascript:void(0)", a template's example address ("http://example.com/…"),
a target the browser cannot follow because the quotes of the source were kept in it ('"tel:1352…"'), or a web
address whose scheme is mistyped or missing ("https//…", "www.…": read as a path on the current site).
"#features" (a place on the page) and any real address are fine. On an HTML page with scripts, "#" and
"javascript:" may be handled by the page's code (a booking pop-up), so there only a malformed target is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainpitch.analysis.asks import find_asks
from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, rule

_NOWHERE_RE = re.compile(r"^(?:#?|javascript:\s*(?:void\s*\(\s*0\s*\)\s*;?|;)?|about:blank)$", re.IGNORECASE)
_MALFORMED_RE = re.compile(
    r"^(?:%22|%27|[\"'“”‘’])|^(?:tel|mailto):\s*$|^tel:.*[^\d\s+().\-/]"
    # a web address with its scheme mistyped ('https//…', 'http:/…') or left out ('www.…'): the browser reads it
    # as a path on the current site, so the click lands on a page that is not there
    r"|^(?:https?|ftp)(?!://)[:/\\]|^www\.[a-z0-9-]+\.[a-z]",
    re.IGNORECASE,
)
# an e-mail's own links that the sending platform fills in ("Unsubscribe", "View in browser"): not the writer's
_MAIL_CHROME_RE = re.compile(r"unsubscribe|preferences|view (?:it )?(?:in|on) (?:your |a )?(?:browser|web)|opt[- ]out", re.I)
_SCRIPT_RE = re.compile(r"<script\b|\bonclick\s*=|\bdata-(?:bs-)?toggle\s*=", re.IGNORECASE)


def _links(doc: Document):
    """(start, end, href) of every link in the copy, buttons and links in a sentence alike, in text offsets."""
    for unit in doc.units:
        if unit.href is not None and unit.kind in ("cta", "link"):
            yield unit.start, unit.end, unit.href
        links = unit.attrs.get("links") if hasattr(unit.attrs, "get") else None
        for link in links or ():
            yield unit.start + link["start"], unit.start + link["end"], link.get("href") or ""


# The domains reserved for examples (RFC 2606): no business lives there, so a button pointing at one is a template's
# placeholder the writer forgot to replace ("http://example.com?plan=pro")
_EXAMPLE_HOST_RE = re.compile(r"^(?:https?:)?//(?:[\w-]+\.)*example\.(?:com|net|org)(?:[:/?#]|$)", re.IGNORECASE)


def dead_reason(href: str, scripted: bool) -> str | None:
    """Why this target goes nowhere, or None."""
    target = href.strip()
    if _MALFORMED_RE.search(target):
        return "a broken address"
    if _EXAMPLE_HOST_RE.match(target):
        return "an example address"
    if _NOWHERE_RE.match(target) and not scripted:
        return "no address"
    return None


@rule(
    code="CTA008",
    name="dead-call-to-action",
    category="ask",
    scope="seller",
    fields=("more", "why"),
    severity="error",
    impact=3,
    summary="A button or ask link (in an e-mail, any link) that goes nowhere: '#', an empty or broken address.",
    why=(
        "The call to action is the one place the page turns a reader into a buyer. A 'Book now' that points at '#' "
        "or a 'Call now' whose address is broken loses the buyer at the moment they decided, and tells them the "
        "business is not minding its shop."
    ),
    message="'{match}' goes nowhere ({why}){more}",
    fix="Point every button at the page or address that does the thing it says: the booking form, the checkout, "
    "'tel:+1…' for a phone number, 'mailto:' for an email.",
    bad=[
        {"text": "<h1>Logo design</h1>\n<p>A logo in two weeks, with three drafts to choose from.</p>\n"
                 "<a class=\"button\" href=\"#\">[[Book now]]</a>\n", "medium": "page", "format": "html"},
        {"text": "<h1>Roof coating</h1>\n<p>A sealed roof in a day.</p>\n"
                 "<a href=\"&quot;tel:13522106752&quot;\">[[Call Now]]</a>\n", "medium": "page", "format": "html"},
        {"text": "<p>Hi Ana, thanks for joining Luna and Stone.</p>\n<p>Read <a href=\"#\">[[our story]]</a> before your "
                 "first order.</p>\n<p><a class=\"button\" href=\"https://luna.example/shop\">Shop the collection</a>"
                 "</p>\n<p>Best, Mia</p>\n", "medium": "email", "format": "html"},
    ],  # fmt: skip
    good=[
        {"text": "# Logo design\n\nA logo in two weeks, with three drafts to choose from.\n\n[Book now](/book)\n",
         "medium": "page"},
        {"text": "# Roof coating\n\nA sealed roof in a day. [See how](#how-it-works)\n\n[Call Now](tel:+13522106752)\n",
         "medium": "page"},
    ],  # fmt: skip
    sources=["Nielsen Norman Group on calls to action: a link must lead where its label says"],
)
def dead_call_to_action(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    scripted = doc.format == "html" and bool(_SCRIPT_RE.search(doc.source))
    asks = [(a.start, a.end) for a in find_asks(doc, ctx)]
    # a mail client runs no script: in an e-mail every link is something to click, and '#' goes nowhere
    every_link = ctx.medium == "email"
    dead = []
    for start, end, href in _links(doc):
        why = dead_reason(href, scripted)
        if not why:
            continue
        if any(s <= start and end <= e for s, e in asks) or (
            every_link and not _MAIL_CHROME_RE.search(doc.text, start, end)
        ):
            dead.append((start, end, why))
    if not dead:
        return
    start, end, why = dead[0]
    more = f" and {len(dead) - 1} more" if len(dead) > 1 else ""
    yield Hit(Span(start, end), {"more": more, "why": why},
              data={"scope": "document", "count": len(dead),
                    "uses": doc.source_spans((s, e) for s, e, _ in dead[1:])})
