"""rd.run_counts (running sums over every word) gives count_words for each run: the first counted word of a run may
be a capitalised long word (complex only there), runs may open with words holding no letter, be empty or hold no
counted word at all."""

import random

from plainpitch.text import readability as rd

WORDS = ["Administration", "administration", "International", "beautiful", "the", "a", "—", "...", "42", "3.5",
         "x", "API-first", "Re-engineering", "re-engineering", "organised", "Organised", "connecting", "Kubernetes",
         "simplicity", "Simplicity", "cat", "", "’", "naïve", "Über", "encyclopedia", "I", "it's"]  # fmt: skip


def test_run_counts_are_count_words_of_each_run():
    rng = random.Random(11)
    for _ in range(300):
        words = [rng.choice(WORDS) for _ in range(rng.randrange(0, 40))]
        runs = []
        at = 0
        while at < len(words):
            end = min(len(words), at + rng.randrange(0, 8))
            runs.append((at, end))
            at = end if end > at else at + 1
        got = list(rd.run_counts(words, runs))
        assert got == [rd.count_words(words[s:e]) for s, e in runs], (words, runs)


def test_a_capitalised_complex_word_counts_only_where_it_opens_the_run():
    words = ["—", "Administration", "Administration", "administration"]
    (whole,) = rd.run_counts(words, [(0, 4)])
    assert whole.complex_words == 2 and whole == rd.count_words(words)
    assert list(rd.run_counts(words, [(2, 4), (0, 1), (3, 3)])) == [rd.count_words(words[2:4]), rd.EMPTY, rd.EMPTY]
