"""Everything the call rules, metrics and reports read, computed once per call in one pass over its sentences.

``facts_for(doc, ctx)`` memoises a ``CallFacts`` on the engine's Context, so the TLK rules, the metric provider
and the details provider share one analysis. Roles are read from the Document's turns (``roles.with_roles`` puts
them there); a Document whose roles were never decided gets them here, from ``[tool.plainpitch.call] me`` or a
guess. This module is analysis: it reads the Document and the call settings, never the engine or the rules.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from plainpitch.call import asks as asks_mod
from plainpitch.call import questions as q_mod
from plainpitch.call.dumps import MONOLOGUE_BACKCHANNEL, STORY_INTERJECTION, Stretch, is_backchannel, is_tour, stretches
from plainpitch.call.roles import BUYER, SELLER, Roles, roles_of, with_roles
from plainpitch.call.sentences import classify
from plainpitch.call.signals import (
    Objection,
    absence_possible,
    absences,
    buying_signal,
    is_away,
    lowercase_words,
    objection,
)
from plainpitch.call.topics import PRICING, compile_topics, topics_in
from plainpitch.call.turns import CallTurn, CallTurns, build_turns, sentence_text, sentence_texts
from plainpitch.call.types import TYPES, CallType, infer_type, thresholds_for
from plainpitch.call.voices import MixedLabel, mixed_labels
from plainpitch.config import ConfigError
from plainpitch.model import Document
from plainpitch.text import lazy_re
from plainpitch.text.lexicon import rarer_than


@dataclass(frozen=True, slots=True)
class SentenceFact:
    sentence: int  # index into Document.sentences
    turn: int  # CallTurn.pos
    role: str
    time: float  # seconds: the turn's start plus the share of the turn spoken before this sentence
    question: q_mod.Question | None  # the question this sentence counts as (not a greeting, tag, check...)
    discovery: bool  # a discovery question (not an ask)
    ask: asks_mod.Ask | None
    next_step: asks_mod.NextStep | None
    topics: tuple[str, ...]
    features: int
    benefit: bool


@dataclass(frozen=True)
class FeatureDump:
    stretch: Stretch
    first_sentence: int  # Document.sentences indexes of the first and last feature sentence
    last_sentence: int
    count: int
    features: tuple[str, ...]
    kind: str = "list"  # list: features named in a row; tour: a long monologue walking the screen


@dataclass(frozen=True)
class TermAsk:
    term: str
    buyer_turn: int  # CallTurn.pos of the buyer's question
    question: str
    seller_turn: int  # CallTurn.pos of the seller's use that is flagged
    start: int  # offsets of the flagged use in Document.text
    end: int


@dataclass(frozen=True)
class ObjectionFact:
    sentence: int  # Document.sentences index of the buyer's objection
    turn: int  # CallTurn.pos
    kind: str  # price | status quo | competitor | timing | authority | risk
    words: str  # the words that make it an objection
    reply: int | None  # CallTurn.pos of the seller's answer (None: the seller never answered)
    reply_asked: bool  # the answer opens with a question (within its first sentences)
    reply_words: int  # words the seller spoke before the buyer spoke again

    @property
    def pitched(self) -> bool:
        """Answered with a pitch: a long answer with no question in its opening (what TLK010 coaches)."""
        return self.reply is not None and not self.reply_asked and self.reply_words >= PITCH_WORDS


@dataclass(frozen=True)
class SignalFact:
    sentence: int
    turn: int
    words: str
    followed: bool  # an ask or a next step came after it


@dataclass(frozen=True)
class AbsentFact:
    name: str
    why: str  # expected | decides
    sentence: int
    turn: int
    included: bool  # a later next step (firm or loose) or ask names them, or waits for them to be back
    away: bool = False  # the call says they are away ("Carlos is gonna be out a week"): no meeting with them soon


@dataclass(frozen=True)
class LooseFact:
    """A loose next step where the call closes (``asks.find_loose_step``)."""

    sentence: int
    turn: int
    role: str
    time: float
    step: asks_mod.LooseStep


@dataclass
class CallFacts:
    doc: Document
    roles: Roles
    view: CallTurns
    call_type: CallType
    thresholds: dict[str, Any]
    sentences: list[SentenceFact]
    monologues: list[Stretch]  # every seller stretch, longest first
    stories: list[Stretch]  # every buyer stretch, longest first
    feature_dumps: list[FeatureDump]
    term_asks: list[TermAsk]
    early_price: SentenceFact | None
    topic_seconds: dict[str, float]
    topic_mentions: dict[str, int]
    topic_first: dict[str, float]
    mixed: list[MixedLabel] = field(default_factory=list)  # labels that seem to hold several people
    objections: list[ObjectionFact] = field(default_factory=list)
    buying_signals: list[SignalFact] = field(default_factory=list)
    absent: list[AbsentFact] = field(default_factory=list)
    loose_steps: list[LooseFact] = field(default_factory=list)  # in the closing part of the call, in call order
    closing_from: float | None = None  # where the closing part starts (s); None: the call type looks for no next step
    notes: list[str] = field(default_factory=list)

    @property
    def by_turn(self) -> Mapping[int, list[SentenceFact]]:
        """Each turn's sentence facts (CallTurn.pos -> facts in order), built once."""
        cached = self.__dict__.get("_by_turn")
        if cached is None:
            cached = self.__dict__["_by_turn"] = _by_turn(self.sentences)
        return cached

    @property
    def times(self) -> str:
        """How far the times can be trusted: measured | start-only | sparse | none (see ingest.transcript)."""
        if not self.view.has_times:
            return "none"
        return str(self.doc.meta.get("times") or "measured")

    @property
    def turns(self) -> list[CallTurn]:
        return self.view.turns

    @property
    def two_sided(self) -> bool:
        """Both a seller and a buyer spoke: conversation rules need both sides."""
        roles = {t.role for t in self.view.turns}
        return SELLER in roles and BUYER in roles

    def closing(self, f: SentenceFact | LooseFact) -> bool:
        """The sentence is in the closing part of the call: its last ``next_step_window`` or its last three turns."""
        if self.closing_from is None:
            return False
        return f.time >= self.closing_from or f.turn >= len(self.view.turns) - CLOSING_TURNS

    def firm_steps(self) -> list[SentenceFact]:
        """Next steps (action, owner and time) in the closing part of the call."""
        return [f for f in self.sentences if f.next_step is not None and self.closing(f)]

    def seller_questions(self) -> list[SentenceFact]:
        return [s for s in self.sentences if s.role == SELLER and s.question is not None]

    def discovery_questions(self) -> list[SentenceFact]:
        return [s for s in self.sentences if s.role == SELLER and s.discovery]


