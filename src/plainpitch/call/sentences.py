"""What one sentence of a call does: the question it asks, the ask it makes, the next step it sets, the features
and benefits it names. The one decision the call analysis, the metrics and the evaluation share.

A discovery question is a question about the other person's situation that is neither an ask nor a next step;
an ask put as a question still counts as a question asked (``question`` is set, ``discovery`` is not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from plainpitch.call.asks import Ask, NextStep, find_ask, find_next_step
from plainpitch.call.dumps import feature_count, has_benefit
from plainpitch.call.questions import DISCOVERY, GREETING, NARRATION, RHETORICAL, Question, find_questions
from plainpitch.text import lazy_re

SELLER = "seller"
# "You?", "and you?", "how about you?": a question that hands the last statement back to the listener. After an
# answer to "how are you" it is a greeting; after anything else it asks about the same thing in the other's life.
_RECIPROCAL = lazy_re.compile(r"^(?:and\s+)?(?:you|u|yourself|how\s+about\s+you(?:rself)?|what\s+about\s+you(?:rself)?)\W*$")
_YOU = lazy_re.compile(r"\b(?:you|your|yours|yourself|yourselves|u|ur|y'all|you're|you've|you'd|you'll)\b", re.IGNORECASE)
# A question that is not about the listener and that the speaker talks straight past ("what property was it? when
# did it sell? maybe the renovation amount...") lists or narrates: nobody could answer it.
TALKED_PAST_WORDS = 15
_WELLBEING = lazy_re.compile(
    r"\b(?:i'?m|i\s+am|doing|all)\s+(?:\w+\s+)?(?:good|well|fine|great|ok|okay|alright|terrific|awesome|not\s+bad)\b|"
    r"^\W*(?:good|fine|great|well|not\s+bad|thanks|thank\s+you)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SentenceMove:
    question: Question | None  # the question this sentence counts as (not a greeting, tag, check...)
    discovery: bool
    ask: Ask | None
    next_step: NextStep | None
    features: int
    benefit: bool


def classify(text: str, role: str, before: str = "", words_after: int = 0) -> SentenceMove:
    """What one sentence does; asks, features and benefits are judged on what the seller says. ``before`` is the
    sentence the same speaker said just before it, if any (a reciprocal "You?" takes its topic from it);
    ``words_after`` is how many words the same speaker says after it before the other side speaks."""
    found = find_questions(text)
    if found:  # (most sentences ask nothing: nothing to adjust)
        if role != SELLER:  # the buyer asking about their own side ("how does that work with our ledger?") asks
            found = [replace(q, purpose=DISCOVERY) if q.purpose == NARRATION else q for q in found]
        if words_after > TALKED_PAST_WORDS:
            found = [replace(q, purpose=RHETORICAL) if q.purpose == DISCOVERY and not _YOU.search(q.text) else q
                     for q in found]  # fmt: skip
        if before and any(q.purpose == GREETING for q in found) and not _WELLBEING.search(before):
            found = [replace(q, purpose=DISCOVERY) if q.purpose == GREETING and _RECIPROCAL.match(q.text.lower()) else q
                     for q in found]  # fmt: skip
    ask = None
    features, benefit = 0, False
    if role == SELLER:
        ask = find_ask(text)
        features = feature_count(text)
        benefit = has_benefit(text)
    next_step = find_next_step(text)
    counted = next((q for q in found if q.purpose == DISCOVERY), None) if found else None
    discovery = counted is not None and ask is None and next_step is None
    if counted is None and ask is not None and ask.kind != "statement":
        counted = next((q for q in found if q.purpose != GREETING), None)
    return SentenceMove(counted, discovery, ask, next_step, features, benefit)


def is_discovery(sentence: str) -> bool:
    """True when a seller's sentence holds a discovery question (not an ask, not a next step)."""
    return classify(sentence, SELLER).discovery
