"""Long stretches of one side: seller monologues, buyer stories, and feature dumps.

A *stretch* is one side speaking with the other side only making short interjections: for a seller monologue, a
buyer "mm-hmm" (3 s or less, 5 words or fewer, not a question) does not end it; for a buyer story, a seller's
short interjection or clarifying question (5 s or less, 12 words or fewer) does not end it — Gong counts a
customer story "including short interruptions such as clarifying questions".

A *feature dump* is a seller stretch that lists three or more features with no question to the buyer and no
benefit ("so you...", "which means...", "saves..."): the buyer hears a catalogue, not their problem solved.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from plainpitch.call.turns import CallTurn

MONOLOGUE_BACKCHANNEL = (3.0, 5)  # seconds, words
STORY_INTERJECTION = (5.0, 12)
MAX_SILENCE = 5.0  # seconds: a longer gap between turns ends a stretch (silence is nobody's monologue)


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
_FEATURE = re.compile(
    r"\b(?:(?:it|we|this|that|the\s+\w+|our\s+\w+)\s+(?:also\s+)?(?:has|have|supports?|includes?|comes\s+with|offers?|"
    r"provides?|ships\s+with|features?|integrates?\s+with|handles?|runs\s+on|exposes?|bundles?)(?!\s+to\b|\s+got\s+to\b)|"
    r"there'?s\s+(?:also\s+)?(?:a|an)|there\s+(?:is|are)\s+(?:also\s+)?(?:a|an|\d+)|we'?ve\s+(?:also\s+)?got\s+(?:a|an)|"
    r"plus\s+(?:a|an|the)|(?:also\s+)?(?:built-in|out\s+of\s+the\s+box|native(?:ly)?)|"
    r"(?:another|one\s+more|the\s+next)\s+(?:feature|capability|module))\b",
    re.IGNORECASE,
)
_BENEFIT = re.compile(
    r"\b(?:so\s+(?:that\s+)?(?:you|your|the\s+team|they|nobody)|which\s+means|that\s+means|means\s+(?:you|your)|saves?|saving|"
    r"lets?\s+you|helps?\s+(?:you|your)|so\s+you\s+can|you\s+(?:won'?t|will\s+not|no\s+longer|never)|no\s+more|instead\s+of|"
    r"without\s+(?:having|needing|writing|hiring|waiting)|reduc\w+|cuts?|avoid\w*|prevent\w*|faster|quicker|cheaper|fewer|"
    r"less\s+(?:time|work|risk)|in\s+(?:minutes|seconds)|pays?\s+for\s+itself|roi|revenue|hours\s+(?:a|per)\s+week)\b",
    re.IGNORECASE,
)
_LIST_SEP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+")
# A list ends where a new clause starts: "it has SSO and audit logs, which means..." lists two features.
_CLAUSE_END = re.compile(r"[.;:!?]|\b(?:which|that|so|because|but|where|when|if|though|although|while|to)\b", re.IGNORECASE)
_ITEM_WORDS = 5  # a list item longer than this is a clause, not a feature name


def feature_count(sentence: str) -> int:
    """Features a sentence names: 0 without a feature cue, else the short items of the list after it (max 6)."""
    if sentence.rstrip().endswith("?"):
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


def has_benefit(sentence: str) -> bool:
    return _BENEFIT.search(sentence) is not None


# -- what a stretch is about ("2 min 35 s monologue on the architecture") -----------------------------------
_STOP = frozenset(
    """
    about above after again against also although always among another anything anyway around because been before
    being below between both could didn does doing done down during each either else enough even ever every few
    from further going gonna have having here hers herself himself into itself just know like little look make many
    maybe might more most much must myself need never next okay only other others ours ourselves over pretty quite
    rather really right same says seen shall should since some something still such sure take than that thats their
    theirs them themselves then there these they thing things think this those though through thus together too
    under until very want wanna well were what whatever when where whether which while will with within without
    would yeah your yours yourself yourselves actually basically kind sort mean means good great just lots stuff
    people yes let's lets that's it's we're you're they're there's here's what's don't doesn't didn't can't won't
    i'm i've we've you've i'll we'll you'll going gets getting give gives get got make makes made
    """.split()
)


def main_word(texts: list[str]) -> str | None:
    """The most frequent content word across some sentences, as a rough 'on what' for a moment's label."""
    counts: Counter[str] = Counter()
    for text in texts:
        for w in re.findall(r"[A-Za-z][A-Za-z'-]{3,}", text):
            lw = w.lower()
            if lw not in _STOP:
                counts[lw] += 1
    if not counts:
        return None
    word, n = counts.most_common(1)[0]
    return word if n >= 2 else None
