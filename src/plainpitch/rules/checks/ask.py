"""The ask: no call to action, competing asks, vague button text, calendar links in cold email, incomplete offers.

An ask is a button (`cta` unit: `[CTA: label]` in Markdown, a button in HTML), a stand-alone link whose text or
address asks for an action, or a sentence that asks ("Book a demo", "Reply to this email", a closing question in
an email). Each ask gets an action (start, meet, contact, install, pricing, learn, reply, buy) so that two
buttons saying "Sign up" and "Get started" count as one action, not two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from plainpitch.classify import MIN_COPY_WORDS, classify_document, copy_words, cues
from plainpitch.model import Metric, Span, Suggestion
from plainpitch.rules.base import Hit, metric_provider, rule

HUBSPOT_CTA = "HubSpot's analysis of 330,000 calls to action: specific, personalised CTAs convert far better than generic ones"
WORDSTREAM_SINGLE = ("Practitioner data on single calls to action (e.g. WordStream's widely cited email test: one CTA, far more "
                     "clicks); directional, not a controlled study")
CONTENTVERVE = "ContentVerve (M. Aagaard) button-copy A/B tests: text that names what the visitor gets beat generic text"
GONG_CTA = "Gong Labs' cold-email research: an interest-based ask ('Worth a look?') beats asking for a specific meeting"

# action -> what its cues look like (label text, sentence start, link address)
ACTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("meet", re.compile(r"\b(?:demo|book|schedule|meeting|call|chat|calendar|calendly|appointment|consult\w*)\b", re.I)),
    ("contact", re.compile(r"\b(?:contact|talk to|get in touch|email us|call us|reach out|ask us|sales)\b", re.I)),
    ("start", re.compile(r"\b(?:sign ?up|signup|get started|start|try|trial|create (?:an? )?(?:free )?(?:account|"
                         r"organi[sz]ation|project|workspace|team)|launch|register|join|open an account)\b", re.I)),
    ("install", re.compile(r"\b(?:download|install|get the app|self-host|deploy now)\b", re.I)),
    ("buy", re.compile(r"\b(?:buy|order|purchase|subscribe|upgrade|checkout|add to cart|get a quote|quote)\b", re.I)),
    ("pricing", re.compile(r"\b(?:pricing|plans?|prices?)\b", re.I)),
    ("reply", re.compile(r"\b(?:reply|let me know|respond|write back|up for)\b", re.I)),
    ("learn", re.compile(r"\b(?:learn|read|see|watch|explore|discover|docs|documentation|tour|guide|find out|more)\b", re.I)),
)
_ASK_START_RE = re.compile(
    r"^(?:please |just |simply |go ahead and )?(?:sign up|get started|start|try|book|schedule|contact|talk to|"
    r"request|download|install|join|subscribe|register|buy|order|reply|let me know|email us|call us|get in touch|"
    r"learn more|read more|find out|see (?:how|pricing|plans|it|the)|watch|create your|claim|grab|get (?:your|a|my|the)"
    r"|explore)(?![-\w])",
    re.IGNORECASE,
)
# Signing in is for customers who already bought: not an ask to a buyer.
_SIGN_IN_RE = re.compile(r"^(?:sign|log) ?in\b|^login$", re.IGNORECASE)
KNOWN_ACTIONS = frozenset(name for name, _ in ACTIONS)
_ASK_ANYWHERE_RE = re.compile(
    r"\b(?:let me know|reply to this|hit reply|get in touch|contact us|talk to (?:us|sales)|book a (?:call|demo)|"
    r"schedule a (?:call|demo)|sign up|start (?:your|a) (?:free )?trial|request a demo|drop me a line|visit|"
    r"ready to (?:try|get started|start)|follow (?:our|the) (?:tutorial|guide)|check out|head (?:over )?to)\b",
    re.IGNORECASE,
)
# A question that asks the reader to act ("Could you introduce me to Simon?", "Worth a look?"): an ask anywhere.
_ASK_QUESTION_RE = re.compile(
    r"^(?:so,? )?(?:could|would|can|will) you\b|^(?:are|would) you (?:be )?(?:open|interested|up for|free)\b|"
    r"^(?:worth|up for|interested in|open to|any interest|keen on|fancy)\b|^(?:would|does) it make sense\b|"
    r"^(?:shall|should) we\b|^how about\b|^do you want\b",
    re.IGNORECASE,
)
_ASK_HREF_RE = re.compile(r"signup|sign-up|register|trial|demo|contact|pricing|calendly|cal\.com|mailto:|book|start", re.I)
CALENDAR_RE = re.compile(
    r"calendly\.com|cal\.com|savvycal|hubspot\.com/meetings|chilipiper|zcal|tidycal|\bmy calendar\b|"
    r"\b(?:grab|pick|book|choose|find) (?:a )?(?:time|slot)\b|\bbook (?:a|some) time\b",
    re.IGNORECASE,
)
VAGUE = {
    "submit": ["Get my free quote", "Start my free trial", "Send my question"],
    "send": ["Send my request", "Get my free quote"],
    "click here": ["Start my free trial", "See pricing", "Book a 20-minute demo"],
    "here": ["Start my free trial", "See pricing"],
    "learn more": ["See how it works", "See pricing", "Read the 3-minute tour"],
    "read more": ["Read the customer story", "See how it works"],
    "more": ["See how it works", "See pricing"],
    "more info": ["See pricing", "See how it works"],
    "find out more": ["See how it works", "See pricing"],
    "details": ["See what's included", "See pricing"],
    "continue": ["Start my free trial", "Get my quote"],
    "next": ["Start my free trial", "See my results"],
    "go": ["Start my free trial", "Get my quote"],
    "ok": ["Start my free trial"],
    "enter": ["Get my free quote"],
    "click": ["Start my free trial"],
    "discover": ["See how it works"],
    "info": ["See pricing"],
}


@dataclass(frozen=True)
class Ask:
    start: int
    end: int
    text: str
    action: str
    kind: str  # cta | link | sentence | question


def _action(text: str, href: str | None = None) -> str:
    for name, pattern in ACTIONS:
        if pattern.search(text) or (href and pattern.search(href)):
            return name
    return " ".join(text.lower().split())


def find_asks(doc, ctx=None) -> list[Ask]:
    """Every ask in the copy, in order (memoised per analysis)."""
    if ctx is not None:
        return ctx.memo("ask.asks", lambda: _find_asks(doc, ctx.medium))
    return _find_asks(doc, doc.medium)


def _find_asks(doc, medium: str) -> list[Ask]:
    asks: list[Ask] = []
    text = doc.text
    for unit in doc.units:
        label = text[unit.start : unit.end].strip()
        if _SIGN_IN_RE.match(label):
            continue
        if unit.kind == "cta":
            asks.append(Ask(unit.start, unit.end, label, _action(label, unit.href), "cta"))
        elif unit.kind == "link":
            if _ASK_START_RE.match(label) or (unit.href and _ASK_HREF_RE.search(unit.href)) or cues.ASK_RE.search(label):
                asks.append(Ask(unit.start, unit.end, label, _action(label, unit.href), "link"))
    body = [s for s in doc.sentences if doc.units[s.unit].kind in ("paragraph", "list_item", "heading", "quote")]
    for s in body:
        clean = cues.normalise(s.text)
        if _ASK_START_RE.match(clean) or _ASK_ANYWHERE_RE.search(clean) or CALENDAR_RE.search(clean):
            asks.append(Ask(s.start, s.end, s.text, _action(clean), "sentence"))
        elif clean.endswith("?") and _ASK_QUESTION_RE.match(clean):
            action = _action(clean)
            asks.append(Ask(s.start, s.end, s.text, action if action in KNOWN_ACTIONS else "reply", "question"))
    if medium == "email":
        # A closing question is the classic low-friction ask of a cold email ("Worth a look?").
        tail = [s for s in body if doc.units[s.unit].kind == "paragraph"][-3:]
        for s in tail:
            if s.text.rstrip().endswith("?") and not any(a.start == s.start for a in asks):
                asks.append(Ask(s.start, s.end, s.text, "reply", "question"))
    return sorted(asks, key=lambda a: a.start)


def _last_unit_span(doc) -> Span:
    prose = [u for u in doc.units if u.kind in ("paragraph", "list_item", "heading", "quote", "turn")] or list(doc.units)
    unit = prose[-1]
    return Span(unit.start, unit.end)


# -- CTA001 ----------------------------------------------------------------------------------------------------
@rule(
    code="CTA001",
    name="missing-call-to-action",
    category="ask",
    severity="error",
    summary="Copy that never asks the buyer to do anything: no button, no link to act on, no question.",
    why=(
        "A reader who is convinced but not told what to do next does nothing. Without an ask there is no next "
        "step to take, so the copy cannot turn interest into a trial, a reply or a meeting: it costs the deal."
    ),
    message="No call to action: the buyer is not asked to do anything",
    fix="End with one clear ask: a button that names the gain, or in an email one question.",
    bad=[{"text": "Acme syncs your databases to your dashboards.\n\n[[It runs on your servers.]]", "format": "text"}],
    good=[
        {"text": "Acme syncs your databases to your dashboards.\n\nStart your free trial today.", "format": "text"},
        "Acme syncs your databases.\n\n[CTA: Start my free trial]",
    ],
    media=("page", "email", "proposal", "text"),
    sources=[WORDSTREAM_SINGLE, "Fogg Behavior Model (B = MAP): without a prompt, motivation and ability do not turn into an action"],
)
def missing_call_to_action(doc, ctx) -> Iterable[Hit]:
    if copy_words(doc) < MIN_COPY_WORDS or find_asks(doc, ctx):
        return  # no copy to judge (a one-word file, a list of links), or it asks
    yield Hit(_last_unit_span(doc), data={"scope": "document"})


# -- CTA002 ----------------------------------------------------------------------------------------------------
@rule(
    code="CTA002",
    name="competing-calls-to-action",
    category="ask",
    severity="warning",
    summary="More different actions asked for than the medium bears (email: 1; page: 3; proposal: 2).",
    # On pages only conversion actions count (start, meet, contact, install, buy, pricing, reply).
    why=(
        "Every extra choice slows the decision and splits the clicks (Hick's law). Emails with a single call to "
        "action get more clicks than emails with several; a page that asks for a demo, a download, a newsletter "
        "and a call leaves the buyer to decide what matters, and many decide to leave."
    ),
    message="{count} different asks compete: choose one main action",
    fix="Keep one primary ask (and at most one secondary); drop or demote the rest.",
    bad=[
        {
            "text": "Subject: Faster month-end\n\nHi Sam,\n\nYour team could close the month in three days. "
            "Book a demo on our site. [[Download our whitepaper too.]]\n\nBest,\nAna",
            "format": "text",
        }
    ],
    good=[
        {
            "text": "Subject: Faster month-end\n\nHi Sam,\n\nYour team could close the month in three days. "
            "Worth a short call next week?\n\nBest,\nAna",
            "format": "text",
        }
    ],
    media=("page", "email", "proposal"),
    example_medium="email",
    sources=[WORDSTREAM_SINGLE, "Hick's law (Hick 1952, Hyman 1953): decision time grows with the number of choices",
             "The page limit of 3 is a judgement call (docs/profiles.md)"],
)
def competing_calls_to_action(doc, ctx) -> Iterable[Hit]:
    key = f"sales.asks_max.{ctx.medium}"
    if key not in ctx.thresholds:
        return
    limit = int(ctx.threshold(key))
    seen: dict[str, Ask] = {}
    for ask in find_asks(doc, ctx):
        if ctx.medium != "email" and (ask.action not in KNOWN_ACTIONS or ask.action == "learn"):
            continue  # on a page, "learn more" links and navigation do not compete with the main ask
        if ask.action not in seen:
            seen[ask.action] = ask
    if len(seen) <= limit:
        return
    extra = list(seen.values())[limit]
    yield Hit(Span(extra.start, extra.end), {"count": len(seen)},
              data={"scope": "document", "actions": list(seen), "limit": limit})  # fmt: skip


# -- CTA003 ----------------------------------------------------------------------------------------------------
@rule(
    code="CTA003",
    name="vague-call-to-action",
    category="ask",
    severity="suggestion",
    summary="Button or link text that names no action or gain (\"Submit\", \"Learn more\", \"Click here\").",
    why=(
        "The button is the last thing read before the click. 'Submit' and 'Learn more' say what the buyer "
        "gives, not what they get; button text that names the result ('Get my free quote') is clicked more "
        "often in A/B tests."
    ),
    message="Vague call to action '{match}': name what the buyer gets",
    fix="Say the result in the buyer's words: 'Start my free trial', 'Get my quote', 'See pricing'.",
    bad=["Acme syncs your databases.\n\n[CTA: [[Submit]]]", "Acme syncs your databases.\n\n[CTA: [[Learn more]]]"],
    good=["Acme syncs your databases.\n\n[CTA: Start my free trial]"],
    example_medium="page",
    options={"alternatives": VAGUE},
    sources=[CONTENTVERVE, HUBSPOT_CTA],
)
def vague_call_to_action(doc, ctx) -> Iterable[Hit]:
    table = {k.lower(): v for k, v in (ctx.option("alternatives", VAGUE) or {}).items()}
    for ask in find_asks(doc, ctx):
        if ask.kind not in ("cta", "link"):
            continue
        key = " ".join(re.sub(r"[^\w\s']", " ", ask.text.lower()).split())
        if key in table:
            yield Hit(Span(ask.start, ask.end), {"match": ask.text},
                      tuple(Suggestion(alt, "names what the buyer gets") for alt in table[key][:3]))  # fmt: skip


# -- CTA004 ----------------------------------------------------------------------------------------------------
@rule(
    code="CTA004",
    name="calendar-link-in-cold-email",
    category="ask",
    severity="warning",
    summary="A cold email that asks for a meeting through a calendar link instead of one easy question.",
    why=(
        "A calendar link asks a stranger to commit 30 minutes before they agreed there is a problem worth "
        "solving. A one-line question about their interest ('Worth a look?') is easy to answer and starts the "
        "conversation; analyses of cold emails find interest-based asks get more replies than meeting asks."
    ),
    message="Calendar link in a cold email: ask one low-friction question instead",
    fix="Replace the link with one question about their interest: 'Worth a 10-minute call next week?'",
    bad=[
        {
            "text": "Subject: Faster month-end\n\nHi Sam,\n\nYour team could close the month in three days. "
            "[[Grab a time on my calendar: calendly.com/ana.]]\n\nBest,\nAna",
            "format": "text",
        }
    ],
    good=[
        {
            "text": "Subject: Faster month-end\n\nHi Sam,\n\nYour team could close the month in three days. "
            "Worth a short call next week?\n\nBest,\nAna",
            "format": "text",
        }
    ],
    media=("email",),
    example_medium="email",
    sources=[GONG_CTA],
)
def calendar_link_in_cold_email(doc, ctx) -> Iterable[Hit]:
    for ask in find_asks(doc, ctx):
        unit = doc.units[doc.unit_at(ask.start)]
        if CALENDAR_RE.search(ask.text) or (unit.href and CALENDAR_RE.search(unit.href)):
            yield Hit(Span(ask.start, ask.end), suggestions=(
                Suggestion("Worth a 10-minute call next week?", "one easy question instead of a calendar"),))
            return


# -- CTA005 ----------------------------------------------------------------------------------------------------
_FOR_WHOM_RE = re.compile(
    r"\bfor (?:you|your|every|any|all|small|large|growing|modern|busy|\w+ (?:teams?|companies|businesses|developers))\b|"
    r"\b(?:teams?|developers|engineers|businesses|companies|startups|enterprises|agencies|marketers|founders|"
    r"organi[sz]ations|freelancers|designers|creators|shops|retailers|customers|users|anyone|everyone)\b",
    re.IGNORECASE,
)
_PRICE_RE = re.compile(
    r"[$€£]\s?\d|\b\d+\s?(?:usd|eur|gbp|dollars|euros)\b|\bfree\b|\bpricing\b|\bplans?\b|\bper (?:month|user|seat|year)\b|"
    r"\btrial\b|\bopen[- ]source\b|\bdownload\b|\binstall\b|\bsign ?up\b|\bget started\b|\bcontact sales\b|\bquote\b",
    re.IGNORECASE,
)
OFFER_PARTS = {"what": "what it is", "who": "for whom", "price": "the price or how to get it", "action": "the action"}


@rule(
    code="CTA005",
    name="incomplete-offer",
    category="ask",
    severity="warning",
    summary="A page that must sell on its own but leaves out part of the offer: what, for whom, price or how, action.",
    why=(
        "A self-serve page has no salesperson to fill the gaps. If the visitor cannot tell what it is, whether it "
        "is for them, what it costs or how to get it, and what to click, they leave to ask someone else — "
        "usually a competitor whose page answers."
    ),
    message="Incomplete offer: missing {what}",
    fix="Say what it is, who it is for, the price (or 'free', 'contact us') and one action, above the fold.",
    bad=[
        "# [[Acme Sync]]\n\nAcme Sync is a data tool. It connects databases to dashboards and keeps them current. "
        "It checks every table and every column, it retries when a network fails, and it keeps a log of every "
        "change. Reports show the latest numbers and a history of every change, and alerts fire when a number "
        "moves too far. Setup takes an afternoon and needs no code at all. It keeps every report current. It "
        "works with the dashboards already in use, and it reads from every common database.\n\n"
        "[CTA: Start my trial]"
    ],
    good=[
        "# Acme Sync\n\nAcme Sync is a data tool for finance teams. It connects databases to dashboards and keeps "
        "them current. It checks every table and every column, it retries when a network fails, and it keeps a "
        "log of every change. Reports show the latest numbers and a history of every change. Setup takes an "
        "afternoon and needs no code at all. It works with the dashboards already in use, and it reads from "
        "every common database. Plans start at $49 per month.\n\n[CTA: Start my free trial]"
    ],
    media=("page",),
    example_medium="page",
    sources=["Judgement call after direct-response practice: an offer says what, for whom, at what price, and what to do "
             "copywriting; e.g. Ogilvy, 'Ogilvy on Advertising' (1983)"],
)
def incomplete_offer(doc, ctx) -> Iterable[Hit]:
    if not ctx.threshold("sales.offer_required") or doc.word_count < int(ctx.threshold("sales.offer_min_words")):
        return
    text = doc.text
    asks = find_asks(doc, ctx)
    if not any(a.kind == "cta" for a in asks):
        # No button: not a landing page that sells on its own (an article, a story, a docs page), or no ask at
        # all, which CTA001 reports; an offer check on top would count the same gap twice.
        return
    claims = classify_document(doc, ctx)
    first_words = doc.words[min(len(doc.words), 100) - 1].end if doc.words else 0
    has = {
        "what": any(c.label in ("feature", "benefit") and c.start < first_words for c in claims),
        "who": bool(_FOR_WHOM_RE.search(text) or cues.YOU_RE.search(text)),
        "price": bool(_PRICE_RE.search(text)) or any(a.action in ("start", "install", "buy", "pricing") for a in asks),
        "action": True,
    }
    missing = [OFFER_PARTS[k] for k, ok in has.items() if not ok]
    if not missing:
        return
    head = next((u for u in doc.units if u.kind == "heading"), doc.units[0])
    yield Hit(Span(head.start, head.end), {"what": ", ".join(missing)}, data={"scope": "document", "missing": missing})


CONVERSION = KNOWN_ACTIONS - {"learn"}


def ask_strength(asks: list[Ask], medium: str) -> int:
    """3: a button or link for a next step (start, meet, contact, install, buy, pricing, reply), or an email's
    closing question; 2: that next step asked in a sentence, or a button with an unclear label; 1: only 'learn
    more' asks; 0: no ask."""
    best = 0
    for ask in asks:
        if ask.action in CONVERSION and (ask.kind in ("cta", "link") or (medium == "email" and ask.kind == "question")):
            level = 3
        elif ask.action in CONVERSION or (ask.kind == "cta" and ask.action not in KNOWN_ACTIONS):
            level = 2  # a next step in a sentence, or a button whose label names no clear action
        else:
            level = 1
        best = max(best, level)
    return best


@metric_provider("page", "email", "proposal", "text")
def ask_metrics(doc, ctx) -> Iterable[Metric]:
    asks = find_asks(doc, ctx)
    yield Metric("copy.asks", len(asks), "calls to action")
    yield Metric("copy.ask_actions", len({a.action for a in asks}), "different actions asked for")
    yield Metric("copy.ask_strength", ask_strength(asks, ctx.medium), "strongest ask (0-3)",
                 note="3 a button for a next step, 2 a next step in a sentence, 1 only 'learn more', 0 none")  # fmt: skip
