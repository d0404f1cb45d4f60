"""Misspelt words: a word no dictionary knows that is one slip of the keyboard from a common word.

Judged blind on real copy, typos were among the first problems copywriters named ("necesary", "pleasent",
"Add Resturants"): a seller who cannot spell on their own page looks careless with the buyer's money too. Precision
comes first here, because a name or a coinage called a typo is worse than a typo missed, so a word is called
misspelt only when all of these hold (``correction`` gives the word meant, or None):

- it is five or more lowercase letters: capitalised words are names and brands, often misspelt on purpose
  ("Flickr", "Tumblr"), and short words are too often abbreviations;
- no dictionary knows it: not a CMUdict headword or a regular inflection or adjective of one ("spammy"), not a
  word software documentation uses (``lexicon.tech_vocab``) or an inflection of one ("evals"), and rare in general English (wordfreq's list holds common
  misspellings too: "recieve" and "helpfull" sit near Zipf 2);
- one edit (a letter dropped, added or changed, or two letters swapped) turns it into a common English word, the
  first letter kept: writers seldom slip on the first letter, while coinages often differ there ("xarray" from
  "array", "overage" from "average"), and the last letter kept too: a letter added, dropped or changed at the end
  makes another form of a word more often than a slip ("prover" from "prove", "fundraise" from "fundraiser",
  "verifier" beside "verified"; a doubled last letter, "helpfull", is a slip).

The word's context (names the page spells another way, code, other languages) is the rule's to judge
(plainpitch.rules.checks.spelling).
"""

from __future__ import annotations

import re
from functools import lru_cache

from plainpitch.text import lazy_re, lexicon

MIN_LETTERS = 5
RARE_ZIPF = 2.5  # the misspelling: rarer than this in general English
COMMON_ZIPF = 3.5  # the word meant: at least this common (about once in 300,000 words)
WORD_RE = lazy_re.compile(r"[a-z]+")  # a candidate as the rule finds it (it checks what is around it)

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_edit(word: str) -> set[str]:
    """Every string one edit from ``word`` that keeps its first letter (Norvig's four kinds of edit)."""
    head, rest = word[0], word[1:]
    splits = [(rest[:i], rest[i:]) for i in range(len(rest) + 1)]
    out = {head + a + b[1:] for a, b in splits if b}  # a letter dropped
    out |= {head + a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}  # two swapped
    out |= {head + a + c + b[1:] for a, b in splits if b for c in _LETTERS}  # one changed
    out |= {head + a + c + b for a, b in splits for c in _LETTERS}  # one added
    out.discard(word)
    return out


def _other_form(word: str) -> bool:
    """A common word with one letter more or less at the end: "prover" (prove), "fundraise" (fundraiser), or the
    adverb of an adjective ("portably"). A last letter doubled is a slip all the same ("helpfull")."""
    if word[-1] == word[-2]:
        return False
    if word.endswith(("ably", "ibly")) and lexicon.is_english_word(word[:-1] + "e"):
        return True  # the adverb of an English adjective ("portably"), which the dictionary may not list
    return any(lexicon.common_zipf(w, COMMON_ZIPF) is not None and lexicon.is_english_word(w)
               for w in (word[:-1], *(word + c for c in _LETTERS)))  # fmt: skip


# American and British spellings of one word: a word whose other spelling the dictionary knows is spelt right
# ("louvers" beside "louvres", "favorite" beside "favourite", "analyze" beside "analyse", "traveled" beside "travelled")
_VARIANTS = ((re.compile(r"er(?=s?$|ed$|ing$)"), "re"), (re.compile(r"re(?=s?$|d$)"), "er"), (re.compile(r"or(?=s?$|ed$|ing$|ite|able|ful)"), "our"),
             (re.compile(r"our(?=s?$|ed$|ing$|ite|able|ful)"), "or"), (re.compile(r"iz(?=e|ing|ation)"), "is"),
             (re.compile(r"is(?=e|ing|ation)"), "iz"), (re.compile(r"yz(?=e|ing)"), "ys"), (re.compile(r"ys(?=e|ing)"), "yz"),
             (re.compile(r"ense(?=s?$)"), "ence"), (re.compile(r"ence(?=s?$)"), "ense"),
             (re.compile(r"og(?=s?$)"), "ogue"))  # fmt: skip
# "traveled" and "travelled": the l doubled or not before an ending, where the word without it ends in l ("travel");
# "scalling" is a slip for "scaling" ("scal" is no word)
_L_ENDING_RE = lazy_re.compile(r"(?<=[aeiou])(ll?)(ed|ing|er)$")


def _other_spelling(word: str) -> bool:
    """The word's American or British spelling is a word the dictionary knows (see _VARIANTS)."""
    for pattern, other in _VARIANTS:
        for m in pattern.finditer(word):
            if lexicon.is_english_word(word[: m.start()] + other + word[m.end() :]):
                return True
    m = _L_ENDING_RE.search(word)
    if m and lexicon.is_english_word(word[: m.start()] + "l"):
        other = word[: m.start()] + ("l" if m.group(1) == "ll" else "ll") + m.group(2)
        return lexicon.is_english_word(other)
    return False


@lru_cache(maxsize=8192)
def correction(word: str) -> str | None:
    """The common word ``word`` is a slip for, or None when it is a word, a name, a coinage or too far from one."""
    if len(word) < MIN_LETTERS or not WORD_RE.fullmatch(word):
        return None
    if not lexicon.rarer_than(word, RARE_ZIPF) or lexicon.is_english_word(word):
        return None
    terms = lexicon.tech_vocab().words
    if any(stem in terms for stem in lexicon.stems(word)):
        return None  # a word software documentation uses, or a regular inflection of one ("evals", "configs")
    if _other_form(word) or _other_spelling(word):
        return None
    best: tuple[float, str] | None = None
    for candidate in _one_edit(word):
        value = lexicon.common_zipf(candidate, COMMON_ZIPF)
        if value is not None and lexicon.is_english_word(candidate) and (best is None or (value, candidate) > best):
            best = (value, candidate)
    if best is None or (best[1][-1] != word[-1] and best[1] != word[:-1]):
        return None  # a changed last letter makes another form of the word ("verifier", "verified"), not a slip
    return best[1]
