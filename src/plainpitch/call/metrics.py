"""The call metrics, as ``call.*`` Metrics (each defined in docs/calls.md).

Times are measured when the transcript has timestamps; otherwise they are estimated at 150 words a minute and
the metric's note says so (shares fall back to words). A metric that cannot be computed (the buyer never spoke,
no timestamps for a pause) has the value None and a note saying why.
"""

from __future__ import annotations

import re

from plainpitch.call.facts import CallFacts
from plainpitch.call.roles import BUYER, SELLER
from plainpitch.model import Metric
from plainpitch.text import lazy_re
from plainpitch.text.ascii_case import CaseBlind

FILLERS = lazy_re.compile(
    r"\b(?:u+m+|u+h+|erm|er|ah+|hmm+|mm+)\b|\byou\s+know\b(?!\s+(?:what|how|why|that|the|about|if|when|where|who|it|this|a|an))"
    r"|\bi\s+mean\b|\bkind\s+of\b|\bsort\s+of\b|\bbasically\b|\bliterally\b",
    re.IGNORECASE,
)
_FILLER_COUNT = CaseBlind(FILLERS)  # text.ascii_case: counted faster
NO_TIMES = "estimated at 150 words a minute: the transcript has no timestamps"
ONE_SIDED = "only one side spoke"


