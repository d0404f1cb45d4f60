"""Question detection on call sentences: is a clause a question, is it open or closed, and is it discovery?

A '?' is not enough: speech-to-text often drops it, and many '?' are not questions about the buyer ("right?",
"you know?", "how are you?", "did you know that...?"). So a clause is a question when it starts like one (a
wh-word followed by a verb, an auxiliary inverted before its subject, or an inquiry such as "tell me about") or
ends with '?'; its *purpose* then says whether it is discovery (a question about the other person's situation)
or a greeting, a rhetorical question, a tag or a check ("does that make sense?"). Asks ("would you like to
sign?") are questions too, but they are classified by ``asks``; ``is_discovery`` leaves them out.

Everything works on one sentence string at a time with precompiled patterns: linear in the transcript.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainpitch.call.speech import lacks, normalise, unstutter
from plainpitch.text import lazy_re

OPEN = "open"
CLOSED = "closed"

DISCOVERY = "discovery"
GREETING = "greeting"
RHETORICAL = "rhetorical"
CHECK = "check"  # "does that make sense?", "any questions before I go on?", offers: "shall I send it over?"
ADMIN = "admin"  # the call itself: "can you see my screen?", "is Vinod joining?", "do you mind if I record?"
NARRATION = "narration"  # the speaker asking themselves, showing a screen: "what is my equity? what am I putting in?"
REPORTED = "reported"  # a question someone else asked: "and he asked me, can you do that?"
SMALL_TALK = "small_talk"  # rapport, not the buyer's situation: "where are you from?", "any plans for the weekend?"

_AUX = (
    r"do|does|did|are|is|was|were|have|has|had|can|could|would|will|should|shall|may|might|must|"
    r"won't|wouldn't|don't|doesn't|didn't|aren't|isn't|wasn't|weren't|haven't|hasn't|can't|couldn't|shouldn't"
)
_SUBJ = (
    r"you|your|u|ya|y'all|we|i|they|he|she|it|there|that|this|these|those|anyone|anybody|someone|somebody|"
    r"anything|everyone|everybody|the|any|my|our|their|his|her|its|one|people|folks|team|company"
)
_WH = r"what|how|why|where|when|which|who|whom|whose"

# Words and fillers that may open a clause before the question proper ("so, what...", "ok and how...").
_LEAD = lazy_re.compile(  # used with .match(text, pos): no '^', which would only match at 0
    r"(?:(?:and|so|but|or|ok|okay|well|oh|hi|hello|hey|great|also|then|now|alright|all right|right|yes|yeah|"
    r"yep|no|sure|cool|awesome|perfect|nice|wow|thanks|thank you|um+|uh+|er|hmm+|just|actually|anyway|"
    r"out of curiosity|curious|quick question|by the way|btw|first|second|next|finally|lastly|to be clear|"
    r"gotcha|got it|i see|interesting|totally|absolutely|understood|fair enough|makes sense|good\s+(?:morning|afternoon|evening|day))\b[\s,.!:;-]*)+"
)

_AUX_Q = lazy_re.compile(rf"^(?:{_AUX})\s+(?:{_SUBJ})\b")
_WH_Q = lazy_re.compile(
    rf"^(?:{_WH})(?:'s|'re|'d|'ll|\s+(?:{_AUX}|about|else|exactly|kind|sort|type|types|made|makes|brought|got|"
    rf"led|happens|happened|comes|came|matters|worries|keeps|drives|stops|prevents|would|much|many|long|often|soon|"
    rf"far|big|large|old)\b)"
)
# "which charity have you...", "how many people are on the team": wh + up to three words + aux + subject.
_WH_NOUN_Q = lazy_re.compile(rf"^(?:{_WH})(?:\s+[\w'-]+){{1,3}}\s+(?:{_AUX})\s+(?:{_SUBJ})\b")
_INQUIRY = lazy_re.compile(
    r"^(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:tell\s+(?:me|us)?\s*(?:a\s+(?:bit|little)\s+)?(?:about|more|how|what|why|"
    r"where|when|who|which|if|whether)|walk\s+(?:me|us)\s+through|talk\s+(?:me|us)\s+through|help\s+(?:me|us)\s+understand|"
    r"talk\s+to\s+(?:me|us)\s+about|describe|explain\s+(?:how|what|why)|give\s+(?:me|us)\s+a\s+sense|"
    r"fill\s+(?:me|us)\s+in|let\s+(?:me|us)\s+know\s+(?:if|what|how|when|whether|why)|share\s+(?:with\s+(?:me|us)|a\s+bit|more|how|what|why)|"
    r"i'?m\s+curious|i\s+am\s+curious|i'?d\s+love\s+to\s+(?:know|hear|learn|understand)|"
    r"i\s+(?:would|'d)\s+like\s+to\s+(?:know|hear|understand|learn)\s+(?:about|more|what|how|why|if|whether|who|where)|"
    r"i\s+(?:was\s+|am\s+|'m\s+)?wonder(?:ing)?\s+(?:if|whether|what|how|why|who|where|when)|"
    r"i\s+want\s+to\s+(?:know|understand|hear)\s+(?:about|more|what|how|why|if|whether)|(?:can|may|could)\s+i\s+ask)\b"
)

_GREETING = lazy_re.compile(
    r"^(?:(?:h\w{0,3}\s+(?:are|r|ware)\s+(?:you|u|ya)(?:\s+(?:doing|doin|feeling|keeping|holding\s+up))?|"
    r"how\s+(?:is|was|'s)\s+(?:your|ur)\s+(?:day|morning|afternoon|evening|night|week|weekend)(?:\s+going)?|"
    r"how'?s\s+(?:it|everything|things|life)(?:\s+going)?|how\s+(?:have|has)\s+(?:you|u)\s+been|how\s+are\s+things|"
    r"what'?s\s+up|how\s+about\s+(?:you|yourself|u)|(?:and\s+)?(?:you|yourself|u)|hello|hi|hey|are\s+you\s+there|"
    r"anyone\s+there|can\s+you\s+hear\s+me)"
    r"(?:\s+(?:today|tonight|this\s+(?:\w+\s+)?(?:morning|afternoon|evening|day|week)|so\s+far|then|there|guys|all|"
    r"this\s+day|on\s+this\s+\w+\s+\w+))*\s*$)"
)
_RHETORICAL = lazy_re.compile(
    r"^(?:(?:did|do)\s+(?:you|u)\s+know\s+(?:that|in|about\s+the\s+\d|how\s+many|the\s+\d|\d)|(?:did|do)\s+you\s+know\s+"
    r"(?:\w+\s+){0,3}(?:percent|million|billion|thousand|\d)|can\s+you\s+imagine|could\s+you\s+imagine|"
    r"(?:don't|dont|do\s+not)\s+you\s+(?:think|agree|want|feel|love)|wouldn't\s+you\s+(?:agree|say|think|want|like)|"
    r"isn't\s+(?:it|that|this)|aren't\s+(?:they|you|we)|have\s+you\s+no|who\s+(?:doesn't|wouldn't|can't|couldn't)|"
    r"what\s+if|think\s+about|imagine|are\s+you\s+(?:sure|certain|kidding)|right|you\s+know|you\s+see|see|ok|okay|"
    r"agreed|yes|no|huh|eh|true|correct|sound\s+(?:good|fair|ok|okay|great|right)|sounds\s+(?:good|fair|ok|okay|great|right)|"
    r"(?:don't|doesn't|won't|wouldn't|isn't|aren't|can't|couldn't)\s+(?:you|it|they|we|he|she)|interested|"
    r"how\s+(?:great|cool|awesome|amazing|sad|crazy|bad|good)\s+(?:is|was|would)|who\s+knows|why\s+not\s*$)\s*$"
    r"|^(?:(?:did|do)\s+(?:you|u)\s+know\s+that|did\s+(?:you|u)\s+know\s+(?!about|of\b|if\b|whether|any|what|who|how\s+to)|can\s+you\s+imagine|have\s+you\s+no|are\s+you\s+(?:sure|certain)|"
    r"(?:don't|dont|doesn't|wouldn't|isn't|aren't|can't|couldn't|won't|shouldn't|haven't)\s+(?:you|u|it|that|this|they|we)|"
    r"how\s+(?:bout|about)\s+(?:it|that)\s*$|what\s+if)\b"
)
_CHECK = lazy_re.compile(
    r"^(?:(?:do|does|did)\s+(?:you|anyone|anybody|everyone|y'all|you\s+guys|you\s+all)\s+have\s+(?:any\s+)?(?:other\s+|more\s+|further\s+)?"
    r"(?:questions?|comments?|thoughts?|concerns?)(?:\s+(?:or|and)\s+(?:questions?|comments?|thoughts?|concerns?))?"
    r"(?:\s+(?:so\s+far|for\s+me|on\s+that|about\s+that|before|at\s+this\s+point|right\s+now)\b.*)?\s*$|"
    r"(?:any|other|more)\s+(?:questions?|comments?|thoughts?)\b|questions?\s*(?:so\s+far)?\s*$|"
    r"(?:does|did|do|would|will)\s+(?:that|this|it|these)\s+(?:make\s+sense|sound|work|help|answer|cover|look)|"
    r"makes?\s+sense|(?:can|could)\s+(?:you|everyone|everybody)\s+(?:hear|see)\s+(?:me|my|the|this|that|it)|"
    r"are\s+you\s+(?:with\s+me|following|still\s+there)|is\s+(?:that|this|it)\s+(?:clear|ok|okay|right|correct|fine|good)|"
    r"(?:you|u)\s+still\s+there|did\s+(?:that|this|i)\s+(?:answer|make|cover|help)|(?:do|would)\s+you\s+agree|"
    r"is\s+(?:it|that|this)\s+(?:still\s+)?(?:ok|okay|alright|fine)|"
    # confirmations of what was just agreed: "so you'd like the annual plan?", "just to be sure..."
    r"(?:you(?:'d|\s+would)\s+(?:like|love|want)|you\s+(?:want|think|mean|said)|i\s+can\s+(?:count|rely)|"
    r"can\s+i\s+rely|you\s+can\s+confirm|just\s+to\s+(?:be\s+sure|confirm|clarify|recap|be\s+clear)|"
    r"to\s+(?:confirm|clarify|recap)|you\s+are\s+(?:willing|donating|going|sure)|are\s+you\s+(?:still\s+)?"
    r"(?:comfortable|ok|okay|fine|happy)\b))"
)
_SECOND_PERSON = lazy_re.compile(r"\b(?:you|your|yours|yourself|yourselves|u|ur|ya|y'all|you're|you've|you'd|you'll)\b")
_EXISTENTIAL = lazy_re.compile(r"^(?:is|are|was|were)\s+there\b")
_SHORT_FACT_WH = lazy_re.compile(r"^(?:how\s+(?:much|many|long|often|soon|far|big|old)|when|where|which|who|whom|whose)\b")
_ANY_WH = lazy_re.compile(rf"^(?:{_WH})\b")
# The seller offering to do something ("can I send you...?", "shall we...?") is a proposal, not discovery.
_OFFER = lazy_re.compile(r"^(?:can|could|may|shall|should)\s+(?:i|we)\s+(?!ask\b)")
# The call itself: who is on it, the screen, the recording, the sound.
_ADMIN = lazy_re.compile(
    r"^(?:(?:can|could)\s+(?:you|everyone|everybody|y'all)\s+(?:still\s+)?(?:hear|see)\b|"
    r"(?:do|would)\s+you\s+mind\s+if\s+(?:i|we)\s+(?:record|share|start|jump|grab|turn)|"
    r"(?:is|are)\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:joining|coming|on\s+the\s+(?:call|line)|here|there)\b|"
    r"(?:is|was)\s+(?:it|this)\s+(?:just\s+)?(?:you|the\s+two\s+of\s+us)\b|is\s+this\s+[a-z]+\s*$|"
    r"who\s+else\s+(?:is|will\s+be)\s+(?:joining|coming|on)|are\s+we\s+(?:still\s+)?waiting|"
    r"am\s+i\s+(?:on\s+mute|muted|sharing|coming\s+through)|(?:is|are)\s+(?:my|the)\s+(?:screen|audio|sound|mic|video)|"
    r"(?:are|were)\s+you\s+(?:in|at)\s+(?!charge\b|the\b|a\b|an\b|touch\b|favou?r\b|any\b)[a-z]+(?:\s+(?:today|now|right\s+now|this\s+week))?\s*$|"
    r"(?:did|do|can)\s+(?:i|we)\s+lose\s+you|"
    r"(?:should|shall|can|may)\s+i\s+(?:share|stop\s+sharing|record|pull\s+up|bring\s+up))"
)
# A tag at the end ("..., you know?", "..., right?") makes a statement sound like a question without asking one.
_TAG_END = lazy_re.compile(r"(?:,?\s+(?:you\s+know|you\s+see|right|yeah|okay|ok|correct|huh|no|isn't\s+it|don't\s+you\s+think))+\s*$")
_SMALL_TALK = lazy_re.compile(
    r"\b(?:weather|weekend|holidays?|vacation|sunny|raining|snowing|the\s+game|time\s+is\s+it\s+there)\b|"
    r"^(?:where|which\s+(?:city|state|country|part))\s+(?:are|were)\s+you\s+(?:from|based|located|calling\s+from|at\s+today)\b|"
    r"^(?:do|did)\s+you\s+live\s+in\b|^(?:are|were)\s+you\s+(?:planning|doing)\s+anything\s+(?:fun|exciting|special|nice)\b|"
    r"^(?:any|got\s+any)\s+(?:fun\s+|big\s+)?plans\b"
)
_FIRST_PERSON = lazy_re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|mine|we|we're|we've|we'd|we'll|us|our|ours)\b")
# A question reported rather than asked: "he asked me, can you...", "people always say, why would I...".
_REPORTING = lazy_re.compile(
    r"\b(?:asked|asks|ask|said|says|say|goes|went|wondered|wonders|was\s+like|were\s+like|is\s+like|are\s+like|"
    r"told\s+(?:me|us|them|him|her))\s*(?:me|us|him|her|them)?\s*[,:]?\s*[\"“']?\s*$"
)
_REPORTER = lazy_re.compile(r"\b(?:he|she|they|people|someone|somebody|everyone|everybody|customers?|clients?|users?|"
                       r"buyers?|brokers?|investors?|folks|my\s+\w+|his\s+\w+|her\s+\w+|their\s+\w+|you)\b")
# After a speech-to-text split a relative clause starts a sentence: "Which was their first foray into..."
_RELATIVE_START = lazy_re.compile(r"^(?:which|who|whom|whose|where|when)\s+(?:was|were|is|are|has|had|have|would|will|makes?|made|means?|meant|gives?|lets?)\b")

# A clause without '?' is a question only when it opens with one of these words: the first word of every string
# _INQUIRY, _WH_Q, _WH_NOUN_Q and _AUX_Q match (proved in tests/test_call_gates.py). Other clauses are skipped before
# any work on them.
_OPENERS = frozenset(
    "are aren can could couldn describe did didn do does doesn don explain fill give had has hasn have haven help how "
    "i id im is isn let may might must please shall share should shouldn talk tell walk was wasn were weren what when "
    "where which who whom whose why will won would wouldn".split()
)
_FIRST_RUN = lazy_re.compile(r"\w+")

# Clause boundaries inside a sentence: punctuation, and a spoken "and"/"so"/"but" before a question word.
_CLAUSE_SPLIT = lazy_re.compile(r"[,;:!?.…]+|\s[-–—]+\s|\s(?=(?:and|so|but|or)\s+(?:" + _WH + r"|" + _AUX + r")\s)")


@dataclass(frozen=True, slots=True)
class Question:
    """One question clause: offsets into the sentence string it came from."""

    start: int
    end: int
    form: str  # open | closed
    purpose: str  # discovery | greeting | rhetorical | check
    text: str


def clauses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, terminator) of each clause of a sentence; terminator is the punctuation that closed it."""
    out = []
    pos = 0
    for m in _CLAUSE_SPLIT.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start(), m.group(0).strip()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text), ""))
    return out


