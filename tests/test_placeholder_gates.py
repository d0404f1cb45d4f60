"""placeholders.find tries the template and zero-price patterns only at the characters their matches start at, and
the filler pattern only where a kept match can be (a draft mark in capitals, "lorem" in any case): the placeholders
found are those of every pattern run over every text, at every start and end."""

import random

from plainpitch.text import placeholders
from test_placeholders_prefilter import _every_pattern  # the one reference: every pattern over every text

FRAGMENTS = ["{{ name }}", "{% if x %}", "{first_name}", "x{y}", "{{", "<<Name>>", "<<", "%FIRSTNAME%", "%COMPANY_NAME%",
             "%", "*|FNAME|*", "*|", "$FIRST_NAME", "$NAME", "$", "$0.00", "€0,00", "£X,XXX", "$XX", "0.00 USD",
             "XX EUR", "XXX GBP", "0,00EUR", "X", "0", "TK", "tk", "T\u212a", "TBD", "tbd", "TODO", "Todo", "XXX",
             "XXXX", "xxx", "lorem ipsum", "LOREM IPSUM", "Lorem Ipſum", "lorem  ipsum", "lorem", "ipsum", " ", "\n",
             "-", "word", "a", "5", ".", ",", "|", "*", "{", "}", "<", ">", "_"]  # fmt: skip


def test_the_gates_find_every_placeholder_every_pattern_finds():
    rng = random.Random(21)
    kinds = set()
    for _ in range(4000):
        text = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 14)))
        for start, end in ((0, len(text)), (rng.randint(0, len(text)), len(text)), (1, max(1, len(text) - 2))):
            want = _every_pattern(text, start, end)
            assert list(placeholders.find(text, start, end)) == want, (text, start, end)
            kinds |= {k for _, _, k in want}
    assert kinds == {"merge", "price", "filler"}


def test_trying_a_pattern_at_its_start_characters_is_finditer():
    rng = random.Random(22)
    for _ in range(3000):
        text = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 14)))
        start, end = rng.randint(0, len(text)), len(text) - rng.randint(0, 2)
        for pattern in placeholders._STARTS:
            got = [m.span() for m in placeholders._matches(pattern, text, start, end)]
            assert got == [m.span() for m in pattern.finditer(text, start, end)], (pattern.pattern, text, start, end)


def test_the_lorem_look_names_every_character_a_case_blind_lorem_matches():
    import re

    for letter, look in zip("lorem", placeholders._LOREM_RE.pattern.strip("[]").split("]["), strict=True):
        blind = re.compile(letter, re.IGNORECASE)
        assert {chr(c) for c in range(0x110000) if blind.fullmatch(chr(c))} == set(look), letter
