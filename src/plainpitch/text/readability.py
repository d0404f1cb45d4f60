"""Readability formulas as pure functions over counts that are computed once.

``count_words(words, sentences)`` walks the words one time (syllables, letters, polysyllables); every formula
then reads the same ``Counts``. Nothing here tokenises: callers pass the Document's tokens (or, for ad-hoc use,
``plainpitch.text.segment.words_in``).

Formulas (grade = US school grade, roughly years of schooling needed):
- Flesch reading ease (Flesch 1948): 0-100, higher is easier; 60-70 is plain English.
- Flesch-Kincaid grade (Kincaid et al. 1975).
- Gunning fog (Gunning 1952): "complex" words are 3+ syllables, not counting -ed/-es/-ing endings,
  hyphenated compounds or capitalised names.
- SMOG (McLaughlin 1969), normalised to 30 sentences as in the original; meant for 30+ sentences.
- Coleman-Liau (1975): letters and sentences per 100 words, no syllables.
- Automated readability index (Smith & Senter 1967): characters per word and words per sentence.
Dale-Chall is left out: it needs the Dale-Chall list of 3,000 familiar words, which the project does not ship.

``consensus_grade`` is a trimmed mean: of the five grades (FK, fog, SMOG, Coleman-Liau, ARI) drop the highest
and the lowest and average the other three. Why: each formula has a known blind spot (fog and SMOG over-react
to long technical words and to short texts, Coleman-Liau and ARI to long letters-only words, FK to long
sentences), so the extremes are dropped; averaging the rest cancels some of each formula's noise, which a
plain median (one formula's value) does not. On the OneStopEnglish dev articles (scripts/eval_copy.py) it
orders advanced > intermediate > elementary for 63/65 articles, as do the best single formulas, where the
median of five got 62/65; it was chosen on that principle, not searched for.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from plainpitch.text import lazy_re
from plainpitch.text.segment import Block, build_document
from plainpitch.text.syllables import syllables

_INFLECTION_RE = lazy_re.compile(r"(?:ed|es|ing)$")


@dataclass(frozen=True, slots=True)
class Counts:
    sentences: int
    words: int
    syllables: int
    letters: int  # letters and digits, for Coleman-Liau and ARI
    polysyllables: int  # words of 3+ syllables (SMOG)
    complex_words: int  # fog's "hard" words: 3+ syllables, not names, compounds or inflected forms
    long_words: int  # more than 6 letters

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self._tuple(), other._tuple(), strict=True)))

    def _tuple(self) -> tuple[int, ...]:
        return (
            self.sentences, self.words, self.syllables, self.letters,
            self.polysyllables, self.complex_words, self.long_words,
        )  # fmt: skip


EMPTY = Counts(0, 0, 0, 0, 0, 0, 0)


def total(counts: Iterable[Counts]) -> Counts:
    """The sum of many Counts (what adding them one by one gives, in one pass)."""
    sums = [0] * 7
    for c in counts:
        sums[0] += c.sentences
        sums[1] += c.words
        sums[2] += c.syllables
        sums[3] += c.letters
        sums[4] += c.polysyllables
        sums[5] += c.complex_words
        sums[6] += c.long_words
    return Counts(*sums)


def count_words(words: Iterable[str], sentences: int = 1, *, first_is_sentence_start: bool = True) -> Counts:
    """Counts for a run of words making up ``sentences`` sentences.

    Capitalised words are names for fog (they are not "complex" however long), except the first word of the
    run when ``first_is_sentence_start`` (callers counting whole sentences pass each sentence's words).
    """
    n_words = n_syll = n_letters = n_poly = n_complex = n_long = 0
    first = first_is_sentence_start
    for word in words:
        letters, syll, complex_unless_name = _word_info(word)
        if not letters:
            continue
        n_words += 1
        n_letters += letters
        if letters > 6:
            n_long += 1
        n_syll += syll
        if syll >= 3:
            n_poly += 1
            if complex_unless_name and not (word[:1].isupper() and not first):
                n_complex += 1
        first = False
    return Counts(sentences if n_words else 0, n_words, n_syll, n_letters, n_poly, n_complex, n_long)


@lru_cache(maxsize=65536)
def _word_info(word: str) -> tuple[int, int, bool]:
    """(letters and digits, syllables, fog-complex unless a name) for one word; cached, words repeat."""
    letters = sum(ch.isalnum() for ch in word)
    if not letters:
        return 0, 0, False
    if not any(ch.isalpha() for ch in word):
        return letters, 1, False  # a number: read as one word
    s = syllables(word)
    inflected = _INFLECTION_RE.search(word) is not None and syllables(word[:-2]) < 3
    return letters, s, s >= 3 and "-" not in word and not inflected


# -- formulas ------------------------------------------------------------------------------------------
def flesch_reading_ease(c: Counts) -> float | None:
    if not c.words or not c.sentences:
        return None
    return 206.835 - 1.015 * c.words_per_sentence - 84.6 * c.syllables_per_word


def flesch_kincaid_grade(c: Counts) -> float | None:
    if not c.words or not c.sentences:
        return None
    return 0.39 * c.words_per_sentence + 11.8 * c.syllables_per_word - 15.59


def gunning_fog(c: Counts) -> float | None:
    if not c.words or not c.sentences:
        return None
    return 0.4 * (c.words_per_sentence + 100.0 * c.complex_words / c.words)


def smog(c: Counts) -> float | None:
    if not c.words or not c.sentences:
        return None
    return 1.0430 * math.sqrt(c.polysyllables * 30.0 / c.sentences) + 3.1291


def coleman_liau(c: Counts) -> float | None:
    if not c.words or not c.sentences:
        return None
    letters_per_100 = 100.0 * c.letters / c.words
    sentences_per_100 = 100.0 * c.sentences / c.words
    return 0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8


def automated_readability_index(c: Counts) -> float | None:
    if not c.words or not c.sentences:
        return None
    return 4.71 * c.letters / c.words + 0.5 * c.words_per_sentence - 21.43


GRADE_FORMULAS = {
    "fk_grade": flesch_kincaid_grade,
    "fog": gunning_fog,
    "smog": smog,
    "coleman_liau": coleman_liau,
    "ari": automated_readability_index,
}


def consensus_grade(c: Counts) -> float | None:
    """The trimmed mean of the five grade formulas (see the module docstring for why)."""
    grades = sorted(g for g in (f(c) for f in GRADE_FORMULAS.values()) if g is not None)
    if not grades:
        return None
    middle = grades[1:-1] if len(grades) > 2 else grades
    return max(0.0, sum(middle) / len(middle))


def sentence_grade(c: Counts) -> float | None:
    """Grade of one sentence: the median of FK, Coleman-Liau and ARI.

    SMOG and fog are left out on purpose: scaled up from one sentence they swing by several grades on a single
    long word.
    """
    grades = [g for g in (flesch_kincaid_grade(c), coleman_liau(c), automated_readability_index(c)) if g is not None]
    return max(0.0, _median(grades)) if grades else None


def _median(values: list[float]) -> float:
    """statistics.median, step for step (same float), without its type checks: it runs once per sentence."""
    data = sorted(values)
    n = len(data)
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def all_scores(c: Counts) -> dict[str, float | None]:
    """Every formula by metric name (without the ``copy.`` prefix)."""
    out: dict[str, float | None] = {"flesch_reading_ease": flesch_reading_ease(c)}
    out.update({name: f(c) for name, f in GRADE_FORMULAS.items()})
    out["grade"] = consensus_grade(c)
    return out


def text_counts(text: str) -> Counts:
    """Counts for a free string (segmented with the project's one segmenter, a paragraph per blank-line block):
    for scripts and tests."""
    blocks, pos = [], 0
    for chunk in re.split(r"(\n[ \t]*\n)", text):
        if chunk.strip() and not chunk.isspace():
            blocks.append(Block("paragraph", " ".join(chunk.split("\n")), pos))
        pos += len(chunk)
    doc = build_document("-", text, blocks)
    total = EMPTY
    for s in doc.sentences:
        total = total + count_words((t.text for t in doc.sentence_words(s)), 1)
    return total
