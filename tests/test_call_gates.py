"""The word gates of the call analysis (``call.speech.lacks``): a detector skips a sentence that holds none of the
words every match of its pattern holds. Proved three ways: the characters behind ``speech.word_set`` over every code
point, each word list against every string its pattern can match (tests/regex_words.py), and the gated detectors
against the same detectors with every gate off, sentence by sentence and call by call, on real and hostile text."""

import json
import random
import re
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import SHARED
from plainpitch.call import asks, dumps, facts, questions, signals, speech, topics
from plainpitch.call.roles import with_roles
from plainpitch.call.sentences import classify
from plainpitch.ingest.transcript import load_transcript, load_transcript_text
from plainpitch.text.wordsets import fold
from regex_words import DIGIT, EDGE, NONWORD, UNKNOWN, first_word, strings, unproved, whole_words

ROOT = Path(__file__).resolve().parents[1]
EVERY_CHAR = "".join(map(chr, range(0x110000)))
WORD = re.compile(r"\w")


# -- the characters behind word_set ---------------------------------------------------------------------------------
def test_only_one_character_lower_cases_to_more_than_one():
    assert [c for c in EVERY_CHAR if len(c.lower()) != 1] == ["İ"]  # word_set gives no gate when it is there


def test_lower_case_makes_an_ascii_word_character_only_from_itself_or_one_that_fold_maps_the_same():
    for c in EVERY_CHAR:
        low = c.lower()
        if c != "İ" and low.isascii() and WORD.match(low):
            assert fold(c) == low, hex(ord(c))


def test_lower_case_keeps_every_word_character_a_word_character():
    # so a non-word character beside a word of normalise()'s text was a non-word character in the sentence
    for c in EVERY_CHAR:
        if c != "İ" and WORD.match(c):
            assert WORD.match(c.lower()), hex(ord(c))


def test_normalise_turns_only_non_word_characters_into_an_apostrophe():
    changed = [c for c in EVERY_CHAR if c.translate(speech._APOSTROPHES) != c]
    assert changed and all(not WORD.match(c) for c in changed)
    assert {c.translate(speech._APOSTROPHES) for c in changed} == {"'"}


def test_word_set_folds_and_gives_no_gate_for_dotted_capital_i():
    assert speech.word_set("Book a DEMO, K_x ſale ıt") == frozenset({"book", "a", "demo", "k_x", "sale", "it"})
    assert speech.word_set("İstanbul") is None
    assert not speech.lacks("İstanbul", frozenset({"tomorrow"}))
    assert speech.lacks("See you then", frozenset({"tomorrow"}))


# -- each word list against its pattern -------------------------------------------------------------------------------
GATES = [
    ("dumps._FEATURE", dumps._FEATURE, dumps._FEATURE_WORDS, {}),
    ("dumps._BENEFIT", dumps._BENEFIT, dumps._BENEFIT_WORDS, {}),
    ("dumps._OUTCOME", dumps._OUTCOME, dumps._OUTCOME_WORDS, {}),
    ("dumps._TO_YOU", dumps._TO_YOU, dumps._TO_YOU_WORDS, {}),
    ("dumps._TOUR", dumps._TOUR, dumps._TOUR_WORDS, {}),
    ("topics.pricing", re.compile(topics._PRICING_RE, re.IGNORECASE), topics._PRICING_WORDS, {"chars": topics._CURRENCY}),
    ("topics.competitors", re.compile(topics._COMPETITOR_RE, re.IGNORECASE), topics._COMPETITOR_WORDS, {}),
    ("asks._COMMIT_RE", asks._COMMIT_RE, asks._ASK_WORDS, {}),
    ("asks._AMOUNT", asks._AMOUNT, asks._ASK_WORDS, {"digit": True}),
    ("asks._REFERRING", asks._REFERRING, asks._ASK_WORDS, {}),
    ("asks._AMOUNT_Q", asks._AMOUNT_Q, asks._ASK_WORDS, {}),
    ("asks._TIME", asks._TIME, asks._TIME_WORDS, {"digit": True}),
    *[(f"signals.{k}", p, signals.OBJECTION_WORDS[k], {}) for k, p in signals.OBJECTIONS.items()],
    ("signals._BUYING", signals._BUYING, signals._BUYING_WORDS, {}),
    ("signals._EXPECTED_ABSENT", signals._EXPECTED_ABSENT, signals._ABSENCE_WORDS, {}),
    ("signals._DECIDES", signals._DECIDES, signals._ABSENCE_WORDS, {}),
    ("signals._RUN_BY_FROM", signals._RUN_BY_FROM, signals._ABSENCE_WORDS, {}),
]