# -- the buyer asks what a term means ----------------------------------------------------------------------
_TERM = r"[\w.+/#&-]+(?:\s+[\w.+/#&-]+){0,2}"
# "what does X mean / stand for", and the forms speech-to-text writes it in: "what is avm stand for", "what's the
# X stand for", "what X stands for", "X stands for what", "what X means"
_MEANING = lazy_re.compile(
    rf"\bwhat(?:'s|\s+is|\s+was|\s+does|\s+do|\s+did)?\s+(?:an?\s+|the\s+)?[\"'“]?(?P<a>{_TERM})[\"'”]?\s+"
    rf"(?:mean|means|stand\s+for|stands\s+for)\b"
    rf"|\b(?P<d>{_TERM})\s+(?:stands|stand)\s+for\s+what\b"
    rf"|\bwhat\s+(?:do|did)\s+you\s+mean\s+by\s+(?:an?\s+|the\s+)?[\"'“]?(?P<b>{_TERM})[\"'”]?"
    rf"|\bwhat(?:'s|\s+is|\s+are)\s+(?:an?\s+)?[\"'“]?(?P<c>{_TERM})[\"'”]?\s*\?",
    re.IGNORECASE,
)
_NOT_TERMS = frozenset("it that this that's those these them you your the a an there here so".split())
# words that cannot sit inside the term asked about: "what would that mean", "what the heck does that mean"
_NOT_IN_TERM = frozenset(
    "does do did would will could can should is was are were that this it they he she we i heck hell exactly really "
    "then so you your just".split()
)


RARE_ZIPF = 3.5


