"""Thresholds that move with who reads the copy (audience) and how the sale is made (sales context).

One table, documented in docs/profiles.md (generated). A rule asks ``ctx.threshold("grade.hard")``; the value
comes from the config's overrides, else the sales context, else the audience, else DEFAULTS.
"""

from __future__ import annotations

from typing import Any

AUDIENCES = ("technical", "business", "consumer")
CONTEXTS = ("self-serve", "services", "enterprise")

DEFAULTS: dict[str, Any] = {
    # jargon: a lower-case word rarer than this Zipf frequency (wordfreq, English) that is not an English
    # dictionary word is jargon (a coinage such as "goroutines")
    "jargon.zipf_max": 3.3,
    # jargon: how much technical vocabulary the reader is assumed not to know. 0 (technical): only coinages
    # rarer than jargon.zipf_max and acronyms no engineer knows; 1 (business): also code, the technical
    # lexicon and technical acronyms; 2 (consumer): also terms business buyers know ("dashboard", "scalable")
    "jargon.level": 1,
    # a capitalised word that is no English word and rarer than this Zipf frequency, in a sentence that is already
    # technical, is a third-party technical product ("Kapacitor"); 0 turns the test off. Chosen by grouped
    # cross-validation (docs/jargon.md)
    "jargon.name_zipf_max": 1.0,
    # a sentence with this many unexplained terms (first uses) is jargon-dense (JRG003)
    "jargon.dense_terms": 3,
    # jargon contrast = Zipf in software documentation (data/tech_vocab.tsv) - Zipf in general English. A word with
    # at least this contrast that general English uses less than jargon.familiar_zipf is a software term on its
    # own ("latency", "middleware"). Chosen by grouped cross-validation on the labelled pages (docs/jargon.md)
    "jargon.contrast": 1.6,
    # a familiar word (general Zipf >= jargon.familiar_zipf) or one with a smaller contrast, down to this one, is a
    # term only next to another term ("test suite", "error handling")
    "jargon.context_contrast": 1.0,
    "jargon.familiar_zipf": 3.6,
    # a phrase of the documentation ("command line") is one term when its contrast (against wordfreq's estimate for
    # the phrase) reaches this
    "jargon.phrase_contrast": 0.9,
    # reading grade of one sentence: hard / very hard
    "grade.hard": 12.0,
    "grade.very_hard": 16.0,
    # a sentence this long is hard when its grade is also above grade.hard (very hard: both "very" limits, or
    # twice words_hard whatever the grade). Set so that professional product pages rarely trip them.
    "sentence.words_hard": 30,
    "sentence.words_very_hard": 40,
    # the average sentence of the whole copy (plain-language guidance: 15-20 words on average)
    "sentence.words_average": 20,
    # reading grade of the whole document (consensus grade). Professional product pages in shared/corpus read at
    # grade 9-12 (median 10.5); plain-language guidance asks for 8-10 for the public, so 12 flags the hardest
    # business copy without flagging a page for being merely technical
    "grade.document": 12.0,
    # a paragraph longer than this many words is a wall of text
    "paragraph.words_max": 90,
    "paragraph.sentences_max": 5,
}

AUDIENCE_THRESHOLDS: dict[str, dict[str, Any]] = {
    "technical": {
        "jargon.zipf_max": 1.5,
        "jargon.name_zipf_max": 0.0,
        "sentence.words_average": 24,
        "jargon.level": 0,
        "grade.hard": 14.0,
        "grade.very_hard": 18.0,
        "sentence.words_hard": 35,
        "sentence.words_very_hard": 45,
        "grade.document": 14.0,
        "paragraph.words_max": 120,
    },
    "business": {},
    "consumer": {
        "jargon.zipf_max": 3.8,
        "jargon.contrast": 1.0,
        "jargon.familiar_zipf": 4.2,
        "sentence.words_average": 17,
        "jargon.level": 2,
        "grade.hard": 10.0,
        "grade.very_hard": 13.0,
        "sentence.words_hard": 22,
        "sentence.words_very_hard": 30,
        "grade.document": 9.0,
        "paragraph.words_max": 70,
    },
}

from plainpitch.sales_thresholds import CONTEXT_THRESHOLDS, SALES_DEFAULTS  # noqa: E402  (sales rules own them)

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
    merged.update(SALES_DEFAULTS)
    merged.update(AUDIENCE_THRESHOLDS.get(audience, {}))
    merged.update(CONTEXT_THRESHOLDS.get(context, {}))
    merged.update(overrides or {})
    return merged
