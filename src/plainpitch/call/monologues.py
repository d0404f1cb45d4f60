"""What a seller monologue was, and which of several long ones is worth raising.

A sales manager who hears five long monologues on one call raises one: the one furthest from what the buyer asked
for. The kinds, worst first (``RANK``):

- ``background``: the seller's introduction, career and company history. Gong's finding behind TLK002 is about
  exactly this: win rates decline when company overviews run past two minutes.
- ``opening``: a pitch before the buyer has said what they need: the buyer has spoken fewer than
  ``OPENING_BUYER_WORDS`` words and asked nothing, and the seller has asked no discovery question yet.
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

import bisect
import re

from plainpitch.call.dumps import Stretch, is_tour
from plainpitch.call.facts import CallFacts
from plainpitch.call.roles import BUYER, SELLER
from plainpitch.call.turns import sentence_text
from plainpitch.text import lazy_re

BACKGROUND, OPENING, PITCH, ANSWER, NARRATION = "background", "opening", "pitch", "answer", "narration"
TOUR, OBJECTION = "tour", "objection"  # coached by TLK006 and TLK010
RANK = {BACKGROUND: 0, OPENING: 0, PITCH: 1, ANSWER: 2, NARRATION: 3}
SHORT = {BACKGROUND: "background", OPENING: "opening pitch", PITCH: "pitch", ANSWER: "answer to a question",
         NARRATION: "demo narration", TOUR: "features", OBJECTION: "answer to an objection"}  # fmt: skip
OPENING_BUYER_WORDS = 30  # the buyer has said no more than hello and a line about themselves
NARRATION_MIN = 3  # sentences that show the product ("here you can…", "if I click…")
NARRATION_SHARE = 0.1
LIST_SHARE = 0.5  # a monologue is a feature dump's when half its sentences or more name features
ANSWER_LOOKBACK = 4  # turns before the monologue in which the buyer's question is looked for

_BACKGROUND = lazy_re.compile(
    r"\b(?:i|we)\s+(?:was|were|worked|started|founded|joined|spent|grew|built|came|left|moved|met|decided|raised|"
    r"opened|launched|sold|hired)\b|"
    r"\b(?:years?\s+ago|my\s+background|our\s+story|back\s+in\s+(?:\d{4}|january|february|march|april|may|june|july|"
    r"august|september|october|november|december))\b",
    re.IGNORECASE,
)
_SCREEN = lazy_re.compile(r"\b(?:share|sharing)\s+(?:my|the)\s+screen\b|\bas\s+you\s+can\s+see\b", re.IGNORECASE)


def _texts(facts: CallFacts, m: Stretch) -> list[str]:
    return [sentence_text(facts.doc, f.sentence) for pos in range(m.first, m.last + 1)
            for f in facts.by_turn.get(pos, ()) if f.role == m.role]  # fmt: skip


def _dump(facts: CallFacts, m: Stretch):
    """The first feature dump of this stretch, from a dict built once per call (a scan of every dump for each
    monologue grew with the square of a long call's length)."""
    by_stretch = facts.__dict__.get("_dumps_by_stretch")
    if by_stretch is None:
        by_stretch = facts.__dict__["_dumps_by_stretch"] = {}
        for d in facts.feature_dumps:
            by_stretch.setdefault(d.stretch, d)
    return by_stretch.get(m)


def _objection(facts: CallFacts, m: Stretch):
    """The first objection (in the facts' order) the seller answered inside this stretch: the answered objections
    sorted by the turn of the answer, bisected, rather than scanned for each monologue."""
    index = facts.__dict__.get("_objections_by_reply")
    if index is None:
        answered = sorted((o.reply, i) for i, o in enumerate(facts.objections) if o.reply is not None)
        index = facts.__dict__["_objections_by_reply"] = ([r for r, _ in answered], [i for _, i in answered])
    replies, order = index
    lo, hi = bisect.bisect_left(replies, m.first), bisect.bisect_right(replies, m.last)
    return facts.objections[min(order[lo:hi])] if hi > lo else None


def _question_before(facts: CallFacts, m: Stretch) -> str | None:
    """The buyer's question this monologue answers: among the last sentences the buyer said just before it."""
    doc = facts.doc
    for t in reversed(facts.turns[max(0, m.first - ANSWER_LOOKBACK) : m.first]):
        if t.role == SELLER and t.words > 5:
            return None  # the seller had the floor: what came before is not the buyer's question
        if t.role != BUYER:
            continue
        for f in reversed(facts.by_turn.get(t.pos, ())[-3:]):  # a question the analysis counted, or one with a '?'
            text = sentence_text(doc, f.sentence)
            if f.question is not None or text.rstrip().endswith("?"):
                return text
    return None


def _opening_until(facts: CallFacts) -> int:
    """The first turn position at which a monologue no longer opens the call: by then the buyer has said
    ``OPENING_BUYER_WORDS`` words or asked something, or the seller has asked a discovery question."""
    cached = facts.__dict__.get("_opening_until")
    if cached is not None:
        return cached
    words, until = 0, len(facts.turns)
    for t in facts.turns:
        mine = facts.by_turn.get(t.pos, ())
        if t.role == BUYER:
            words += t.words
            asked = any(sentence_text(facts.doc, f.sentence).rstrip().endswith("?") for f in mine)
        else:
            asked = any(f.discovery for f in mine)
        if asked or words >= OPENING_BUYER_WORDS:
            until = t.pos + 1  # a monologue starting after this turn has heard the buyer
            break
    facts.__dict__["_opening_until"] = until
    return until


def _about(facts: CallFacts, m: Stretch) -> tuple[str, str]:
    """(kind, label) of a seller monologue, computed once per call and stretch."""
    memo = facts.__dict__.setdefault("_monologue_about", {})
    if m not in memo:
        memo[m] = _classify(facts, m)
    return memo[m]


def _classify(facts: CallFacts, m: Stretch) -> tuple[str, str]:
    texts = _texts(facts, m)
    dump = _dump(facts, m)
    if dump is not None and (dump.kind == "tour" or len(dump.features) >= LIST_SHARE * max(1, len(texts))):
        return TOUR, "product tour, no question" if dump.kind == "tour" else f"{dump.count} features in a row, no question"
    objected = _objection(facts, m)
    if objected is not None:
        return OBJECTION if objected.pitched else ANSWER, f"answer to the objection “{_short(objected.words, 40)}”"
    if len(texts) >= 3 and sum(1 for t in texts if _BACKGROUND.search(t)) >= max(3, len(texts) // 5):
        return BACKGROUND, "the seller's background and history"
    asked = _question_before(facts, m)
    if asked is not None:
        return ANSWER, f"answer to “{_short(asked, 50)}”"
    if m.first < _opening_until(facts):
        return OPENING, "opening pitch, before the buyer said what they need"
    shown = sum(1 for t in texts if is_tour(t)) if len(texts) >= NARRATION_MIN else 0
    if (shown >= NARRATION_MIN and shown >= NARRATION_SHARE * len(texts)) or any(_SCREEN.search(t) for t in texts):
        return NARRATION, "walking the screen, no question"
    return PITCH, "pitch with no question"


def kind_of(facts: CallFacts, m: Stretch) -> str:
    """The kind of a seller monologue (module doc), tested in this order: tour, objection, background, answer,
    opening, narration, pitch."""
    return _about(facts, m)[0]


def label(facts: CallFacts, m: Stretch) -> str:
    """What a seller monologue was, in words a sales manager uses ("the seller's background and history")."""
    return _about(facts, m)[1]


def worth_raising(facts: CallFacts, limit: float) -> list[tuple[Stretch, str]]:
    """The seller's monologues over ``limit`` that TLK002 coaches, worst first: by kind (``RANK``), then length.
    Tours and objections answered with a pitch are left to their own rules."""
    over = [(m, kind_of(facts, m)) for m in facts.monologues if m.seconds > limit]
    coached = [(m, k) for m, k in over if k in RANK]
    return sorted(coached, key=lambda mk: (RANK[mk[1]], -mk[0].seconds, mk[0].first))


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
