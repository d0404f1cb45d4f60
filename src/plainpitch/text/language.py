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


# The words of _COMMON that are not among the 100 commonest words of any of 22 other languages written in Latin
# letters (wordfreq's lists: es pt fr de it nl ro sh pl sv id tr da nb fi cs hu ca sk sl ms vi; Filipino's is left
# out, its web text being half English; the test derives the set again). "a", "do", "no", "me", "in", "the" are
# words of Portuguese, Spanish, German or Dutch text too; these are English alone.
ENGLISH_ONLY = frozenset(
    """
    about all and been but can did does from get has he his how if into it its just more my not only or our out she
    than that their them then there these they this those up were what when which who why will with you your
    """.split()
)
_SURE_LENGTH = 60  # letters-only words: a stretch of English prose this long always holds some of them


def english_ratio(words: list[str]) -> float:
    if not words:
        return 1.0
    hits = sum(1 for w in words if w.lower() in _COMMON)
    return hits / len(words)


def looks_english(doc: Document) -> bool:
    """False only when there is enough running text to judge and almost none of it is English."""
    # each distinct word judged once: the words counted in C (once per Document: the jargon pass reads them too)
    counts = word_counts(doc)
    alpha = common = only = 0
    for word, count in counts.items():
        if word.isalpha():
            alpha += count
            lower = word.lower()
            if lower in _COMMON:
                common += count
                only += lower in ENGLISH_ONLY
    if alpha < 20:
        return True
    if alpha >= _SURE_LENGTH and not only:
        return False  # a Portuguese e-mail reaches the bar below on "a", "do" and "no" alone
    # English prose runs at 35-50% function words; headings and lists lower it, so the bar is low (as
    # english_ratio over the letters-only words)
    return common / alpha >= 0.08
