"""The words of each unit and sentence of a Document as sets of case-folded words, made once per Document, so a
detector whose pattern needs one of a few literal words runs that pattern only where one of them is.

A "word" here is a maximal run of ``\\w`` characters (the regex definition, not the segmenter's: "e-mail" holds
"e" and "mail"), folded as ``re.IGNORECASE`` compares ASCII letters: lower case, and the four non-ASCII letters
that match an ASCII one under it (``İ ı ſ K``, Python's re documentation) mapped to that letter. So when a
pattern, case-blind or not, matches a stretch whose maximal ``\\w`` run is the ASCII word ``w`` written in any
case, ``fold(run) == w`` and the unit's set holds ``w``: skipping a unit whose set holds none of a pattern's
trigger words cannot lose a match (tests/test_wordsets.py proves the folding over every code point and each
trigger list against its pattern).
"""

from __future__ import annotations

import re
import threading
import weakref
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from plainpitch.text import lazy_re

_RUN_RE = lazy_re.compile(r"\w+")
# the non-ASCII letters re.IGNORECASE matches to an ASCII letter (and İ lower-cases to two characters)
_FOLD = {"İ": "i", "ı": "i", "ſ": "s", "K": "k"}


# A long non-ASCII text is lower-cased in pieces of about this many characters: str.lower() of such a string takes
# a work buffer of three characters a character, then the result (a 1 MiB page of 4-byte characters: 16 MB at once)
_FOLD_PIECE = 1 << 16


def fold(text: str) -> str:
    """``text`` lower-cased as re.IGNORECASE sees ASCII letters; same length, same ``\\w`` characters."""
    if text.isascii():
        return text.lower()
    if len(text) > _FOLD_PIECE:
        return "".join(map(_fold_piece, _pieces_at_line_ends(text, _FOLD_PIECE)))
    return _fold_piece(text)


def _fold_piece(text: str) -> str:
    for special, letter in _FOLD.items():
        if special in text:  # str.replace copies in C; str.translate calls a lookup per character (~80 ms a MiB)
            text = text.replace(special, letter)
    return text.lower()


def _pieces_at_line_ends(text: str, size: int) -> Iterable[str]:
    """``text`` in consecutive pieces of about ``size`` characters, each cut just after a line break: lower-casing
    looks across none (the one mapping that reads its neighbours, a final sigma, stops at any character that is
    neither a letter nor ignorable in case, as a line break is), so the pieces lower-case as the whole does."""
    at = 0
    while at < len(text):
        cut = text.find("\n", at + size)
        end = len(text) if cut == -1 else cut + 1
        yield text[at:end]
        at = end


def runs(text: str) -> list[str]:
    """The folded maximal ``\\w`` runs of a free string, in order."""
    return _RUN_RE.findall(fold(text))