@pytest.mark.parametrize(("pattern", "words", "opts"), [g[1:] for g in GATES], ids=[g[0] for g in GATES])
def test_every_string_a_gated_pattern_matches_holds_one_of_its_words(pattern, words, opts):
    missing = unproved(pattern, words, **opts)
    assert not missing, [s.encode("unicode_escape").decode() for s in missing[:5]]


def test_the_objection_words_are_the_kinds_words():
    assert set(signals.OBJECTION_WORDS) == set(signals.OBJECTIONS)
    assert signals._OBJECTION_ANY == frozenset().union(*signals.OBJECTION_WORDS.values())


@pytest.mark.parametrize(("pattern", "words", "opts"), [g[1:] for g in GATES], ids=[g[0] for g in GATES])
def test_the_proof_fails_for_a_list_missing_a_needed_word(pattern, words, opts):
    # the words the pattern needs (each one the only listed word of some string it matches) cannot be left out
    needed = set()
    for s in strings(pattern):
        held = {w for w in re.findall(r"[^\W]+", s) if w.lower() in words}
        if len(held) == 1 and not (opts.get("digit") and (DIGIT in s or any(c.isdigit() for c in s))) and \
                not (set(s) & set(opts.get("chars", ""))):  # fmt: skip
            needed |= {w.lower() for w in held}
    assert needed
    for word in sorted(needed)[:8]:
        assert unproved(pattern, words - {word}, **opts), word


QUESTION_FORMS = [questions._INQUIRY, questions._WH_Q, questions._WH_NOUN_Q, questions._AUX_Q]


@pytest.mark.parametrize("pattern", QUESTION_FORMS, ids=["_INQUIRY", "_WH_Q", "_WH_NOUN_Q", "_AUX_Q"])
def test_every_question_form_opens_with_a_listed_whole_word(pattern):
    # question_form(clause, ends_with_q=False) is None unless one of these four matches at the clause's start
    opening = {first_word(s) for s in strings(pattern)}
    assert None not in opening and opening <= questions._OPENERS


def test_the_openers_are_what_the_question_forms_open_with():
    # an opener no form opens with would only cost time; one missing would lose questions (the test above)
    assert questions._OPENERS == {first_word(s) for p in QUESTION_FORMS for s in strings(p)}


def test_a_clause_whose_first_word_is_not_an_opener_is_not_a_question_form():
    for clause in ["think what we need", "so do you", "i think so", "it does", "what_ever you do", "whatever you do"]:
        first = re.match(r"\w+", clause).group()
        if first not in questions._OPENERS:
            assert questions.question_form(clause, False) is None, clause


# -- gated against ungated ----------------------------------------------------------------------------------------
class _Everything:
    def __contains__(self, item):
        return True


