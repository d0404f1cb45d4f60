"""Topic trackers: pricing, competitors and the keyword trackers a team sets in config.

    [tool.plainpitch.call]
    competitors = ["Acme", "Globex"]                  # added to the generic competitor cues
    trackers = { security = ["SOC 2", "audit", "SSO"], migration = ["migrate", "cut over"] }

A sentence mentions a topic when one of its phrases occurs as whole words (case-insensitive). Topic time is the
share of each turn's time that its mentioning sentences take (by words). "pricing" means the seller's price: a
plan, a fee, per seat, "how much does it cost", a discount or a quote, not every dollar amount or "cost" in the
buyer's own business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from plainpitch.call.speech import lacks
from plainpitch.text import lazy_re
from plainpitch.text.wordsets import phrase_triggers

PRICING = "pricing"
COMPETITORS = "competitors"

# The seller's price, not the money the buyer's business deals in ("closing costs", "the sale price of the hotel",
# "the invoices come in from suppliers") nor a plan that is not a price plan ("the plan is to meet Friday"):
# per-seat and per-month prices, "our pricing", "how much does it cost", discounts, quotes, a budget for the tool.
_PRICING_RE = (
    r"\bper\s+(?:seat|user|licen[cs]e|head|agent|location|host)\b|"
    r"[$€£]\s?\d[\d,.]*\s?k?\s*(?:a|per|/)\s*(?:month|mo|year|yr|seat|user|licen[cs]e)\b|"
    r"\b\d[\d,.]*\s?(?:dollars|euros|pounds|k)\s+(?:a|per)\s+(?:month|year|seat|user)\b|"
    r"\b(?:our|my|your|its)\s+pricing\b|\b(?:our|my|the|your|its)\s+(?:price\s+(?:is|would\s+be|starts?)|list\s+price|"
    # "the plan is $40", "our plans start at 20 euros"; not "the plan is to meet on Friday"
    r"plans?\s+(?:is|are|starts?|costs?)\s+(?:at\s+|from\s+|just\s+|only\s+|about\s+|around\s+)?(?:[$€£]\s?)?\d[\d,.]*|"
    r"subscriptions?|licen[cs]e\s+(?:fee|cost)|setup\s+fee|annual\s+fee|monthly\s+fee|fees)\b|"
    r"\bhow\s+much\s+(?:does|do|would|will|is|are)\s+(?:it|this|that|they|your\s+\w+|the\s+(?:platform|tool|product|"
    r"service|software|licen[cs]e|subscription|plan|pilot))\s+(?:cost|run|be)\b|"
    r"\bwhat\s+(?:does|would|will)\s+(?:it|this|that)\s+cost\b|\b(?:what's|what\s+is|what\s+are)\s+(?:the|your)\s+(?:pricing|price|prices|rates)\b|"
    r"\bdiscounts?\b(?!\s+rates?\b)|\b(?:a|the|our|your)\s+quote\b|\bbudget\s+for\s+(?:this|it|a\s+tool|the\s+tool|software|a\s+solution)\b|"
    r"\b(?:it|this|that)\s+(?:costs|would\s+cost|will\s+cost|is|'s)\s+[$€£]\s?\d|"
    # the seller billing the buyer, not the invoices the buyer's business handles
    r"\binvoice\s+you\b|\b(?:our|my)\s+invoices?\b|\bsend\s+(?:you\s+)?(?:an|the|our|my)\s+invoice\b"
)
_COMPETITOR_RE = (
    r"\bcompetitors?\b|\bcompetition\b|\balternatives?\b|\bswitch(?:ing|ed)?\s+(?:from|away\s+from)\b|\bcompared\s+(?:to|with)\b|"
    r"\bversus\b|\bvs\.?\s|\bother\s+(?:vendors?|tools?|providers?)\b"
)


# Words every match holds as a whole word (proved in tests/test_call_gates.py): a sentence holding none of them (and,
# for the price, no currency sign) is not searched.
_PRICING_WORDS = frozenset(
    "budget cost discount discounts fee fees invoice invoices licence license month monthly much per plan plans price "
    "prices pricing quote rates run seat software starts subscription subscriptions user year".split()
)
_CURRENCY = "$€£"
_COMPETITOR_WORDS = frozenset(
    "alternative alternatives compared competition competitor competitors provider providers switch switched switching "
    "tool tools vendor vendors versus vs".split()
)


def _phrases(items: Iterable[str]) -> str:
    alts = [r"\s+".join(re.escape(w) for w in str(p).split()) for p in items if str(p).strip()]
    return r"(?<![\w-])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?![\w-])" if alts else ""


class Topic(NamedTuple):
    pattern: re.Pattern[str]
    words: frozenset[str] | None  # a match holds one of these as a whole word (None: no gate)
    signs: str = ""  # ... or one of these characters


def _phrase_words(phrases: Iterable[str]) -> frozenset[str] | None:
    return phrase_triggers(str(p) for p in phrases if str(p).strip())


def compile_topics(call_config: Mapping[str, Any] | None) -> dict[str, Topic]:
    """Topic name -> its pattern and gate, from the defaults and the ``[tool.plainpitch.call]`` table."""
    cfg = call_config or {}
    competitor = _COMPETITOR_RE
    competitor_words: frozenset[str] | None = _COMPETITOR_WORDS
    names = cfg.get("competitors") or ()
    if isinstance(names, str):
        names = [names]
    if names:
        competitor += "|" + _phrases(names)
        extra = _phrase_words(names)
        competitor_words = None if extra is None else competitor_words | extra
    topics = {PRICING: Topic(re.compile(_PRICING_RE, re.IGNORECASE), _PRICING_WORDS, _CURRENCY),
              COMPETITORS: Topic(re.compile(competitor, re.IGNORECASE), competitor_words)}  # fmt: skip
    trackers = cfg.get("trackers") or {}
    if isinstance(trackers, Mapping):
        for name, phrases in trackers.items():
            if isinstance(phrases, str):
                phrases = [phrases]
            pattern = _phrases(phrases or ())
            if pattern:
                topics[str(name)] = Topic(re.compile(pattern, re.IGNORECASE), _phrase_words(phrases or ()))
    return topics


# Words one of the price phrases needs: a cheap first look before the full pattern (most sentences have none).
_PRICING_HINT = lazy_re.compile(r"per\s|[$€£]|dollar|euro|pound|pric|plan|subscri|licen|fee|cost|discount|quote|budget|invoice|\dk\b",
                           re.IGNORECASE)


def topics_in(sentence: str, topics: Mapping[str, Topic]) -> tuple[str, ...]:
    found = []
    for name, (pattern, words, signs) in topics.items():
        if words is not None and lacks(sentence, words) and not (signs and any(c in sentence for c in signs)):
            continue
        if name == PRICING and not _PRICING_HINT.search(sentence):
            continue
        if pattern.search(sentence):
            found.append(name)
    return tuple(found)
