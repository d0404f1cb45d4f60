"""Which sentences may hold a multi-word term: a phrase of the hand lexicon (``lexicon.match_phrases``) or of the
technical table (``lexicon.match_tech_phrases``).

Both matchers walk a sentence's word parts (words split at hyphens, ``lexicon.normalise``d). A match starts at a
part that opens a phrase and, for a phrase of two words or more, goes on with a part that can be that phrase's
second word. Words such as "in", "on" or "make" open some phrase and stand in most sentences; the pair they
start rarely goes on as any phrase does. Looking at the pairs, once per document and mostly in C, spares the
jargon pass the sentences where no phrase can start (most of a long call).

Conservative by construction: a sentence this calls dead can match no phrase, with or without the words that a
protected stretch (code, a placeholder) hides from the jargon pass.
"""

from __future__ import annotations

import bisect
import itertools
import threading
from collections.abc import Iterable

from plainpitch.text import lazy_re, lexicon

# a first part -> the forms a second part may take; ALONE when a one-part phrase opens with it (no second needed)
ALONE: frozenset[str] = frozenset()
_LOCK = threading.Lock()
_TABLE: list[dict[str, frozenset[str]]] = []


def _forms(word: str) -> list[str]:
    """``word`` and the plurals ``lexicon._same_word`` accepts for a last word (a superset for any word)."""
    out = [word, word + "s", word + "es"]
    if word.endswith("y"):
        out.append(word[:-1] + "ies")
    return out


def _build() -> dict[str, frozenset[str]]:
    seconds: dict[str, set[str]] = {}
    alone: set[str] = set()
    for first, candidates in lexicon.terms().phrases.items():
        for words, _term, exact_case in candidates:
            if len(words) < 2:
                alone.add(first)
                continue
            forms = _forms(words[1])
            # an exact-case word is compared as written; its normalised form is what the gate sees
            found = seconds.setdefault(first, set())
            found.update(forms)
            if exact_case:
                found.update(map(lexicon.normalise, forms))
    for first, nexts in lexicon._tech_phrases_by_second().items():
        seconds.setdefault(first, set()).update(nexts)
    table = {first: frozenset(found) for first, found in seconds.items()}
    table.update(dict.fromkeys(alone, ALONE))
    return table


def table() -> dict[str, frozenset[str]]:
    """Built once, whole, under a lock (``plainpitch serve`` analyses in threads); a pure function of the tables."""
    if not _TABLE:
        with _LOCK:
            if not _TABLE:
                _TABLE.append(_build())
    return _TABLE[0]


def _parts(token: str) -> list[str]:
    # as jargon._hyphen_parts splits a word (runs of characters other than '-'), then lexicon.normalise
    return [lexicon.normalise(p) for p in token.split("-") if p]


def _inner(parts: list[str], pairs: dict[str, frozenset[str]]) -> bool:
    """A phrase may start inside the word's own parts ("user-interface"), or a one-part phrase opens at one."""
    for j, part in enumerate(parts):
        nexts = pairs.get(part)
        if nexts is ALONE or nexts is not None and j + 1 < len(parts) and parts[j + 1] in nexts:
            return True
    return False


_MASKED = lazy_re.compile(rb"\x01+")
_BIT1 = bytes(c & 1 for c in range(256))
_BIT2 = bytes(c >> 1 & 1 for c in range(256))


class PairGate:
    """One document's words as the gate sees them: ``codes[word]`` is 1 when a phrase may start inside the word
    (or a one-part phrase opens at it), plus 2 when its last part opens a phrase that may go on with the next word.
    A caller that walks the words anyway may fold these codes into its own byte a word (``sentences``'s ``at``)."""

    __slots__ = ("codes", "heads", "tails")

    def __init__(self, distinct: Iterable[str]) -> None:
        pairs = table()
        self.codes: dict[str, int] = {}
        self.tails: dict[str, frozenset[str]] = {}  # what may follow a word whose code holds 2
        self.heads: dict[str, str | None] = {}  # the word's first part (None: a word with no part, e.g. "--")
        for token in distinct:
            parts = _parts(token)
            tail = pairs.get(parts[-1]) if parts else None
            self.codes[token] = (1 if not parts or _inner(parts, pairs) else 0) | (2 if tail else 0)
            if tail:
                self.tails[token] = tail
            self.heads[token] = parts[0] if parts else None

    def sentences(self, text: str, starts, ends, sentence_of, at: bytes | bytearray, mask: bytearray) -> set[int]:
        """Indices of the sentences where a phrase may start. ``starts``, ``ends``, ``sentence_of``: each word's
        offsets and sentence (``model.Tokens`` arrays); ``at``: each word's code, one byte a word; ``mask``: 1 on
        the characters the jargon pass never reads (it drops a word the mask touches, which joins that word's
        neighbours)."""
        heads, tails = self.heads, self.tails
        chosen = set(itertools.compress(sentence_of, at.translate(_BIT1)))
        n = len(at)
        for i in itertools.compress(range(n), at.translate(_BIT2)):
            if i + 1 < n and sentence_of[i + 1] == sentence_of[i]:
                if heads[text[starts[i + 1] : ends[i + 1]]] in tails[text[starts[i] : ends[i]]]:
                    chosen.add(sentence_of[i])
        # the words a protected stretch touches are dropped: the words either side of a run of them become neighbours
        dropped = bytearray(n)
        for m in _MASKED.finditer(mask):
            lo, hi = bisect.bisect_right(ends, m.start()), bisect.bisect_left(starts, m.end())
            dropped[lo:hi] = b"\x01" * (hi - lo)
        for m in _MASKED.finditer(dropped):
            i, j = m.start() - 1, m.end()
            if i >= 0 and j < n and sentence_of[i] == sentence_of[j] and at[i] & 2:
                if heads[text[starts[j] : ends[j]]] in tails[text[starts[i] : ends[i]]]:
                    chosen.add(sentence_of[i])
        return chosen


def phrase_sentences(text: str, starts, ends, sentence_of, distinct: Iterable[str], mask: bytearray) -> set[int]:
    """``PairGate(distinct).sentences(...)`` with the words' codes read from the text."""
    gate = PairGate(distinct)
    # one byte a word (a list of the words' texts would hold ~60 bytes a word)
    at = bytearray(map(gate.codes.__getitem__, map(text.__getitem__, map(slice, starts, ends))))
    return gate.sentences(text, starts, ends, sentence_of, at, mask)
