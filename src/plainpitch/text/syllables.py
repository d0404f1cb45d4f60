"""Syllable counts, offline: a compact CMUdict exception table plus a rule-based counter for everything else.

Why a table of exceptions: CMUdict (BSD, 126k words) takes ~0.6 s to parse, too slow for start-up. The
heuristic below is right for most words, so ``scripts/build_cmudict.py`` stores only the words where it
disagrees with CMUdict (``data/syllables.txt``, a few hundred KB, parsed on first use). A word in CMUdict thus
gets CMUdict's count; an unknown word (product names, new coinages) gets the heuristic.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from plainpitch.text import lazy_re

_VOWEL_GROUP_RE = lazy_re.compile(r"[aeiouy]+")
_NON_ALPHA_RE = lazy_re.compile(r"[^a-z]")
# Endings where a written vowel group is silent or two groups are said as one
_SILENT_E_RE = lazy_re.compile(r"[^aeiouy]e$")  # "make", "code"
_LE_RE = lazy_re.compile(r"[^aeiouy]le$")  # "table", "simple": the e is silent but the l is a syllable
_ED_RE = lazy_re.compile(r"[^aeiouydt]ed$")  # "used", "asked": no extra syllable (but "wanted", "added")
_ES_RE = lazy_re.compile(r"[^aeiouy]es$")  # "makes": silent, unless after s/z/x/ch/sh/ge/ce ("boxes")
_ES_SOUNDED_RE = lazy_re.compile(r"(?:[sxz]|ch|sh|[cg])es$")
# Vowel groups said as two syllables ("idea", "create", "science", "being", "period")
_SPLIT_RE = lazy_re.compile(r"(?<![tscx])i[aou]|(?<=[tscx])i(?:a(?!n|l)|o(?!n|u))|eo|ua|uo|ui(?=t|ng|st)|[aeo]ing|[^aeiou]ying|ism$|ier$|iest$|ea$|iet")
# Suffixes after a silent e ("absolutely", "achievement", "awareness", "useful"): count the stem alone
_SUFFIX_RE = lazy_re.compile(r"(?<=[^aeiouy]e)(ly|ment|ments|ness|ful|less)$")


def heuristic_syllables(word: str) -> int:
    """Rule-based syllable count for one word (letters only; at least 1 for any word with a letter)."""
    w = _NON_ALPHA_RE.sub("", word.lower())
    if not w:
        return 0
    suffix = _SUFFIX_RE.search(w)
    if suffix and len(w) - len(suffix.group(1)) > 3:
        stem = w[: suffix.start()]
        return heuristic_syllables(stem) + 1
    groups = len(_VOWEL_GROUP_RE.findall(w))
    if _LE_RE.search(w):
        pass  # "table": the e group counts as the sounded l
    elif _SILENT_E_RE.search(w) and not w.endswith(("ee", "ye")) and groups > 1:
        groups -= 1
    elif _ED_RE.search(w) and groups > 1:
        groups -= 1
    elif _ES_RE.search(w) and not _ES_SOUNDED_RE.search(w) and groups > 1:
        groups -= 1
    groups += len(_SPLIT_RE.findall(w))
    return max(1, groups)


@lru_cache(maxsize=1)
def _table() -> dict[str, int]:
    """word -> syllables for the words where CMUdict disagrees with the heuristic."""
    table: dict[str, int] = {}
    try:
        text = (resources.files("plainpitch") / "data" / "syllables.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):  # table not built: the heuristic alone still works
        return table
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        count, _, words = line.partition(" ")
        table.update(dict.fromkeys(words.split(), int(count)))
    return table


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word: CMUdict's count when it knows the word, else the heuristic.

    Hyphenated and other compound tokens ("e-mail", "real-time") are counted part by part.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    found = _table().get(w)
    if found is not None:
        return found
    if not w.isalpha():
        parts = [p for p in re.split(r"[^a-z']+", w) if p]
        if len(parts) > 1:
            return sum(syllables(p) for p in parts)
    return heuristic_syllables(w)
