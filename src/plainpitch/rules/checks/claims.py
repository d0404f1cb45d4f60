"""Generic, unfalsifiable claims (CLM001): what every competitor's page also says.

A copywriter strikes a claim the buyer cannot check and that any rival could sign: a stock slogan, a claim to
serve everyone ("companies of all sizes"), a superlative with nothing behind it ("the best analytics"), a row of
empty praise ("powerful, lightweight analytics"), a buzzword. Each shape is recognised by its form; a claim is let
off when the same sentence carries its support (a number, a named comparison, a source). Customers' words are never
flagged: a testimonial is proof, and the writer must not edit it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainpitch.analysis import regions
from plainpitch.analysis.proof import testimonial_units
from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, rule
from plainpitch.text import lazy_re

# Claims to serve everyone: the buyer cannot tell whether the product is for them.
_UNIVERSAL_RE = lazy_re.compile(
    r"\b(?:companies|businesses|organi[sz]ations|teams|clients|brands|customers) of (?:all|any|every) "
    r"(?:sizes?|types?|kinds?|shapes?|industries)\b|"
    r"\bfor (?:any (?:business|company|industry)|all (?:businesses|companies|industries))\b|"
    r"\bno matter (?:your|the|what|how big|how small)\b[^.]{0,30}\b(?:size|industry|business|company)\b|"
    r"\bfrom (?:small )?(?:startups|small businesses) to (?:large )?(?:enterprises|corporations|Fortune 500)\b|"
    r"\bwhether you(?:'re| are) (?:a |an )?(?:\w+ ){0,2}(?:startup|small business|freelancer|solo\w*|agency|company)\b"
    r"[^.]{0,60}\b(?:or|to) (?:a |an )?(?:\w+ ){0,3}(?:enterprise|corporation|company|business|organi[sz]ation)\b",
    re.IGNORECASE,
)
# Stock slogans: sentences any agency or vendor could sign.
_SLOGAN_RE = lazy_re.compile(
    r"\b(?:take (?:your|their) \w+ to the next level|(?:we've|we have) got you covered|one-stop[- ]shop|"
    r"all-in-one (?:solution|platform)|tailored solutions?|solutions? (?:that|to) (?:fit|meet|suit) your (?:unique )?needs|"
    r"bring(?:s|ing)? your (?:ideas|vision) to life|passionate about (?:what we do|quality|excellence)|"
    r"quality you can trust|second to none|your (?:trusted|reliable) partner|exceed(?:s|ing)? (?:your|all) expectations|"
    r"(?:critical|digital|business) (?:challenges|transformation) (?:needs|solutions)|solve your (?:critical )?\w+ challenges)\b",
    re.IGNORECASE,
)
# Supremacy a buyer cannot check without a number or a comparison.
_SUPERLATIVE_RE = lazy_re.compile(
    r"\b(?:the (?:best|fastest|easiest|simplest|most (?:powerful|advanced|reliable|secure|complete|innovative|"
    r"trusted|popular|intuitive|affordable))|#1|number one|(?:industry|market)[- ]leading|leading (?:provider|platform|"
    r"solution)|world's (?:best|first|leading|fastest)|unmatched|unparalleled|unrivall?ed|unbeatable|best-in-class|"
    r"world-class)\b",
    re.IGNORECASE,
)
# Not a claim: a ranking among others, an aim ("committed to being the leading provider"), an idiom.
_NOT_A_CLAIM_RE = lazy_re.compile(r"\bone of the\b|\b(?:committed to|aim(?:s|ing)? to|strive to|want to|goal is to|"
                             r"mission is to|on (?:a|our) (?:mission|way) to) (?:be|become)(?:ing)?\b|\bbest (?:regards|wishes|practices?|for|of luck)\b|\bat (?:its|their|your|our) best\b|"
                             r"\bthe best way to\b|\bdo (?:your|our) best\b", re.IGNORECASE)
# Praise with nothing in it, two or more in a row before a noun: "powerful, lightweight analytics".
_EMPTY = (r"powerful|simple|easy|flexible|lightweight|light-weight|modern|robust|intuitive|scalable|reliable|beautiful|"
          r"smart|fast|innovative|comprehensive|seamless|effortless|elegant|sleek|cutting-edge|next-generation|"
          r"state-of-the-art|user-friendly|best-in-class|world-class|secure|efficient|versatile|dynamic")  # fmt: skip
_EMPTY_STACK_RE = lazy_re.compile(rf"\b(?:{_EMPTY})(?:,\s+|\s+and\s+|,\s+and\s+)(?:(?:{_EMPTY})(?:,\s+|\s+and\s+|,\s+and\s+))*"
                             rf"(?:{_EMPTY})\b(?=\s+[a-z])", re.IGNORECASE)  # fmt: skip
# What lets a claim off: a number, a named comparison, a source.
_SUPPORT_RE = lazy_re.compile(r"\d|\bthan [A-Z]\w+|\baccording to\b|\brated\b|\bby (?:Gartner|Forrester|G2|Capterra)\b")

KINDS = {
    "universal": ("'{m}' claims to suit everyone: the buyer cannot tell it is for them",
                  "Name the buyer you serve best: 'for clinics with 5 to 50 staff', 'for Shopify shops'."),
    "slogan": ("'{m}' is a stock slogan any rival could sign",
               "Say the specific thing: what changes for the buyer, with a number or an example."),
    "superlative": ("'{m}' is a claim the buyer cannot check",
                    "Back it with a number or a comparison ('2x faster than X in our benchmark'), or cut it."),
    "empty": ("'{m}' praises without saying anything checkable",
              "Replace the adjectives with the fact behind them: a size, a time, a number, a customer."),
}  # fmt: skip
MAX_PER_DOCUMENT = 3  # the first few show the habit; the rest of the same advice would be noise


def generic_claims(doc, decisive: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each generic claim in the writer's own words where the buyer decides (``decisive``: the
    hero, the opening, a subject line), at most one per sentence. Further down, a blind reader judged them right but
    trivial, and a superlative there is as often description ("the best tool for this job is grep") as a claim."""
    quoted = testimonial_units(doc)
    out = []
    inside = regions.Ranges(decisive)  # merged once: asked per sentence
    for sentence in doc.sentences:
        unit = doc.units[sentence.unit]
        if sentence.unit in quoted or unit.kind in ("quote", "cta", "link", "turn"):
            continue
        if not inside.contains(sentence.start):
            continue  # further down a generic claim was judged trivial: it costs the sale where the buyer decides
        text = sentence.text
        found = None
        for kind, pattern in (("universal", _UNIVERSAL_RE), ("slogan", _SLOGAN_RE)):
            m = pattern.search(text)
            if m:
                found = (m.start(), m.end(), kind)
                break
        if found is None and not _SUPPORT_RE.search(text) and not _NOT_A_CLAIM_RE.search(text):
            for kind, pattern in (("superlative", _SUPERLATIVE_RE), ("empty", _EMPTY_STACK_RE)):
                m = pattern.search(text)
                if m:
                    found = (m.start(), m.end(), kind)
                    break
        if found is not None:
            out.append((sentence.start + found[0], sentence.start + found[1], found[2]))
    return out


