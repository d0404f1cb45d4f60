"""What a seller monologue was, and which of several long ones is worth raising.

A sales manager who hears five long monologues on one call raises one: the one furthest from what the buyer asked
for. The kinds, worst first (``RANK``):

- ``background``: the seller's introduction, career and company history. Gong's finding behind TLK002 is about
  exactly this: win rates decline when company overviews run past two minutes.
- ``opening``: a pitch before the buyer has said what they need: the buyer has spoken fewer than
  ``OPENING_BUYER_WORDS`` words and the seller has asked no discovery question yet.
- ``pitch``: a pitch with no question, later in the call.
- ``answer``: the buyer asked a question (or objected, and the seller asked back) and the answer ran long: the
  buyer asked for it, but not for all of it.
- ``narration``: walking a screen (``NARRATION_MIN`` sentences that show the product, or "let me share my
  screen"): the buyer came to see the product.

Two kinds are other rules' findings, so TLK002 leaves them out (one finding per problem): ``tour``, a monologue
that is a feature tour, or mostly a feature dump (half its sentences or more: TLK006), and ``objection``, the answer to an objection with no question in
it (TLK010).
"""

from __future__ import annotations

import re

from plainpitch.call.dumps import Stretch, is_tour
from plainpitch.call.facts import CallFacts
from plainpitch.call.questions import GREETING, SMALL_TALK, find_questions
from plainpitch.call.roles import BUYER, SELLER

BACKGROUND, OPENING, PITCH, ANSWER, NARRATION = "background", "opening", "pitch", "answer", "narration"
TOUR, OBJECTION = "tour", "objection"  # coached by TLK006 and TLK010
RANK = {BACKGROUND: 0, OPENING: 0, PITCH: 1, ANSWER: 2, NARRATION: 3}
SHORT = {BACKGROUND: "background", OPENING: "opening pitch", PITCH: "pitch", ANSWER: "answer to a question",
         NARRATION: "demo narration", TOUR: "features", OBJECTION: "answer to an objection"}  # fmt: skip
OPENING_BUYER_WORDS = 50  # the buyer has said no more than hello and a line about themselves
NARRATION_MIN = 3  # sentences that show the product ("here you can…", "if I click…")
NARRATION_SHARE = 0.1
LIST_SHARE = 0.5  # a monologue is a feature dump's when half its sentences or more name features
ANSWER_LOOKBACK = 4  # turns before the monologue in which the buyer's question is looked for

_BACKGROUND = re.compile(
    r"\b(?:i|we)\s+(?:was|were|worked|started|founded|joined|spent|grew|built|came|left|moved|met|decided|raised|"
    r"opened|launched|sold|hired)\b|"
    r"\b(?:years?\s+ago|my\s+background|our\s+story|back\s+in\s+(?:\d{4}|january|february|march|april|may|june|july|"
    r"august|september|october|november|december))\b",
    re.IGNORECASE,
)
_SCREEN = re.compile(r"\b(?:share|sharing)\s+(?:my|the)\s+screen\b|\bas\s+you\s+can\s+see\b", re.IGNORECASE)


def _texts(facts: CallFacts, m: Stretch) -> list[str]:
    return [facts.doc.sentences[f.sentence].text for pos in range(m.first, m.last + 1)
            for f in facts.by_turn.get(pos, ()) if f.role == m.role]  # fmt: skip


def _dump(facts: CallFacts, m: Stretch):
    return next((d for d in facts.feature_dumps if d.stretch == m), None)


def _objection(facts: CallFacts, m: Stretch):
    return next((o for o in facts.objections if o.reply is not None and m.first <= o.reply <= m.last), None)


def _question_before(facts: CallFacts, m: Stretch) -> str | None:
    """The buyer's question this monologue answers: among the last sentences the buyer said just before it."""
    doc = facts.doc
    for t in reversed(facts.turns[max(0, m.first - ANSWER_LOOKBACK) : m.first]):
        if t.role == SELLER and t.words > 5:
            return None  # the seller had the floor: what came before is not the buyer's question
        if t.role != BUYER:
            continue
        for i in range(t.end_sentence - 1, max(t.first_sentence, t.end_sentence - 3) - 1, -1):
            text = doc.sentences[i].text
            asked = [q for q in find_questions(text) if q.purpose not in (GREETING, SMALL_TALK)]
            if asked or text.rstrip().endswith("?"):
                return text
    return None


def kind_of(facts: CallFacts, m: Stretch) -> str:
    """The kind of a seller monologue (module doc), in the order the kinds are tested."""
    dump = _dump(facts, m)
    if dump is not None and (dump.kind == "tour" or len(dump.features) >= LIST_SHARE * max(1, len(_texts(facts, m)))):
        return TOUR
    objected = _objection(facts, m)
    if objected is not None:
        return OBJECTION if objected.pitched else ANSWER
    texts = _texts(facts, m)
    if texts and sum(1 for t in texts if _BACKGROUND.search(t)) >= max(3, len(texts) // 5):
        return BACKGROUND
    if _question_before(facts, m) is not None:
        return ANSWER
    buyer_words = sum(t.words for t in facts.turns[: m.first] if t.role == BUYER)
    asked = any(f.discovery and f.role == SELLER and f.turn < m.first for f in facts.sentences)
    if buyer_words < OPENING_BUYER_WORDS and not asked:
        return OPENING
    shown = sum(1 for t in texts if is_tour(t))
    if (shown >= NARRATION_MIN and shown >= NARRATION_SHARE * len(texts)) or any(_SCREEN.search(t) for t in texts):
        return NARRATION
    return PITCH


def label(facts: CallFacts, m: Stretch) -> str:
    """What a seller monologue was, in words a sales manager uses ("the seller's background and history")."""
    kind = kind_of(facts, m)
    if kind == TOUR:
        dump = _dump(facts, m)
        return "product tour, no question" if dump.kind == "tour" else f"{dump.count} features in a row, no question"
    objected = _objection(facts, m)
    if objected is not None:
        return f"answer to the objection “{_short(objected.words, 40)}”"
    if kind == ANSWER:
        return f"answer to “{_short(_question_before(facts, m) or '', 50)}”"
    return {BACKGROUND: "the seller's background and history",
            OPENING: "opening pitch, before the buyer said what they need",
            NARRATION: "walking the screen, no question",
            PITCH: "pitch with no question"}[kind]  # fmt: skip


def worth_raising(facts: CallFacts, limit: float) -> list[tuple[Stretch, str]]:
    """The seller's monologues over ``limit`` that TLK002 coaches, worst first: by kind (``RANK``), then length.
    Tours and objections answered with a pitch are left to their own rules."""
    over = [(m, kind_of(facts, m)) for m in facts.monologues if m.seconds > limit]
    coached = [(m, k) for m, k in over if k in RANK]
    return sorted(coached, key=lambda mk: (RANK[mk[1]], -mk[0].seconds, mk[0].first))


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