def _strip_lead(low: str, start: int, end: int) -> int:
    while start < end and low[start].isspace():
        start += 1
    m = _LEAD.match(low, start, end)
    if m and m.end() > start:
        start = m.end()
    while start < end and not low[start].isalnum():
        start += 1
    return start


def question_form(clause: str, ends_with_q: bool) -> str | None:
    """'open', 'closed' or None (not a question) for one normalised clause with its lead words removed."""
    if not clause:
        return None
    if _INQUIRY.match(clause):
        return OPEN
    if _WH_Q.match(clause) or _WH_NOUN_Q.match(clause) or (ends_with_q and re.match(rf"^(?:{_WH})\b", clause)):
        return CLOSED if _SHORT_FACT_WH.match(clause) else OPEN
    if _AUX_Q.match(clause):
        return CLOSED
    if ends_with_q and len(clause.split()) <= 12:
        return CLOSED  # a declarative question: "you ever tried one of these?" (long ones are statements + '?')
    return None


def purpose_of(clause: str) -> str:
    if _GREETING.match(clause):
        return GREETING
    if _ADMIN.match(clause):
        return ADMIN
    if _CHECK.match(clause) or _OFFER.match(clause):
        return CHECK
    if _RHETORICAL.match(clause):
        return RHETORICAL
    if _SMALL_TALK.search(clause):
        return SMALL_TALK
    second = _SECOND_PERSON.search(clause) is not None
    if not second and _FIRST_PERSON.search(clause) and not _INQUIRY.match(clause):
        return NARRATION  # about the speaker, not the listener: "what am I putting in?", "where do we start?"
    if second or _EXISTENTIAL.match(clause) or _INQUIRY.match(clause) or _ANY_WH.match(clause):
        return DISCOVERY
    return RHETORICAL  # a question about nobody in particular ("is it worth it?"): not discovery