def case_free(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The twin of a case-blind pattern for folded text: the same pattern without ``re.IGNORECASE``. It matches the
    folded text exactly where the pattern matches the text when every letter the pattern names is lower-case ASCII
    (no ``[A-Z]``): the test of each pattern given here checks that."""
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def phrase_triggers(phrases: Iterable[str]) -> frozenset[str] | None:
    """One folded trigger word per literal phrase, for a pattern that matches each phrase as a whole (not inside a
    longer run of word characters: ``\\b`` or ``(?<![\\w-])`` around it, ``\\s+`` between its words). Every ``\\w``
    run of such a phrase is a whole run of the text it matches, so any one will do: the longest ASCII one (long
    words are rare: "a number of" is gated on "number"). None when a phrase has none (no gate then)."""
    out = set()
    for phrase in phrases:
        found = [run for run in _RUN_RE.findall(phrase) if run.isascii()]
        if not found:
            return None
        out.add(max(found, key=len).lower())
    return frozenset(out)


class Phrases:
    """Literal phrases by their words: a stretch can hold a phrase (matched as whole words) only when it holds every
    ASCII ``\\w`` run of the phrase as a whole word; ``gate`` is False when some phrase has none."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.by_key: dict[str, list[frozenset[str]]] = {}
        self.gate = True
        for phrase in phrases:
            found = [run.lower() for run in _RUN_RE.findall(phrase) if run.isascii()]
            if not found:
                self.gate = False
                continue
            self.by_key.setdefault(max(found, key=len), []).append(frozenset(found))
        self.keys = frozenset(self.by_key)

    def held_in(self, words: frozenset[str]) -> bool:
        """Whether some phrase has all its words in ``words`` (or there is no gate)."""
        if not self.gate:
            return True
        by_key = self.by_key
        return any(phrase <= words for key in self.keys & words for phrase in by_key[key])


class WordSets:
    """Which units hold each folded word (an index made on first use: a few ints per unit, not a set per unit),
    and the stretches a gated pattern reads."""

    def __init__(self, text: str, units: Sequence, sentences: Sequence) -> None:
        self._text = text
        self._unit_bounds = units
        self._sentence_bounds = sentences
        self._index: dict[str, array] | None = None
        self._unit_sentences: list[tuple[int, int]] | None = None
        self._fill: bool | None = None
        self._lock = threading.Lock()

    def folded(self) -> str:
        """The whole text folded (same length and offsets as the Document's text; made each time, not kept)."""
        return fold(self._text)

    def index(self) -> dict[str, array]:
        """Folded word -> the indices of the units that hold it, in order."""
        with self._lock:
            if self._index is None:
                findall = _RUN_RE.findall
                text = self._text
                # each unit folded alone (not a copy of the whole text): lower-casing maps each character alone
                # but a capital sigma, which reads its neighbours, so a text with one is folded whole; a unit never
                # starts or ends inside a run of word characters, so the runs are whole
                by_unit = "\u03a3" not in text
                folded = "" if by_unit else self.folded()
                index: dict[str, array] = {}
                get = index.get
                for i, unit in enumerate(self._unit_bounds):
                    start, end = unit.start, unit.end
                    found = findall(fold(text[start:end])) if by_unit else findall(folded, start, end)
                    for word in set(found):
                        posting = get(word)
                        if posting is None:
                            posting = index[word] = array("i")
                        posting.append(i)
                self._index = index
        return self._index

    def units_with(self, triggers: frozenset[str] | None) -> list[int]:
        """Indices of the units that hold one of ``triggers``, in order (every unit when there is no gate)."""
        if triggers is None:
            return list(range(len(self._unit_bounds)))
        index = self.index()
        postings = [index[word] for word in triggers if word in index]
        if len(postings) <= 1:
            return list(postings[0]) if postings else []
        return sorted(set().union(*postings))

    def _sentences_of(self, units: Iterable[int]) -> list[int]:
        if self._unit_sentences is None:
            spans = [(0, 0)] * len(self._unit_bounds)
            for i, sentence in enumerate(self._sentence_bounds):
                first = spans[sentence.unit]
                spans[sentence.unit] = (first[0] if first[1] else i, i + 1)
            self._unit_sentences = spans
        spans = self._unit_sentences
        return [i for unit in units for i in range(*spans[unit])]

    def sentences_with(self, triggers: frozenset[str] | None) -> list[int]:
        """Indices of the sentences that may hold one of ``triggers``: those of the units that do."""
        if triggers is None:
            return list(range(len(self._sentence_bounds)))
        return self._sentences_of(self.units_with(triggers))

    def sentences_holding(self, phrases: Phrases) -> list[int]:
        """Indices of the sentences that hold every word of one of the phrases."""
        if not phrases.gate:
            return list(range(len(self._sentence_bounds)))
        index = self.index()
        units: set[int] = set()
        for key, found in phrases.by_key.items():
            if key not in index:
                continue
            for phrase in found:
                if all(word in index for word in phrase):  # a unit holding all its words is on the shortest list
                    units.update(min((index[word] for word in phrase), key=len))
        bounds = self._sentence_bounds
        text = self._text
        return [i for i in self._sentences_of(sorted(units))
                if phrases.held_in(frozenset(runs(text[bounds[i].start : bounds[i].end])))]  # fmt: skip

    def units_fill_text(self) -> bool:
        """Every character outside the units is a line break (the units joined as text/segment.py joins them): a
        pattern that matches no line break finds, over the whole text, exactly what it finds unit by unit."""
        if self._fill is None:
            text, at, fill = self._text, 0, True
            for unit in self._unit_bounds:
                if unit.start < at or text.count("\n", at, unit.start) != unit.start - at:
                    fill = False
                    break
                at = unit.end
            self._fill = fill and text.count("\n", at) == len(text) - at
        return self._fill

    def find(self, twin: re.Pattern[str], triggers: frozenset[str] | None,
             folded: str | None = None) -> list[tuple[int, int]]:  # fmt: skip
        """The spans a case-blind pattern matches in the whole text, found by its ``twin`` (``case_free``) in the
        folded text and only in the units that hold one of ``triggers``: for a pattern that matches no line break
        and whose every match holds one of ``triggers`` as a whole word. ``folded``: ``self.folded()``, when the
        caller already has it (several patterns in a row)."""
        folded = self.folded() if folded is None else folded
        if triggers is None or not self.units_fill_text():
            return [m.span() for m in twin.finditer(folded)]
        bounds = self._unit_bounds
        finditer = twin.finditer
        return [m.span() for index in self.units_with(triggers)
                for m in finditer(folded, bounds[index].start, bounds[index].end)]  # fmt: skip


_CACHE: dict[int, tuple[weakref.ref, dict[str, Any]]] = {}
_CACHE_LOCK = threading.Lock()


def per_document(doc, name: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per Document and name, kept while the Document lives (analyses that many rules and the
    engine ask for, outside one rule context: the word sets, the body's units)."""
    key = id(doc)
    entry = _CACHE.get(key)
    if entry is not None and entry[0]() is doc and name in entry[1]:
        return entry[1][name]
    value = compute()
    try:
        ref = weakref.ref(doc, lambda ref, key=key: _forget(key, ref))
    except TypeError:  # an object that takes no weak reference: nothing is kept
        return value
    with _CACHE_LOCK:
        entry = _CACHE.get(key)
        if entry is None or entry[0]() is not doc:
            entry = _CACHE[key] = (ref, {})
        return entry[1].setdefault(name, value)


def word_sets(doc) -> WordSets:
    """The Document's word sets, made once per Document."""
    return per_document(doc, "word_sets", lambda: WordSets(doc.text, doc.units, doc.sentences))


def word_counts(doc) -> Counter:
    """How often the Document uses each of its words, as written (counted in C from the words' texts, not a Token
    made per word), made once per Document: the language check and the jargon pass both read it. Read-only."""

    def count() -> Counter:
        words = doc.words
        return Counter(words.texts() if hasattr(words, "texts") else (t.text for t in words))

    return per_document(doc, "word_counts", count)


def unit_word_counts(doc) -> list[int]:
    """How many of the Document's words each unit holds, from its sentences (a word lies in one sentence, of the
    sentence's unit) rather than a Token per word; counted word by word when the sentences do not cover the words."""

    def count() -> tuple[int, ...]:
        counts = [0] * len(doc.units)
        total = 0
        for sentence in doc.sentences:
            counts[sentence.unit] += sentence.word_end - sentence.word_start
            total += sentence.word_end - sentence.word_start
        if total != len(doc.words):
            counts = [0] * len(doc.units)
            for word in doc.words:
                counts[word.unit] += 1
        return tuple(counts)

    return list(per_document(doc, "unit_word_counts", count))


def _forget(key: int, ref: weakref.ref) -> None:
    with _CACHE_LOCK:
        entry = _CACHE.get(key)
        if entry is not None and entry[0] is ref:
            del _CACHE[key]
