"""The per-call view every measure reads: each turn with its role, start and end in seconds, words and sentences.

Built once per call in one pass over the Document's units, words and sentences. Times come from the transcript;
when a turn has none (a plain ``Name: text`` transcript) they are estimated at 150 words a minute and marked
``timed=False``, so that every report can say which figures are measured and which are estimated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from plainpitch.model import Document, Sentences
from plainpitch.text.wordsets import unit_word_counts

WORDS_PER_MINUTE = 150  # conversational speech; used only where the transcript gives no times
WORDS_PER_SECOND = WORDS_PER_MINUTE / 60


@dataclass(frozen=True, slots=True)
class CallTurn:
    pos: int  # position among the call's turns (0-based)
    index: int  # the turn's own index (Turn.index, as the loader numbered it)
    unit: int  # index into Document.units
    speaker: str
    role: str  # seller | buyer | unknown
    start: float  # seconds from the start of the call
    end: float
    words: int
    first_sentence: int  # Document.sentences[first_sentence:end_sentence] are this turn's
    end_sentence: int
    timed: bool  # start and end come from the transcript

    @property
    def seconds(self) -> float:
        return max(0.0, self.end - self.start)


@dataclass
class CallTurns:
    turns: list[CallTurn]
    has_times: bool
    duration: float  # seconds, first start to last end (estimated when the transcript has no times)
    notes: list[str] = field(default_factory=list)

    def by_role(self, role: str) -> list[CallTurn]:
        return [t for t in self.turns if t.role == role]


def sentence_text(doc: Document, index: int) -> str:
    """``doc.sentences[index].text`` without making the Sentence (when the Document holds compact Sentences)."""
    sentences = doc.sentences
    return sentences.text_of(index) if isinstance(sentences, Sentences) else sentences[index].text


def sentence_texts(doc: Document, start: int, stop: int) -> Iterable[tuple[str, int]]:
    """(text, word count) of ``doc.sentences[start:stop]``, without a Sentence each when the Document holds
    compact Sentences: the call analysis reads every sentence of a call, a turn at a time."""
    sentences = doc.sentences
    if isinstance(sentences, Sentences):
        return sentences.texts_and_word_counts(start, stop)
    return [(s.text, s.word_end - s.word_start) for s in sentences[start:stop]]


def _estimate(words: int) -> float:
    return max(words, 1) / WORDS_PER_SECOND


def build_turns(doc: Document) -> CallTurns:
    units = [(i, u) for i, u in enumerate(doc.units) if u.kind == "turn" and u.turn is not None]
    words_in = unit_word_counts(doc)  # from the sentences' word ranges, not a Token made per word
    first_sent = [-1] * len(doc.units)
    end_sent = [0] * len(doc.units)
    for si, sent in enumerate(doc.sentences):
        if first_sent[sent.unit] < 0:
            first_sent[sent.unit] = si
        end_sent[sent.unit] = si + 1
    timed_flags = [u.turn.time is not None for _, u in units]
    has_times = any(timed_flags) and doc.meta.get("has_times", True) is not False
    notes: list[str] = []
    turns: list[CallTurn] = []
    clock = 0.0  # where the next untimed turn starts
    backwards = overlaps = 0
    prev_start = prev_end = None
    next_timed_start: list[float | None] = [None] * len(units)
    upcoming = None
    for k in range(len(units) - 1, -1, -1):  # the next timed start after each turn, to close open-ended turns
        next_timed_start[k] = upcoming
        t = units[k][1].turn.time
        if t is not None:
            upcoming = t.start
    for pos, (ui, unit) in enumerate(units):
        turn = unit.turn
        n_words = words_in[ui]
        if has_times and turn.time is not None:
            start = max(0.0, float(turn.time.start))
            end = float(turn.time.end)
            timed = True
            if end <= start:  # no end given: run to the next turn's start, else estimate from the words
                nxt = next_timed_start[pos]
                end = nxt if nxt is not None and nxt > start else start + _estimate(n_words)
            if prev_start is not None and start < prev_start - 0.5:
                backwards += 1
            elif prev_end is not None and start < prev_end - 0.5:
                overlaps += 1
        else:
            start = clock if prev_end is None else max(clock, prev_end)
            end = start + _estimate(n_words)
            timed = False
        fs = first_sent[ui] if first_sent[ui] >= 0 else 0
        es = end_sent[ui] if first_sent[ui] >= 0 else 0
        turns.append(CallTurn(pos, turn.index, ui, turn.speaker, turn.role, start, end, n_words, fs, es, timed))
        prev_start, prev_end = start, end
        clock = end
    if has_times and backwards:
        notes.append(f"{backwards} turn(s) start before the one above them: kept in the order of the transcript")
    if has_times and overlaps:
        notes.append(f"{overlaps} turn(s) overlap the one above them: both speakers' time is counted")
    if has_times and not all(timed_flags):
        notes.append("some turns have no times: their length is estimated at 150 words a minute")
    if turns:
        duration = max(t.end for t in turns) - min(t.start for t in turns)
    else:
        duration = 0.0
    if not has_times and turns:
        notes.append("the transcript has no timestamps: times are estimated at 150 words a minute, shares are by words")
    return CallTurns(turns, has_times, max(duration, 0.0), notes)
