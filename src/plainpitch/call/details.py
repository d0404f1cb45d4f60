"""The call analysis as JSON-ready data: ``report.details["call"]`` (schema in docs/calls.md, versioned).

Bump DETAILS_VERSION's minor for added keys, its major for removed or changed ones. 1.1 added ``times``,
``mixed_speakers``, ``objections``, ``buying_signals``, ``absent_deciders`` and ``kind`` on feature dumps; moments
are named by what happened. 1.2 added ``loose_next_steps``, ``kind`` on monologues, ``away`` on absent deciders and
the ``loose_next_step`` moment.
"""

from __future__ import annotations

import bisect
from operator import attrgetter
from typing import Any

from plainpitch.call.facts import CallFacts
from plainpitch.call.monologues import kind_of, label
from plainpitch.call.roles import BUYER, SELLER
from plainpitch.call.timefmt import clock

DETAILS_VERSION = "1.2"


def _t(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def call_details(facts: CallFacts) -> dict[str, Any]:
    turns = facts.turns
    doc = facts.doc
    timed = facts.view.has_times
    sentence_time = _sentence_times(facts)

    def at(pos: int) -> dict[str, Any]:
        t = turns[pos]
        return {"turn": t.index, "time": _t(t.start), "speaker": t.speaker, "role": t.role}

    def sentence_at(si: int) -> dict[str, Any]:
        s = doc.sentences[si]
        return {"start": s.start, "end": s.end}

    questions, asks, next_steps = [], [], []
    for f in facts.sentences:
        if f.question is None and f.ask is None and f.next_step is None:
            continue  # most sentences: nothing to list, and no text to slice out
        text = doc.sentences[f.sentence].text
        if f.question is not None:
            questions.append({**at(f.turn), "time": _t(f.time), "text": text, "form": f.question.form,
                              "purpose": "ask" if f.ask is not None else f.question.purpose,
                              "discovery": f.discovery, "span": sentence_at(f.sentence)})  # fmt: skip
        if f.ask is not None:
            asks.append({**at(f.turn), "time": _t(f.time), "text": text, "kind": f.ask.kind, "span": sentence_at(f.sentence)})
        if f.next_step is not None:
            ns = f.next_step
            next_steps.append({**at(f.turn), "time": _t(f.time), "text": text, "owner": ns.owner, "action": ns.action, "when": ns.time,
                               "span": sentence_at(f.sentence)})  # fmt: skip

    limit = facts.thresholds.get("monologue_max_s")
    monologues = []
    for m in sorted(facts.monologues, key=lambda s: s.first):
        monologues.append({**at(m.first), "end_turn": turns[m.last].index, "start": _t(m.start), "end": _t(m.end),
                           "seconds": _t(m.seconds), "words": m.words, "over_limit": limit is not None and m.seconds > limit,
                           "kind": kind_of(facts, m), "about": label(facts, m)})  # fmt: skip
    longest_story = facts.stories[0] if facts.stories else None
    dumps = [{**at(d.stretch.first), "kind": d.kind, "count": d.count, "features": list(d.features),
              "span": {"start": doc.sentences[d.first_sentence].start, "end": doc.sentences[d.last_sentence].end}}
             for d in facts.feature_dumps]  # fmt: skip
    terms = [{**at(a.seller_turn), "term": a.term, "asked_turn": turns[a.buyer_turn].index, "question": a.question,
              "span": {"start": a.start, "end": a.end}} for a in facts.term_asks]  # fmt: skip
    topics = {name: {"seconds": _t(facts.topic_seconds[name]), "mentions": facts.topic_mentions[name],
                     "first_time": _t(facts.topic_first.get(name))} for name in facts.topic_seconds}  # fmt: skip
    return {
        "version": DETAILS_VERSION,
        "type": facts.call_type.name,
        "type_source": facts.call_type.source,
        "type_reason": facts.call_type.reason,
        "has_times": timed,
        "times": facts.times,
        "mixed_speakers": [m.speaker for m in facts.mixed],
        "duration_s": _t(facts.view.duration),
        "roles": {"sellers": sorted(facts.roles.sellers), "buyers": sorted(facts.roles.buyers),
                  "source": facts.roles.source},  # fmt: skip
        "thresholds": dict(facts.thresholds),
        "turns": [{"index": t.index, "speaker": t.speaker, "role": t.role, "start": _t(t.start), "end": _t(t.end),
                   "words": t.words, "timed": t.timed, "line": doc.units[t.unit].turn.source_line}
                  for t in turns],  # fmt: skip
        "questions": questions,
        "asks": asks,
        "next_steps": next_steps,
        "loose_next_steps": [{**at(lf.turn), "time": _t(lf.time), "text": doc.sentences[lf.sentence].text,
                              "owner": lf.step.owner, "action": lf.step.action, "when": lf.step.time,
                              "lacks": lf.step.lacks, "span": sentence_at(lf.sentence)} for lf in facts.loose_steps],
        "monologues": monologues,
        "longest_story": ({**at(longest_story.first), "end_turn": turns[longest_story.last].index,
                           "seconds": _t(longest_story.seconds), "words": longest_story.words}
                          if longest_story else None),  # fmt: skip
        "feature_dumps": dumps,
        "terms_asked": terms,
        "early_price": ({**at(facts.early_price.turn), "time": _t(facts.early_price.time), "text": doc.sentences[facts.early_price.sentence].text}
                        if facts.early_price else None),  # fmt: skip
        "topics": topics,
        "objections": [{**at(o.turn), "time": _t(sentence_time.get(o.sentence)), "kind": o.kind,
                        "text": doc.sentences[o.sentence].text, "answered_with_question": o.reply_asked,
                        "reply_words": o.reply_words} for o in facts.objections],
        "buying_signals": [{**at(b.turn), "time": _t(sentence_time.get(b.sentence)), "text": doc.sentences[b.sentence].text,
                            "followed_by_next_step": b.followed} for b in facts.buying_signals],
        "absent_deciders": [{**at(a.turn), "name": a.name, "why": a.why, "brought_in": a.included, "away": a.away,
                             "text": doc.sentences[a.sentence].text} for a in facts.absent],
        "moments": moments(facts),
        "notes": list(facts.notes),
    }


class _SentenceTimes:
    """Sentence index -> the time of its first fact, looked up per objection and buying signal (a scan of every
    sentence for each of them grew with the square of the call's length): a bisect over the facts, which are in
    sentence order, rather than a dict of every sentence made while the report is at its largest (a dict, made in
    one pass, when they are not in order)."""

    def __init__(self, facts: CallFacts) -> None:
        self._facts = facts.sentences
        self._times: dict[int, float | None] | None = None
        if any(a.sentence > b.sentence for a, b in zip(self._facts, self._facts[1:], strict=False)):
            self._times = {}
            for f in self._facts:
                self._times.setdefault(f.sentence, f.time)

    def get(self, sentence: int) -> float | None:
        if self._times is not None:
            return self._times.get(sentence)
        i = bisect.bisect_left(self._facts, sentence, key=_SENTENCE)
        return self._facts[i].time if i < len(self._facts) and self._facts[i].sentence == sentence else None


_SENTENCE = attrgetter("sentence")


def _sentence_times(facts: CallFacts) -> _SentenceTimes:
    return _SentenceTimes(facts)


def moments(facts: CallFacts) -> list[dict[str, Any]]:
    """What to listen back to, in call order, each named by what happened ("7:49 product tour, no question")."""
    turns = facts.turns
    doc = facts.doc
    approx = "" if facts.view.has_times else "~"
    sentence_time = _sentence_times(facts)
    out: list[tuple[float, int, str, str]] = []
    limit = facts.thresholds.get("monologue_max_s")
    for m in facts.monologues:
        if limit is not None and m.seconds > limit:
            out.append((m.start, m.first, "monologue", f"{approx}{clock(m.seconds)} {label(facts, m)}"))
    for d in facts.feature_dumps:
        if d.kind == "list" and not (limit is not None and d.stretch.seconds > limit):  # else the monologue says it
            out.append((turns[d.stretch.first].start, d.stretch.first, "feature_dump",
                        f"{d.count} features in a row, no question or outcome"))  # fmt: skip
    if facts.stories and facts.two_sided:
        s = facts.stories[0]
        opening = [doc.sentences[i].text for i in range(turns[s.first].first_sentence, turns[s.first].end_sentence)]
        first = next((t for t in opening if len(t.split()) >= 5), opening[0] if opening else "")
        out.append((s.start, s.first, "buyer_story", f"the buyer's longest story ({approx}{clock(s.seconds)}): “{_short(first, 50)}”"))
    first_q = next((f for f in facts.sentences if f.role == SELLER and f.discovery), None)
    if first_q is not None:
        out.append((first_q.time, first_q.turn, "first_question",
                    f"first discovery question: “{_short(doc.sentences[first_q.sentence].text)}”"))  # fmt: skip
    if facts.early_price is not None:
        f = facts.early_price
        out.append((f.time, f.turn, "early_price", f"price before value: “{_short(doc.sentences[f.sentence].text)}”"))
    for a in facts.term_asks:
        said = doc.text[a.start : a.end]  # as the seller said it ("AVM"), not as the question spelt it
        out.append((turns[a.buyer_turn].start, a.buyer_turn, "term_asked", f"the buyer asked what “{said}” means"))
    for o in facts.objections:
        answer = "answered with a question" if o.reply_asked else (f"answered with {o.reply_words} words, no question"
                                                                   if o.reply is not None else "never answered")  # fmt: skip
        out.append((sentence_time.get(o.sentence) or turns[o.turn].start, o.turn, "objection",
                    f"objection ({o.kind}): “{_short(o.words, 40)}”, {answer}"))  # fmt: skip
    for b in facts.buying_signals:
        after = "" if b.followed else ", no ask after it"
        out.append((sentence_time.get(b.sentence) or turns[b.turn].start, b.turn, "buying_signal",
                    f"buying signal: “{_short(doc.sentences[b.sentence].text, 60)}”{after}"))  # fmt: skip
    for a in facts.absent:
        why = "expected, did not join" if a.why == "expected" else "decides, not on the call"
        out.append((turns[a.turn].start, a.turn, "absent_decider", f"{a.name} {why}"))
    for f in facts.sentences:
        if f.next_step is not None:
            who = "the buyer" if f.role == BUYER else "the seller"
            out.append((f.time, f.turn, "next_step",
                        f"next step from {who}: “{_short(doc.sentences[f.sentence].text)}”"))  # fmt: skip
        elif f.ask is not None and f.role == SELLER:
            out.append((f.time, f.turn, "ask", f"the seller asks: “{_short(doc.sentences[f.sentence].text)}”"))
    for lf in facts.loose_steps if not facts.firm_steps() else ():  # with a firm next step, the loose ones are detail
        who = "the buyer" if lf.role == BUYER else "the seller"
        lacks = "no owner" if lf.step.lacks == "owner" else "no date"
        out.append((lf.time, lf.turn, "loose_next_step",
                    f"loose next step from {who} ({lacks}): “{_short(doc.sentences[lf.sentence].text)}”"))  # fmt: skip
    out.sort(key=lambda m: (m[0], m[1]))
    return [{"time": round(t, 2), "clock": approx + clock(t), "turn": turns[pos].index, "kind": kind, "text": text}
            for t, pos, kind, text in out]  # fmt: skip


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def term_details(facts: CallFacts, terms: list) -> list[dict[str, Any]]:
    """The seller's jargon on this call (``call.terms.SpokenTerm``s) as JSON-ready items."""
    doc = facts.doc
    turn_of = {t.unit: t for t in facts.turns}
    out = []
    for st in terms:
        t = turn_of.get(doc.unit_at(st.term.start))
        out.append({"term": st.term.text, "kind": st.term.kind, "uses": st.seller_uses,
                    "turn": t.index if t else None, "time": _t(t.start) if t else None,
                    "span": {"start": st.term.start, "end": st.term.end}})  # fmt: skip
    return out
