"""TLK006-TLK012: what the seller does with the buyer's attention and words on a call — feature dumps and tours,
the next step, price, terms the buyer had to ask about, objections, buying signals, and the people who decide.

Each rule reads the one CallFacts computed per call (``plainpitch.call.facts``); the detectors (objections,
buying signals, absent deciders) are in ``plainpitch.call.signals``. Findings point at what to listen back to:
the tour's first and last feature sentence, the end of the call, the price sentence, the seller's use of a term,
the seller's answer to an objection, the buyer's buying signal, the sentence that names the absent decider.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainpitch.call import facts_for
from plainpitch.call.timefmt import approx
from plainpitch.model import Document, Span
from plainpitch.rules.base import Hit, RuleContext, rule

NEXT_STEP_SOURCES = ("3C Selling, 'Focus on agreed next actions: who will do what by when' (3cselling.com)",
                     "Jeb Blount, 'Always Ask for the Next Step on Sales Calls' (jebblount.com)")  # fmt: skip
GONG_DECK = ("Gong, 'Navigating sales conversations from first call to closed deal' (1M+ meetings), "
             "slideshare.net/slideshow/navigating-sales-conversations-from-first-call-to-closed-deal/105791822")  # fmt: skip
OBJECTION_SOURCES = (
    "Gong, objection handling (67,149 recorded sales calls): after an objection top performers pause about five "
    "times longer and do not speed up into a defence; Gong's techniques start with pausing and asking "
    "(gong.io/blog/objection-handling-techniques; summarised at breakintotechsales.com/power-of-the-pause)",
    "Neil Rackham, SPIN Selling (1988): objections are handled by asking, not by answering at once",
)
# The opening every next-step example shares: a problem found and answered; what differs is how the call ends.
FRIDAYS = (
    "Ana: What slows your team down today?\n"
    "Ben: Manual reports every Friday.\n"
    "Ana: Our tool builds them for you, so your team gets Friday back.\n"
)
DOC_SCOPE = {"scope": "document"}


def _sentence_span(facts, index: int) -> Span:
    s = facts.doc.sentences[index]
    return Span(s.start, s.end)


def _turn_span(facts, pos: int) -> Span:
    unit = facts.doc.units[facts.turns[pos].unit]
    return Span(unit.start, unit.end)


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _worst_dump(d) -> tuple:
    """Tours before lists (minutes of it), then the longest tour or the longest list."""
    return (d.kind != "tour", -(d.stretch.seconds if d.kind == "tour" else d.count), d.stretch.first)


@rule(
    code="TLK006",
    name="feature-dump",
    category="talk",
    scope="document",
    fields=("count",),
    severity="warning",
    impact=2,
    summary="Features in a row, or minutes of walking a screen, with no question and no outcome for the buyer (the worst).",
    why=("A list of features makes the buyer do the work of finding their problem in it, and most will not. In a "
         "demo the same thing happens spoken: minutes of 'here you can add…, this is where…, we also have…' with "
         "no question to the buyer. Each feature lands when it is tied to what the buyer said ('so your auditors…') "
         "or followed by a question ('would that help with…?'). Several tours on one call are one habit, so "
         "they are one finding, on the longest, with the others listed."),  # fmt: skip
    message="{count} features in a row with no question or benefit",
    fix="Keep the one feature that answers their problem, say what it changes for them, then ask.",
    bad=[
        "Ana: Thanks for the time today.\n"
        "Ben: Sure, go ahead.\n"
        "Ana: [[We have single sign-on, audit logs and role-based access. It also supports webhooks.]] That covers "
        "the platform.\n"
        "Ben: Okay.\n",
        "[00:00:00] Ana: Thanks for joining, Ben.\n"
        "[00:00:04] Ben: Happy to.\n"
        "[00:00:06] Ana: [[Here you can see the pipeline with every deal in one list. You can filter it by region "
        "and sort it by stage. If I click a deal, it opens the property details. This is where you enter the "
        "purchase price and the loan terms. Over here you can upload the financial statements as PDFs. It will "
        "pull the numbers into the model for every month. We also have a market tab with the comparable sales. "
        "Then you can select the scenario and it will calculate the returns. You can export the whole model to a "
        "spreadsheet. And on the right you can see the key figures for the deal. Down here you can compare it with "
        "the last three deals in the same city. We also have a version history for every model. If you click the "
        "history tab, it shows who changed which number and when.]]\n"
        "[00:02:40] Ben: Okay.\n",
        # two lists on one call: one finding, on the longer, with the other listed
        "Ana: Thanks for the time today.\n"
        "Ben: Sure, go ahead.\n"
        "Ana: It has single sign-on, audit logs and role-based access.\n"
        "Ben: Okay, and what else is in the product for a team like ours?\n"
        "Ana: [[The platform includes dashboards, scheduled exports, alerts, webhooks and an API.]]\n"
        "Ben: Right, that is a lot of things to take in.\n",
    ],
    good=[
        "Ana: Thanks for the time today.\n"
        "Ben: Sure, go ahead.\n"
        "Ana: We have single sign-on, audit logs and role-based access, so your auditors get every change without "
        "asking your team. Would that help with the audit you mentioned?\n"
        "Ben: It would.\n",
        "[00:00:00] Ana: Thanks for joining, Ben. You said deals get lost between your analysts.\n"
        "[00:00:06] Ben: Yes, all the time.\n"
        "[00:00:10] Ana: Here you can see every deal in one list, so nobody asks where a deal stands. Is that how "
        "your team tracks them today?\n"
        "[00:00:30] Ben: Roughly, in a spreadsheet.\n",
    ],
    media=("call",),
    example_format="call",
    sources=["plainpitch's feature-without-benefit rule for copy (BEN), applied to what the seller says"],
)
def feature_dump(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    facts = facts_for(doc, ctx)
    if not facts.feature_dumps:
        return
    timed = facts.view.has_times
    worst, *rest = sorted(facts.feature_dumps, key=_worst_dump)
    rest.sort(key=lambda d: d.stretch.first)
    also = [{"time": round(facts.turns[d.stretch.first].start, 1), "clock": approx(facts.turns[d.stretch.first].start, timed),
             "kind": d.kind, "count": d.count, "seconds": round(d.stretch.seconds, 1),
             "length": approx(d.stretch.seconds, timed) if d.kind == "tour" else f"{d.count} features"}
            for d in rest]  # fmt: skip
    more = f" ({len(rest)} more: {', '.join(a['clock'] for a in also[:3])}{'…' if len(also) > 3 else ''})" if rest else ""
    start = facts.doc.sentences[worst.first_sentence].start
    end = facts.doc.sentences[worst.last_sentence].end
    data = {"features": list(worst.features[:20]), "kind": worst.kind, "also": also}
    if worst.kind == "tour":
        length = approx(worst.stretch.seconds, timed)
        message = f"{length} tour: {worst.count} things shown, no question to the buyer and no outcome for them{more}"
        yield Hit(Span(start, end), {"count": worst.count}, message=message, data={**data, "place": length})
    else:
        limit = facts.thresholds.get("monologue_max_s")
        inside = (f", in a {approx(worst.stretch.seconds, timed)} monologue"
                  if limit is not None and worst.stretch.seconds > limit else "")  # fmt: skip
        message = f"{worst.count} features in a row with no question or benefit{inside}{more}"
        yield Hit(Span(start, end), {"count": worst.count}, message=message, data=data)


def _judges_the_close(facts) -> bool:
    """TLK007 and TLK013 judge how a call ends: a call type that looks for a next step, both sides, four turns."""
    return facts.closing_from is not None and facts.two_sided and len(facts.turns) >= 4


@rule(
    code="TLK007",
    name="missing-next-step",
    category="talk",
    scope="document",
    fields=(),
    severity="error",
    impact=3,
    summary="The call ends without any next step: nobody said what happens after it.",
    why=("A call with no agreed next step is where deals stall: interest fades and follow-ups go unanswered. A "
         "real next step names what happens, who does it and when: a meeting on the calendar, a proposal by a "
         "date. 'Let's keep in touch' is not one. plainpitch looks for one in the last 30% of the call (or its "
         "last three turns), said by either side; a next step that was talked about but has no date ('we will be "
         "back around Labor Day') is TLK013's milder finding instead."),  # fmt: skip
    message="The call ends with no next step (action, owner and time)",
    fix="Before you hang up, agree who does what by when: 'I'll send the proposal Thursday; can we meet Friday at 10?'",
    bad=[
        FRIDAYS
        + "Ben: Sounds useful.\n"
        "Ana: [[Great talking to you, let's keep in touch.]]\n",
        FRIDAYS
        + "Ben: Sounds useful. Thanks for walking me through it.\n"
        "Ana: [[Thanks for your time, Ben. Have a great weekend.]]\n",
    ],
    good=[
        FRIDAYS
        + "Ben: Sounds useful.\n"
        "Ana: Great. I'll send you the proposal by Thursday, and let's meet Friday at 10 to go through it.\n",
        FRIDAYS
        + "Ben: Sounds useful. Let's find some time in early December with my analysts.\n",
        # a loose next step is not a missing one (TLK013 coaches it)
        FRIDAYS
        + "Ben: Sounds useful.\n"
        "Ana: Should I follow up with you in a couple of weeks or after the holidays?\n",
    ],
    media=("call",),
    example_format="call",
    sources=list(NEXT_STEP_SOURCES),
)
def missing_next_step(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    facts = facts_for(doc, ctx)
    turns = facts.turns
    if not _judges_the_close(facts) or facts.firm_steps() or facts.loose_steps:
        return
    # point at the end of the call: the seller's last turn when it is in the closing part, else the last turn
    last_seller = next((t for t in reversed(turns) if t.role == "seller"), None)
    if last_seller is not None and (last_seller.start >= facts.closing_from or last_seller.pos >= len(turns) - 3):
        pos = last_seller.pos
    else:
        pos = turns[-1].pos
    yield Hit(_turn_span(facts, pos), data=DOC_SCOPE)


@rule(
    code="TLK013",
    name="loose-next-step",
    category="talk",
    scope="document",
    fields=("detail", "kind"),
    severity="warning",
    impact=2,
    summary="The call ends with a next step that has no date or no owner ('we will be back around Labor Day').",
    why=("A next step without a date is a hope: 'around Labor Day' or 'in a couple of weeks' slips, and by then the "
         "buyer has moved on. Agreeing the date and who sends the invite while both sides are still on the call "
         "turns it into a meeting on the calendar (3C Selling: who will do what by when). It is a loose next step "
         "when the call's close (its last 30% or last three turns) talks about what happens next — a follow-up, "
         "regrouping, sending or sharing something, the next call — with no time, a vague time ('around…', 'in a "
         "couple of weeks', 'soon', 'when he is back') or nobody to do it, and has no firm next step. The finding "
         "points at the last of them; 'let's keep in touch' is no next step at all (TLK007)."),  # fmt: skip
    message="The next step has no {kind}: “{detail}”",
    fix="Turn it into a date before you hang up: offer two times and send the invite while they are on the line.",
    bad=[
        FRIDAYS
        + "Ben: Sounds useful.\n"
        "Ana: [[Should I follow up with you in a couple of weeks or after the holidays?]]\n",
        "Ben: Hi Ana. Carlos just texted me, he says start without me.\n"
        "Ana: No problem. Our tool builds the board pack for you, so your team gets the first week of the month back.\n"
        "Ben: That is useful. I'll share the recording with Carlos. He is away for a week.\n"
        "Ana: [[Great, we will be back in touch around Labor Day.]]\n"
        "Ben: Sounds good.\n",
    ],
    good=[
        FRIDAYS
        + "Ben: Sounds useful. I'll share the recording with Carlos.\n"
        "Ana: Great. Can we meet with Carlos on Tuesday the 9th at 10 to go through it?\n",
    ],
    media=("call",),
    example_format="call",
    sources=list(NEXT_STEP_SOURCES),
)
def loose_next_step(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    facts = facts_for(doc, ctx)
    if not _judges_the_close(facts) or facts.firm_steps() or not facts.loose_steps:
        return
    last = facts.loose_steps[-1]
    text = facts.doc.sentences[last.sentence].text
    lacks = "owner" if last.step.lacks == "owner" else "date"
    # the decider who missed the call belongs in the meeting being dated
    deciders = [a.name for a in facts.absent]
    fix = None
    if deciders:
        fix = (f"Turn it into a date before you hang up, with {' and '.join(deciders)} in it: offer two times "
               "and send the invite while they are on the line.")  # fmt: skip
    yield Hit(_sentence_span(facts, last.sentence), {"kind": lacks, "detail": _quote(text, 90)}, fix=fix,
              data={**DOC_SCOPE, "lacks": lacks, "when": last.step.time,
                    "steps": [facts.doc.sentences[lf.sentence].text for lf in facts.loose_steps]})  # fmt: skip


@rule(
    code="TLK008",
    name="price-before-value",
    category="talk",
    scope="document",
    fields=(),
    severity="warning",
    impact=2,
    summary="The seller brings up their price before saying what the product is worth to this buyer.",
    why=("A price heard before any value is just a cost; the same price after the buyer has agreed what the "
         "problem costs them is an investment. Gong's research advises establishing value before introducing "
         "pricing. Only the seller's own price counts (a plan, a fee, per seat), not the money the buyer's "
         "business deals in; answering a buyer who asked about price is fine; closing calls are exempt."),  # fmt: skip
    message="Price came up before any value: tie it to an outcome first",
    fix="First say what changes for them (time, money, risk); then the price, compared with that.",
    bad=[
        "Ana: Thanks for joining. [[Our plan is $40 per seat a month.]]\n"
        "Ben: Okay. What does it do?\n"
        "Ana: It builds your reports for you.\n"
        "Ben: I see.\n"
    ],
    good=[
        "Ana: Thanks for joining. Our reports save your team a day every week.\n"
        "Ben: That would help.\n"
        "Ana: The plan is $40 per seat a month.\n"
        "Ben: I see.\n",
        "Ana: Thanks for joining. You can put the closing costs in as a percentage of the $2 million price.\n"
        "Ben: Okay.\n"
        "Ana: Then it calculates the returns for you.\n"
        "Ben: I see.\n",
    ],
    media=("call",),
    example_format="call",
    sources=[GONG_DECK],
)
def price_before_value(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    facts = facts_for(doc, ctx)
    if not facts.thresholds.get("price_before_value") or facts.early_price is None or not facts.two_sided:
        return
    yield Hit(_sentence_span(facts, facts.early_price.sentence), data=DOC_SCOPE)


@rule(
    code="TLK009",
    name="buyer-asked-what-term-means",
    category="talk",
    scope="document",
    fields=("term",),
    severity="warning",
    impact=2,
    summary="The buyer had to ask what a term the seller used means ('sorry, what's CDC?', 'what is avm stand for?').",
    why=("Every buyer who asks what a word means stands for several who did not ask and stopped following. "
         "The term is flagged where the seller said it, so the explanation can move into the first mention. "
         "Speech-to-text writes the question in many ways ('what is avm stand for', 'what's a CDC?', 'what do "
         "you mean by CDC'): they all count."),  # fmt: skip
    message="The buyer asked what '{term}' means: explain it as you say it",
    fix="Say what the term means in plain words the first time you use it, before the buyer has to ask.",
    bad=[
        "Ana: We stream changes with [[CDC]] into your warehouse.\n"
        "Ben: Sorry, what does CDC mean?\n"
        "Ana: Change data capture: every change in your database shows up in your reports within a minute.\n"
        "Ben: Got it.\n",
        "Ana: There was no [[AVM]] built for hotels, so we built one.\n"
        "Ben: Forgive me. What is avm stand for?\n"
        "Ana: Automated valuation model.\n"
        "Ben: Got it.\n",
    ],
    good=[
        "Ana: Every change in your database shows up in your reports within a minute.\n"
        "Ben: How does that work?\n"
        "Ana: We copy each change as it happens, which engineers call change data capture.\n"
        "Ben: Got it.\n"
    ],
    media=("call",),
    example_format="call",
    sources=["plainpitch's unexplained-jargon rules for copy (JRG), confirmed here by the buyer's own question"],
)
def buyer_asked_what_term_means(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    facts = facts_for(doc, ctx)
    for a in facts.term_asks:
        said = facts.doc.text[a.start : a.end]  # as the seller said it ("AVM"), not as the question spelt it
        yield Hit(Span(a.start, a.end), {"term": said}, data={"question": a.question, "term": said},
                  fix=f"Say what '{said}' means in plain words the first time you use it, before the buyer has to ask.")


@rule(
    code="TLK010",
    name="objection-answered-with-a-pitch",
    category="talk",
    scope="document",
    fields=("detail", "kind", "words"),
    severity="warning",
    impact=2,
    summary="The buyer objected (price, 'we live in Excel', a competitor) and the seller answered with a pitch, not a question.",
    why=("An objection is the buyer telling you what stands between them and yes. Answered at once with a pitch, "
         "it goes underground: the buyer stops arguing and stops buying. Asking first ('what makes Excel work for "
         "your team today?') finds the real concern and often answers it in the buyer's own words."),  # fmt: skip
    message="The buyer objected ({kind}: '{words}') and you answered with {detail} and no question",
    fix="Ask about the objection before you answer it: 'What makes Excel work for you today?', 'Compared with what?'",
    bad=[
        "Ana: Thanks for the time, Ben. What does your team use for the monthly forecast today?\n"
        "Ben: Honestly, we live in Excel and the team likes it that way.\n"
        "Ana: [[Excel is where errors hide.]] Our platform replaces the spreadsheets with one model that everyone "
        "edits at once, tracks every change, checks every formula and rolls up every region overnight, so the "
        "board pack builds itself on the first working day.\n"
        "Ben: Okay.\n"
    ],
    good=[
        "Ana: Thanks for the time, Ben. What does your team use for the monthly forecast today?\n"
        "Ben: Honestly, we live in Excel and the team likes it that way.\n"
        "Ana: That makes sense. What does Excel do best for your team today?\n"
        "Ben: Everyone knows it, and we can change a model in minutes.\n"
    ],
    media=("call",),
    example_format="call",
    sources=list(OBJECTION_SOURCES),
)
def objection_answered_with_a_pitch(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    facts = facts_for(doc, ctx)
    if not facts.two_sided:
        return
    for o in facts.objections:
        if not o.pitched:
            continue
        t = facts.turns[o.reply]
        # the answer's first sentence that says something ("Yeah." is not the answer)
        first = next((i for i in range(t.first_sentence, t.end_sentence) if facts.doc.sentences[i].word_count > 3),
                     t.first_sentence if t.end_sentence > t.first_sentence else None)  # fmt: skip
        span = _sentence_span(facts, first) if first is not None else _turn_span(facts, o.reply)
        yield Hit(span, {"kind": o.kind, "words": _quote(o.words, 40), "detail": f"{o.reply_words} words"},
                  data={"kind": o.kind, "objection": facts.doc.sentences[o.sentence].text,
                        "group_message": "Objections answered with a pitch instead of a question"})  # fmt: skip


@rule(
    code="TLK011",
    name="buying-signal-without-next-step",
    category="talk",
    scope="document",
    fields=("words",),
    severity="warning",
    impact=3,
    summary="The buyer showed interest ('we are definitely interested', 'how soon could we start?') and no next step followed.",
    why=("A buying signal is the moment to ask: the buyer has just said the problem is worth solving. Sellers who "
         "keep presenting past it let the interest cool; a concrete ask (a pilot, a meeting with the team, a "
         "proposal by a date) turns it into a step in the deal. A seller's ask or a next step anywhere after the "
         "signal answers it, and so does a loose next step where the call closes ('I'll share the recording with "
         "my team'): that one has no date, which TLK013 coaches."),  # fmt: skip
    message="The buyer said '{words}' and no next step was asked for after it",
    fix="Answer the signal with an ask: 'Shall we set up a pilot with your analysts next week?'",
    bad=[
        "Ana: The model updates every time a statement is uploaded.\n"
        "Ben: [[That is exactly what we need.]]\n"
        "Ana: Great. It also exports to Excel.\n"
        "Ben: Nice.\n"
    ],
    good=[
        "Ana: The model updates every time a statement is uploaded.\n"
        "Ben: That is exactly what we need.\n"
        "Ana: Great. Shall we set up a pilot with your analysts next Tuesday?\n"
        "Ben: Yes, let's do that.\n",
        "Ana: The model updates every time a statement is uploaded.\n"
        "Ben: That is exactly what we need.\n"
        "Ana: Great. It also exports to Excel.\n"
        "Ben: Nice. I'll share the recording with my team and we could regroup after that.\n",
    ],
    media=("call",),
    example_format="call",
    sources=list(NEXT_STEP_SOURCES),
)
def buying_signal_without_next_step(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    facts = facts_for(doc, ctx)
    if not facts.two_sided:
        return
    for s in facts.buying_signals:
        if not s.followed:
            yield Hit(_sentence_span(facts, s.sentence), {"words": _quote(s.words, 50)},
                      data={"signal": s.words, "group_message": "Buying signals with no ask after them"})  # fmt: skip


@rule(
    code="TLK012",
    name="decider-not-on-the-call",
    category="talk",
    scope="document",
    fields=("what",),
    severity="warning",
    impact=2,
    summary="Someone who decides was named but not on the call ('Carlos says start without me'), and no next step "
            "brings them in.",
    why=("Deals are decided by people, and the one who decides was not there to hear it. A recording or a "
         "second-hand summary rarely sells; a next step with the decider in it (a short call, the recording "
         "sent with a question for them) keeps the deal from stalling at the person who missed it. Any later "
         "next step or ask that names them answers it, firm or loose ('I'll share the recording with Carlos', "
         "'let's regroup when he is back'); when the call says they are away, the advice does not ask for a "
         "meeting that cannot happen."),  # fmt: skip
    message="{what}, and no next step brings them in",
    fix="Agree how the decider gets involved: 'Can we find 20 minutes with Carlos next week?'",
    bad=[
        "Ben: Hi Ana. [[Carlos]] just texted me, he says start without me.\n"
        "Ana: No problem. Let me show you the pipeline and the model.\n"
        "Ben: Sure.\n"
        "Ana: That covers it. Thanks for your time.\n"
    ],
    good=[
        "Ben: Hi Ana. Carlos just texted me, he says start without me.\n"
        "Ana: No problem. Let me show you the pipeline and the model.\n"
        "Ben: Sure.\n"
        "Ana: Can we find twenty minutes with Carlos next Tuesday to go through it?\n",
        "Ben: Hi Ana. Carlos just texted me, he says start without me.\n"
        "Ana: No problem. Let me show you the pipeline and the model.\n"
        "Ben: Thanks. Carlos is gonna be out for a week, so I'll share the recording with Carlos.\n"
        "Ana: Great, then let's regroup when he is back.\n",
    ],
    media=("call",),
    example_format="call",
    sources=[*NEXT_STEP_SOURCES, "Gong Labs on multi-threaded deals (more people from the buyer's side involved go with "
             "higher win rates), as summarised at getgangly.com/blog/how-to-win-sales-calls"],
)
def decider_not_on_the_call(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    facts = facts_for(doc, ctx)
    if not facts.two_sided:
        return
    for a in facts.absent:
        if a.included:
            continue
        sentence = facts.doc.sentences[a.sentence]
        m = re.search(rf"\b{re.escape(a.name)}\b", sentence.text)
        span = Span(sentence.start + m.start(), sentence.start + m.end()) if m else Span(sentence.start, sentence.end)
        why = "was expected but did not join" if a.why == "expected" else "decides but was not on the call"
        fix = None
        if a.away:  # no "20 minutes next week" with someone the call says is away
            fix = (f"{a.name} is away: agree how they get involved when they are back — send them the recording "
                   "with one question for them, and hold a date for their return.")  # fmt: skip
        yield Hit(span, {"what": f"{a.name} {why}"}, data={"name": a.name, "why": a.why, "away": a.away}, fix=fix)
