"""Long stretches of one side: seller monologues, buyer stories, and feature dumps.

A *stretch* is one side speaking with the other side only making short interjections: for a seller monologue, a
buyer "mm-hmm" (3 s or less, 5 words or fewer, not a question) does not end it; for a buyer story, a seller's
short interjection or clarifying question (5 s or less, 12 words or fewer) does not end it — Gong counts a
customer story "including short interruptions such as clarifying questions".

A *feature dump* is a seller stretch that lists three or more features with no question to the buyer and no
benefit ("so you...", "which means...", "saves..."): the buyer hears a catalogue, not their problem solved.

A *feature tour* is the spoken form of it in a demo: a monologue over the time limit in which the seller walks
the screen ("here you can add a property", "this is where we start", "we'll also have versioning") sentence after
sentence, asks the buyer nothing and rarely says what it changes for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainpitch.call.speech import lacks
from plainpitch.call.turns import CallTurn
from plainpitch.text import lazy_re

MONOLOGUE_BACKCHANNEL = (3.0, 5)  # seconds, words
STORY_INTERJECTION = (5.0, 12)
MAX_SILENCE = 5.0  # seconds: a longer gap between turns ends a stretch (silence is nobody's monologue)


# One run of separators between the words, not one either side of each word, and "mhm+" left to "m+-?h+m+" (which
# matches it): the same texts, but a long turn that opens with a few backchannels ("Yeah, true. Yeah, yeah. Okay,
# yeah...") no longer tries every way of splitting its separators (tens of milliseconds each, before failing).
_BACKCHANNEL = lazy_re.compile(
    r"^\W*(?:(?:m+-?h+m+|uh-?huh|yeah|yep|yup|yes|right|okay|ok|k|sure|got\s+it|i\s+see|cool|great|wow|"
    r"interesting|exactly|true|nice|absolutely|totally|for\s+sure|perfect|gotcha|sounds\s+good|makes\s+sense|please)\W*)+$",
    re.IGNORECASE,
)


def is_backchannel(text: str) -> bool:
    """'Mhmm.', 'Yeah. Yep.', 'Got it': the listener keeps listening, the speaker keeps the floor."""
    return bool(_BACKCHANNEL.match(text.strip()))


@dataclass(frozen=True, slots=True)
class Stretch:
    role: str
    first: int  # position of the first turn of the stretch (CallTurn.pos)
    last: int  # position of the last turn of the stretch by the same side
    start: float
    end: float
    words: int  # words spoken by the stretch's side

    @property
    def seconds(self) -> float:
        return max(0.0, self.end - self.start)


def stretches(turns: list[CallTurn], role: str, asks_question: list[bool], limits: tuple[float, int],
              questions_break: bool) -> list[Stretch]:  # fmt: skip
    """Every stretch of ``role`` (see the module doc); asks_question[pos] says whether a turn holds a question."""
    out: list[Stretch] = []
    max_s, max_words = limits
    first = last = None
    words = 0
    prev_end = None
    for t in turns:
        if first is not None and prev_end is not None and t.timed and t.start - prev_end > MAX_SILENCE:
            out.append(Stretch(role, first, last, turns[first].start, turns[last].end, words))
            first = last = None
        prev_end = t.end
        if t.role == role:
            if first is None:
                first, words = t.pos, 0
            last = t.pos
            words += t.words
            continue
        if first is None:
            continue
        short = t.words <= max_words and (not t.timed or t.seconds <= max_s)
        if short and not (questions_break and asks_question[t.pos]):
            continue  # an interjection: the stretch goes on
        out.append(Stretch(role, first, last, turns[first].start, turns[last].end, words))
        first = last = None
    if first is not None:
        out.append(Stretch(role, first, last, turns[first].start, turns[last].end, words))
    return out


# -- feature dumps ------------------------------------------------------------------------------------------
_FEATURE = lazy_re.compile(
    r"\b(?:(?:it|we|this|that|the\s+\w+|our\s+\w+)\s+(?:also\s+)?(?:has|have|supports?|includes?|comes\s+with|offers?|"
    r"provides?|ships\s+with|features?|integrates?\s+with|handles?|runs\s+on|exposes?|bundles?)(?!\s+to\b|\s+got\s+to\b)|"
    r"there'?s\s+(?:also\s+)?(?:a|an)|there\s+(?:is|are)\s+(?:also\s+)?(?:a|an|\d+)|we'?ve\s+(?:also\s+)?got\s+(?:a|an)|"
    r"plus\s+(?:a|an|the)|(?:also\s+)?(?:built-in|out\s+of\s+the\s+box|native(?:ly)?)|"
    r"(?:another|one\s+more|the\s+next)\s+(?:feature|capability|module))\b",
    re.IGNORECASE,
)
# Words every match of _FEATURE holds as a whole word (proved in tests/test_call_gates.py, like each word list
# beside a pattern below): a sentence holding none of them is not searched.
_FEATURE_WORDS = frozenset(
    "box built bundle bundles capability comes expose exposes feature features handle handles has have include includes "
    "integrate integrates module native natively offer offers plus provide provides runs ships support supports there "
    "theres ve weve".split()
)
_BENEFIT = lazy_re.compile(
    r"\b(?:so\s+(?:that\s+)?(?:you|your|the\s+team|they|nobody)|which\s+means|that\s+means|means\s+(?:you|your)|"
    r"lets?\s+you|helps?\s+(?:you|your)|so\s+you\s+can|you\s+(?:won'?t|will\s+not|no\s+longer|never)|no\s+more|instead\s+of|"
    r"without\s+(?:having|needing|writing|hiring|waiting)|pays?\s+for\s+itself|saves?\s+(?:you|your|time|money|hours|days))\b",
    re.IGNORECASE,
)
# Words of an outcome that count only when said to the buyer ("cuts your close to two days", not "cut and dry";
# "revenue" in a finance tool's demo is the subject matter, not the buyer's gain).
_OUTCOME = lazy_re.compile(
    r"\b(?:reduc(?:e|es|ing)|cuts?|avoids?|prevents?|shortens?|faster|quicker|cheaper|fewer|less\s+(?:time|work|risk)|"
    r"in\s+(?:minutes|seconds)|(?:increase|grow|boost|raise|more|higher)\s+(?:your\s+)?(?:revenue|roi|margin|sales)|"
    r"hours\s+(?:a|per)\s+week)\b",
    re.IGNORECASE,
)
_TO_YOU = lazy_re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
_BENEFIT_WORDS = frozenset(
    "having help helps hiring instead itself let lets means needing never no nobody pays save saves so waiting will "
    "won wont writing".split()
)
_OUTCOME_WORDS = frozenset(
    "avoid avoids cheaper cut cuts faster fewer hours less margin minutes prevent prevents quicker reduce reduces "
    "reducing revenue roi sales seconds shorten shortens".split()
)
_TO_YOU_WORDS = frozenset({"you", "your", "yours"})
_LIST_SEP = lazy_re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+")
# A list ends where a new clause starts: "it has SSO and audit logs, which means..." lists two features.
_CLAUSE_END = lazy_re.compile(r"[.;:!?]|\b(?:which|that|so|because|but|where|when|if|though|although|while|to)\b", re.IGNORECASE)
_ITEM_WORDS = 5  # a list item longer than this is a clause, not a feature name


def feature_count(sentence: str) -> int:
    """Features a sentence names: 0 without a feature cue, else the short items of the list after it (max 6)."""
    if sentence.rstrip().endswith("?") or lacks(sentence, _FEATURE_WORDS):
        return 0
    m = _FEATURE.search(sentence)
    if m is None:
        return 0
    end = _CLAUSE_END.search(sentence, m.end())
    tail = sentence[m.end() : end.start() if end else len(sentence)]
    items = [i for i in _LIST_SEP.split(tail) if i.strip()]
    if not items or any(len(i.split()) > _ITEM_WORDS for i in items):
        return 1
    return min(6, len(items))


# Walking a screen or naming what the product does, as a seller says it in a demo.
_TOUR = lazy_re.compile(
    r"\b(?:(?:you|we|i|they|users?)\s+(?:can|could|will\s+be\s+able\s+to|'ll\s+be\s+able\s+to|'d\s+be\s+able\s+to)\s+(?:also\s+|just\s+|then\s+)?"
    r"(?:see|select|add|input|enter|upload|click|choose|drag|drop|filter|sort|pick|set|edit|view|toggle|export|import|create|"
    r"search|pull|put|go|scroll|compare|track|type|change|adjust|switch|open|download|share|attach|map|customi[sz]e|override)|"
    r"here\s+(?:you|we)\s+(?:can|have|see|go)|(?:this|that|here)\s+is\s+where|over\s+here|on\s+the\s+(?:left|right|top|bottom|screen|side)|"
    r"(?:we|it|this|that)\s+(?:also\s+)?(?:have|has|will\s+have|'ll\s+have|'ve\s+got|shows?|displays?|calculates?|populates?|pulls?)\b|"
    r"(?:it|this|that)\s+(?:will|'ll|would)\s+(?:also\s+)?(?:show|pull|populate|calculate|give|bring|display|generate|update|flag|let)|"
    r"if\s+(?:i|you|we)\s+(?:click|go|put|select|scroll|open|change|type|enter|drag)|(?:click|select|choose)\s+(?:on|the|here|this))\b",
    re.IGNORECASE,
)
_TOUR_WORDS = frozenset(
    "add adjust attach bottom bring calculate calculates change choose click compare create customise customize display "
    "displays download drag drop edit enter export filter flag generate give go has have here import input left let map "
    "open override pick populate populates pull pulls put right screen scroll search see select set share show shows "
    "side sort switch toggle top track type update upload user users ve view where".split()
)


def is_tour(sentence: str) -> bool:
    """A sentence that shows or names what the product does (a feature tour's sentence)."""
    return feature_count(sentence) > 0 or (not lacks(sentence, _TOUR_WORDS) and _TOUR.search(sentence) is not None)


def has_benefit(sentence: str) -> bool:
    """The sentence says what something changes for the buyer."""
    if lacks(sentence, _BENEFIT_WORDS) and (lacks(sentence, _OUTCOME_WORDS) or lacks(sentence, _TO_YOU_WORDS)):
        return False
    return _BENEFIT.search(sentence) is not None or (
        _OUTCOME.search(sentence) is not None and _TO_YOU.search(sentence) is not None
    )
