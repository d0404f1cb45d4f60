"""What every string a regular expression matches must hold: an abstract reading of a pattern, for proving that a
word-list gate cannot skip a match (tests/test_call_gates.py).

Each string the pattern matches is written with literal characters where the pattern names them and markers for
what it does not: NONWORD for one or more characters that are not word characters (``\\s+``, ``[,.]``), DIGIT for
a digit (``\\d``), UNKNOWN for anything else (``\\w+``, ``[^.?!]{0,50}``), EDGE for a ``\\b``. A run of literal word
characters is a whole word of the matched text when a literal non-word character, NONWORD or EDGE is on each side
of it (a DIGIT or UNKNOWN beside it may be word characters glued to it).
"""

from __future__ import annotations

import itertools
import re
from re import _constants as C  # noqa: N812 - the regex parser's own names
from re import _parser as P  # noqa: N812

NONWORD, UNKNOWN, EDGE, DIGIT = "\x01", "\x02", "\x03", "\x04"
MARKERS = NONWORD + UNKNOWN + EDGE + DIGIT


def _is_nonword_item(o, a) -> bool:
    return (o is C.LITERAL and not re.match(r"\w", chr(a))) or (o is C.CATEGORY and a is C.CATEGORY_SPACE)


def abstract(seq, limit: int = 400_000) -> set[str]:
    """The abstract strings of a parsed pattern (``re._parser.parse``)."""
    out = {""}
    for op, av in seq:
        if op is C.LITERAL:
            options = {chr(av)}
        elif op is C.IN:
            if all(o in (C.LITERAL, C.RANGE) for o, _ in av) and sum(
                    1 if o is C.LITERAL else a[1] - a[0] + 1 for o, a in av) <= 60:  # fmt: skip
                options = set().union(*({chr(a)} if o is C.LITERAL else set(map(chr, range(a[0], a[1] + 1)))
                                        for o, a in av))  # fmt: skip
            elif all(_is_nonword_item(o, a) for o, a in av):
                options = {NONWORD}
            elif all(o is C.CATEGORY and a is C.CATEGORY_DIGIT for o, a in av):
                options = {DIGIT}
            elif all((o is C.CATEGORY and a is C.CATEGORY_DIGIT) or (o is C.LITERAL and chr(a) in ",.") for o, a in av):
                options = {DIGIT, NONWORD}  # [\d,.]: a digit or a separator
            else:
                options = {UNKNOWN}
        elif op in (C.NOT_LITERAL, C.ANY):
            options = {UNKNOWN}
        elif op is C.SUBPATTERN:
            options = abstract(av[-1], limit)
        elif op is C.BRANCH:
            options = set().union(*(abstract(alt, limit) for alt in av[1]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, sub = av
            inner = abstract(sub, limit)
            if high <= 3:
                options = {"".join(c) for n in range(low, high + 1) for c in itertools.product(inner, repeat=n)}
            elif len(inner) == 1 and next(iter(inner)) in (NONWORD, DIGIT):  # \s+, \d+: the same marker
                options = {next(iter(inner))} | ({""} if low == 0 else set())
            elif len(inner) == 1 and len(next(iter(inner))) == 1:  # c+ or c{3,}: the same character around
                options = {next(iter(inner)) * max(low, 1)} | ({""} if low == 0 else set())
            else:  # a run of non-word characters (one or more: NONWORD), else anything
                mark = NONWORD if all(x and all(_known_edge(c) and c != EDGE for c in x) for x in inner) else UNKNOWN
                options = {mark} | ({""} if low == 0 else set())
        elif op is C.AT:
            options = {EDGE if av is C.AT_BOUNDARY else ""}
        elif op in (C.ASSERT, C.ASSERT_NOT):
            options = {""}  # zero width: the characters beside it decide
        else:
            raise AssertionError(f"unexpected {op}")
        out = {a + b for a in out for b in options}
        assert len(out) <= limit, "too many strings"
    return out


def strings(pattern: re.Pattern[str]) -> set[str]:
    return abstract(P.parse(pattern.pattern, pattern.flags))


def _known_edge(c: str) -> bool:
    return c in (NONWORD, EDGE) or (c not in MARKERS and not re.match(r"\w", c))


def whole_words(string: str) -> set[str]:
    """The runs of literal word characters (lower case) with a known non-word character or a \\b on each side."""
    found = set()
    for m in re.finditer(r"[^\W]+", string):  # the markers are not word characters: they end a run
        left = string[m.start() - 1] if m.start() else UNKNOWN
        right = string[m.end()] if m.end() < len(string) else UNKNOWN
        if _known_edge(left) and _known_edge(right):
            found.add(m.group(0).lower())
    return found


def first_word(string: str) -> str | None:
    """The run of literal word characters the string opens with, when it is whole (what a ``match`` at a word's
    start sees first), else None."""
    m = re.match(r"[^\W]+", string)
    if m is None:
        return None
    right = string[m.end()] if m.end() < len(string) else UNKNOWN
    return m.group(0).lower() if _known_edge(right) else None


def unproved(pattern: re.Pattern[str], triggers: frozenset[str], digit: bool = False, chars: str = "") -> list[str]:
    """The abstract strings of the pattern that hold no trigger as a whole word (nor, when allowed, a digit or one
    of ``chars``)."""
    out = []
    for s in strings(pattern):
        if whole_words(s) & triggers:
            continue
        if digit and (DIGIT in s or any(c.isdigit() for c in s)):
            continue
        if chars and set(s) & set(chars):
            continue
        out.append(s)
    return out


def finite_strings(items, limit: int = 20_000) -> set[str]:
    """Every string a parsed pattern with no unbounded repeat matches, exactly (zero-width parts left out: they only
    refuse). For word lists written as alternatives, where the abstract reading above would be too coarse."""
    out = [""]
    for op, av in items:
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue
        if op is C.LITERAL:
            options = {chr(av)}
        elif op is C.IN:
            options = set()
            for o, a in av:
                assert o in (C.LITERAL, C.RANGE), o
                options |= {chr(a)} if o is C.LITERAL else set(map(chr, range(a[0], a[1] + 1)))
        elif op is C.SUBPATTERN:
            options = finite_strings(av[-1], limit)
        elif op is C.BRANCH:
            options = set().union(*(finite_strings(alt, limit) for alt in av[1]))
        elif op is C.MAX_REPEAT:
            low, high, sub = av
            assert high <= 3, "unbounded repeat"
            inner = finite_strings(sub, limit)
            options = {"".join(c) for n in range(low, high + 1) for c in itertools.product(inner, repeat=n)}
        else:
            raise AssertionError(f"unexpected {op}")
        out = [a + b for a in out for b in options]
        assert len(out) <= limit, "too many strings"
    return set(out)
