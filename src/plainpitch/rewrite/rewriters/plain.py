"""RDB001, RDB002 and RDB003: plainer words in a hard sentence (or throughout copy that reads above its reader's
grade), from CLR001's plainlanguage.gov table, in any form the word is written.

CLR001 flags the forms its table lists ("anticipate"); a hard sentence often holds another ("anticipated",
"attempts"). A single-word entry with a single-word plain alternative is inflected to the form written
(plainpitch.text.substitute: "anticipated" -> "expected", "attempts" -> "tries", the article in front made to
agree); a phrase entry ("in order to" -> "to") is used as written. Each swap must keep the sentence's frame
(words.misfit), the inflected word must be a common English word ("appropriated" is no form of "proper", "doed" none of "do"), and a plain verb whose past participle differs from its past tense is not put after
have/has/had/be ("has taken" is not "has took"). This is the fallback after a split: a sentence split at its
clause boundaries does more for the reader than plainer words in it.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from plainpitch.rewrite.edits import minimal_edits
from plainpitch.rewrite.model import Candidate
from plainpitch.rewrite.rewriters import rewriter, split  # noqa: F401  (split registers first: it is tried first)
from plainpitch.rewrite.rewriters.page import Page
from plainpitch.rewrite.rewriters.words import misfit
from plainpitch.text import lazy_re

_WORD_RE = lazy_re.compile(r"[A-Za-z][A-Za-z'’-]*")
# verbs that say nothing without a specific object: "while accomplishing the objective" is not "while doing" it
_LIGHT_VERBS = frozenset("do make get have be go take give put set".split())
_COMMON = 2.5  # an inflected plain word must be a word people write (Zipf frequency): "doed" and "propered" are not
_PARTICIPLE_CONTEXT = frozenset("have has had having be been being is are was were".split())


@lru_cache(maxsize=1)
def table() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """(phrases: exact text -> its plain options, words: inflected form -> a one-word plain) from CLR001's pack."""
    data = tomllib.loads(resources.files("plainpitch.rules.packs").joinpath("clarity.toml").read_text("utf-8"))
    swap = next(r["swap"] for r in data["rule"] if r["code"] == "CLR001")
    phrases: dict[str, tuple[str, ...]] = {}
    words: dict[str, str] = {}
    for key, value in swap.items():
        options = [o.strip() for o in re.split(r"\s*,\s*", value) if o.strip() and "/" not in o]
        if not options:
            continue
        phrases[key.lower()] = tuple(options)
        single = next((o for o in options if " " not in o and o.lower() not in _LIGHT_VERBS), None)
        if " " not in key and single and key.isalpha():
            for form in _forms(key.lower()):
                words.setdefault(form, single)
    return phrases, words


