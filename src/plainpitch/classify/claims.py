"""Is a sentence the model calls a feature one that a buyer must translate into a gain? (BEN001's gate)

The classifier says what a sentence is made of; a feature-without-benefit finding also needs the sentence to be a
claim the writer makes about the product, in the part of the page that sells. ``why_not_a_feature_claim`` names
what else the sentence is, or None when it is a real feature. Each reason is a kind of text, not a phrase:

- ``quoted``: someone else's words (a testimonial, a quote, its attribution): never ask to edit a customer;
- ``outcome``: it already names a gain, however small ("safely", "in minutes", "allowing teams to…");
- ``link``: it carries a link or a URL: it points somewhere (an account page, the docs), the claim is elsewhere;
- ``ask``: it opens with a call to action ("Start your free trial today");
- ``instruction``: it tells the reader what to do or what they need (a step, a requirement, a note);
- ``limitation``: what the product does not (always) do ("may not apply", "is not supported");
- ``plan``: a price or a plan's allowance ("Up to 10k monthly pageviews", "$9 per month", "Unlimited sites"),
  or any line of a table or a pricing section: a plan grid is read against the other plans, line by line;
- ``names``: a list of names (crates, packages, providers, customers) with nothing said about them;
- ``no claim``: a label with no verb, quality or measure ("ripgrep (rg)", "Uptime (Last 90 days)");
- ``docs``: it sits in a documentation section (installation, building, configuration, contributing…);
- ``work plan``: it sits in a proposal's plan of work (scope, deliverables, timeline, next steps);
- ``story``: told in the past (a changelog line, a project's history): not what the product does for the buyer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from plainpitch.classify import cues, shape
from plainpitch.classify.structure import Place
from plainpitch.text import lazy_re
from plainpitch.text.lexicon import is_english_word

URL_RE = lazy_re.compile(r"https?://|www\.\w|\b[\w-]+\.(?:com|io|org|dev|net|app|co)/", re.IGNORECASE)
PRICE_RE = cues.case_blind(
    r"[$€£¥]\s?\d|\d\s?(?:usd|eur|gbp)\b|\bper (?:month|year|user|seat|member|site)\b|/(?:mo|month|yr|year|user)\b|"
    r"\b(?:monthly|yearly|annual(?:ly)?) (?:plan|billing|price|fee)s?\b|\bbilled\b",
)
# A plan's allowance: a quantity the plan includes ("Up to 10k pageviews", "600+ requests per hour", "Unlimited
# sites", "3 team members") rather than something the product does.
ALLOWANCE_RE = cues.case_blind(
    r"^(?:up to|unlimited|\d[\d,.]*\s?[km]?\+?|everything in|all (?:the )?\w+ features)\b|"
    r"\b\d[\d,.]*\s?[km]?\+? [\w ]{0,30}\bper (?:hour|day|month|minute|second)\b",
)
PRICING_SECTION_RE = cues.word_pattern(r"pricing", r"prices?", r"plans?", r"billing", r"compare plans", r"tiers?")
# Documentation sections of a README: how to install, build, configure or contribute, not what the buyer gets.
DOCS_SECTION_RE = cues.case_blind(
    r"^\W*(?:\d+[.)]?\s*)?(?:how to |running )?(?:build(?:ing)?|compil\w*|testing|tests)\b|"
    r"\b(?:install\w*|configur\w*|config|options|settings|usage|contribut\w*|development|licen[cs]e|requirements|"
    r"prerequisites|set ?up|troubleshoot\w*|faq|frequently asked|changelog|release notes|known issues|metrics|fields|"
    r"tags|measurements|examples?|(?:api )?reference|quick ?start|getting started|support|documentation|docs|"
    r"secrets?|startup)\b",
)
# The plan of work in a proposal (what will be done, when, for how much): steps the buyer reads as the offer.
WORK_SECTION_RE = cues.word_pattern(
    r"scope", r"deliverables?", r"timeline", r"schedule", r"milestones?", r"approach", r"methodology", r"process",
    r"next steps?", r"investment", r"terms", r"phases?", r"work plan", r"our plan",
)
_NAME_ITEM_RE = lazy_re.compile(r"^(?:and |or )?(?:[A-Z0-9`][\w.+#`'/-]*|[a-z][\w.-]*[-_.][\w.-]+)(?: \([^)]*\))?$")
_NEED_RE = cues.case_blind(r"^(?:you|users?|it) (?:need|require)s?\b|\b(?:requires?|required)\b")
# How to switch something on or off: documentation of a setting ("can be disabled with `--no-ignore`").
_CONFIGURE_RE = cues.case_blind(
    r"\b(?:can|may|must|should) be (?:disabled|enabled|configured|turned (?:on|off)|changed|overridden|set|tuned|"
    r"customi[sz]ed|adjusted) (?:with|by|using|via|through|in)\b|^for (?:more )?information (?:about|on)\b",
)
# What the product does not do, or not always: a limitation or caveat, not a feature to sell.
_LIMITATION_RE = cues.case_blind(
    r"\b(?:may|might|does|do|will|can|is|are)(?: not|n't)\b(?! (?:have|need) to)|\bcannot\b|\b(?:not|no longer) "
    r"(?:supported|available)\b|\bunsupported\b|\bdeprecated\b|\blimited to\b",
)
_SOON_RE = cues.case_blind(r"\((?:soon|coming soon|beta)\)|\bcoming soon\b")


def _is_name_list(clean: str) -> bool:
    """"tokio, hyper, serde and tower", "Google, Facebook, GitHub and many more": a list of names, nothing said."""
    body = clean.rstrip(".!:;").split(": ", 1)[-1]
    parts = [p.strip() for p in re.split(r",|\band\b|\bor\b|&", body) if p.strip()]
    if parts:
        parts[0] = parts[0].split()[-1]  # "Built on `tokio`" -> "`tokio`"
    parts = [p for p in parts if p.lower() not in ("many more", "more", "others", "etc", "and more")]
    if len(parts) < 3:
        return False
    names = sum(1 for p in parts if _NAME_ITEM_RE.match(p) or (" " not in p and not is_english_word(p.lower())))
    return names / len(parts) >= 0.6


def _claims_something(view: cues.View) -> bool:
    """A heading or a short line that says something of the product: a feature verb, "is/has", a capability verb
    that opens it, a quality ("fast", "open source", "built-in") or a measure. A bare name or topic ("Metrics",
    "Global configuration options", "ripgrep (rg)") does not."""
    return (
        view.search(cues.FEATURE_VERB_RE)
        or view.search(cues.IS_HAS_RE)
        or view.match(cues.CAPABILITY_VERB_RE)
        or view.match(shape.IMPERATIVE_RE)
        or view.search(cues.QUALITY_RE)
        or (view.digit and view.search(cues.NUMBER_UNIT_RE))
    )


# Gains the outcome lists miss: hyphenated ease ("easy-to-use", "hassle-free"), money kept ("you don't pay for"),
# a good quality said of the buyer's own thing ("your app starts fast"), thriving.
_MORE_GAINS_RE = cues.case_blind(
    r"\b(?:easy|simple|quick|ready)-to-\w+|\b(?:hassle|worry|stress|maintenance|boilerplate|config)-free\b|"
    r"\b(?:don't|do not|never|won't) (?:pay|spend)\b|\bat no (?:extra )?cost\b|\bthriv\w*|"
    r"\byour\b[^.;:]{0,30}\b(?:fast|faster|quick|safe|secure|reliable|stable|small|light|happy|productive)\b",
)


def says_an_outcome(view: cues.View) -> bool:
    """The sentence already names a gain, even a small one ("safely", "allowing teams to", "in minutes")."""
    return (
        view.search(cues.OUTCOME_RE)
        or bool(view.groups(shape.OUTCOME_SCAN))
        or view.search(shape.EASY_TO_RE)
        or view.search(_MORE_GAINS_RE)
    )


def why_not_a_feature_claim(text: str, place: Place, headings: Sequence[str] = (), has_link: bool = False) -> str | None:
    """What the sentence is instead of a feature claim a buyer must translate; None when it is one.

    ``headings`` are the texts of the headings it sits under, nearest first; ``has_link`` says a link of the
    page's markup lies inside the sentence.
    """
    view = cues.view_of(text)
    clean = view.clean
    if place.quoted or place.attribution:
        return "quoted"
    if has_link or URL_RE.search(clean):
        return "link"
    if view.match(cues.ASK_START_RE):
        return "ask"
    if (
        view.match(cues.INSTRUCTION_RE)
        or view.match(shape.NOTE_LEAD_RE)
        or view.search(shape.POINTER_RE)
        or view.search(_NEED_RE)
        or (view.match(shape.IMPERATIVE_RE) and view.search(shape.CONFIG_OBJECT_RE))
        or view.search(_CONFIGURE_RE)
        or clean.startswith("(")
    ):
        return "instruction"
    if place.in_table or view.search(PRICE_RE) or view.search(ALLOWANCE_RE):
        return "plan"
    if any(cues.view_of(h).search(PRICING_SECTION_RE) for h in headings):
        return "plan"
    if says_an_outcome(view):
        return "outcome"
    if view.search(_LIMITATION_RE):
        return "limitation"
    if _is_name_list(clean):
        return "names"
    short = place.kind == "heading" or place.bold_line or (place.kind != "list_item" and len(clean.split()) <= 6)
    if short and not _claims_something(view):
        return "no claim"
    if place.kind != "heading" and any(len(h.split()) <= 6 and cues.view_of(h).search(DOCS_SECTION_RE) for h in headings):
        return "docs"
    if place.kind != "heading" and any(len(h.split()) <= 4 and cues.view_of(h).search(WORK_SECTION_RE) for h in headings):
        return "work plan"
    if view.search(shape.HISTORY_RE) or (view.search(shape.NARRATIVE_RE) and not _SOON_RE.search(clean)):
        return "story"
    return None