def _rare(term: str) -> bool:
    """A term worth flagging for the loose "what's X?" form: an acronym, a coined word, or an uncommon word."""
    if re.search(r"\b[A-Z]{2,}|[a-z][A-Z]|\d|[./+#]", term):
        return True
    words = term.lower().split()
    if all(w.isascii() and w.isalpha() for w in words):
        # the same Zipf as wordfreq's for a plain word (tests/test_call_gates.py checks every such word it knows),
        # from the table the jargon pass reads, not a second whole copy of the list (~27 MB) loaded by wordfreq
        return any(rarer_than(w, RARE_ZIPF) for w in words)
    from wordfreq import zipf_frequency  # heavy: loaded only for a term wordfreq must split into its own tokens

    return min(zipf_frequency(w, "en") for w in words) < RARE_ZIPF


def _meaning(text: str) -> re.Match[str] | None:
    """The buyer asking what a term means, in one sentence (``_MEANING``, tried only when the words it needs are there)."""
    low = text.lower()
    return _MEANING.search(text) if ("mean" in low or "stand" in low or low.rstrip().endswith("?")) else None


@dataclass
class _BuyerSaid:
    """What each buyer sentence holds, found in the one pass that reads every sentence (the passes after it look
    these up instead of slicing each sentence out of the text again)."""

    objections: dict[int, Objection] = field(default_factory=dict)  # sentence index -> its objection
    signals: dict[int, str] = field(default_factory=dict)  # sentence index -> its buying signal's words
    meanings: dict[int, re.Match[str]] = field(default_factory=dict)  # sentence index -> "what does X mean"
    absence_turns: set[int] = field(default_factory=set)  # turns with a sentence where an absence may be said

    def read(self, si: int, pos: int, text: str) -> None:
        found = objection(text)
        if found is not None:
            self.objections[si] = found
        words = buying_signal(text)
        if words:
            self.signals[si] = words
        m = _meaning(text)
        if m is not None:
            self.meanings[si] = m
        if absence_possible(text):
            self.absence_turns.add(pos)


def _term_asks(doc: Document, turns: list[CallTurn], facts: list[SentenceFact], said: _BuyerSaid) -> list[TermAsk]:
    out: list[TermAsk] = []
    seen: set[str] = set()
    for fact in facts:
        if fact.role != BUYER:
            continue
        m = said.meanings.get(fact.sentence)
        if m is None:
            continue
        text = m.string
        term = (m.group("a") or m.group("b") or m.group("c") or m.group("d") or "").strip(" ?.,!\"'”")
        if not term or term.lower() in _NOT_TERMS or term.lower() in seen:
            continue
        if any(w in _NOT_IN_TERM for w in term.lower().split()):
            continue
        if m.group("c") and (len(text.split()) > 8 or not _rare(term)):
            continue
        pattern = re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in term.split()) + r"(?![\w-])", re.IGNORECASE)
        # the seller's latest use before the question, within the last five turns
        for pos in range(fact.turn - 1, max(-1, fact.turn - 6), -1):
            t = turns[pos]
            if t.role != SELLER:
                continue
            unit = doc.units[t.unit]
            found = list(pattern.finditer(doc.text, unit.start, unit.end))
            if found:
                use = found[-1]
                out.append(TermAsk(term, fact.turn, text, pos, use.start(), use.end()))
                seen.add(term.lower())
                break
    return out


def _unit_text(doc: Document, unit: int) -> str:
    u = doc.units[unit]
    return doc.text[u.start : u.end]


def _call_type(seller_texts: list[str], wanted: str | None) -> CallType:
    if wanted:
        if wanted not in TYPES:
            raise ConfigError(f"call type {wanted!r} is not one of {', '.join(TYPES)}")
        return CallType(wanted, "set", "set by --type or config")
    return infer_type(seller_texts)


