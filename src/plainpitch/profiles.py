"""Thresholds that move with who reads the copy (audience) and how the sale is made (sales context).

One table, documented in docs/profiles.md (generated). A rule asks ``ctx.threshold("grade.hard")``; the value
comes from the config's overrides, else the sales context, else the audience, else DEFAULTS.
"""

from __future__ import annotations

from typing import Any

AUDIENCES = ("technical", "business", "consumer")
CONTEXTS = ("self-serve", "services", "enterprise")

DEFAULTS: dict[str, Any] = {
    # jargon: a word rarer than this Zipf frequency (wordfreq, English) is a jargon candidate
    "jargon.zipf_max": 3.3,
    # reading grade of one sentence: hard / very hard
    "grade.hard": 12.0,
    "grade.very_hard": 16.0,
    # a sentence longer than this many words is hard whatever its grade
    "sentence.words_hard": 25,
    "sentence.words_very_hard": 35,
    # reading grade of the whole document
    "grade.document": 10.0,
    # a paragraph longer than this many words is a wall of text
    "paragraph.words_max": 90,
    "paragraph.sentences_max": 5,
}

AUDIENCE_THRESHOLDS: dict[str, dict[str, Any]] = {
    "technical": {
        "jargon.zipf_max": 1.5,
        "grade.hard": 14.0,
        "grade.very_hard": 18.0,
        "sentence.words_hard": 30,
        "sentence.words_very_hard": 40,
        "grade.document": 13.0,
        "paragraph.words_max": 120,
    },
    "business": {},
    "consumer": {
        "jargon.zipf_max": 3.8,
        "grade.hard": 10.0,
        "grade.very_hard": 13.0,
        "sentence.words_hard": 20,
        "sentence.words_very_hard": 30,
        "grade.document": 8.0,
        "paragraph.words_max": 70,
    },
}

CONTEXT_THRESHOLDS: dict[str, dict[str, Any]] = {
    "self-serve": {},
    "services": {},
    "enterprise": {},
}

AUDIENCE_HELP = {
    "technical": "engineers evaluating a tool: technical terms they use daily are fine",
    "business": "a manager or owner outside IT (default)",
    "consumer": "anyone: plainest words, shortest sentences",
}
CONTEXT_HELP = {
    "self-serve": "a product page that sells on its own",
    "services": "a freelancer's or consultant's proposal or outreach",
    "enterprise": "an IT deal with technical evaluators and a buying committee",
}


def thresholds(audience: str, context: str, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    merged = dict(DEFAULTS)
    merged.update(AUDIENCE_THRESHOLDS.get(audience, {}))
    merged.update(CONTEXT_THRESHOLDS.get(context, {}))
    merged.update(overrides or {})
    return merged
