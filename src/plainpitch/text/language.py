"""Is this English? The rules are tuned for English; on other languages they would only make noise."""

from __future__ import annotations

from plainpitch.model import Document
from plainpitch.text.wordsets import word_counts

# The most frequent English function words: in any English prose of a few sentences some of them appear.
_COMMON = frozenset(
    """
    the a an and or but of to in on for with at by from as is are was were be been it its this that these those
    you your we our us i my me he she they them their his her not no can will do does did have has had so if
    than then there what which who how when why all any more most up out about into over just only also get
    """.split()
)


def english_ratio(words: list[str]) -> float:
    if not words:
        return 1.0
    hits = sum(1 for w in words if w.lower() in _COMMON)
    return hits / len(words)


def looks_english(doc: Document) -> bool:
    """False only when there is enough running text to judge and almost none of it is English."""
    # each distinct word judged once: the words counted in C (once per Document: the jargon pass reads them too)
    counts = word_counts(doc)
    alpha = common = 0
    for word, count in counts.items():
        if word.isalpha():
            alpha += count
            if word.lower() in _COMMON:
                common += count
    if alpha < 20:
        return True
    # English prose runs at 35-50% function words; headings and lists lower it, so the bar is low (as
    # english_ratio over the letters-only words)
    return common / alpha >= 0.08
