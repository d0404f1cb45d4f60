"""The fact check: every number, price, date, name and product term of the original survives a rewrite.

Facts are read from a document's analysed text (the prose a buyer reads):
- numbers with what sticks to them: "$30/mo", "20 ms" -> "20", "99.9%", "10k", "3x", number words ("three");
- dates: month and day names (years are numbers);
- names: capitalised words that are not an English word at the start of a sentence (Kafka, Plausible, SOC),
  every capitalised word inside a sentence (Postgres, Google Analytics), all-capital acronyms and brand casing
  (CDC, GitHub), and code-shaped terms (k8s, v2.1);
- web and e-mail addresses.
Lower-case technical words ("replication") are not facts: saying them plainly is what a rewrite is for.

A rewrite loses a fact when the rewritten document holds it fewer times than the original; a model's rewrite
*invents* one when the rewritten document holds a fact that appears nowhere in the original.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from plainpitch.text import lazy_re

_NUMBER_RE = lazy_re.compile(r"(?<![\w.])[$€£¥]?\d[\d,]*(?:\.\d+)?(?:\s?%|[kKmMbBxX](?![a-zA-Z]))?")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand "
    "million billion dozen half double twice triple".split()
)
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
# words that are never a name, however they are written
_FUNCTION_WORDS = frozenset(
    "a an the and or but of to in on at by for with from as is are be us our we you your it its they them their "
    "this that these those me my he she his her".split()
)
_ADDRESS_RE = lazy_re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_WORD_RE = lazy_re.compile(r"[A-Za-z][\w'’.+#-]*[\w+#]|[A-Za-z]")
_SENTENCE_START_RE = lazy_re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“(\[*>]\s*|^-\s+|\n-\s+)$")  # Markdown marks too


@lru_cache(maxsize=8192)
def _common_word(word: str) -> bool:
    from plainpitch.text import lexicon

    return not lexicon.rarer_than(word.lower(), 3.5)


def _is_name(word: str, sentence_start: bool, names: set[str]) -> bool:
    letters = word.replace("'", "").replace("’", "")
    if len(letters) > 1 and sum(c.isupper() for c in letters) >= 2:
        return True  # CDC, GitHub, SaaS
    if any(c.isdigit() for c in letters):
        return True  # k8s, v2, gRPC-ish
    if not word[:1].isupper():
        return False
    if word.lower() in _FUNCTION_WORDS:
        return False  # "Contact Us", "About Our Team": title case, not a name
    if sentence_start:
        return word in names or not _common_word(word.split("'")[0].split("’")[0])
    return word.lower() not in {"i", "i'm", "i've", "i'll", "i'd"}


def facts(text: str) -> Counter[str]:
    """Every fact in a text, counted."""
    found: Counter[str] = Counter()
    for m in _ADDRESS_RE.finditer(text):
        found["address:" + m.group(0).rstrip(".,;:!?)").lower()] += 1
    clean = _ADDRESS_RE.sub(" ", text)
    for m in _NUMBER_RE.finditer(clean):
        value = m.group(0).replace(" ", "").replace(",", "").lower()
        found["number:" + value] += 1
    words = []
    for m in _WORD_RE.finditer(clean):
        start = m.start() == 0 or bool(_SENTENCE_START_RE.search(clean[max(0, m.start() - 3) : m.start()]))
        words.append((m.group(0).rstrip("."), start))
    # a word written with a capital inside a sentence anywhere is a name at the start of one too
    names = {w for w, start in words if not start and w[:1].isupper()}
    for word, start in words:
        low = word.lower()
        if low in _NUMBER_WORDS:
            found["number:" + low] += 1
        elif low in _DATE_WORDS and word[:1].isupper():
            found["date:" + low] += 1
        elif _is_name(word, start, names):
            found["name:" + word] += 1
    return found


def lost(before: Counter[str], after: Counter[str]) -> list[str]:
    """Facts the rewritten text holds fewer times than the original (as readable strings)."""
    return [key.split(":", 1)[1] for key in sorted(before - after)]


def invented(before: Counter[str], after: Counter[str]) -> list[str]:
    """Facts in the rewritten text that the original never states."""
    return [key.split(":", 1)[1] for key in sorted(set(after) - set(before))]