@rule(
    code="CLM001",
    default=False,
    default_note='Off by default: judged blind on real texts (the dev, corpus and fresh held-out batches pooled, eval/blind), 3 of 9 generic-claim findings were right and useful (5 trivial: a stock adjective already backed by a number further down).',
    name="generic-claim",
    category="claims",
    scope="seller",
    fields=(),
    severity="suggestion",
    impact=2,
    example_format="text",
    summary="In the hero or opening, a claim any rival could make: serving everyone, a stock slogan, an unsupported 'best'.",
    why=(
        "The buyer is comparing you with the others, and a claim every other page also makes gives them nothing to "
        "compare. Claims to serve 'companies of all sizes' tell no one it is for them; 'the best' with nothing "
        "behind it reads as hype, and in Nielsen Norman Group's tests rewriting promotional language in a factual "
        "tone made pages measurably more usable. Specific claims are believed; generic ones are skipped."
    ),
    message="{match} is a generic claim",
    fix="Say the specific thing: who it is for, what changes for them, with a number or an example.",
    bad=[
        "We build custom software for [[companies of all sizes]].",
        "Acme is [[the best]] invoicing tool.",
        "[[Powerful, lightweight]] analytics for your site.",
        "We [[bring your ideas to life]].",
    ],
    good=[
        "We build booking software for clinics with 5 to 50 staff.",
        "Acme sends invoices in 2 clicks, half the time of doing it by hand.",
        "Analytics in a 1 KB script that never slows your site.",
        "\"Acme is the best tool we bought this year.\" — Ana Ruiz, Owner at Ruiz Bakery",
    ],
    sources=[
        "Nielsen Norman Group, 'Concise, SCANNABLE, and Objective: How to Write for the Web' (objective language: "
        "+27% usability)",
        "Positioning practice: a claim a competitor could also make does not position (Ries & Trout, 'Positioning', 1981)",
    ],
)
def generic_claim(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    claims = generic_claims(doc, regions.decisive_ranges(doc, ctx.medium, ctx.thresholds))
    for start, end, kind in claims[:MAX_PER_DOCUMENT]:
        text = doc.text[start:end]
        message, fix = KINDS[kind]
        more = len(claims) - MAX_PER_DOCUMENT
        yield Hit(
            Span(start, end),
            {"match": text},
            data={"kind": kind, "claims": len(claims)},
            message=message.format(m=text if len(text) <= 40 else text[:39] + "…"),
            fix=fix + (f" ({more} more generic claims on the page.)" if more > 0 and start == claims[0][0] else ""),
        )