def compute(doc: Document, call_config: Mapping[str, Any] | None = None) -> CallFacts:
    """The call analysis of one Document whose units are turns."""
    cfg = dict(call_config or {})
    roles = roles_of(doc)
    if roles is None:  # the Document came straight to the engine: decide the roles from config or a guess
        doc = with_roles(doc, config_me=cfg.get("me") or ())
        roles = roles_of(doc)
    assert roles is not None
    notes = [roles.note] if roles.note else []
    view = build_turns(doc)
    notes.extend(view.notes)
    turns = view.turns
    topics = compile_topics(cfg)
    facts: list[SentenceFact] = []
    seller_texts: list[str] = []
    turn_has_question = [False] * len(turns)
    topic_seconds = dict.fromkeys(topics, 0.0)
    topic_mentions = dict.fromkeys(topics, 0)
    topic_first: dict[str, float] = {}
    # words the same side says after each turn before the other side takes the floor ("mm-hmm" does not; a short
    # answer such as "The board." does)
    floor_after = [0] * len(turns)
    said = _BuyerSaid()
    for i in range(len(turns) - 2, -1, -1):
        nxt = turns[i + 1]
        if nxt.role == turns[i].role:
            floor_after[i] = nxt.words + floor_after[i + 1]
        elif i + 2 < len(turns) and turns[i + 2].role == turns[i].role and is_backchannel(_unit_text(doc, nxt.unit)):
            floor_after[i] = turns[i + 2].words + floor_after[i + 2]
    fact_starts = array("i", bytes(4 * len(turns)))  # each turn's facts: facts[fact_starts[pos] : fact_ends[pos]]
    fact_ends = array("i", bytes(4 * len(turns)))
    for t in turns:
        fact_starts[t.pos] = len(facts)
        if t.role == SELLER:
            seller_texts.append(doc.text[doc.units[t.unit].start : doc.units[t.unit].end])
        spoken = 0
        before = ""  # the turn's sentence before this one
        # the turn's sentences read once, as one slice (not made one by one, several times each)
        for si, (text, word_count) in enumerate(sentence_texts(doc, t.first_sentence, t.end_sentence), t.first_sentence):
            at = t.start + (t.seconds * spoken / t.words if t.words else 0.0)
            spoken += word_count
            move = classify(text, t.role, before, max(0, t.words - spoken) + floor_after[t.pos])
            before = text
            if t.role == BUYER:
                said.read(si, t.pos, text)
            counted, discovery, ask, next_step = move.question, move.discovery, move.ask, move.next_step
            features, benefit = move.features, move.benefit
            if counted is not None:
                turn_has_question[t.pos] = True
            hit_topics = topics_in(text, topics) if topics else ()
            if hit_topics:
                share = t.seconds * (word_count / t.words) if t.words else 0.0
                for name in hit_topics:
                    topic_seconds[name] += share
                    topic_mentions[name] += 1
                    topic_first.setdefault(name, at)
            facts.append(SentenceFact(si, t.pos, t.role, at, counted, discovery, ask, next_step, hit_topics, features, benefit))
        fact_ends[t.pos] = len(facts)
    if turns and not ({SELLER, BUYER} <= {t.role for t in turns}):
        notes.append("only one side speaks in this transcript: the conversation rules need a seller and a buyer")
    call_type = _call_type(seller_texts, cfg.get("type"))
    thresholds = thresholds_for(call_type.name, cfg.get("thresholds"))
    mixed = mixed_labels(doc, view)
    notes.extend(m.note(view.has_times) for m in mixed)
    monologues = stretches(turns, SELLER, turn_has_question, MONOLOGUE_BACKCHANNEL, questions_break=True)
    stories = stretches(turns, BUYER, turn_has_question, STORY_INTERJECTION, questions_break=False)
    by_turn = TurnFacts(facts, fact_starts, fact_ends)  # the passes below and CallFacts.by_turn share it
    seller_turns = {pos: by_turn[pos] for pos in by_turn if turns[pos].role == SELLER}
    dumps = _feature_dumps(monologues, seller_turns, thresholds.get("feature_dump_min") or 3, doc)
    dumps += _feature_tours(monologues, seller_turns, doc, thresholds, {d.stretch for d in dumps})
    dumps.sort(key=lambda d: d.stretch.start)
    monologues.sort(key=lambda s: (-s.seconds, s.first))
    stories.sort(key=lambda s: (-s.seconds, s.first))
    closing_from = _closing_from(view, thresholds)
    loose = _loose_steps(doc, facts, turns, closing_from)
    out = CallFacts(
        doc=doc,
        roles=roles,
        view=view,
        call_type=call_type,
        thresholds=thresholds,
        sentences=facts,
        monologues=monologues,
        stories=stories,
        feature_dumps=dumps,
        term_asks=_term_asks(doc, turns, facts, said),
        objections=_objections(turns, facts, said, by_turn),
        buying_signals=_buying_signals(facts, loose, said),
        absent=_absent(doc, turns, facts, roles, loose, said),
        loose_steps=loose,
        closing_from=closing_from,
        early_price=_early_price(facts, turns),
        topic_seconds=topic_seconds,
        topic_mentions=topic_mentions,
        topic_first=topic_first,
        mixed=mixed,
        notes=notes,
    )
    out.__dict__["_by_turn"] = by_turn
    return out


