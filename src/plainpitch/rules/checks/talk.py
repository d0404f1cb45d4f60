"""TLK001-TLK005: talk time and questions on calls, plus the call metrics and details for the report.

Each rule reads the one CallFacts computed per call (``plainpitch.call.facts``, the conversation analysis below
the rules); thresholds depend on the call type (``plainpitch.call.types``; the table is in docs/calls.md).
Whole-call findings point at a defined span: the seller's longest turn (talk share, few questions), a monologue's
longest turn, the last question, the first turn of a story. What the seller does with the buyer's words
(objections, buying signals, next steps, features) is in ``talk_moves``.
Conversation rules need both sides: a one-speaker transcript gets metrics and a note, not findings.
"""

from __future__ import annotations

from collections.abc import Iterable

from plainpitch.call import facts_for
from plainpitch.call.timefmt import approx, clock
from plainpitch.call.types import TYPES
from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, details_provider, metric_provider, rule

GONG_TALK_RATIO = ("Gong Labs, 'The Highest Converting Talk-to-Listen Ratio in Sales, Based on 25,537 Sales Calls' "
                   "(Chris Orlob, 2016; updated 2025), gong.io/resources/labs/talk-to-listen-conversion-ratio")  # fmt: skip
GONG_SCIENCE = ("Gong, 'The Science of Winning Sales Conversations' (257,967 B2B calls), as published in Gong's "
                "infographic (lemonly.com/work/winning-sales-conversations-infographic)")  # fmt: skip
GONG_DECK = ("Gong, 'Navigating sales conversations from first call to closed deal' (1M+ meetings), "
             "slideshare.net/slideshow/navigating-sales-conversations-from-first-call-to-closed-deal/105791822")  # fmt: skip
GONG_DISCOVERY = ("Gong's study of 519,000 discovery calls (Chris Orlob interviewed by Tiffani Bova, HuffPost, "
                  "July 2017; republished at dragonfly-lsc.com)")  # fmt: skip
GONG_COLD = ("Gong Labs, 'Is cold calling dead?' (90,380 connected cold calls), "
             "gong.io/resources/labs/is-cold-calling-dead")  # fmt: skip
NEXT_STEP_SOURCES = ("3C Selling, 'Focus on agreed next actions: who will do what by when' (3cselling.com)",
                     "Jeb Blount, 'Always Ask for the Next Step on Sales Calls' (jebblount.com)")  # fmt: skip
TYPES_DOC = f"Thresholds depend on the call type ({', '.join(TYPES)}): see docs/calls.md."


def _facts(doc, ctx):
    return facts_for(doc, ctx)


def _turn_span(facts, pos: int) -> Span:
    unit = facts.doc.units[facts.turns[pos].unit]
    return Span(unit.start, unit.end)


def _longest_seller_turn(facts) -> int | None:
    sellers = [t for t in facts.turns if t.role == "seller"]
    if not sellers:
        return None
    return max(sellers, key=lambda t: (t.seconds, t.words, -t.pos)).pos


def _label(seconds: float, timed: bool) -> str:
    return approx(seconds, timed)


DOC_SCOPE = {"scope": "document"}


