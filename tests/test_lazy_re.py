"""Lazily compiled patterns (plainpitch.text.lazy_re) behave as the compiled pattern and compile only when used."""

from __future__ import annotations

import copy
import pickle
import re
import subprocess
import sys

from plainpitch.text import lazy_re


def test_same_answers_as_re():
    source, flags = r"(?P<word>\b[a-z]+)(?:-(\d+))?", re.IGNORECASE
    lazy, real = lazy_re.compile(source, flags), re.compile(source, flags)
    text = "Plan-12 costs TEAM-3 less than pro"
    assert lazy.search(text).group() == real.search(text).group()
    assert lazy.match(text).span() == real.match(text).span()
    assert lazy.fullmatch("abc-1").groups() == real.fullmatch("abc-1").groups()
    assert lazy.findall(text) == real.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.sub("X", text) == real.sub("X", text)
    assert lazy.subn(lambda m: m.group().upper(), text) == real.subn(lambda m: m.group().upper(), text)
    assert lazy.split(text) == real.split(text)
    assert (lazy.flags, lazy.groups, dict(lazy.groupindex)) == (real.flags, real.groups, dict(real.groupindex))
    assert re.sub(lazy.compiled, "-", text) == re.sub(real, "-", text)


def test_compiles_once_on_first_use_and_then_is_the_compiled_pattern():
    lazy = lazy_re.compile(r"ab+")
    assert lazy.pattern == "ab+" and lazy._compiled is None  # reading its source compiles nothing
    assert lazy.search("xabb").group() == "abb"
    compiled = lazy._compiled
    assert compiled is not None and lazy.compiled is compiled
    assert lazy.search.__self__ is compiled  # later calls go straight to the compiled pattern's own method


def test_bytes_patterns_and_a_bad_pattern_fails_when_used():
    assert lazy_re.compile(rb"\d+").findall(b"a1b22") == [b"1", b"22"]
    bad = lazy_re.compile(r"(unclosed")
    try:
        bad.search("x")
    except re.error:
        pass
    else:
        raise AssertionError("a bad pattern must raise re.error when first used")


def test_pickles_and_copies_as_its_source():
    lazy = lazy_re.compile(r"to(?:day|morrow)", re.IGNORECASE)
    lazy.search("Today")  # compiled: its bound methods must not stop it travelling to a worker process
    for clone in (pickle.loads(pickle.dumps(lazy)), copy.deepcopy(lazy), copy.copy(lazy)):
        assert clone.pattern == lazy.pattern and clone.search("TOMORROW").group() == "TOMORROW"


def test_checking_a_short_page_leaves_most_patterns_uncompiled():
    # why the module exists: a short page needs a fraction of the rules' patterns (the cold-start cost)
    code = """
import gc, sys
from plainpitch.runner import check_paths
from plainpitch.text.lazy_re import LazyPattern
check_paths([sys.argv[1]], None)
lazy = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]
print(len(lazy), sum(o._compiled is not None for o in lazy))
"""
    from pathlib import Path

    page = Path(__file__).resolve().parents[1] / "examples" / "landing-page.md"
    out = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True, check=True).stdout
    made, compiled = map(int, out.split())
    assert made > 300 and compiled < made / 2, (made, compiled)