class TurnFacts(Mapping[int, list[SentenceFact]]):
    """Each turn's sentence facts (CallTurn.pos -> its facts in order, for the turns that have any), as ``_by_turn``
    gives them, kept as two ints a turn over the facts list, which holds each turn's facts together (``compute``
    appends them turn by turn), instead of a list per turn: a long call has tens of thousands of turns."""

    def __init__(self, facts: list[SentenceFact], starts: array, ends: array) -> None:
        self._facts = facts
        self._starts = starts
        self._ends = ends

    def __getitem__(self, pos: int) -> list[SentenceFact]:
        if not isinstance(pos, int) or not 0 <= pos < len(self._starts) or self._starts[pos] == self._ends[pos]:
            raise KeyError(pos)
        return self._facts[self._starts[pos] : self._ends[pos]]

    def __iter__(self) -> Iterator[int]:
        return (pos for pos, (a, b) in enumerate(zip(self._starts, self._ends, strict=True)) if a != b)

    def __len__(self) -> int:
        return sum(1 for a, b in zip(self._starts, self._ends, strict=True) if a != b)


def _by_turn(facts: list[SentenceFact]) -> dict[int, list[SentenceFact]]:
    """Sentence facts per turn (CallTurn.pos)."""
    out: dict[int, list[SentenceFact]] = {}
    for f in facts:
        out.setdefault(f.turn, []).append(f)
    return out


def _feature_dumps(seller_stretches: list[Stretch], by_turn: dict[int, list[SentenceFact]], minimum: int,
                   doc: Document) -> list[FeatureDump]:  # fmt: skip
    """``by_turn``: the seller's facts per turn."""
    out = []
    for st in seller_stretches:
        mine = [f for pos in range(st.first, st.last + 1) for f in by_turn.get(pos, ())]
        if any(f.question is not None or f.ask is not None or f.benefit for f in mine):
            continue
        feats = [f for f in mine if f.features]
        count = sum(f.features for f in feats)
        if count >= minimum:
            texts = tuple(sentence_text(doc, f.sentence) for f in feats)
            out.append(FeatureDump(st, feats[0].sentence, feats[-1].sentence, count, texts))
    return out


# -- objections, buying signals, absent deciders ------------------------------------------------------------
REPLY_OPENING_SENTENCES = 3  # an objection is explored when the seller's answer asks within its first sentences
REPLY_MIN_WORDS = 8  # shorter seller turns ("Yeah.", "Right, fair.") are backchannels, not the answer
PITCH_WORDS = 40  # an answer of this many words or more with no question is a pitch


def _replies(turns: list[CallTurn]) -> tuple[list[int | None], list[int]]:
    """For each turn: the first seller answer at or after it (REPLY_MIN_WORDS or more), and the words the seller
    speaks from it until the buyer speaks again (more than five words); one backward pass, not a walk per objection."""
    n = len(turns)
    reply: list[int | None] = [None] * (n + 1)
    words = [0] * (n + 1)
    for t in reversed(turns):
        reply[t.pos] = t.pos if t.role == SELLER and t.words >= REPLY_MIN_WORDS else reply[t.pos + 1]
        if not (t.role == BUYER and t.words > 5):
            words[t.pos] = (t.words if t.role == SELLER else 0) + words[t.pos + 1]
    return reply, words