def _forms(word: str) -> list[str]:
    stem = word[:-1] if word.endswith("e") else word
    out = [word + "s", stem + "ed", stem + "ing", word + "d" if word.endswith("e") else word + "ed"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        out.append(word + "es")
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        out += [word[:-1] + "ies", word[:-1] + "ied"]
    return [f for f in out if f != word]


def plain_swaps(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, replacement) in ``text`` for the plainer words between start and end (non-overlapping)."""
    from plainpitch.text import lexicon, substitute

    phrases, words = table()
    out: list[tuple[int, int, str]] = []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")(?![\w-])", re.I)
    for m in pattern.finditer(text, start, end):
        for plain in phrases[m.group(0).lower()][:2]:  # the first option that fits, as CLR001's rewrite takes it
            if misfit(m.group(0), plain, text, m.start(), m.end()):
                continue
            fitted = substitute.fit(text, m.start(), m.end(), plain, form="base")
            if fitted is not None:
                out.append(_same_takes_the(text, fitted.start, fitted.end, fitted.text))
                break
    for m in _WORD_RE.finditer(text, start, end):
        plain = words.get(m.group(0).lower())
        if plain is None or any(a < m.end() and m.start() < b for a, b, _ in out):
            continue
        form = substitute.form_of(m.group(0))
        if form == "base":
            continue
        before = text[max(0, m.start() - 20) : m.start()].split()
        if form == "past" and plain in substitute.IRREGULAR_PAST and before and before[-1].lower() in _PARTICIPLE_CONTEXT:
            continue
        if misfit(m.group(0), plain, text, m.start(), m.end()):
            continue
        fitted = substitute.fit(text, m.start(), m.end(), plain, form=form)
        if fitted is None or lexicon.zipf(fitted.text.split()[-1].lower()) < _COMMON:
            continue  # "appropriated" (took) is no form of "proper": "propered" is not a word
        if not any(a < fitted.end and fitted.start < b for a, b, _ in out):
            out.append(_same_takes_the(text, fitted.start, fitted.end, fitted.text))
    return sorted(out)


_A_SAME_RE = lazy_re.compile(r"^(an?|An?)(\s+)same\b")


def _same_takes_the(text: str, start: int, end: int, new: str) -> tuple[int, int, str]:
    """"same" takes "the": "an identical form" is "the same form", never "a same form"."""
    m = _A_SAME_RE.match(new)
    if m:
        return start, end, ("The" if m.group(1)[0].isupper() else "the") + new[len(m.group(1)) :]
    m = re.search(r"\b(an?|An?)(\s+)$", text[max(0, start - 4) : start])
    if new.lower().startswith("same") and m:
        return start - len(m.group(0)), end, ("The" if m.group(1)[0].isupper() else "the") + m.group(2) + new
    return start, end, new


def _candidate(finding, page: Page, start: int, end: int, what: str):
    text = page.text
    swaps = plain_swaps(text, start, end)
    if not swaps:
        return None
    new = text[start:end]
    for a, b, repl in reversed(swaps):
        new = new[: a - start] + repl + new[b - start :]
    edits = minimal_edits(start, text[start:end], new)
    if not edits:
        return None
    names = ", ".join(f"'{text[a:b]}' -> '{r}'" for a, b, r in swaps[:4])
    return Candidate(finding, "substitute", tuple(edits), note=f"plainer words {what}: {names}")


@rewriter("RDB001", "RDB002")
def split_with_plainer_words(finding, page: Page):
    """After the split alone (rewriters.split, tried first): the same split with plainer words in the sentence, for
    when the checks refuse the split because its pieces are still hard."""
    sentence = page.sentence_of(finding.span.start)
    if sentence is None or page.unit_of(sentence.start).kind in split._NO_SENTENCE_SPLIT:
        return
    pieces, kinds = split.split_with_boundaries(sentence.text)
    swaps = plain_swaps(page.text, sentence.start, sentence.end) if len(pieces) > 1 else []
    if not swaps:
        return
    new = sentence.text
    for a, b, repl in reversed(swaps):
        new = new[: a - sentence.start] + repl + new[b - sentence.start :]
    more, kinds = split.split_with_boundaries(new)
    if len(more) < len(pieces):
        return  # a plainer word took a boundary away: the split alone was the candidate
    edits = minimal_edits(sentence.start, sentence.text, " ".join(more))
    if edits:
        at = ", ".join(sorted(set(kinds)))
        yield Candidate(finding, "split-sentence", tuple(edits),
                        note=f"split into {len(more)} sentences at {at}, with plainer words")  # fmt: skip


@rewriter("RDB001", "RDB002")
def plain_words_in_sentence(finding, page: Page):
    sentence = page.sentence_of(finding.span.start)
    if sentence is None or page.unit_of(sentence.start).kind in ("heading", "cta", "link", "subject", "quote"):
        return
    found = _candidate(finding, page, sentence.start, sentence.end, "in the sentence")
    if found:
        yield found


@rewriter("RDB003")
def plain_words_throughout(finding, page: Page):
    candidates = []
    for unit in page.doc.units:
        if unit.kind in ("paragraph", "list_item"):
            found = _candidate(finding, page, unit.start, unit.end, "in the copy")
            if found:
                candidates.append(found)
    if len(candidates) > 1:
        yield Candidate(finding, "substitute", tuple(e for c in candidates for e in c.edits), note="plainer words throughout the copy")
    yield from candidates