def _reported(low: str, start: int) -> bool:
    """The clause at ``start`` quotes someone else's question: a reporting verb ends the text before it."""
    before = low[max(0, start - 60) : start]
    m = _REPORTING.search(before)
    return m is not None and _REPORTER.search(before[: m.start()] + " ") is not None


_SENTENCE_STOPS = frozenset(".!?…")  # a clause closed by one of these ends a sentence, not at a comma


def find_questions(sentence: str) -> list[Question]:
    """Every question clause in one sentence, with its form and purpose."""
    if "?" not in sentence and "_" not in sentence and lacks(sentence, _OPENERS):
        # no clause can end with '?' or open with an opener: a clause opens at a whole word of the sentence (after a
        # split mark, a lead word's \b or characters that are not alphanumeric; '_' is the one word character that
        # is not, hence its test)
        return []
    low = normalise(sentence)
    found = []
    prev_term = "."
    for start, end, term in clauses(low):
        after_comma = bool(prev_term) and _SENTENCE_STOPS.isdisjoint(prev_term)
        prev_term = term
        s = _strip_lead(low, start, end)
        if s >= end:
            continue
        ends_q = "?" in term
        if not ends_q:  # (unstutter keeps a clause's first word: the run it drops is the same words again)
            first = _FIRST_RUN.match(low, s, end)
            if first is None or first.group() not in _OPENERS:
                continue
        clause = unstutter(low[s:end].strip())
        # after a comma a wh-word is usually relative ("..., who was cut off"): a question only with its '?'
        if after_comma and start > 0 and not ends_q and _ANY_WH.match(clause) and not _INQUIRY.match(clause):
            continue
        # a relative clause cut off by a speech-to-text split ("Which was their first foray...") asks nothing
        if not ends_q and _RELATIVE_START.match(clause) and s == _strip_lead(low, 0, len(low)) and not _SECOND_PERSON.search(clause):
            continue
        # after a comma, with no '?', only a question to the listener counts ("..., is there a lot of activity" lists)
        if after_comma and start > 0 and not ends_q and not _SECOND_PERSON.search(clause):
            continue
        if ends_q and _TAG_END.search(clause):
            untagged = _TAG_END.sub("", clause)
            if not untagged or question_form(untagged, False) is None:
                continue  # "could be a you know?": a statement with a tag, not a question
        form = question_form(clause, ends_q)
        if form is None:
            continue
        purpose = REPORTED if _reported(low, start) else purpose_of(clause)
        found.append(Question(s, end, form, purpose, sentence[s:end]))
    return found
