"""text.ascii_case: counting a case-blind pattern's matches through the lower case of ASCII text gives the same
count as the pattern itself, on every pattern that uses it and on text mixing cases, punctuation and non-ASCII."""

import random
import re

import pytest

from plainpitch.call.metrics import FILLERS
from plainpitch.call.roles import BUYER_CUES, SELLER_CUES
from plainpitch.call.types import _CLOSING, _DEMO
from plainpitch.text.ascii_case import CaseBlind

PATTERNS = (FILLERS, SELLER_CUES, BUYER_CUES, _CLOSING, _DEMO)
PIECES = ["Our Product", "we OFFER", "let me show", "I'll send", "uhm", "UM", "you know", "You Know what", "sort of",
          "Contract", "NET 30", "msa", "Demo", "share my screen", "we use", "How much does it", "my boss", " ", ", ",
          ".", "\n", "-", "'", "ſ", "K", "İ", "é", "x", "_", "3"]  # fmt: skip


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:20])
def test_the_count_is_the_case_blind_count(pattern):
    counter = CaseBlind(pattern)
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))
        assert counter.count(text) == len(pattern.findall(text)), text


def test_a_pattern_with_capitals_or_without_the_flag_is_refused():
    with pytest.raises(ValueError):
        CaseBlind(re.compile(r"\bAPI\b", re.IGNORECASE))
    with pytest.raises(ValueError):
        CaseBlind(re.compile(r"\bapi\b"))
    assert CaseBlind(re.compile(r"\bapi\S*\W", re.IGNORECASE)).count("The API-key! api") == 1


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:20])
def test_counting_many_texts_together_is_the_sum_of_their_counts(pattern):
    """``count_all`` joins the texts with NULs: no match may cross one or see it otherwise than a text's end."""
    counter = CaseBlind(pattern)
    assert counter.joinable
    rng = random.Random(11)
    for _ in range(1000):
        texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(0, 5))]
        assert counter.count_all(texts) == sum(len(pattern.findall(t)) for t in texts), texts


def test_a_pattern_that_may_see_a_nul_is_counted_text_by_text():
    counter = CaseBlind(re.compile(r"a.b|^x", re.IGNORECASE))
    assert not counter.joinable
    assert counter.count_all(["a", "b", "x", "x"]) == 2