def _objections(turns: list[CallTurn], facts: list[SentenceFact], said: _BuyerSaid,
                by_turn: Mapping[int, list[SentenceFact]]) -> list[ObjectionFact]:  # fmt: skip
    if not said.objections:
        return []
    replies, spoken = _replies(turns)
    out: list[ObjectionFact] = []
    seen_turns: set[int] = set()
    for f in facts:
        if f.role != BUYER or f.turn in seen_turns:
            continue
        found = said.objections.get(f.sentence)
        if found is None:
            continue
        seen_turns.add(f.turn)
        reply = replies[f.turn + 1]
        asked, words = False, 0
        if reply is not None:
            opening = by_turn.get(reply, [])[:REPLY_OPENING_SENTENCES]
            asked = any(s.question is not None for s in opening)
            words = spoken[reply]
        out.append(ObjectionFact(f.sentence, f.turn, found.kind, found.text, reply, asked, words))
    return out


# -- the close: where the call ends and what was agreed there -----------------------------------------------
CLOSING_TURNS = 3  # the call's last turns are its close, however short the window


def _closing_from(view: CallTurns, thresholds: dict[str, Any]) -> float | None:
    window = thresholds.get("next_step_window")
    if window is None or not view.turns:
        return None
    return view.turns[0].start + view.duration * (1 - float(window))


def _loose_steps(doc: Document, facts: list[SentenceFact], turns: list[CallTurn],
                 closing_from: float | None) -> list[LooseFact]:  # fmt: skip
    """Loose next steps, looked for only where the call closes: earlier, "we could send the report" describes the
    product more often than it promises anything."""
    if closing_from is None:
        return []
    out = []
    for f in facts:
        if f.next_step is None and (f.time >= closing_from or f.turn >= len(turns) - CLOSING_TURNS):
            step = asks_mod.find_loose_step(sentence_text(doc, f.sentence))
            if step is not None:
                out.append(LooseFact(f.sentence, f.turn, f.role, f.time, step))
    return out


def _last_step(facts: list[SentenceFact], loose: list[LooseFact]) -> int:
    """The last sentence holding an ask or a next step: a firm one, or a loose one where the call closes (a next step
    with no date is still a next step: TLK013 coaches the date); -1 when none. A buying signal at sentence ``i`` is
    followed by one when ``i`` is at most this (one pass, not a scan of the call per signal)."""
    firm = (f.sentence for f in facts if f.next_step is not None or (f.role == SELLER and f.ask is not None))
    return max(max(firm, default=-1), max((lf.sentence for lf in loose), default=-1))


def _buying_signals(facts: list[SentenceFact], loose: list[LooseFact], said: _BuyerSaid) -> list[SignalFact]:
    if not said.signals:
        return []
    last = _last_step(facts, loose)
    out = []
    for f in facts:
        if f.role != BUYER:
            continue
        words = said.signals.get(f.sentence)
        if words:
            out.append(SignalFact(f.sentence, f.turn, words, f.sentence <= last))
    return out


_WHEN_BACK = lazy_re.compile(r"\b(?:when|once)\s+(?:he|she|they|[a-z]+)(?:'s|\s+is|\s+are|'re|\s+gets?|\s+comes?)\s+back\b",
                        re.IGNORECASE)
_ABSENCE_HINT = lazy_re.compile(r"without\s+(?:me|him|her|them)|make\s+it|join|decid|sign|final|run\s+(?:it|this|that)\s+by|approval|"
                           r"pulled|stuck|be\s+(?:here|there|on)", re.IGNORECASE)
_JOINED = r"(?:hi|hey|hello|welcome|morning|afternoon),?\s+{name}\b|\b{name}(?:\s+(?:just|has))?\s+(?:joined|is\s+(?:here|on|joining\s+now))\b"