@contextmanager
def ungated(monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(speech, "word_set", lambda sentence: None)  # lacks() is never True
        m.setattr(questions, "_OPENERS", _Everything())
        yield


def _plain(s: str) -> str:
    return s.replace(NONWORD, " ").replace(DIGIT, "7").replace(UNKNOWN, "x1").replace(EDGE, "")


SPECIALS = {"i": "ıİ", "s": "ſ", "k": "K"}


def _variants(s: str) -> list[str]:
    out = [s, s.upper(), s.title(), f"Well, {s} today?", f"so {s}. And {s.upper()} now", "x" + s + "_", "so _" + s,
           s.replace("'", "’"), s.replace(" ", "  ")]
    for ascii_letter, others in SPECIALS.items():
        for other in others:
            if ascii_letter in s:
                out.append(s.replace(ascii_letter, other, 1))
    return out


# the sample of each pattern's strings beside the one string per listed word (which is always there): 30 keeps every
# kind of string the patterns match in the sample while the gated/ungated comparisons stay a few seconds
PICKED = 30


def _generated() -> list[str]:
    """Sentences made from what every gated pattern and question form matches (for each listed word, a string the
    pattern matches holding only that word of its list, and a sample of the rest), in odd cases and with the letters
    re matches case-blind to ASCII ones."""
    rng = random.Random(5)
    out = []
    lists = {id(g[1]): g[2] for g in GATES}
    for pattern in [g[1] for g in GATES] + QUESTION_FORMS + [questions._GREETING, questions._CHECK, asks._OWNER, asks._ACTION]:
        try:
            found = sorted(strings(pattern))
        except AssertionError:  # too many strings to list: its words come from the other patterns' sentences
            continue
        picked = found if len(found) <= PICKED else rng.sample(found, PICKED)
        words = lists.get(id(pattern), frozenset())
        alone = {}
        for s in found:
            held = whole_words(s) & words
            if len(held) == 1:
                alone.setdefault(next(iter(held)), s)
        for s in picked + sorted(alone.values()):
            out += _variants(_plain(s))
        for s in sorted(alone.values()):  # in sentences where the detector's other parts are there
            out += [frame.format(_plain(s)) for frame in FRAMES]
    return out


FRAMES = ["I'll send you the proposal {}.", "Would you {} this week?", "How about {}?", "Carlos said {}.",
          "It has {}, so you save hours.", "{} cuts your costs."]  # fmt: skip


def _real() -> list[str]:
    """Sentences of real calls: the test transcripts, and the shared ones when they are there."""
    out = []
    paths = sorted((ROOT / "tests" / "data" / "transcripts").iterdir())
    if SHARED.is_dir():
        paths += sorted((SHARED / "transcripts" / "formats").rglob("*")) + sorted((SHARED / "data" / "judged" / "calls").glob("*.md"))
    for path in paths:
        if path.is_file() and path.name not in ("README.md", "SOURCE.md", "SOURCES.md"):
            try:
                out += [s.text for s in load_transcript(str(path)).sentences]
            except Exception:  # noqa: BLE001 - a fixture of another format
                continue
    persuasion = SHARED / "transcripts" / "persuasion" / "sentences.dev.jsonl"
    if persuasion.is_file():
        rows = [json.loads(line) for line in persuasion.open(encoding="utf-8")]
        out += [r["sentence"] for r in rows[:6000]]
    return out


@pytest.fixture(scope="module")
def sentences():
    found = _generated() + _real()
    assert len(found) > 15_000
    return found


CONFIG = {"competitors": ["Acme", "Globex Corp", "K-9"], "trackers": {"security": ["SOC 2", "audit", "SSO"],
                                                                      "migration": ["migrate", "cut over"]}}  # fmt: skip


def _detect(sentences):
    topic_set = topics.compile_topics(CONFIG)
    default_topics = topics.compile_topics({})
    out = []
    for s in sentences:
        out.append((questions.find_questions(s), asks.find_ask(s), asks.find_next_step(s), dumps.feature_count(s),
                    dumps.has_benefit(s), dumps.is_tour(s), topics.topics_in(s, topic_set),
                    topics.topics_in(s, default_topics), signals.objection(s), signals.buying_signal(s),
                    signals.absences([s], "", frozenset()), signals.absence_possible(s) or None,
                    classify(s, "seller", "How are you?", 20), classify(s, "buyer")))  # fmt: skip
    return out


def test_gated_detectors_find_what_the_ungated_ones_find(sentences, monkeypatch):
    gated = _detect(sentences)
    with ungated(monkeypatch):
        expected = _detect(sentences)
    for kind in range(len(expected[0]) - 1):  # each detector finds something in this text (absence_possible aside)
        assert any(e[kind] for e in expected), kind
    bad = [(s, g, e) for s, g, e in zip(sentences, gated, expected, strict=True) if g[:11] + g[12:] != e[:11] + e[12:]]
    assert not bad, bad[:3]


def test_a_gate_that_misses_a_word_is_caught(sentences, monkeypatch):
    # the same comparison with one needed word taken out of a list fails: the sentences exercise the gates
    monkeypatch.setattr(asks, "_TIME_WORDS", asks._TIME_WORDS - {"tomorrow"})
    gated = [asks.find_next_step(s) for s in sentences]
    with ungated(monkeypatch):
        assert gated != [asks.find_next_step(s) for s in sentences]


# -- whole calls, gated against ungated -------------------------------------------------------------------------------
def _call_text(sentences, seed: int) -> str:
    rng = random.Random(seed)
    lines, speakers = [], ["Ana", "Ben", "Carlos"]
    for i in range(0, len(sentences), 3):
        lines.append(f"{speakers[rng.randrange(3) if i % 7 == 0 else (i // 3) % 2]}: {' '.join(sentences[i : i + 3])}")
    return "\n".join(lines)


def _facts_fields(f):
    return (f.sentences, f.monologues, f.stories, f.feature_dumps, f.term_asks, f.early_price, f.topic_seconds,
            f.topic_mentions, f.topic_first, f.objections, f.buying_signals, f.absent, f.loose_steps, f.notes)  # fmt: skip


def _calls(sentences):
    docs = []
    hostile = _call_text(sentences[: len(sentences) // 2], 1)
    docs.append(load_transcript_text(hostile, "hostile.txt"))
    for path in sorted((ROOT / "tests" / "data" / "transcripts").iterdir()):
        if path.suffix in (".vtt", ".srt", ".json", ".txt", ".md") and path.name != "README.md":
            docs.append(load_transcript(str(path)))
    if SHARED.is_dir():
        docs += [load_transcript(str(p)) for p in sorted((SHARED / "data" / "judged" / "calls").glob("*.granola.md"))]
    return [with_roles(replace(d, medium="call")) for d in docs]


def test_gated_call_facts_equal_the_ungated_ones(sentences, monkeypatch):
    docs = _calls(sentences)
    gated = [_facts_fields(facts.compute(d, CONFIG)) for d in docs]
    with ungated(monkeypatch):
        expected = [_facts_fields(facts.compute(d, CONFIG)) for d in docs]
    assert any(e[9] for e in expected) and any(e[10] for e in expected) and any(e[11] for e in expected)
    for doc, g, e in zip(docs, gated, expected, strict=True):
        assert g == e, doc.path


# -- the look-ups that were a walk per objection and per buying signal --------------------------------------------------
def _reference_reply(turns, after):
    reply = next((t.pos for t in turns[after + 1 :] if t.role == "seller" and t.words >= facts.REPLY_MIN_WORDS), None)
    words = 0
    if reply is not None:
        for t in turns[reply:]:
            if t.role == "buyer" and t.words > 5:
                break
            if t.role == "seller":
                words += t.words
    return reply, words


def test_replies_equal_a_walk_from_each_turn():
    from plainpitch.call.turns import CallTurn

    rng = random.Random(3)
    for _ in range(50):
        n = rng.randrange(0, 40)
        turns = [CallTurn(i, i, i, "x", rng.choice(["seller", "buyer", "unknown"]), i, i + 1, rng.randrange(0, 15), 0, 0,
                          True) for i in range(n)]  # fmt: skip
        replies, spoken = facts._replies(turns)
        for after in range(-1, n):
            reply, words = _reference_reply(turns, after)
            assert replies[after + 1] == reply
            if reply is not None:
                assert spoken[reply] == words


def test_last_step_equals_a_scan_per_signal():
    from plainpitch.call.asks import Ask, LooseStep, NextStep

    rng = random.Random(4)
    step, ask = NextStep("I", "send", "Friday", "x"), Ask("question", "x")
    for _ in range(100):
        fs = [facts.SentenceFact(i, i, rng.choice(["seller", "buyer"]), 0.0, None, False,
                                 ask if rng.random() < 0.1 else None, step if rng.random() < 0.05 else None, (), 0, False)
              for i in range(rng.randrange(0, 30))]  # fmt: skip
        loose = [facts.LooseFact(i, i, "seller", 0.0, LooseStep("", "", "", "date", "")) for i in range(len(fs))
                 if rng.random() < 0.05]  # fmt: skip
        last = facts._last_step(fs, loose)
        for after in range(len(fs) + 1):
            scan = any(f.sentence >= after and (f.next_step is not None or (f.role == "seller" and f.ask is not None))
                       for f in fs) or any(lf.sentence >= after for lf in loose)  # fmt: skip
            assert (after <= last) == scan



def _random_call(rng):
    from plainpitch.call.asks import Ask, NextStep
    from plainpitch.call.questions import Question
    from plainpitch.call.signals import Objection
    from plainpitch.call.turns import CallTurn

    step, ask, question = NextStep("I", "send", "Friday", "x"), Ask("question", "x"), Question(0, 1, "open", "discovery", "x")
    turns, fs, said = [], [], facts._BuyerSaid()
    for pos in range(rng.randrange(1, 25)):
        role = rng.choice(["seller", "buyer", "buyer", "unknown"])
        first = len(fs)
        for _ in range(rng.randrange(1, 4)):
            i = len(fs)
            fs.append(facts.SentenceFact(i, pos, role, 0.0, question if rng.random() < 0.2 else None, False,
                                         ask if rng.random() < 0.1 else None, step if rng.random() < 0.1 else None,
                                         (), 0, False))  # fmt: skip
            if role == "buyer" and rng.random() < 0.3:
                said.objections[i] = Objection("price", "too pricey")
            if role == "buyer" and rng.random() < 0.3:
                said.signals[i] = "can we try"
        turns.append(CallTurn(pos, pos, pos, role, role, pos, pos + 1, rng.randrange(0, 15), first, len(fs), True))
    loose = [facts.LooseFact(f.sentence, f.turn, f.role, 0.0, None) for f in fs if rng.random() < 0.05]
    return turns, fs, said, loose


def _reference_objections(turns, fs, said):
    by_turn = facts._by_turn(fs)
    out, seen = [], set()
    for f in fs:
        if f.role != "buyer" or f.turn in seen or f.sentence not in said.objections:
            continue
        found = said.objections[f.sentence]
        seen.add(f.turn)
        reply, words = _reference_reply(turns, f.turn)
        asked = reply is not None and any(s.question is not None for s in by_turn.get(reply, [])[:facts.REPLY_OPENING_SENTENCES])
        out.append(facts.ObjectionFact(f.sentence, f.turn, found.kind, found.text, reply, asked, words if reply is not None else 0))
    return out


def test_objections_and_buying_signals_equal_a_walk_per_finding():
    rng = random.Random(6)
    for _ in range(300):
        turns, fs, said, loose = _random_call(rng)
        assert facts._objections(turns, fs, said, facts._by_turn(fs)) == _reference_objections(turns, fs, said)
        expected = [facts.SignalFact(f.sentence, f.turn, said.signals[f.sentence],
                                     any(g.sentence >= f.sentence and (g.next_step is not None or (g.role == "seller" and g.ask is not None))
                                         for g in fs) or any(lf.sentence >= f.sentence for lf in loose))
                    for f in fs if f.role == "buyer" and f.sentence in said.signals]  # fmt: skip
        assert facts._buying_signals(fs, loose, said) == expected


# -- the frequency table the jargon pass reads, in place of a second copy ------------------------------------------
@pytest.fixture(scope="module")
def plain_words():
    from math import log10

    from wordfreq import get_frequency_dict

    frequencies = get_frequency_dict("en")
    known = [w for w in frequencies if w.isascii() and w.isalpha()]
    rng = random.Random(8)
    # every known word near the thresholds asked about, a sample of the rest, and words nobody uses. The band is
    # picked from the table's own frequencies (a Zipf value is log10 of the frequency per billion words), widened a
    # little so that rounding cannot leave a word of 3.0..5.5 out: asking zipf_frequency for each of the 290,000
    # words only to choose them cost 6 s; the tests still ask zipf_frequency for every word they judge
    near = [w for w in known if 2.98 <= log10(frequencies[w]) + 9 <= 5.52]
    made = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randrange(1, 9))) for _ in range(3000)]
    return near + rng.sample(known, 5000) + made


