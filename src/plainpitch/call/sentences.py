"""What one sentence of a call does: the question it asks, the ask it makes, the next step it sets, the features
and benefits it names. The one decision the call analysis, the metrics and the evaluation share.

A discovery question is a question about the other person's situation that is neither an ask nor a next step;
an ask put as a question still counts as a question asked (``question`` is set, ``discovery`` is not).
"""

from __future__ import annotations

from dataclasses import dataclass

from plainpitch.call.asks import Ask, NextStep, find_ask, find_next_step
from plainpitch.call.dumps import feature_count, has_benefit
from plainpitch.call.questions import DISCOVERY, GREETING, Question, find_questions

SELLER = "seller"


@dataclass(frozen=True, slots=True)
class SentenceMove:
    question: Question | None  # the question this sentence counts as (not a greeting, tag, check...)
    discovery: bool
    ask: Ask | None
    next_step: NextStep | None
    features: int
    benefit: bool


def classify(text: str, role: str) -> SentenceMove:
    """What one sentence does; asks, features and benefits are judged on what the seller says."""
    found = find_questions(text)
    ask = None
    features, benefit = 0, False
    if role == SELLER:
        ask = find_ask(text)
        features = feature_count(text)
        benefit = has_benefit(text)
    next_step = find_next_step(text)
    counted = next((q for q in found if q.purpose == DISCOVERY), None)
    discovery = counted is not None and ask is None and next_step is None
    if counted is None and ask is not None and ask.kind != "statement":
        counted = next((q for q in found if q.purpose != GREETING), None)
    return SentenceMove(counted, discovery, ask, next_step, features, benefit)


def is_discovery(sentence: str) -> bool:
    """True when a seller's sentence holds a discovery question (not an ask, not a next step)."""
    return classify(sentence, SELLER).discovery
