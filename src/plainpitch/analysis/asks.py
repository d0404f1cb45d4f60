"""Asks in copy: every way a text asks its reader to act, each with the action it asks for.

An ask is a button (`cta` unit: `[CTA: label]` in Markdown, a button in HTML), a stand-alone link whose text or
address asks for an action, a link in a sentence whose words or address ask, or a sentence that asks ("Book a
demo", "Reply to this email", a closing question in an email, a proposal's signature block). Each ask gets an
action (start, meet, contact, install, buy, pricing, reply, sign, claim, learn) so that two buttons saying "Sign up"
and "Get started" count as one action, not two. The ask rules (plainpitch.rules.checks.ask), the dead-link and proof
rules and the pitch rewriter all read asks from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainpitch.analysis.regions import body_units
from plainpitch.classify import cues
from plainpitch.model import Span
from plainpitch.text import lazy_re, placeholders, shapes, stand_ins
from plainpitch.text.segment import CODE_PLACEHOLDER
from plainpitch.text.wordsets import fold

# a consultant's way to be reached: "connect on LinkedIn", "message me on LinkedIn" (an action's cue and an ask anywhere)
_LINKEDIN = r"(?:connect|message|dm)(?: with)? (?:me |us )?on linkedin"
# a sole trader's or a team's own line: "email us", "call me", "message or call me", "text me"
_REACH_ME = r"(?:e-?mail|call|message|text|phone|ring|dm|write to)(?: or (?:e-?mail|call|message|text|phone))? (?:me|us)"
# An item's page in a marketplace that shows buyers' reviews beside it ("amazon.com/dp/B07LG3TYJS"), or a hosted
# checkout (which shows none): where the reader buys it
_MARKETPLACE_ITEM = (r"amazon\.[a-z.]+/(?:[^/\s]+/)?(?:dp|gp/product)/|amzn\.to/|etsy\.com/(?:[a-z-]+/)?listing/|"
                     r"ebay\.[a-z.]+/itm/")
_STORE_ITEM = r"(?:" + _MARKETPLACE_ITEM + r"|gumroad\.com/l/|buy\.stripe\.com/|paypal\.me/)"
# action -> what its cues look like (label text, sentence start, link address)
ACTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("meet", re.compile(r"\b(?:demo|book|schedule|meeting|call|chat|calendar|calendly|appointment|consult\w*)\b", re.I)),
    ("contact", re.compile(r"\b(?:contact|talk to|get in touch|reach out|ask us|send us|tell us|sales|whatsapp|telegram|" + _REACH_ME +
                           r"|" + _LINKEDIN + r")\b|//(?:t|wa|m)\.me/", re.I)),
    ("start", re.compile(r"\b(?:sign ?up|signup|get started|start|try|trial|create (?:an? )?(?:free )?(?:account|"
                         r"organi[sz]ation|project|workspace|team)|launch|register|join|open an account|enrol(?:l|ment)?|"
                         r"apply (?:now|today|here|online))\b", re.I)),
    # a developer tool is got from its repository or an app from its store ("View on GitHub", "Get it on Google Play")
    ("install", re.compile(r"\b(?:downloads?|install(?:ation|ing|s)?|get the app|self-host(?:ing)?|deploy now|"
                           r"releases?|on git(?:hub|lab)|app store|google play|play store)\b", re.I)),
    ("buy", re.compile(r"\b(?:buy|order|purchase|subscribe|upgrade|checkout|add to cart|get a quote|quote|shop|"
                       r"reserve|pre-?order)\b|" + _STORE_ITEM, re.I)),
    ("pricing", re.compile(r"\b(?:pricing|plans?|prices?)\b", re.I)),
    ("reply", re.compile(r"\b(?:reply|let me know|respond|write back|up for)\b", re.I)),
    ("sign", re.compile(r"\b(?:sign (?:here|below|the|this)|signature|signing|accept(?:ed)? by|approve[ds]?|countersign)\b", re.I)),
    # an offer to take something free ("Get the free guide", "Claim your audit"): the lead a page or e-mail converts
    ("claim", re.compile(r"\b(?:claim|grab)\b|\bget\b[^.!?\n]{0,20}\bfree\b", re.I)),
    # a cause's supporter acts by giving or joining in: the conversion of a charity's page or e-mail
    ("give", re.compile(r"\b(?:donate|donations?|give (?:now|today|monthly|once)|make a (?:gift|donation)|pledge|"
                        r"volunteer|take action|get involved|sign the petition)\b", re.I)),
    ("learn", re.compile(r"\b(?:learn|read|see|watch|explore|discover|docs|documentation|tour|guide|find out|more)\b", re.I)),
)
_ASK_START_RE = lazy_re.compile(
    r"^(?:please |just |simply |go ahead and )?(?:(?:click|tap|press)(?: (?:here|below|the button))? to )?"
    r"(?:sign up|get started|start|try|book|schedule|contact|talk to|"
    r"request|download|install|join|subscribe|register|buy|order|reply|let me know|" + _REACH_ME + r"|get in touch|"
    # "Send us the square footage …", "Tell us about your project": what to send or tell is the enquiry itself
    r"(?:send|tell) (?:me|us)|"
    # an upgrade the buyer pays for, not one a developer runs ("Upgrade pip to 23.1")
    r"upgrade(?= (?:now|today|anytime|any time|to (?:pro|premium|plus|business|a paid plan)|your (?:plan|account|"
    r"subscription))\b)|"
    r"(?:choose|select|pick) (?:a|the|your) plan|reserve|shop|pre-?order|enrol+|apply (?:now|today|here|online)|"
    r"(?:view|star|fork)(?: (?:it|us|the (?:source|code|project)|source|code))? on git(?:hub|lab)|"
    # a repository's first step: getting the code is getting the product ("Clone or download this repository")
    r"clone(?: or download)? (?:this|the) (?:repo|repository|project)|"
    r"learn more|read more|find out|see (?:how|pricing|plans|it|the)|watch|create your|create an?(?: free)? account|"
    r"claim|grab|get (?:your|a|my|the)|donate|give (?:now|today|monthly)|volunteer|take action|get involved"
    r"|explore)(?![-\w])"
    # "Contact form integration — $79", "Order history", "Download speed": a compound noun, a feature's name, not an ask
    r"(?! (?:forms?|pages?|details|info|information|history|list|cent(?:er|re)|numbers?|size|speeds?|limits?|dates?|"
    r"status|tracking|management|buttons?|links?|fields?|sections?)\b)",
    re.IGNORECASE,
)
_LEAD_MARKS_RE = lazy_re.compile(r"^[^\w]+")
# "Button: `View your booking`", "Primary CTA – Book a call", "Button text: ENTER THE VAULT": a copy deck's button
_BUTTON_LINE_RE = lazy_re.compile(r"^\W{0,3}(?:(?:primary|secondary|main)\s+)?(?:button|cta|call to action)"
                             r"(?:\s+(?:button|text|label|copy)){0,2}"  # "Primary CTA button:", "CTA button text:"
                             r"\s*(?::|\s[–—-])\s*[\"'“‘`\[]?(?P<label>[^\"'”’`\],.;:!?\n]{2,60}?)[\"'”’`\]]?[ \t]*(?:[,.;(!\n]|$)",
                             re.IGNORECASE)  # fmt: skip
# A link that only asks to read on ("Learn more about changing your plan"): not an ask to act
_READ_ON_RE = lazy_re.compile(r"(?:learn|read|find out|see|explore|watch)\b", re.IGNORECASE)
# The sending platform's own links and the sender's profiles: an e-mail's frame, not what it asks the reader to do
# An e-mail's own links that the sending platform fills in ("Unsubscribe", "View in browser"): not the writer's
MAIL_CHROME = r"unsubscribe|preferences|view (?:it )?(?:in|on) (?:your |a )?(?:browser|web)|opt[- ]out"
# ... and, read as the frame rather than an ask, the privacy notice and "View this in your browser"
_MAIL_CHROME_LABEL_RE = lazy_re.compile(MAIL_CHROME + r"|privacy|view this (?:in|on) (?:your |a )?(?:browser|web)", re.IGNORECASE)
_PROFILE_HREF_RE = lazy_re.compile(r"^#|(?:^|[/.])(?:twitter|x|facebook|instagram|linkedin|tiktok|youtube)\.com\b", re.IGNORECASE)
# Signing in is for customers who already bought: not an ask to a buyer.
# a way back in for a user, or a button that says it cannot be pressed yet ("Coming soon", "Sold out"): no ask
_SIGN_IN_RE = lazy_re.compile(r"^(?:sign|log) ?in\b|^login$|^(?:coming soon|sold out|unavailable|not available|current plan|"
                         r"your (?:current )?plan)\W*$", re.IGNORECASE)
KNOWN_ACTIONS = frozenset(name for name, _ in ACTIONS)
CONVERSION = KNOWN_ACTIONS - {"learn"}  # actions that move a sale on; "learn more" only keeps the reader reading
_ASK_ANYWHERE_RE = lazy_re.compile(
    r"\b(?:let (?:me|us) know|reply to this|hit reply|get in touch|contact us|talk to (?:us|sales)|book a (?:call|demo)|"
    r"schedule a (?:call|demo)|sign up|start (?:your|a) (?:free )?trial|request a demo|drop me a line|"
    r"(?<![-\w])(?<!we )(?<!they )(?<!I )visit(?! (?:counts?|charges?|fees?|times?)\b)|"
    r"ready to (?:try|get started|start)|follow (?:our|the) (?:tutorial|guide)|check out|head (?:over )?to|"
    r"(?:you can|to) (?:install|download)|(?:install|download) (?:it|the latest)|binaries are available|"
    + _LINKEDIN + r")\b",
    re.IGNORECASE,
)
# A question that asks the reader to act ("Could you introduce me to Simon?", "Worth a look?"): an ask anywhere.
_ASK_QUESTION_RE = lazy_re.compile(
    r"^(?:so,? )?(?:could|would|can|will) you\b|^(?:are|would) you (?:be )?(?:open|interested|up for|free)\b|"
    r"^(?:worth|up for|interested in|open to|any interest|keen on|fancy)\b|^(?:would|does) it make sense\b|"
    # "Would a 15-minute call this week make sense?": a meeting offered as a question
    r"^would (?:a|an|some)\b[^?]{0,60}\b(?:make sense|work for you|be (?:useful|helpful|worth it))\b|"
    r"^(?:shall|should|can|could) we\b|^how about\b|^do you want\b|"
    # an offer put as a question: "Want me to show you a mock-up?", "Shall I send the plan?"
    # ("Can I switch plans?" is the buyer's own question in an FAQ: not one)
    r"^(?:do you )?want (?:me to|to see)\b|^shall I\b",
    re.IGNORECASE,
)
_LAST_CLAUSE_RE = lazy_re.compile(r"[,;:—–]\s*([^,;:—–]+)$")  # "Wanted to check if it helps, can we talk on Friday?"


# A button written as its label in brackets, as plain-text emails and drafts show one: "[Upgrade now]" (not a
# Markdown link or reference, not a template field: a capitalised label of a few words)
_BUTTON_VERB_RE = lazy_re.compile(r"^(?:upgrade|renew)\b", re.IGNORECASE)  # on a button, not in a sentence ("Upgrade pip to …")
# A sentence that tells the reader how to begin ("To get started, log in and select New Sample"): an onboarding
# e-mail's ask, whatever verb follows the lead-in
_HOW_TO_START_RE = lazy_re.compile(r"^(?:to (?:get started|begin|start)\b[^.!?]{0,60}?,|getting started is (?:easy|simple)\b)",
                              re.IGNORECASE)
# A bracketed line of its own that opens with a verb of getting is a button whatever follows it ("[Get BatchShrink]",
# a product's name), where "[Client Name]" is a field to fill; verbs that are also nouns ("[Order number]",
# "[Start date]") are left to the field reading.
_LONE_BUTTON_RE = lazy_re.compile(r"^(?:get|download|buy|try|join|subscribe|claim|schedule|reserve|register|sign up)\b",
                             re.IGNORECASE)
# A bracketed label standing for a picture or a clip, not a button: "[Hero image]", "[Video]"
_MEDIA_LABEL_RE = lazy_re.compile(r"\b(?:image|img|photo|picture|logo|video|clip|screenshot|icon|gif|banner|illustration|"
                             r"map|chart|diagram|graphic|gallery|carousel|slider)s?\b", re.IGNORECASE)
_BRACKET_BUTTON_RE = lazy_re.compile(r"\[([A-Z][\w'’-]*(?: [\w'’‑-]+){0,5})\](?![(\[:])")


# "When you're ready for the full board, subscribe for unlimited access", "If anything is unclear, reply to this
# e-mail": the ask is the main clause after a condition or a time
_CONDITION_RE = lazy_re.compile(r"^(?:if|when|once|whenever|as soon as|whether|ready)\b[^,.!?;:]{0,120},\s*", re.IGNORECASE)


def _asks_after_condition(clean: str) -> bool:
    m = _CONDITION_RE.match(clean)
    return bool(m and _ASK_START_RE.match(_LEAD_MARKS_RE.sub("", clean[m.end() :])))


def _asking_question(clean: str) -> bool:
    """A question that asks the reader to act, at its start or in its last clause."""
    if not clean.endswith("?"):
        return False
    last = _LAST_CLAUSE_RE.search(clean)
    return bool(_ASK_QUESTION_RE.match(clean) or (last and _ASK_QUESTION_RE.match(last.group(1))))
# Where a link in a sentence takes the reader to act (not to read): contact, sign-up, booking, checkout, a call
# a messenger chat (t.me, wa.me, m.me) or an event added to the reader's calendar is also a way to act
_CONVERSION_HREF_RE = lazy_re.compile(r"(?:^(?:mailto:|tel:|sms:)|(?:^|/)(?:contact(?:-us)?|signup|sign-up|register|book(?:ing)?|"
                                 r"demo|checkout|buy|order|quote|get-started|start|trial|subscribe)(?:[/?#.]|$)|"
                                 r"^https?://(?:t\.me|wa\.me|m\.me|api\.whatsapp\.com)/|"
                                 r"calendar\.google\.com/calendar/(?:render|event)|outlook\.(?:live|office)\.com/calendar/|"
                                 + _STORE_ITEM + r")", re.I)  # fmt: skip
_ASK_HREF_RE = lazy_re.compile(r"signup|sign-up|register|trial|demo|contact|pricing|calendly|cal\.com|mailto:|book|start|"
                          r"billing|upgrade|checkout|subscribe|choose-plan|plans\b|buy|order|quote|" + _STORE_ITEM, re.I)
# A sentence that carries the ask through a link or an address: "You can upgrade your account (https://…)",
# "Email me at ana@acme.com", "Call me on +44 …", "Call 1-866-322-2245".
# An address, or an email template's field that holds one ("{{ site_url }}/onboarding/", "{unsubscribe_link}"): the
# template fills it with the link on send
URL_RE = lazy_re.compile(r"https?://\S+|\bwww\.\S+|\{\{?\s*[\w.]*(?i:url|link|href)[\w.]*\s*\}\}?\S*")
_CONTACT_ME_RE = lazy_re.compile(
    r"\b(?:e-?mail|write to|reach|contact|call|text|ping|message|dm) (?:me|us)(?: directly)? (?:at|on|via)\b|"
    r"\b(?:my|our) (?:calendar|email|e-mail|number|phone)(?: address)? is\b|"
    # "Call 1-866-322-2245", "Text us now on +44 7700 900123": a number to call is the next step itself
    r"\b(?:call|text|phone|ring|dial)(?: (?:us|me))?(?: (?:now|today|anytime))?(?: (?:at|on))? \+?\(?\d[\d ().-]{6,}\d",
    re.IGNORECASE,
)
_NEGATED_RE = lazy_re.compile(r"\b(?:not|n't|never|no need to|without)\b(?:\s+\w+){0,3}?\s+(?:install|download|sign up|"
                         r"start|try|book|contact|buy|subscribe|register)\b", re.IGNORECASE)
# A proposal's close: a signature or acceptance block, or a "Next steps" section the client acts on.
_SIGN_BLOCK_RE = lazy_re.compile(r"_{5,}|\b(?:signature|accepted by|approved by|sign(?:ed)? (?:here|below)|by signing)\b", re.I)
# A proposal's step that asks the client to say yes: "Approve the upgrade", "Sign and return", "Accept the quote"
_APPROVE_RE = lazy_re.compile(r"^\W*(?:approve|accept|sign|countersign|confirm)\b", re.IGNORECASE)
_NEXT_STEPS_RE = lazy_re.compile(r"^\W*(?:next steps?|how to (?:proceed|get started)|getting started|what happens next)\b", re.I)
CALENDAR_RE = lazy_re.compile(
    r"calendly\.com|cal\.com|savvycal|hubspot\.com/meetings|chilipiper|zcal|tidycal|\bmy calendar\b|"
    r"\b(?:grab|pick|book|choose|find) (?:a )?(?:time|slot)\b|\bbook (?:a|some) time\b",
    re.IGNORECASE,
)
# Prefilters: literal strings, one of which every match of the pattern holds (in the case-folded sentence;
# tests/test_wordsets.py proves each list against every string its pattern can match). A sentence without one is
# not searched: most sentences of a page are not asks.
def _needs(*literals: str) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, literals)))


_NEEDS = {
    _NEGATED_RE: _needs("install", "download", "sign", "start", "try", "book", "contact", "buy", "subscribe", "register"),
    _ASK_ANYWHERE_RE: _needs("know", "reply", "touch", "contact", "talk", "book", "schedule", "sign", "trial", "demo",
                             "line", "visit", "ready", "follow", "check", "head", "install", "download", "binaries",
                             "linkedin"),
    CALENDAR_RE: _needs("cal", "hubspot", "chilipiper", "time", "slot"),
    _CONTACT_ME_RE: _needs("mail", "write", "reach", "contact", "call", "text", "ping", "message", "dm", "calendar",
                           "number", "phone", "ring", "dial"),
    URL_RE: _needs("http", "www.", "url", "link", "href"),
}  # fmt: skip


def normalised(text: str) -> str:
    """``cues.normalise``: for ASCII text without emphasis marks (most sentences) it only squeezes the spaces (its
    table maps only non-ASCII characters). As benefits.normalised: a rule module importing another would change
    the order the metric providers register in."""
    if text.isascii() and "*" not in text and "_" not in text:
        return " ".join(text.split())
    return cues.normalise(text)


def _found(pattern: re.Pattern[str], clean: str, folded: str) -> re.Match[str] | None:
    """``pattern.search(clean)``, skipped when the folded sentence lacks every literal the pattern needs."""
    return pattern.search(clean) if _NEEDS[pattern].search(folded) else None


@dataclass(frozen=True)
class Ask:
    start: int
    end: int
    text: str
    action: str
    kind: str  # cta | link | inline (a link in a sentence to act: "[hear about it](/contact)") | sentence | question


def action_of(text: str, href: str | None = None) -> str:
    """The action a label or sentence (and its link's address) asks for, or the label itself when none is known."""
    for name, pattern in ACTIONS:
        if pattern.search(text) or (href and pattern.search(href)):
            return name
    return " ".join(text.lower().split())


def find_asks(doc, ctx=None) -> list[Ask]:
    """Every ask in the copy, in order (memoised per analysis)."""
    if ctx is not None:
        return ctx.memo("ask.asks", lambda: _find_asks(doc, ctx.medium))
    return _find_asks(doc, doc.medium)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str
    unit: int


# In a plain-text file a line with no end mark, followed by one that starts with a capital, ends a clause the writer
# set on its own line ("No secret fees\nSimply reply YES ..."): the loader joins the lines of a paragraph and the
# segmenter keeps them in one sentence.
# A line that opens with a mark ("✅ Start saving", "👉 Book a call") starts afresh whatever ends the line above; so
# does a line in bold ("**Shop Now**" under a product in an e-mail draft). Line ends may be CRLF.
_SOURCE_LINE_END_RE = lazy_re.compile(r"(?<![.!?:;,\s])[ \t]*\r?\n[ \t]*(?=(?:\*\*|__|[\"“])?[A-Z])|"
                                 r"[ \t]*\r?\n[ \t]*(?=[^\w\s\"“'(\[*_`])")


def _lines_of(doc, s):
    """A sentence cut where its source has such a line end (itself when it has none)."""
    src_start, src_end = doc.source_span(Span(s.start, s.end))
    cuts = []
    for m in _SOURCE_LINE_END_RE.finditer(doc.source, src_start, src_end):
        lo, hi = s.start, s.end  # the first text offset whose source lies past the line end (to_source rises)
        while lo < hi:
            mid = (lo + hi) // 2
            if doc.to_source(mid) < m.end():
                lo = mid + 1
            else:
                hi = mid
        if s.start < lo < s.end:
            cuts.append(lo - s.start)
    if not cuts:
        return [s]
    out, at = [], 0
    for cut in cuts + [len(s.text)]:
        piece = s.text[at:cut]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(_Line(s.start + at + lead, s.start + at + len(piece.rstrip()), piece.strip(), s.unit))
        at = cut
    return out


def _find_asks(doc, medium: str) -> list[Ask]:
    asks: list[Ask] = []
    text = doc.text
    for unit in doc.units:
        label = text[unit.start : unit.end].strip()
        if _SIGN_IN_RE.match(label):
            continue
        if unit.kind == "cta":
            asks.append(Ask(unit.start, unit.end, label, action_of(label, unit.href), "cta"))
        elif unit.kind == "link":
            if _ASK_START_RE.match(label) or (unit.href and _ASK_HREF_RE.search(unit.href)) or cues.ASK_RE.search(label):
                asks.append(Ask(unit.start, unit.end, label, action_of(label, unit.href), "link"))
    body_index = set(body_units(doc)) if medium == "email" else set()
    for i, unit in enumerate(doc.units):
        if unit.kind not in ("paragraph", "list_item", "quote") or not hasattr(unit.attrs, "get"):
            continue
        for link in unit.attrs.get("links") or ():
            href = link.get("href") or ""
            label = text[unit.start + link["start"] : unit.start + link["end"]]
            # "[we'd like to hear about it](/contact)": the link is the ask; so is a link whose words ask to buy,
            # try or book ("…, or better yet, <a>buy a pre-built LibraryBox</a>")
            if _CONVERSION_HREF_RE.search(href) or (_ASK_START_RE.match(label) and not _READ_ON_RE.match(label)
                                                     and action_of(label, href) in CONVERSION):  # fmt: skip
                asks.append(Ask(unit.start + link["start"], unit.start + link["end"], label, action_of(label, href), "inline"))
            elif (medium == "email" and i in body_index and href and not _MAIL_CHROME_LABEL_RE.search(label)
                  and not _PROFILE_HREF_RE.search(href)):
                # in an e-mail a link in the body is how the reader acts, as a bare address is below ("A few places
                # to begin: Learn, Guide, Take Action", each a link); not the sender's links under the sign-off,
                # nor the sending platform's own (unsubscribe, view in browser, social profiles)
                asks.append(Ask(unit.start + link["start"], unit.start + link["end"], label, action_of(label, href), "inline"))
    body = [s for s in doc.sentences if doc.units[s.unit].kind in ("paragraph", "list_item", "heading", "quote")]
    if doc.format in ("text", "markdown"):
        # a line of its own opens an ask as a sentence does ("📌 CTA Buttons:\n✅ Start Saving Now" in a copy deck)
        # a unit written on one line of the source has no line end to cut at: most of a Markdown page's paragraphs
        multiline: dict[int, bool] = {}
        for s in body:
            if s.unit not in multiline:
                unit = doc.units[s.unit]
                a, b = unit.to_source(unit.start), unit.to_source(max(unit.start, unit.end - 1))
                multiline[s.unit] = doc.source.find("\n", a, b) != -1
        body = [piece for s in body for piece in (_lines_of(doc, s) if multiline[s.unit] else (s,))]
    next_steps_unit = -1
    for s in body:
        clean = normalised(s.text)
        folded = fold(clean)
        unit = doc.units[s.unit]
        buttons_before = len(asks)
        if "[" in s.text:
            for m in _BRACKET_BUTTON_RE.finditer(s.text):
                label = m.group(1)
                # a line that is only "[Manage subscription]" is a button; "[Name]" is a field, "[Video]" a clip
                alone = s.text.strip() == m.group(0) and not _MEDIA_LABEL_RE.search(label)
                if ((_ASK_START_RE.match(label) or _BUTTON_VERB_RE.match(label)
                     or (alone and (not placeholders.is_placeholder(m.group(0)) or _LONE_BUTTON_RE.match(label))))
                        and not _SIGN_IN_RE.match(label)):
                    action = action_of(label)
                    if action not in KNOWN_ACTIONS and _LONE_BUTTON_RE.match(label):
                        action = "start"  # "[Get BatchShrink]": getting the product, as "Get started" is
                    asks.append(Ask(s.start + m.start(1), s.start + m.end(1), label, action, "cta"))
        named = _BUTTON_LINE_RE.match(s.text)
        if named and not _SIGN_IN_RE.match(named.group("label")):
            # a copy deck names its button ("Button: `View your booking`, yellow", "CTA — Book a call"): that is the ask
            label = named.group("label").strip()
            start = s.start + named.start("label")
            end = start + len(label)
            if label == CODE_PLACEHOLDER:  # the label written as code ("Button: `View your booking`"): as written
                a, b = doc.source_span(Span(start, end))
                label = doc.source[a:b].strip("` ") or label
            asks.append(Ask(start, end, label, action_of(label), "cta"))
            continue
        if _found(_NEGATED_RE, clean, folded):
            continue  # "You don't have to install anything", "it isn't possible to install": not an ask
        if unit.kind == "heading" and _NEXT_STEPS_RE.match(clean):
            next_steps_unit = s.unit
        # "[Book a free consult]({{ url }})": a link the parser could not read (a template in its target) still opens
        # with its words
        # a line's marks before its first word ("👉", "✅", "→", "[", "**") are not words: the ask opens after them
        if len(asks) > buttons_before and clean.startswith("["):
            continue  # "[Upgrade now] to keep your domain.": its button is the ask, counted once
        if (_ASK_START_RE.match(_LEAD_MARKS_RE.sub("", clean)) or _found(_ASK_ANYWHERE_RE, clean, folded)
                or _found(CALENDAR_RE, clean, folded) or _HOW_TO_START_RE.match(clean) or _asks_after_condition(clean)):
            asks.append(Ask(s.start, s.end, s.text, action_of(clean), "sentence"))
        elif _found(_CONTACT_ME_RE, clean, folded):
            asks.append(Ask(s.start, s.end, s.text, "contact", "sentence"))
        elif (url := _found(URL_RE, clean, folded)) and (_ASK_HREF_RE.search(url.group(0)) or action_of(clean) in CONVERSION
                                                 or medium in ("email", "text")):
            # in an email a link is how the reader acts, even a bare one under "Free trial available."
            asks.append(Ask(s.start, s.end, s.text, action_of(clean, url.group(0)), "link"))
        elif medium == "proposal" and (_SIGN_BLOCK_RE.search(clean) or (unit.kind == "list_item" and next_steps_unit >= 0
                                                                       and s.unit - next_steps_unit <= 6)
                                       or (unit.kind == "list_item" and _APPROVE_RE.match(clean))):
            asks.append(Ask(s.start, s.end, s.text, "sign" if _SIGN_BLOCK_RE.search(clean) else action_of(clean), "sentence"))
        elif _POINTS_TO_LINKS_RE.match(clean) and _links_follow(doc, s.unit):
            # "Click any of the services below…" over a list of links: the sentence and its links are the ask
            asks.append(Ask(s.start, s.end, s.text, action_of(clean), "sentence"))
        elif _asking_question(clean):
            action = action_of(clean)
            asks.append(Ask(s.start, s.end, s.text, action if action in KNOWN_ACTIONS else "reply", "question"))
    if medium == "email":
        # A closing question is the classic low-friction ask of a cold email ("Worth a look?").
        tail = [s for s in body if doc.units[s.unit].kind == "paragraph"][-3:]
        for s in tail:
            if s.text.rstrip().endswith("?") and not any(a.start == s.start for a in asks):
                asks.append(Ask(s.start, s.end, s.text, "reply", "question"))
    return sorted(asks, key=lambda a: a.start)


# A sentence that sends the reader to the links next to it: "Click any of the services below", "Choose a plan below"
_POINTS_TO_LINKS_RE = lazy_re.compile(
    r"^(?:please |just )?(?:click|tap|choose|pick|select|browse|follow|use)\b[^.!?]{0,80}?\b(?:below|above|"
    r"(?:these|the following) links?|one of (?:these|the following))\b",
    re.IGNORECASE,
)


def _links_follow(doc, unit_index: int, reach: int = 12) -> bool:
    """A link or button among the next few units (a list of links under the sentence)."""
    for unit in doc.units[unit_index + 1 : unit_index + 1 + reach]:
        if unit.kind in ("link", "cta") or (hasattr(unit.attrs, "get") and unit.attrs.get("links")):
            return True
    return False


# A way to reach the seller written out: an e-mail address (text.shapes reads those), a phone number with its
# groups, a mailto: or tel: link
_PHONE_NUMBER_RE = lazy_re.compile(r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}(?![\w-])")


def shows_contact_detail(doc) -> bool:
    """The copy gives a real way to reach the seller ("Bookings: beerpong@gmail.com", "Call 0113 496 0321", a
    mailto: or tel: link): a reader who wants it knows what to do (a template's stand-in is no way to reach anyone)."""
    hrefs = [u.href or "" for u in doc.units] + [link.get("href") or "" for u in doc.units if hasattr(u.attrs, "get")
                                                 for link in u.attrs.get("links") or ()]  # fmt: skip
    if any(h.startswith(("mailto:", "tel:")) and not stand_ins.stand_in_number(h) for h in hrefs):
        return True
    left = [(s, e) for s, e, _ in stand_ins.find(doc.text)]
    found = [(s, e) for s, e, kind in shapes.literal_spans(doc.text) if kind == "email"]
    found += [(m.start(), m.end()) for m in _PHONE_NUMBER_RE.finditer(doc.text)]
    return any(not any(s <= start < e for s, e in left) for start, _ in found)


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


_COMMERCIAL_RE = lazy_re.compile(r"\b(?:trial|plans?|pricing|subscription|enterprise|sales team|contact sales|billing|"
                            r"paid|premium|pro plan|upgrade)\b", re.IGNORECASE)


# An open-source licence named or shown in a badge ("License: MIT", "licensed under the Apache License 2.0"), or
# "free and open source" said of itself; a page that mentions open source ("we contribute to open-source projects")
# may still sell
_OPEN_LICENCE_RE = lazy_re.compile(r"\bfree and open[- ]source\b|\blicen[cs](?:e|ed)\b[^\n]{0,40}?\b(?:MIT|Apache|[AL]?GPL|BSD|MPL|ISC|"
                              r"Unlicense)\b", re.IGNORECASE)  # fmt: skip


# A repository's front page: what is given away there is downloaded, not bought
_README_NAME_RE = lazy_re.compile(r"(?:^|[/\\_-])readme(?:\.[\w.-]+)?$", re.IGNORECASE)  # "README.md", "app-readme.txt"


def free_software(doc, ctx) -> bool:
    """A tool for developers, a program under an open-source licence, or one a README hands out, with no sign of a
    sale (no plan, trial, billing or sales team): free software, which has no price to state and is not sold with
    testimonials."""
    if _COMMERCIAL_RE.search(doc.text):
        return False
    return (ctx.profile == "technical" or bool(_OPEN_LICENCE_RE.search(doc.source))
            or is_readme(doc))


def is_readme(doc) -> bool:
    """A repository's front page, by its file name: read by someone who came to use or try the code."""
    return bool(_README_NAME_RE.search(doc.path or ""))


_MARKETPLACE_ITEM_RE = lazy_re.compile(_MARKETPLACE_ITEM, re.IGNORECASE)
# A link that pays the page for the visit it sends to another site ("https://www.kryptex.com/?ref=a8b46154",
# "…?aff_id=12"): a referrer's link, where the other site does the selling
_REFERRAL_RE = lazy_re.compile(r"^https?://[^?#]+[?&](?:ref|refby|referral|referrer|aff|aff_id|affid|affiliate|affiliate_id|"
                          r"partner|partner_id|irclickid|clickref)=[^&#]+", re.IGNORECASE)
_HREF_IN_TEXT_RE = lazy_re.compile(r"https?://[^\s)\]>\"']+")


def _sold_there(href: str) -> bool:
    return bool(_MARKETPLACE_ITEM_RE.search(href) or _REFERRAL_RE.match(href))


def sold_elsewhere(doc) -> bool:
    """Every link that asks to buy or act goes to an item's page in a marketplace (an affiliate roundup's Amazon
    links) or is a referral link to another site (a free calculator's 'Start mining with NiceHash'): the buyer
    decides there, beside that seller's own reviews and claims, and the page owes no proof of its own."""
    hrefs = [u.href for u in doc.units if u.href]
    hrefs += [link.get("href") or "" for u in doc.units if hasattr(u.attrs, "get") for link in u.attrs.get("links") or ()]
    hrefs += _HREF_IN_TEXT_RE.findall(doc.text) if "://" in doc.text else []
    there = [h for h in hrefs if _sold_there(h)]
    return bool(there) and not any(_ASK_HREF_RE.search(h) and not _sold_there(h) for h in hrefs)
