"""The pronoun counts read only the units that may hold a pronoun (benefits._pronoun_units): the same counts as
reading every sentence, on text built to reach the edges (emphasis marks inside a pronoun, capitals, curly
apostrophes, quotes across sentences, buttons, questions in the reader's voice) and on real pages; and every string
the pronoun patterns match holds one of the gate's words as a whole run."""

import random
import re
from pathlib import Path
from re import _constants as C  # noqa: N812 - the regex parser's own names
from re import _parser as P  # noqa: N812

import pytest

from plainpitch.classify import cues
from plainpitch.classify.structure import structure
from plainpitch.ingest import load_path, load_text
from plainpitch.rules.checks import benefits
from plainpitch.text.wordsets import runs
from regex_words import finite_strings

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("pattern", [cues.YOU_RE, cues.WE_RE])
def test_every_string_a_pronoun_pattern_matches_opens_with_a_gate_word(pattern):
    items = list(P.parse(pattern.pattern, pattern.flags))
    # (?<![\w']) ... (?![\w']): the match's first run of word characters is a whole run of the text
    assert items[0][0] is C.ASSERT_NOT and items[-1][0] is C.ASSERT_NOT
    strings = finite_strings(items)
    assert len(strings) > 10
    for string in strings:
        assert string[:1].isalpha(), string
        assert runs(string)[0] in benefits.PRONOUN_RUNS, string


def test_a_gate_without_a_pronoun_fails_the_proof():
    strings = finite_strings(list(P.parse(cues.WE_RE.pattern, cues.WE_RE.flags)))
    assert any(runs(s)[0] not in benefits.PRONOUN_RUNS - {"me"} for s in strings)


def _reference(doc):
    """pronoun_counts reading every sentence, with cues.normalise and cues.count."""
    you_total = we_total = 0
    per_sentence = []
    places = structure(doc).places
    open_quote, last_unit = False, -1
    for i, sentence in enumerate(doc.sentences):
        if sentence.unit != last_unit:
            open_quote, last_unit = False, sentence.unit
        text = cues.normalise(sentence.text)
        pieces = text.split('"')
        out = [" " * len(piece) if open_quote != (k % 2 == 1) else piece for k, piece in enumerate(pieces)]
        open_quote = open_quote != (len(pieces) % 2 == 0)
        text = " ".join(out)
        if places[i].quoted:
            continue
        you = cues.count(cues.YOU_RE, text)
        if doc.units[sentence.unit].kind in ("cta", "link") or (
            text.rstrip().endswith("?") and benefits._READER_I_RE.search(text)
        ):
            you += cues.count(cues.WE_RE, text)
            we = 0
        else:
            we = 0 if benefits._NARRATIVE_RE.search(text) else cues.count(cues.WE_RE, text)
        you_total += you
        we_total += we
        if we or you:
            per_sentence.append((i, we, you))
    return you_total, we_total, per_sentence


HOSTILE = """# Built for Y*ou and yo_ur team

**Y**our team ships. y**ou** win. Our__ team. _we_ ship and *us* too. M*y* plan. *I* think so.

YOU and YOUR team. We’re here, you’re there. I’m in. I've seen it. Ours is yours. Ourselves, yourselves.

He said "we ship. Fast" and left. "Our team. Your team." We agree. “Curly you” and "open

a "quote" that "never closes. Next sentence, us. And "another" me.

How do I start? Can I pay by card? We built it in 2019. We decided to grow.

- Start my free trial
- [Book my demo](https://example.com/demo)

Plain words only here. Nothing to count. The team ships the product.

Then y**ou** win.

Then _us_ too.

Then m*e* too.

İ and ı and ſ and K stand alone. Café crème for me and you.
"""


def test_the_gated_counts_equal_the_counts_of_every_sentence():
    doc = load_text(HOSTILE, "hostile.md")
    got = benefits.pronoun_counts(doc)
    assert got == _reference(doc)
    assert got[0] > 5 and got[1] > 5  # the text does count pronouns on both sides
    doc = load_text(HOSTILE, "hostile.txt")  # plain text keeps the emphasis marks
    assert "y**ou" in doc.text and "_us_" in doc.text
    assert benefits.pronoun_counts(doc) == _reference(doc)


def test_the_gated_counts_equal_the_counts_of_every_sentence_on_real_pages(shared):
    paths = sorted((shared / "corpus").rglob("*.md"))[:80] + sorted((shared / "corpus").rglob("*.txt"))[:40]
    for path in paths + [ROOT / "examples" / "landing-page.md", ROOT / "examples" / "cold-email.txt"]:
        doc = load_path(path)
        assert benefits.pronoun_counts(doc) == _reference(doc), path


def test_the_ascii_shortcut_normalises_as_cues_does():
    rng = random.Random(5)
    pieces = ["we", "You", " ", "  ", "\t", "\n", "*", "**", "_", "__", "’", "“", "”", "–", "\u00a0", "é", ".", '"', "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
        assert benefits.normalised(text) == cues.normalise(text), repr(text)
    assert re.search(r"\s\s", benefits.normalised("a  b\t\tc")) is None
