"""CLR001 and JRG001: a plain word for an inflated or technical one, fitted to the sentence.

CLR001's swaps come from plainlanguage.gov and match the exact form written, so the first plain alternative
takes its place directly (the article in front is made to agree). JRG001's plain alternatives must be inflected
to the original's form: that is ``plainpitch.text.substitute`` (the jargon work); until it is installed, JRG001
gets a question for the writer instead (rewriters.questions).
"""

from __future__ import annotations

import re

from plainpitch.rewrite.english import DETERMINERS, FUNCTION_WORDS
from plainpitch.rewrite.model import Candidate, Edit
from plainpitch.rewrite.rewriters import rewriter
from plainpitch.rewrite.rewriters.page import Page, swap
from plainpitch.text import lazy_re

_PREPOSITIONS = frozenset(
    "of to with for on in by at from under per about into onto over than like before after following since until "
    "during within across through against toward towards among between without via besides".split()
)
# words that cannot take the noun phrase that followed a phrase ending in a preposition ("instead X", "if X")
_NO_OBJECT = frozenset("instead if also too so then because although though when while now here there together again "
                       "already yet thus hence therefore".split())  # fmt: skip
_PARTICLES = frozenset("out up off down over back with on in for away".split())
_MODALS = frozenset("must can could should may might will would shall".split())
_POSSESSIVES = frozenset("its their your our my".split())
# determiners that are never pronouns ("this" in "do this in order to" is one)
_ARTICLES = frozenset("a an the your our their my its his her every each no".split())
_PRONOUNS = frozenset("you we they he she it i".split())
_WORD_RE = lazy_re.compile(r"[A-Za-z][\w'’-]*")


def _previous_word(text: str, start: int) -> str:
    """The word right before ``start`` ("" when punctuation other than an opening bracket or quote comes first)."""
    m = re.search(r"([A-Za-z][\w'’-]*)[\s(\"“]*$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _next(text: str, end: int) -> tuple[str, bool]:
    """(the next word, lower-cased, or "" at a clause's end; True when punctuation comes before it)."""
    m = re.match(r"\s*([^\w\s]?)\s*([A-Za-z][\w'’-]*)?", text[end : end + 40])
    if not m or not m.group(2):
        return "", True
    return m.group(2).lower(), bool(m.group(1))


def misfit(original: str, plain: str, text: str, start: int, end: int) -> str | None:
    """Why ``plain`` cannot take the place of ``original`` (``text[start:end]``) in its sentence, or None.

    A word list knows the words, not the sentence: these are the frames a swap must keep.
    - a phrase that ends in a preposition takes a noun after it ("in lieu of X"): so must its plain form
      ("instead X" and "if an emergency" are not English; "under X", "before X", "follow X" are);
    - a phrase that opens with a preposition and runs on into "to"/"of" is part of a longer one ("In addition to the
      above": "Also to the above");
    - a modal ("must", "can") or "need to" must be followed by a verb ("it is essential that ..." is not "must
      that ...");
    - "so" does not sit between commas (", therefore, we" is not ", so, we");
    - a possessive ("thereof" -> "its") needs a noun after it, and a pronoun ("addressees" -> "you") cannot join a
      list ("you or distribution lists");
    - a single verb with an object after it cannot become a verb-and-word phrase unless the word is a particle
      ("notify the dispatcher": "let know the dispatcher"; "carry out your goals" is fine);
    - "as appropriate", "as necessary" at a clause's end are idioms, not an adjective to swap;
    - a function word cannot take the place of an adjective or noun after a determiner ("an approximate cost":
      "an about cost").
    """
    o_words, p_words = original.lower().split(), plain.lower().split()
    following, stop = _next(text, end)
    if o_words[-1] in _PREPOSITIONS and p_words[-1] in _NO_OBJECT and not stop:
        return "the plain form does not take the noun after it"
    if len(o_words) > 1 and o_words[0] in _PREPOSITIONS and following in ("to", "of") and not stop:
        return "part of a longer phrase"
    needs_verb = p_words[0] in _MODALS or (p_words[-1] == "to" and o_words[-1] != "to")  # "must", "need to"
    if needs_verb and (stop or following in FUNCTION_WORDS or following in DETERMINERS or following.endswith("ing")):
        return "a modal needs a verb after it"
    if p_words == ["so"] and text[:start].rstrip().endswith(",") and text[end:].lstrip().startswith(","):
        return "a conjunction between commas"  # ", therefore, we" -> ", so, we"
    if p_words[-1] in _POSSESSIVES and (stop or following in FUNCTION_WORDS):
        return "a possessive needs a noun after it"
    if p_words[0] in _PRONOUNS and following in ("or", "and", "nor", "of", "for") and not stop:
        return "a pronoun in a list"
    if len(o_words) == 1 and len(p_words) > 1 and not stop and p_words[-1] not in _PARTICLES | _PREPOSITIONS:
        if following in DETERMINERS or following in _PRONOUNS or text[end:].lstrip()[:1].isupper():
            return "the object would fall inside the phrase"
    if _previous_word(text, start) == "as" and stop:
        return "an idiom ('as appropriate' is not 'as proper')"
    if p_words[0] in FUNCTION_WORDS and _previous_word(text, start) in _ARTICLES:
        return "a function word after a determiner"
    return None


@rewriter("CLR001")
def plain_word(finding, page: Page):
    text = page.text
    for suggestion in finding.suggestions[:2]:
        plain = suggestion.replacement.strip()
        if not plain or "/" in plain or "…" in plain:
            continue
        if misfit(finding.text, plain, text, finding.span.start, finding.span.end):
            continue
        yield Candidate(finding, "substitute", tuple(swap(page, finding.span.start, finding.span.end, plain)),
                        note=f"'{finding.text}' -> '{plain}' (plainlanguage.gov)")  # fmt: skip


def _substitute_module():
    try:
        from plainpitch.text import substitute  # the jargon work: inflects a plain word to the original's form
    except ImportError:
        return None
    return substitute


@rewriter("JRG001")
def plain_term(finding, page: Page):
    module = _substitute_module()
    fit = getattr(module, "fit", None)
    if fit is None or not finding.suggestions:
        return
    sentence = page.sentence_of(finding.span.start)
    if sentence is None:
        return
    for suggestion in finding.suggestions[:2]:
        # JRG001's suggestions are already inflected to the term's form: fit only checks the sentence around them
        fitted = fit(sentence.text, finding.span.start - sentence.start, finding.span.end - sentence.start,
                     suggestion.replacement, form="base")  # fmt: skip
        if fitted is None:
            continue
        new_sentence = module.apply(sentence.text, fitted)
        from plainpitch.rewrite.edits import minimal_edits

        edits: list[Edit] = minimal_edits(sentence.start, sentence.text, new_sentence)
        if edits:
            yield Candidate(finding, "substitute", tuple(edits), note=f"'{finding.text}' -> '{suggestion.replacement}'")
