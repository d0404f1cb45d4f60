"""CLR001 and JRG001: a plain word for an inflated or technical one, fitted to the sentence.

CLR001's swaps come from plainlanguage.gov and match the exact form written, so the first plain alternative
takes its place directly (the article in front is made to agree). JRG001's plain alternatives must be inflected
to the original's form: that is ``plainpitch.text.substitute`` (the jargon work); until it is installed, JRG001
gets a question for the writer instead (rewriters.questions).
"""

from __future__ import annotations

from plainpitch.rewrite.english import DETERMINERS, FUNCTION_WORDS
from plainpitch.rewrite.model import Candidate, Edit
from plainpitch.rewrite.rewriters import rewriter
from plainpitch.rewrite.rewriters.page import Page, swap


def _previous_word(text: str, start: int) -> str:
    words = text[max(0, start - 30) : start].split()
    return words[-1].lower() if words else ""


@rewriter("CLR001")
def plain_word(finding, page: Page):
    for suggestion in finding.suggestions[:2]:
        plain = suggestion.replacement.strip()
        if not plain or "/" in plain or "…" in plain:
            continue
        first = plain.split()[0].lower()
        # "an approximate cost" -> "an about cost": a function word cannot take the place of an adjective or noun
        if first in FUNCTION_WORDS and _previous_word(page.text, finding.span.start) in DETERMINERS:
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