def _r(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def call_metrics(facts: CallFacts) -> list[Metric]:
    view = facts.view
    turns = view.turns
    timed = view.has_times
    est = "" if timed else NO_TIMES
    doc = facts.doc
    out: list[Metric] = [
        Metric("call.type", facts.call_type.name, "Call type",
               note=f"{facts.call_type.source}: {facts.call_type.reason}"),  # fmt: skip
        Metric("call.duration_s", _r(view.duration), "Call length", "s", est),
        Metric("call.turns", len(turns), "Turns", "turns"),
        Metric("call.speakers", len({t.speaker for t in turns}), "Speakers", "people"),
    ]
    two = facts.two_sided
    seconds = {SELLER: 0.0, BUYER: 0.0}
    words = {SELLER: 0, BUYER: 0}
    for t in turns:
        if t.role in seconds:
            seconds[t.role] += t.seconds
            words[t.role] += t.words
    basis = seconds if timed else words
    total = basis[SELLER] + basis[BUYER]
    note = "" if timed else "by words: the transcript has no timestamps"
    for role in (SELLER, BUYER):
        share = 100.0 * basis[role] / total if total and two else None
        out.append(Metric(f"call.talk_share.{role}", _r(share), f"{role.title()} talk share", "%", note if two else ONE_SIDED))

    mono = facts.monologues[0] if facts.monologues else None
    story = facts.stories[0] if facts.stories else None
    out += [
        Metric("call.longest_monologue_s.seller", _r(mono.seconds) if mono else None, "Longest seller monologue", "s", est),
        Metric("call.longest_monologue_words.seller", mono.words if mono else None, "Longest seller monologue", "words"),
        Metric("call.longest_story_s.buyer", _r(story.seconds) if story else None, "Longest buyer story", "s",
               est if story else ONE_SIDED),  # fmt: skip
        Metric("call.longest_story_words.buyer", story.words if story else None, "Longest buyer story", "words"),
    ]
    limit = facts.thresholds.get("monologue_max_s")
    over = sum(1 for m in facts.monologues if limit is not None and m.seconds > limit)
    out.append(Metric("call.monologues_over_limit.seller", over, f"Seller monologues over {limit} s", "monologues", est))

    minutes = view.duration / 60 if view.duration else 0.0
    switches = sum(1 for a, b in zip(turns, turns[1:], strict=False) if a.speaker != b.speaker)
    out.append(Metric("call.interactivity", _r(switches / minutes, 2) if minutes else None, "Interactivity",
                      "switches/min", est))  # fmt: skip
    gaps = [max(0.0, b.start - a.end) for a, b in zip(turns, turns[1:], strict=False) if a.role == BUYER and b.role == SELLER]
    measured = facts.times == "measured"
    if not timed:
        why = NO_TIMES
    elif not measured:
        why = "the transcript gives when turns start, not when they end: pauses cannot be measured"
    else:
        why = "" if gaps else "the seller never answered the buyer"
    out.append(Metric("call.patience_s.seller", _r(sum(gaps) / len(gaps), 2) if gaps and measured else None,
                      "Patience (pause before answering)", "s", why))  # fmt: skip

    counts = {SELLER: 0, BUYER: 0}
    open_q = closed_q = 0
    first_q: float | None = None
    for f in facts.sentences:
        if f.question is None or f.role not in counts:
            continue
        counts[f.role] += 1
        if f.role == SELLER:
            if f.question.form == "open":
                open_q += 1
            else:
                closed_q += 1
            if first_q is None:
                first_q = f.time - turns[0].start
    hours = view.duration / 3600 if view.duration else 0.0
    for role in (SELLER, BUYER):
        out.append(Metric(f"call.questions.{role}", counts[role], f"Questions by the {role}", "questions"))
        out.append(Metric(f"call.questions_per_hour.{role}", _r(counts[role] / hours) if hours else None,
                          f"Questions per hour by the {role}", "per hour", est))  # fmt: skip
    out += [
        Metric("call.discovery_questions.seller", len(facts.discovery_questions()), "Discovery questions", "questions"),
        Metric("call.open_questions.seller", open_q, "Open questions", "questions"),
        Metric("call.closed_questions.seller", closed_q, "Closed questions", "questions"),
        Metric("call.open_question_share.seller", _r(100.0 * open_q / (open_q + closed_q)) if open_q + closed_q else None,
               "Open question share", "%"),  # fmt: skip
        Metric("call.first_question_s.seller", _r(first_q), "Time to the first question", "s",
               est if first_q is not None else "the seller asked no question"),  # fmt: skip
    ]

    fillers = {role: _FILLER_COUNT.count_all(doc.text[doc.units[t.unit].start : doc.units[t.unit].end]
                                            for t in turns if t.role == role) for role in (SELLER, BUYER)}  # fmt: skip
    for role in (SELLER, BUYER):
        w = words[role]
        out.append(Metric(f"call.fillers_per_100.{role}", _r(100.0 * fillers[role] / w, 2) if w else None,
                          f"Filler words per 100 ({role})", "per 100 words"))  # fmt: skip
        wpm = words[role] / (seconds[role] / 60) if timed and seconds[role] > 0 else None
        out.append(Metric(f"call.wpm.{role}", _r(wpm), f"Words per minute ({role})", "wpm",
                          "" if timed else "needs timestamps"))  # fmt: skip

    for name in facts.topic_seconds:
        out.append(Metric(f"call.topic_s.{name}", _r(facts.topic_seconds[name]), f"Time on {name}", "s", est))
        out.append(Metric(f"call.topic_mentions.{name}", facts.topic_mentions[name], f"Mentions of {name}", "mentions"))
    out += [
        Metric("call.asks.seller", sum(1 for f in facts.sentences if f.role == SELLER and f.ask), "Asks", "asks"),
        Metric("call.next_steps", sum(1 for f in facts.sentences if f.next_step), "Next steps", "next steps"),
        Metric("call.loose_next_steps", len(facts.loose_steps), "Loose next steps (no date or owner) at the close",
               "next steps"),  # fmt: skip
        Metric("call.feature_dumps.seller", len(facts.feature_dumps), "Feature dumps and tours", "dumps"),
        Metric("call.objections.buyer", len(facts.objections), "Objections raised", "objections"),
        Metric("call.objections_explored.seller", sum(1 for o in facts.objections if o.reply_asked),
               "Objections answered with a question", "objections"),  # fmt: skip
        Metric("call.buying_signals.buyer", len(facts.buying_signals), "Buying signals", "signals"),
    ]
    return out
