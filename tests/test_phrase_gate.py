"""text.phrase_gate: the sentences where a multi-word term may start, found from word pairs. The jargon pass's own
test (tests/test_jargon_live.py) checks that it finds what looking at every sentence finds; these check the gate's
cases directly: a pair across words, inside a hyphenated word, and across a word a protected stretch hides."""

import re
from array import array

from plainpitch.text.phrase_gate import phrase_sentences


def _gate(text: str, masked: str = "") -> set[int]:
    spans = [m.span() for m in re.finditer(r"[\w'-]+", text)]
    sentence_of = [text.count(".", 0, start) for start, _ in spans]  # one sentence per full stop
    mask = bytearray(len(text))
    if masked:
        at = text.index(masked)
        mask[at : at + len(masked)] = b"\x01" * len(masked)
    starts, ends = array("i", (s for s, _ in spans)), array("i", (e for _, e in spans))
    words = {text[s:e] for s, e in spans}
    return phrase_sentences(text, starts, ends, array("i", sentence_of), words, mask)


def test_a_phrase_is_found_from_its_first_two_words():
    assert _gate("We read it fast. Open the command line now. We read it slowly.") == {1}


def test_a_phrase_inside_a_hyphenated_word():
    assert _gate("We read it fast. Open the command-line tool.") == {1}


def test_a_word_that_opens_phrases_alone_does_not_make_its_sentence_live():
    assert _gate("We read it in the morning. We read it on the way.") == set()


def test_a_hidden_word_joins_its_neighbours():
    text = "We read it fast. Open the command qqzx line now."
    assert _gate(text) == set()
    assert _gate(text, masked="qqzx") == {1}
