"""A call to action that goes nowhere (CTA008): the buyer clicks "Book now" and nothing happens.

An ask (plainpitch.analysis.asks.find_asks: a button, an ask link, a sentence that asks) whose link points at
nothing: "#" alone, an empty target, "javascript:void(0)", a template's example address ("http://example.com/…"),
a target the browser cannot follow because the quotes of the source were kept in it ('"tel:1352…"'), or a web
address whose scheme is mistyped or missing ("https//…", "www.…": read as a path on the current site).
"#features" (a place on the page) and any real address are fine. On an HTML page with scripts, "#" and
"javascript:" may be handled by the page's code (a booking pop-up) when the link's tag gives the code a handle on it
(an id, a handler, a data- attribute, a class that names a pop-up or a toggle); such a link is not reported, but a
plain '<a class="btn" href="#">' is: nothing on its tag marks it for a script, and readers take it for a dead button.
The same holds for a '<button>' in no form and no link: with nothing for a script to hold, a click does nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainpitch.analysis.asks import MAIL_CHROME, find_asks
from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, rule
from plainpitch.text import lazy_re, stand_ins

_NOWHERE_RE = lazy_re.compile(r"^(?:#?|javascript:\s*(?:void\s*\(\s*0\s*\)\s*;?|;)?|about:blank)$", re.IGNORECASE)
_MALFORMED_RE = lazy_re.compile(
    r"^(?:%22|%27|[\"'“”‘’])|^(?:tel|mailto):\s*$|^tel:.*[^\d\s+().\-/]"
    # a web address with its scheme mistyped ('https//…', 'http:/…') or left out ('www.…'): the browser reads it
    # as a path on the current site, so the click lands on a page that is not there
    r"|^(?:https?|ftp)(?!://)[:/\\]|^www\.[a-z0-9-]+\.[a-z]",
    re.IGNORECASE,
)
# an e-mail's own links that the sending platform fills in ("Unsubscribe", "View in browser"): not the writer's
_MAIL_CHROME_RE = lazy_re.compile(MAIL_CHROME, re.IGNORECASE)
_ANCHOR_RE = lazy_re.compile(r"<(?:a|button)\b[^>]*>", re.IGNORECASE)  # a link's or a button's own opening tag
_OPEN_TAG_RE = lazy_re.compile(r"<[a-z][\w-]*\b[^>]*>", re.IGNORECASE)  # the tag it stands in
# what on a link's tag (or the tag around it) lets a script act on its click: a handler, an id, a data- attribute
# (data-toggle="modal", or a bare one a script selects: data-export-leads), a framework's click binding, a class
# naming a behaviour ("js-open", "popup-trigger") or written as a script names things ("appStoreLink"), or pointer
# events off until the script fills the link in
_HOOK_RE = lazy_re.compile(r"\s(?:on[a-z]+|id|data-[\w-]+|role|aria-controls|aria-haspopup|aria-expanded|x-on:[\w.-]+|@click|"
                      r"v-on:[\w.-]+|\(click\))\s*=|\sdata-[\w-]+(?=[\s/>])|"
                      r"\sclass(?:name)?\s*=\s*[\"'][^\"']*(?:\bjs[-_]|modal|pop-?up|trigger|"
                      r"toggle|lightbox|\bopen|accordion|collapse|faq|dropdown|\btabs?\b|menu|close|carousel|slide|\bprev|\bnext)|"
                      r"pointer-events\s*:\s*none", re.IGNORECASE)
_SCRIPT_NAMED_CLASS_RE = lazy_re.compile(r"\sclass(?:Name)?\s*=\s*[\"'][^\"']*\b[a-z]+[A-Z][a-z]")  # case matters here (JSX: className)
_BRAND_RE = lazy_re.compile(r"\sclass\s*=\s*[\"'][^\"']*\b(?:navbar-brand|brand|logo|site-title)\b", re.IGNORECASE)
_SCRIPT_RE = lazy_re.compile(r"<script\b|\bonclick\s*=|\bdata-(?:bs-)?toggle\s*=", re.IGNORECASE)
# A page a framework renders and then hydrates (a Next.js, Nuxt, Gatsby, SvelteKit, Remix or Astro export): its code
# attaches every handler itself, so no element's markup shows a hook, and a button with no link is wired all the same
_HYDRATED_RE = lazy_re.compile(r"self\.__next_f|__NEXT_DATA__|window\.__NUXT__|/_nuxt/|___gatsby|__sveltekit|"
                          r"__remixContext|<astro-island\b", re.IGNORECASE)


def _links(doc: Document):
    """(start, end, href) of every link in the copy, buttons and links in a sentence alike, in text offsets; a button
    in no form has the href None."""
    for unit in doc.units:
        if unit.href is not None and unit.kind in ("cta", "link"):
            yield unit.start, unit.end, unit.href
        elif unit.kind == "cta" and hasattr(unit.attrs, "get") and unit.attrs.get("loose_button"):
            yield unit.start, unit.end, None
        links = unit.attrs.get("links") if hasattr(unit.attrs, "get") else None
        for link in links or ():
            yield unit.start + link["start"], unit.start + link["end"], link.get("href") or ""


# The domains reserved for examples (RFC 2606): no business lives there, so a button pointing at one is a template's
# placeholder the writer forgot to replace ("http://example.com?plan=pro")
_EXAMPLE_HOST_RE = lazy_re.compile(r"^(?:https?:)?//(?:[\w-]+\.)*example\.(?:com|net|org)(?:[:/?#]|$)", re.IGNORECASE)


# The writer's own machine ("http://localhost:3000/shop"): it answers nobody else, so the buyer's click goes nowhere
LOCAL = "an address on the writer's own machine"
_LOCAL_HOST_RE = lazy_re.compile(r"^(?:https?:)?//(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0)(?:[:/?#]|$)", re.IGNORECASE)


# A template's field in the address ("tel:{{ site.phone }}", "<%= url %>"): filled in when the page is built
_FIELD_IN_HREF_RE = lazy_re.compile(r"\{\{|\{%|<%|\$\{|<\?|\{\$")


def dead_reason(href: str, scripted: bool) -> str | None:
    """Why this target goes nowhere, or None."""
    target = href.strip()
    if _FIELD_IN_HREF_RE.search(target):
        return None  # the address is a template's field: whatever it becomes, it is not what the file shows
    if stand_ins.stand_in_number(target):
        return "a stand-in number"  # "tel:+1-XXX-XXX-XXXX", "https://wa.me/61XXXXXXXXX": nobody answers it
    if _MALFORMED_RE.search(target):
        return "a broken address"
    if _EXAMPLE_HOST_RE.match(target):
        return "an example address"
    if _LOCAL_HOST_RE.match(target):
        return LOCAL
    if _NOWHERE_RE.match(target) and not scripted:
        return "no address"
    return None


def _anchor_tags(doc: Document, start: int, end: int) -> tuple[str, str] | None:
    """The link's own opening tag and the tag it stands in (as written), or None when the markup has none to read
    (a link the page's script builds)."""
    at = doc.source_span(Span(start, end))[0]
    window = max(0, at - 2000)
    tags = list(_ANCHOR_RE.finditer(doc.source, window, at))
    between = doc.source[tags[-1].end() : at].lower() if tags else ""
    if not tags or "</a" in between or "</button" in between:
        return None
    parents = list(_OPEN_TAG_RE.finditer(doc.source, window, tags[-1].start()))
    return tags[-1].group(0), parents[-1].group(0) if parents else ""


def _hooked(tags: tuple[str, str] | None, hydrated: bool = False) -> bool:
    """The link or the tag it stands in gives the page's code a handle on it (an id, a handler, a data- attribute, a
    class that names a pop-up or a toggle, a button kept inert until the script fills it): a script may act on its
    click, whatever its address."""
    return hydrated or tags is None or any(_HOOK_RE.search(tag) or _SCRIPT_NAMED_CLASS_RE.search(tag) for tag in tags)


def _brand(tags: tuple[str, str] | None) -> bool:
    """The site's name or logo in its header, linking home: not an ask."""
    return tags is not None and bool(_BRAND_RE.search(tags[0]))


@rule(
    code="CTA008",
    name="dead-call-to-action",
    category="ask",
    scope="seller",
    fields=("more", "why"),
    severity="error",
    impact=3,
    any_language=True,
    summary="A button or ask link (in an e-mail, any link) that goes nowhere: '#', a broken address, a button in no form.",
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
    hydrated = scripted and bool(_HYDRATED_RE.search(doc.source))
    asks = [(a.start, a.end) for a in find_asks(doc, ctx)]
    # a mail client runs no script: in an e-mail every link is something to click, and '#' goes nowhere
    every_link = ctx.medium == "email"
    dead = []
    for start, end, href in _links(doc):
        why = dead_reason(href, False) if href is not None else None
        if href is not None and not why:
            continue  # a real address: the markup around it is not read
        tags = _anchor_tags(doc, start, end) if doc.format == "html" or href is None else None
        if href is None:  # a button in no form: it does something only when a script has a handle on it
            own = tags[0] if tags else ""
            loose = own.startswith("<button") and not _hooked(tags, hydrated)  # "<Button …>": a component
            why = "a button with no link or form" if loose else None
        elif scripted and _hooked(tags, hydrated) and dead_reason(href, True) is None:
            continue  # '#' on a link the page's script has a handle on: the script may act on its click
        if not why or _brand(tags):
            continue
        if why == LOCAL and _LOCAL_HOST_RE.match("//" + doc.text[start:end].split("://")[-1].strip()):
            continue  # "Open http://localhost:3000": a developer's step, written out; not a button for a buyer
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
