"""The form every call pattern reads: one sentence as speech-to-text wrote it, lower-cased with straight quotes.

Kept apart from the detectors so that questions, asks and the other call signals share it without importing
each other.
"""

from __future__ import annotations

import re

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def normalise(text: str) -> str:
    """Lower case with straight apostrophes (same length as the input, so offsets carry over)."""
    return text.translate(_APOSTROPHES).lower()


_REPEAT = re.compile(r"\b(\w+(?:'\w+)?(?:\s+\w+(?:'\w+)?){0,2})(?:[\s,]+\1\b)+")


def unstutter(text: str) -> str:
    """Speech repeats itself: "do you do you mind", "we we want", "I I think" -> one of each (offsets change)."""
    return _REPEAT.sub(r"\1", text)