def test_rarer_than_answers_as_wordfreq_for_plain_words(plain_words):
    from wordfreq import zipf_frequency

    from plainpitch.text.lexicon import rarer_than

    threshold = facts.RARE_ZIPF
    assert any(zipf_frequency(w, "en") == threshold for w in plain_words)  # the boundary itself is asked
    bad = [w for w in plain_words if (zipf_frequency(w, "en") < threshold) != rarer_than(w, threshold)]
    assert not bad, bad[:5]


def test_rare_terms_are_judged_as_with_wordfreq(plain_words):
    from wordfreq import zipf_frequency

    terms = plain_words[::7] + ["Data Lake", "e-mail", "AVM", "k8s", "gross_margin", "café", "the OKR", "Zapier flow"]
    for term in terms:
        old = bool(re.search(r"\b[A-Z]{2,}|[a-z][A-Z]|\d|[./+#]", term)) or \
            min(zipf_frequency(w, "en") for w in term.lower().split()) < 3.5  # fmt: skip
        assert facts._rare(term) == old, term


def test_lowercase_words_read_in_chunks_equal_one_read():
    lines = [f"Carlos said {w}-ish and we'd {w.upper()} it" for w in ("start", "Never", "okay", "x", "mid-way")] * 40
    text = "\n".join(lines) + "\nend"
    expected = frozenset(re.findall(r"\b[a-z][a-z'-]+\b", text))
    for chunk in (1, 7, 50, 333, 10**6):
        assert signals.lowercase_words(text, chunk) == expected
    assert signals.lowercase_words("") == frozenset()


def test_seller_words_from_the_sentences_equal_a_count_of_the_words(sentences):
    from plainpitch.call.score import seller_words

    for doc in _calls(sentences):
        units = doc.units
        expected = sum(1 for w in doc.words if units[w.unit].turn is not None and units[w.unit].turn.role == "seller")
        assert seller_words(doc) == expected
