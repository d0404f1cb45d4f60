"""The jargon pass's shortcuts give the answers of the long way: the page's own product counted without a sentence's
first word (ties go to the name used first), phrase matching only where a word opens a phrase, the per-word answers
shared between places where they cannot differ."""

import random

from plainpitch.config import Config
from plainpitch.engine import Context
from plainpitch.ingest import load_text
from plainpitch.rules.checks import jargon
from plainpitch.text import lexicon


def own(text):
    doc = load_text(text, "page.md")
    return jargon._own_brands(doc, jargon._word_counts(doc))


def test_the_name_used_most_inside_sentences_is_the_pages_own():
    body = " ".join(f"Every team uses Zentro for task {i}." for i in range(5))
    assert "zentro" in own(f"# Faster tasks\n\n{body}\n")
    # at the start of a sentence a capital says nothing: five openers are not five uses of a name
    openers = " ".join(f"Zentro keeps task {i} moving." for i in range(5))
    assert "zentro" not in own(f"# Faster tasks\n\n{openers}\n")


def test_of_two_names_used_equally_often_the_first_used_is_the_pages_own():
    for first, second in (("Zentro", "Quarlo"), ("Quarlo", "Zentro")):
        body = " ".join(f"We pair {first} with task {i} and {second} with task {i}." for i in range(5))
        found = own(f"# Faster tasks\n\n{body}\n")
        assert first.lower() in found and second.lower() not in found


def test_longest_matches_from_the_opening_positions_are_those_of_every_position():
    rng = random.Random(3)
    for _ in range(500):
        n = rng.randrange(0, 12)
        table = {i: (min(n, i + rng.randrange(1, 4)), i) for i in range(n) if rng.random() < 0.4}
        every = list(lexicon._longest(range(n), table.get))
        assert list(lexicon._longest(sorted(table), table.get)) == every


def test_phrases_are_matched_only_in_sentences_with_a_word_that_opens_one(monkeypatch):
    calls = []
    real = lexicon.match_tech_phrases
    monkeypatch.setattr(lexicon, "match_tech_phrases", lambda parts: calls.append(parts) or real(parts))
    plain = "Sleep well at night. " * 50
    doc = load_text(plain + "Open the command line and set an environment variable.", "page.md")
    config = Config(profile="business")
    terms = jargon._find_terms(doc, Context(doc, config, "page", "business"))
    assert len(calls) == 1  # the fifty plain sentences never reach the phrase tables
    assert {"command line", "environment variable"} <= {h.key for h in terms.jargon}


def test_a_lower_case_word_gets_the_same_answer_wherever_it_stands():
    """The pass asks _inert once per lower-case word: its answer must not depend on where the word stands."""
    th = jargon.Thresholds.of(Context(load_text("x", "x.md"), Config(profile="business"), "page", "business"))
    for word in ("latency", "deploy", "invoices", "k8s", "api-first", "cron", "the", "foo_bar", "e-mail", "3d"):
        answers = {jargon._inert(word, initial, titled, th) for initial in (True, False) for titled in (True, False)}
        assert len(answers) == 1, word