@rule(
    code="TLK001",
    impact=2,
    name="seller-dominates-talk",
    category="talk",
    scope="document",
    fields=("limit", "share"),
    severity="warning",
    summary="The seller talks for more of the call than the call type allows (65% on a discovery call).",
    why=("Buyers buy from sellers who listen. Gong Labs found that 43:57 (seller:buyer) converts best and that "
         "calls where the seller talks more than 65% of the time convert less: the seller pitches before they "
         "know the problem. " + TYPES_DOC),  # fmt: skip
    message="You talked {share}% of the call; keep it under {limit}%",
    fix="Ask an open question and let the buyer talk; cut the overview to what they asked about.",
    bad=[
        "Ana: Thanks for joining. I want to walk you through everything we built this year.\n"
        "Ben: Sure.\n"
        "Ana: [[We rebuilt the engine from scratch, so every report now runs on the new columnar store, and we added "
        "a scheduler that sends the board pack on the first working day of the month. We redesigned the dashboard "
        "around the questions finance teams ask most, and we moved everything to a new region so it runs closer to "
        "you. The exports are twice as fast as last year, the audit trail now covers every change, and the mobile "
        "app shows the same numbers as the web. We also hired a support team in your time zone and opened a "
        "partner program for accounting firms, and next quarter we ship forecasting, planning and a new API.]]\n"
        "Ben: Okay.\n"
        "Ana: That is the update from our side.\n"
    ],
    good=[
        "Ana: Thanks for joining. What made you look for a new reporting tool?\n"
        "Ben: Our finance team spends two days every month building the board report by hand, and it is always "
        "late. Last quarter we found an error after it went out, which was embarrassing for everyone, and the CFO "
        "asked us to find a better way before the next board meeting. We have looked at two tools already, but "
        "both wanted us to move our whole ledger, which we cannot do this year.\n"
        "Ana: That sounds painful. Who feels it most?\n"
        "Ben: Our controller, mostly. She stays late the whole first week of every month to get the numbers right, "
        "and she is the one who would have to learn any new tool, so she needs to be in the next conversation. "
        "She also owns the relationship with the auditors, who have asked for a cleaner trail of every change.\n"
        "Ana: Then let's bring her in. I'll send two times for Thursday.\n"
    ],
    media=("call",),
    example_format="call",
    sources=[GONG_TALK_RATIO, GONG_COLD],
)
def seller_dominates_talk(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    facts = _facts(doc, ctx)
    limit = facts.thresholds.get("talk_share_max")
    share = ctx.metric("call.talk_share.seller")
    if limit is None or share is None or not facts.two_sided:
        return
    if sum(t.words for t in facts.turns) < (facts.thresholds.get("talk_share_min_words") or 0):
        return
    if share > limit:
        pos = _longest_seller_turn(facts)
        if pos is not None:
            yield Hit(_turn_span(facts, pos), {"share": round(share), "limit": limit}, data=DOC_SCOPE)


@rule(
    code="TLK002",
    impact=2,
    name="long-monologue",
    category="talk",
    scope="document",
    fields=("detail", "what", "words"),
    severity="warning",
    summary="The seller talks for over two minutes without the buyer getting a word in (the worst monologue; the rest listed).",
    why=("Attention drops during a long explanation and the buyer stops telling you what matters. Gong found "
         "that win rates decline when company overviews run past two minutes. Short buyer interjections "
         "('mm-hmm') do not break a monologue. Long monologues are one habit, so they are one finding: the worst "
         "of them is raised — the seller's background or an opening pitch before the buyer has said what they "
         "need, then a pitch nobody asked for, then a long answer to the buyer's question, last a demo's walk "
         "through the screen — and the rest are listed with it. A feature tour (TLK006) and an objection answered "
         "with a pitch (TLK010) are those rules' findings. " + TYPES_DOC),  # fmt: skip
    message="{detail} monologue ({words} words), {what}: stop and ask a question",
    fix="Break it up: say the one point that matters to this buyer, then ask what they think.",
    bad=[  # the seller's background before the buyer has said anything; then also a long answer (listed with it)
        {"file": "TLK002-background-first.txt"},
        {"file": "TLK002-background-then-long-answer.txt"},
    ],
    good=[
        "[00:00:05] Ana: Thanks for making time today. What made you take the call?\n"
        "[00:00:12] Ben: Our month-end reporting takes two weeks.\n"
        "[00:00:40] Ana: We help finance teams close that in two days. Which part takes longest for you?\n"
        "[00:01:00] Ben: Pulling numbers out of three systems.\n"
    ],
    media=("call",),
    example_format="call",
    sources=[GONG_SCIENCE],
)
def long_monologue(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    from plainpitch.call.monologues import SHORT, label, worth_raising

    facts = _facts(doc, ctx)
    limit = facts.thresholds.get("monologue_max_s")
    if limit is None or not facts.two_sided:
        return
    timed = facts.view.has_times
    ranked = worth_raising(facts, limit)
    if not ranked:
        return
    (worst, kind), rest = ranked[0], sorted(ranked[1:], key=lambda mk: mk[0].first)

    def core(m) -> int:  # the monologue's longest turn: where the finding points
        return max((t for t in facts.turns[m.first : m.last + 1] if t.role == "seller"), key=lambda t: t.seconds).pos

    also = [{"time": round(facts.turns[core(m)].start, 1), "clock": approx(facts.turns[core(m)].start, timed),
             "seconds": round(m.seconds, 1), "length": _label(m.seconds, timed), "kind": k, "about": SHORT[k]}
            for m, k in rest]  # fmt: skip
    about = label(facts, worst)
    args = {"detail": _label(worst.seconds, timed), "words": worst.words, "what": about}
    message = (f"{args['detail']} monologue ({worst.words} words), {about}: stop and ask a question"
               + (f" ({len(rest)} more over {clock(limit)})" if rest else ""))  # fmt: skip
    yield Hit(_turn_span(facts, core(worst)), args, message=message,
              data={"seconds": round(worst.seconds, 1), "limit": limit, "place": _label(worst.seconds, timed),
                    "kind": kind, "about": about, "also": also})  # fmt: skip


@rule(
    code="TLK003",
    impact=2,
    name="few-discovery-questions",
    category="talk",
    scope="document",
    fields=("count", "detail", "kind", "limit"),
    severity="warning",
    summary="A long call with too few discovery questions: under 11 in a discovery call, 4 in a demo, 3 in a closing call.",
    why=("Discovery is where you learn what the buyer will pay to fix. Gong's study of 519,000 discovery calls "
         "found that 11-14 questions go with the highest success rate; far fewer means the seller pitched "
         "instead of learning. A demo with no questions shows features the buyer may not need, and a closing "
         "call still has to learn who signs, when, and what could stop it. Greetings, small talk, checks ('any "
         "questions?'), questions about the call itself, questions the seller answers themselves and asks do "
         "not count. " + TYPES_DOC),  # fmt: skip
    message="Only {count} discovery questions in this {detail} {kind} call; aim for {limit} or more",
    fix="Prepare open questions about their process, cost of the problem, decision and timeline; ask them.",
    bad=[
        "[00:00:00] Ana: Hi Ben, thanks for the time. What made you take this call?\n"
        "[00:00:20] Ben: Our reports are slow and the team is frustrated.\n"
        "[00:01:00] Ana: [[Let me show you how our product handles reporting, from the data model to the charts "
        "and the exports.]]\n"
        "[00:25:00] Ben: Interesting. We need to think about it.\n"
        "[00:31:00] Ana: Thanks, talk soon.\n"
    ],
    good=[{"file": "TLK003-discovery-questions.txt"}],  # eleven discovery questions in a 32-minute call
    media=("call",),
    example_format="call",
    sources=[GONG_DISCOVERY, GONG_DECK],
)
def few_discovery_questions(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    facts = _facts(doc, ctx)
    minimum = facts.thresholds.get("questions_min")
    min_minutes = facts.thresholds.get("questions_min_call_minutes") or 0
    if minimum is None or not facts.two_sided or facts.view.duration < min_minutes * 60:
        return
    count = len(facts.discovery_questions())
    if count < minimum:
        pos = _longest_seller_turn(facts)
        if pos is not None:
            detail = ("about " if not facts.view.has_times else "") + f"{round(facts.view.duration / 60)}-minute"
            args = {"count": count, "limit": minimum, "detail": detail, "kind": facts.call_type.name}
            message = (f"Only {count} discovery question{'s' if count != 1 else ''} in this {detail} "
                       f"{facts.call_type.name} call; aim for {minimum} or more")  # fmt: skip
            yield Hit(_turn_span(facts, pos), args, data=DOC_SCOPE, message=message)


@rule(
    code="TLK004",
    impact=1,
    name="front-loaded-questions",
    category="talk",
    scope="document",
    fields=("count",),
    severity="suggestion",
    summary="Every discovery question came in the first third of the call; after that the seller only talked.",
    why=("Questions spread through the call keep it a conversation; an interrogation followed by a pitch does "
         "not. Gong's research on winning calls advises asking questions throughout rather than front-loading "
         "them. " + TYPES_DOC),  # fmt: skip
    message="All {count} questions came in the first third; keep asking later",
    fix="After each part of the pitch, ask how it fits their situation.",
    bad=[
        "[00:00:00] Ana: What does your team use for reports today?\n"
        "[00:00:10] Ben: Spreadsheets.\n"
        "[00:00:20] Ana: How many people touch them?\n"
        "[00:00:30] Ben: About ten.\n"
        "[00:00:40] Ana: What breaks most often?\n"
        "[00:00:50] Ben: The weekly report.\n"
        "[00:01:00] Ana: [[Who signs off on new tools?]]\n"
        "[00:01:10] Ben: My director.\n"
        "[00:01:20] Ana: Great. Our product replaces the spreadsheets with a live report for the whole team.\n"
        "[00:20:00] Ben: Okay.\n"
        "[00:21:00] Ana: I'll send a summary by Friday.\n"
    ],
    good=[
        "[00:00:00] Ana: What does your team use for reports today?\n"
        "[00:00:10] Ben: Spreadsheets.\n"
        "[00:00:20] Ana: How many people touch them?\n"
        "[00:00:30] Ben: About ten.\n"
        "[00:01:00] Ana: Our product replaces the spreadsheets with a live report for the whole team.\n"
        "[00:10:00] Ana: How would that fit the way your team closes the month?\n"
        "[00:10:30] Ben: It would help the close.\n"
        "[00:15:00] Ana: Who signs off on new tools?\n"
        "[00:15:10] Ben: My director.\n"
        "[00:20:00] Ana: What would your director need to see?\n"
        "[00:20:20] Ben: A business case.\n"
        "[00:21:00] Ana: I'll send a summary by Friday.\n"
    ],
    media=("call",),
    example_format="call",
    sources=[GONG_DECK],
)
def front_loaded_questions(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    facts = _facts(doc, ctx)
    minimum = facts.thresholds.get("questions_spread_min")
    qs = facts.discovery_questions()
    if minimum is None or not facts.two_sided or len(qs) < minimum or not facts.turns:
        return
    start = facts.turns[0].start
    cut = start + facts.view.duration / 3
    if all(q.time < cut for q in qs):
        last = facts.doc.sentences[qs[-1].sentence]
        yield Hit(Span(last.start, last.end), {"count": len(qs)}, data=DOC_SCOPE)


@rule(
    code="TLK005",
    impact=1,
    name="short-buyer-stories",
    category="talk",
    scope="document",
    fields=("detail",),
    severity="suggestion",
    summary="The buyer never spoke for more than 50 seconds at a stretch in a call of 10 minutes or more.",
    why=("Buyers sell themselves when they tell their story: Gong found that when customers talk uninterrupted "
         "for at most 50 seconds the close rate is below average, while 4-minute stories go with higher win "
         "rates. Short clarifying questions from the seller do not break a story. " + TYPES_DOC),  # fmt: skip
    message="The buyer's longest stretch was {detail}; ask for the story",
    fix="Ask an open question ('walk me through the last time that happened') and let them finish.",
    bad=[
        "[00:00:00] Ana: Tell me about your reporting today.\n"
        "[00:00:10] Ben: [[It is slow.]]\n"
        "[00:00:15] Ana: We built a faster engine for finance teams, with live dashboards and scheduled exports.\n"
        "[00:10:00] Ben: Okay.\n"
        "[00:10:02] Ana: I'll send you a trial link today.\n"
    ],
    good=[
        "[00:00:00] Ana: Walk me through your last month-end close.\n"
        "[00:00:10] Ben: It started on the first, when we exported the ledger from the old system, and then the "
        "numbers did not match the bank, so two of us spent two full days finding a missing journal entry from a "
        "subsidiary in Spain. By the time we found it, the consolidation had to be redone, the board deck went out "
        "three days late, and our CFO had to explain the delay to the board, which nobody enjoyed.\n"
        "[00:02:10] Ana: What did the late deck cost you?\n"
        "[00:02:20] Ben: A tough board meeting.\n"
        "[00:10:00] Ana: I'll send you a trial link today.\n"
    ],
    media=("call",),
    example_format="call",
    sources=[GONG_SCIENCE],
)
def short_buyer_stories(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    facts = _facts(doc, ctx)
    limit = facts.thresholds.get("story_min_s")
    min_minutes = facts.thresholds.get("story_min_call_minutes") or 0
    if limit is None or not facts.two_sided or not facts.stories or facts.view.duration < min_minutes * 60:
        return
    story = facts.stories[0]
    if story.seconds < limit:
        yield Hit(_turn_span(facts, story.first), {"detail": _label(story.seconds, facts.view.has_times)},
                  data={**DOC_SCOPE, "seconds": round(story.seconds, 1), "limit": limit})  # fmt: skip


# -- metrics and report details for calls ------------------------------------------------------------------
@metric_provider("call")
def call_metrics(doc, ctx):
    from plainpitch.call.metrics import call_metrics as compute

    facts = _facts(doc, ctx)
    return compute(facts) if facts.turns else []


@details_provider("call")
def call_details(doc, ctx):
    from plainpitch.call.details import call_details as compute
    from plainpitch.call.details import term_details
    from plainpitch.rules.checks.call_jargon import call_terms

    facts = _facts(doc, ctx)
    if not facts.turns:
        return None
    return ("call", {**compute(facts), "jargon": term_details(facts, call_terms(doc, ctx))})
