"""The form every call pattern reads: one sentence as speech-to-text wrote it, lower-cased with straight quotes.

Kept apart from the detectors so that questions, asks and the other call signals share it without importing
each other.
"""

from __future__ import annotations

from functools import lru_cache

from plainpitch.text import lazy_re
from plainpitch.text.wordsets import runs

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def normalise(text: str) -> str:
    """Lower case with straight apostrophes (same length as the input, so offsets carry over)."""
    return text.translate(_APOSTROPHES).lower()


def unstutter(text: str) -> str:
    """Speech repeats itself: "do you do you mind", "we we want", "I I think" -> one of each (offsets change)."""
    words = text.split()  # the maximal runs of non-space (``\S+``: str.split and re's \s share str.isspace)
    if len(words) < 2:
        return text
    keys = [w.strip(",").lower() for w in words]
    if len(set(keys)) == len(keys):  # most clauses: no word twice, nothing to drop
        return text
    out: list[str] = []
    i, n = 0, len(words)
    while i < n:
        for size in (3, 2, 1):  # drop a run of 1-3 words that the next 1-3 words repeat
            j = i + size  # (its first word repeated there is tested before the runs are sliced and compared)
            if j + size <= n and keys[i] == keys[j] and keys[i:j] == keys[j : j + size]:
                i = j
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


@lru_cache(maxsize=64)  # the detectors of one sentence ask in a row: its words are found once
def word_set(sentence: str) -> frozenset[str] | None:
    """The sentence's words (``text.wordsets.runs``: maximal ``\\w`` runs, folded as re.IGNORECASE compares ASCII
    letters), for the detectors' gates; None (no gate) when it holds "İ", the one character ``str.lower`` makes two
    of. A literal ASCII word that a pattern matches as a whole word, case-blind in the sentence or in ``normalise``'s
    lower case, is one of these words (tests/test_call_gates.py checks the characters behind that claim)."""
    if "İ" in sentence:
        return None
    return frozenset(runs(sentence))


def lacks(sentence: str, triggers: frozenset[str]) -> bool:
    """True when the sentence holds none of ``triggers`` as a word: a pattern whose every match holds one of them as
    a whole word (each list is proved against its pattern in tests/test_call_gates.py) cannot match it."""
    found = word_set(sentence)
    return found is not None and found.isdisjoint(triggers)


_DIGIT = lazy_re.compile(r"\d")


def has_digit(sentence: str) -> bool:
    return _DIGIT.search(sentence) is not None
