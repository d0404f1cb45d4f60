"""looks_english counts each distinct word once: the same verdict as the ratio over the list of every letters-only
word, at the edges (20 words, a ratio of 0.08), with capitals, digits and punctuation in the words, and on the
tuple of Tokens a rule's scoped view holds."""

import random
from dataclasses import replace

from plainpitch.ingest import load_text
from plainpitch.text.language import english_ratio, looks_english


def _by_the_list(doc) -> bool:
    words = [t.text for t in doc.words if t.text.isalpha()]
    return True if len(words) < 20 else english_ratio(words) >= 0.08


def test_the_verdict_is_that_of_the_ratio_over_every_word():
    rng = random.Random(7)
    common = ["the", "The", "THE", "and", "You", "our", "it's", "of"]
    other = ["Straße", "lavoro", "rapide", "équipe", "x2", "42", "Zeit", "über", "año"]
    verdicts = set()
    for _ in range(400):
        n = rng.randrange(12, 60)
        share = rng.choice((0.0, 0.05, 0.07, 0.08, 0.09, 0.1, 0.3))
        words = [rng.choice(common) if rng.random() < share else rng.choice(other) for _ in range(n)]
        doc = load_text(" ".join(words) + ".", "page.txt")
        expected = _by_the_list(doc)
        verdicts.add(expected)
        assert looks_english(doc) == expected, words
        assert looks_english(replace(doc, words=tuple(doc.words))) == expected, words
    assert verdicts == {True, False}


def test_the_edges_of_twenty_words_and_a_ratio_of_eight_percent():
    for alpha, common in ((19, 0), (20, 0), (20, 1), (20, 2), (25, 2), (50, 4), (50, 3), (100, 8), (100, 7)):
        words = ["the"] * common + ["lavoro"] * (alpha - common) + ["42", "x2"]
        doc = load_text(" ".join(words) + ".", "page.txt")
        assert looks_english(doc) == _by_the_list(doc), (alpha, common)