def _absent(doc: Document, turns: list[CallTurn], facts: list[SentenceFact], roles: Roles,
            loose: list[LooseFact], said: _BuyerSaid) -> list[AbsentFact]:  # fmt: skip
    if not said.absence_turns:  # no buyer sentence can say someone is absent (``absences`` would find nothing)
        return []
    labels = " ".join(sorted(roles.sellers | roles.buyers)).lower().split()
    common = lowercase_words(doc.text) if _ABSENCE_HINT.search(doc.text) else frozenset()
    out: list[AbsentFact] = []
    seen: set[str] = set()
    for t in turns:
        if t.role != BUYER or t.pos not in said.absence_turns:
            continue
        texts = [sentence_text(doc, i) for i in range(t.first_sentence, t.end_sentence)]
        prev = doc.text[doc.units[turns[t.pos - 1].unit].start : doc.units[turns[t.pos - 1].unit].end][-200:] if t.pos else ""
        for a in absences(texts, prev, common):
            key = a.name.lower()
            if key in seen or key in labels:
                continue
            later = doc.text[doc.units[t.unit].start :]
            if re.search(_JOINED.format(name=re.escape(a.name)), later, re.IGNORECASE):
                continue
            seen.add(key)
            where = next((i for i in range(t.first_sentence, t.end_sentence) if a.name in sentence_text(doc, i)), t.first_sentence)
            named = re.compile(rf"\b{re.escape(a.name)}\b", re.IGNORECASE)
            # a later next step (firm or loose) or ask brings them in when it names them ("share the recording with
            # Carlos") or waits for them ("let's regroup when he's back")
            steps = [f.sentence for f in facts if f.sentence > where and (f.next_step is not None or f.ask is not None)]
            steps += [lf.sentence for lf in loose if lf.sentence > where]
            included = any(named.search(sentence_text(doc, i)) or _WHEN_BACK.search(sentence_text(doc, i)) for i in steps)
            away = any(is_away(sentence_text(doc, f.sentence), a.name) for f in facts if f.role == BUYER)
            out.append(AbsentFact(a.name, a.why, where, t.pos, included, away))
    return out


# A tour: a monologue over the limit in which at least TOUR_MIN sentences, and TOUR_SHARE of them all, show the
# product, with no question to the buyer and at most one outcome for the buyer per TOUR_PER_BENEFIT of them.
TOUR_MIN = 8
TOUR_SHARE = 0.25
TOUR_PER_BENEFIT = 6


def _feature_tours(seller_stretches: list[Stretch], by_turn: dict[int, list[SentenceFact]], doc: Document,
                   thresholds: dict[str, Any], taken: set[Stretch]) -> list[FeatureDump]:  # fmt: skip
    """``by_turn``: the seller's facts per turn."""
    limit = thresholds.get("monologue_max_s")
    if limit is None:
        return []
    out = []
    for st in seller_stretches:
        if st in taken or st.seconds <= limit:
            continue
        mine = [f for pos in range(st.first, st.last + 1) for f in by_turn.get(pos, ())]
        if not mine or any(f.discovery for f in mine):
            continue
        shown = [f for f in mine if is_tour(sentence_text(doc, f.sentence))]
        benefits = sum(1 for f in mine if f.benefit)
        if len(shown) >= TOUR_MIN and len(shown) >= TOUR_SHARE * len(mine) and benefits * TOUR_PER_BENEFIT <= len(shown):
            texts = tuple(sentence_text(doc, f.sentence) for f in shown)
            out.append(FeatureDump(st, shown[0].sentence, shown[-1].sentence, len(shown), texts, "tour"))
    return out


def _early_price(facts: list[SentenceFact], turns: list[CallTurn]) -> SentenceFact | None:
    """The seller's first mention of price when no value came before it and the buyer did not ask."""
    value_seen = False
    buyer_price_turn = -10
    for f in facts:
        if f.role == BUYER and PRICING in f.topics:
            buyer_price_turn = f.turn
        if f.role != SELLER:
            continue
        if PRICING in f.topics and f.question is None:
            if value_seen or f.turn - buyer_price_turn <= 2:
                return None
            return f
        if f.benefit:
            value_seen = True
    return None


def facts_for(doc: Document, ctx: Any) -> CallFacts:
    """The CallFacts of ``doc``, computed once per engine Context."""
    call_cfg = getattr(getattr(ctx, "config", None), "call", None) or {}
    if ctx is None or not hasattr(ctx, "memo"):
        return compute(doc, call_cfg)
    return ctx.memo("call.facts", lambda: compute(doc, call_cfg))
