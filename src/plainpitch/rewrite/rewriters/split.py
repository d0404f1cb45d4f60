"""RDB001 and RDB002: split a hard sentence at its clause boundaries.

Only boundaries where each side is a whole clause: a semicolon; ", which" (the second half becomes "This ...");
", and" / ", but" / ", so" followed by a subject pronoun ("..., and you see every change" -> "... You see every
change"). A list ("Postgres, MySQL, and the new engine") is never split: the word after "and" must be a pronoun.
The split nearest the middle comes first; a piece still too long is split again.
"""

from __future__ import annotations

import re

from plainpitch.rewrite.edits import minimal_edits
from plainpitch.rewrite.model import Candidate
from plainpitch.rewrite.rewriters import rewriter
from plainpitch.rewrite.rewriters.page import Page

_SUBJECTS = r"(?:we|you|it|they|this|these|there|he|she|i|your team|our team)"
_BOUNDARIES = (
    # (pattern over the sentence, what the second sentence starts with: None = the word after the boundary)
    (re.compile(r";\s+(?=\w)"), None),
    (re.compile(r",\s+which\s+(?=\w)"), "This "),
    (re.compile(r",\s+(?:and|but|so)\s+(?=" + _SUBJECTS + r"\b(?!\s*[,.]))", re.I), None),
)
_CONNECTIVE = {"but": "But ", "so": "So "}
MIN_WORDS = 4  # each piece must still be a sentence
TARGET_WORDS = 22  # split until every piece is at most this long (or no safe boundary is left)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _inside_brackets_or_quotes(text: str, pos: int) -> bool:
    head = text[:pos]
    return head.count("(") > head.count(")") or head.count('"') % 2 == 1 or head.count("“") > head.count("”")


def _split_once(text: str) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    total = _words(text)
    for pattern, opener in _BOUNDARIES:
        for m in pattern.finditer(text):
            left, right = text[: m.start()].rstrip(), text[m.end() :]
            if _words(left) < MIN_WORDS or _words(right) < MIN_WORDS or _inside_brackets_or_quotes(text, m.start()):
                continue
            joined = m.group(0).strip(" ,;").lower()
            if opener is None:
                word = _CONNECTIVE.get(joined, "")
                if word:
                    right = word + (right if right.startswith("I ") else right[0].lower() + right[1:])
                else:
                    right = right[0].upper() + right[1:]
            else:
                right = opener + right
            if not left.endswith((".", "!", "?")):
                left += "."
            balance = abs(_words(left) - total / 2)
            if best is None or balance < best[0]:
                best = (balance, left, right)
    return None if best is None else (best[1], best[2])


def split_sentence(text: str) -> list[str]:
    pieces = [text]
    for _ in range(4):
        longest = max(range(len(pieces)), key=lambda i: _words(pieces[i]))
        if _words(pieces[longest]) <= TARGET_WORDS:
            break
        found = _split_once(pieces[longest])
        if found is None:
            break
        pieces[longest : longest + 1] = list(found)
    return pieces


@rewriter("RDB001", "RDB002")
def split(finding, page: Page):
    sentence = page.sentence_of(finding.span.start)
    if sentence is None or page.unit_of(finding.span.start).kind in ("heading", "cta", "link", "subject", "quote"):
        return
    pieces = split_sentence(sentence.text)
    if len(pieces) < 2:
        return
    new = " ".join(pieces)
    edits = minimal_edits(sentence.start, sentence.text, new)
    if edits:
        yield Candidate(finding, "split-sentence", tuple(edits), note=f"split into {len(pieces)} sentences at clause boundaries")
