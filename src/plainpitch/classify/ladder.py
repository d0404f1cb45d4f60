"""The "so what?" ladder: a feature sentence rewritten to end in an outcome the writer fills in.

    >>> rungs("Our API answers in 20 ms.")["rungs"][0]
    'Our API answers in 20 ms, so you …'

The outcome is left to the writer (only they know their buyer); the hint comes from the feature's type
(speed -> time, automation -> hours of work, reliability -> fewer outages and lost sales, security -> audits
passed, price -> money), see cues.FEATURE_TYPES.
"""

from __future__ import annotations

from plainpitch.classify.cues import feature_type

FILL = "…"


def _stem(text: str) -> str:
    """The sentence without its closing punctuation, ready to take a clause."""
    return text.rstrip().rstrip(".!:;,").rstrip()


def rungs(text: str) -> dict:
    kind, hint = feature_type(text)
    stem = _stem(text)
    return {
        "feature_type": kind,
        "outcome_hint": hint,
        "rungs": [f"{stem}, so you {FILL}", f"{stem}, which means {FILL}"],
    }
