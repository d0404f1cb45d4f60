"""The form every call pattern reads: one sentence as speech-to-text wrote it, lower-cased with straight quotes.

Kept apart from the detectors so that questions, asks and the other call signals share it without importing
each other.
"""

from __future__ import annotations

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def normalise(text: str) -> str:
    """Lower case with straight apostrophes (same length as the input, so offsets carry over)."""
    return text.translate(_APOSTROPHES).lower()
