"""doc_stats reads each prose sentence's words in one pass over the words, in order (no list of every word's text):
the same stats as reading each sentence's Tokens, with non-prose sentences between, on a view's tuple of Tokens, and
when a Document's sentences do not come in word order."""

from dataclasses import replace

from plainpitch.config import Config
from plainpitch.engine import Context
from plainpitch.ingest import load_text
from plainpitch.rules.checks import readability as rdb
from plainpitch.text import readability as rd

TEXT = """# A heading of several words

A first sentence of prose. And a second one, with more words in it!

- An item of a list, with words
- Another item

| Cell one | Cell two |
|---|---|
| words in a cell | more words here |

[CTA: Start now]

A last paragraph. Administration is International. — 42 3.5 …
"""


def _reference(doc):
    stats = []
    for i, sentence in enumerate(doc.sentences):
        if doc.units[sentence.unit].kind not in rdb.PROSE_UNITS:
            continue
        counts = rd.count_words(t.text for t in doc.words[sentence.word_start : sentence.word_end])
        if counts.words >= rdb.MIN_WORDS_FOR_GRADE or (counts.words and not stats):  # a shorter one is never hard
            stats.append((i, counts, rd.sentence_grade(counts) or 0.0))
    return stats


def _stats(doc):
    return [(s.index, s.counts, s.grade) for s in rdb.doc_stats(doc, Context(doc, Config(), "page")).sentences]


def test_the_words_read_in_order_give_each_sentences_stats():
    doc = load_text(TEXT * 3, "page.md")
    assert any(doc.units[s.unit].kind not in rdb.PROSE_UNITS for s in doc.sentences[1:])  # skipped words between
    for d in (doc, replace(doc, words=tuple(doc.words)), replace(doc, sentences=tuple(reversed(doc.sentences)))):
        assert _stats(d) == _reference(d) and len(_stats(d)) > 3
