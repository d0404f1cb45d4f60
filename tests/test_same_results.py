"""Speed changes that must not move a number: each faster path against the slow code it replaced, kept here as
the reference, on a long document and on the odd cases (quotes across sentences, a view of a Document)."""

import re
import statistics
from dataclasses import replace
from pathlib import Path

from plainpitch.classify import cues
from plainpitch.config import Config
from plainpitch.engine import Context, scoped
from plainpitch.ingest import load_text
from plainpitch.model import Turn
from plainpitch.rules.checks import benefits
from plainpitch.rules.checks import readability as rdb
from plainpitch.text import readability as rd

ROOT = Path(__file__).resolve().parents[1]


def _long_document():
    pages = [ROOT / "examples" / "landing-page.md", ROOT / "tests" / "data" / "sales" / "proposal.md",
             ROOT / "examples" / "cold-email.txt"]  # fmt: skip
    texts = [re.sub(r"\A---\n.*?\n---\n", "", p.read_text(encoding="utf-8"), flags=re.S) for p in pages]
    quotes = ('He said "we ship. Fast" and left.\n\n"Our team. Your team." We agree.\n\n“Curly” and "open\n\n'
              'a "quote" that "never closes. Next sentence. And "another".')  # fmt: skip
    return load_text("\n\n".join((texts + [quotes]) * 30), "long.md", "markdown")


def _reference_unquoted(doc):
    """The character loop _unquoted_sentences replaced."""
    open_quote = False
    last_unit = -1
    for i, sentence in enumerate(doc.sentences):
        if sentence.unit != last_unit:
            open_quote, last_unit = False, sentence.unit
        out = []
        for ch in cues.normalise(sentence.text):
            if ch == '"':
                open_quote = not open_quote
                out.append(" ")
            else:
                out.append(" " if open_quote else ch)
        yield i, "".join(out)


def test_unquoted_sentences_blank_what_the_character_loop_blanked():
    doc = _long_document()
    got = [(i, text) for i, _unit, text in benefits._unquoted_sentences(doc)]
    assert got == list(_reference_unquoted(doc))
    assert any(text.strip() != cues.normalise(doc.sentences[i].text).strip() for i, text in got)  # quotes were blanked


def _reference_stats(doc):
    """doc_stats as it was: a Token per word, Counts added one by one, statistics.median."""
    stats, total = [], rd.EMPTY
    for i, sentence in enumerate(doc.sentences):
        if doc.units[sentence.unit].kind not in rdb.PROSE_UNITS:
            continue
        counts = rd.count_words(t.text for t in doc.sentence_words(sentence))
        if not counts.words:
            continue
        total = total + counts
        if counts.words < rdb.MIN_WORDS_FOR_GRADE and stats:
            continue  # never hard: kept in the total only (the first is where RDB003 reports)
        grades = [g for g in (rd.flesch_kincaid_grade(counts), rd.coleman_liau(counts),
                              rd.automated_readability_index(counts)) if g is not None]  # fmt: skip
        stats.append(rdb.SentenceStats(i, counts, max(0.0, statistics.median(grades)) if grades else 0.0))
    return rdb.DocStats(tuple(stats), total)


def test_readability_stats_equal_the_token_by_token_sums():
    doc = _long_document()
    assert rdb.doc_stats(doc, Context(doc, Config(), "page")) == _reference_stats(doc)


def test_readability_stats_of_a_view_read_its_tuple_of_tokens():
    doc = _long_document()
    # every third unit a buyer's turn: the seller's view is a Document with a tuple of Tokens
    units = tuple(replace(u, turn=Turn("Ben" if i % 3 == 0 else "Ana", "buyer" if i % 3 == 0 else "seller"))
                  for i, u in enumerate(doc.units))  # fmt: skip
    view = scoped(replace(doc, units=units), "seller")
    assert isinstance(view.words, tuple) and 0 < len(view.units) < len(doc.units)
    assert rdb.doc_stats(view, Context(view, Config(), "page")) == _reference_stats(view)


def test_median_is_statistics_median():
    for values in ([3.0, 1.0, 2.0], [1.5, 0.25], [7.0], [2.0, 2.0, 9.5, 1.0]):
        assert rd._median(values) == statistics.median(values)


def _reference_copy_words(doc):
    from plainpitch.classify import _COPY_KINDS

    kinds = [u.kind in _COPY_KINDS and not u.by_buyer for u in doc.units]
    return sum(1 for w in doc.words if kinds[w.unit])


def _reference_body_words(doc):
    from plainpitch.analysis import regions

    body = set(regions.body_units(doc))
    return sum(1 for w in doc.words if w.unit in body)


def test_word_counts_by_unit_equal_the_word_by_word_counts():
    from plainpitch.analysis import regions
    from plainpitch.classify import copy_words

    doc = _long_document()
    units = tuple(replace(u, turn=Turn("Ben" if i % 3 == 0 else "Ana", "buyer" if i % 3 == 0 else "seller"))
                  for i, u in enumerate(doc.units))  # fmt: skip
    with_turns = replace(doc, units=units)
    view = scoped(with_turns, "seller")
    uncovered = replace(doc, sentences=doc.sentences[:-3])  # words no sentence holds: counted one by one
    for d in (doc, with_turns, view, uncovered):
        assert copy_words(d) == _reference_copy_words(d)
        assert regions.body_words(d) == _reference_body_words(d)
    assert 0 < copy_words(view) < copy_words(doc)
