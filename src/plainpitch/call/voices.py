"""Speaker labels that hold several people.

Recorders that capture one microphone label everyone else as one speaker (Granola's "Guest", "Them"), and
diarisation sometimes merges two voices. Every talk measure then mixes people: a buyer's "talk share" includes
the seller's co-founder, the seller's questions hide inside the buyer's turns. Signs, per label:

- questions answered inside the label's own turns ("Are you in Miami today? Yeah. I am actually in Miami"), and
  greetings returned inside them ("Nice to meet you. Likewise");
- very long turns (over five minutes): nobody holds the floor that long on a call without being interrupted;
- both sides' vocabulary in one label (about "our product" and about "our current vendor").

A label is reported when its turns answer their own questions five times or more, or when it has a very long
turn and at least one other sign (calibrated on the AMI meetings, one person per label, where nobody answers their
own question more than three times and no turn runs five minutes). The report says so; the measures are not changed (there is no telling the
voices apart from the text alone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainpitch.call.roles import BUYER_CUES, SELLER_CUES
from plainpitch.call.timefmt import clock
from plainpitch.call.turns import CallTurns, sentence_texts
from plainpitch.model import Document
from plainpitch.text import lazy_re

LONG_TURN_S = 300.0
LONG_TURN_WORDS = 800
SELF_ANSWERS_MIN = 5  # one person on AMI meetings answers their own question at most three times
_ANSWER = lazy_re.compile(
    r"^\W*(?:yes|yeah|yep|yup|no|nope|nah|sure|correct|exactly|absolutely|definitely|of\s+course|mhmm|uh-huh|"
    r"i\s+am|i'm\s+(?:good|well|fine|great|doing)|it\s+is|we\s+are|we\s+do|i\s+do|likewise|you\s+too|same\s+here|"
    r"good,?\s+(?:thanks|thank\s+you)|not\s+at\s+all|that's\s+right|fine,?\s+thanks)\b",
    re.IGNORECASE,
)
_GREETING_PAIR = lazy_re.compile(
    r"\b(?:nice|good|great)\s+to\s+(?:meet|see)\s+you\b[^.?!]*[.?!]\s+(?:\w+[.,!]?\s+){0,3}?(?:likewise|you\s+too|same\s+here|"
    r"nice\s+to\s+meet\s+you|great\s+to\s+(?:meet|see)\s+you)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MixedLabel:
    speaker: str
    self_answers: int
    longest_s: float
    longest_words: int
    both_sides: bool
    greetings: int

    def note(self, timed: bool) -> str:
        signs = []
        if self.self_answers:
            n = self.self_answers
            signs.append(f"{n} question{'s' if n != 1 else ''} answered inside its own turns")
        if self.greetings:
            signs.append("greetings returned inside its own turns")
        if self.longest_s >= LONG_TURN_S and timed:
            signs.append(f"a {clock(self.longest_s)} turn")
        elif self.longest_words >= LONG_TURN_WORDS:
            signs.append(f"a {self.longest_words}-word turn")
        if self.both_sides:
            signs.append("both sides' talk (our product, our current tools)")
        return (f"'{self.speaker}' seems to hold several people ({'; '.join(signs)}): its talk share, questions and "
                f"asks mix them; label each person in the recorder, or pass --me for everyone on your side")  # fmt: skip


def mixed_labels(doc: Document, view: CallTurns) -> list[MixedLabel]:
    stats: dict[str, dict] = {}
    for t in view.turns:
        st = stats.setdefault(t.speaker, {"answers": 0, "greet": 0, "longest": 0.0, "words": 0, "seller": 0, "buyer": 0})
        sents = [text for text, _ in sentence_texts(doc, t.first_sentence, t.end_sentence)]  # no Sentence each
        for a, b in zip(sents, sents[1:], strict=False):
            if a.rstrip().endswith("?") and _ANSWER.match(b):
                st["answers"] += 1
        st.setdefault("units", []).append(t.unit)
        if t.timed:
            st["longest"] = max(st["longest"], t.seconds)
        st["words"] = max(st["words"], t.words)
    out = []
    for speaker, st in stats.items():
        long_turn = st["longest"] >= LONG_TURN_S or st["words"] >= LONG_TURN_WORDS
        if long_turn:  # the other signs matter only beside a long turn: read the label's text only then
            for ui in st["units"]:
                text = doc.text[doc.units[ui].start : doc.units[ui].end]
                st["greet"] += len(_GREETING_PAIR.findall(text))
                st["seller"] += len(SELLER_CUES.findall(text))
                st["buyer"] += len(BUYER_CUES.findall(text))
        both = st["seller"] >= 2 and st["buyer"] >= 2
        other_signs = (st["answers"] >= 1) + (st["greet"] >= 1) + both
        if st["answers"] >= SELF_ANSWERS_MIN or (long_turn and other_signs):
            out.append(MixedLabel(speaker, st["answers"], st["longest"], st["words"], both, st["greet"]))
    return out
