"""JRG002: spell an acronym out where the buyer first meets it, from the page's own expansion when it has one
(written later or elsewhere on the page: "change data capture (CDC)"), else from the page's own words that spell it
("user interface" written in the same paragraph as "UI"), else from plainpitch's acronym table (the meaning the
rule itself suggests)."""

from __future__ import annotations

import re

from plainpitch.rewrite.english import DETERMINERS, FUNCTION_WORDS
from plainpitch.rewrite.model import Candidate
from plainpitch.rewrite.rewriters import rewriter
from plainpitch.rewrite.rewriters.page import Page, swap
from plainpitch.text import lazy_re

_NO_ROOM = ("cta", "link", "subject")  # a button, a link or a subject line has no room for an expansion


def _plural(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if re.search(r"(?:s|x|z|ch|sh)$", last):
        last += "es"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


_WORD_RE = lazy_re.compile(r"[A-Za-z]+")


def spelled_out(acronym: str, text: str) -> str | None:
    """The one phrase in ``text`` whose words' initials spell the acronym, one word per letter ("user interface"
    for UI), or None when there is none or more than one. Each word has three letters or more and is no function
    word ("in particular" is not IP), and the words are all lower case or all capitalised, side by side (a space
    or a hyphen between them)."""
    letters = acronym.removesuffix("s").lower()
    if not letters.isalpha() or not 2 <= len(letters) <= 6:
        return None
    words = list(_WORD_RE.finditer(text))
    found: dict[str, str] = {}
    for i in range(len(words) - len(letters) + 1):
        run = words[i : i + len(letters)]
        if any(w.group(0)[0].lower() != c for w, c in zip(run, letters, strict=True)):
            continue
        if any(text[a.end() : b.start()] not in (" ", "-") for a, b in zip(run, run[1:], strict=False)):
            continue
        tokens = [w.group(0) for w in run]
        if any(len(t) < 3 or t.lower() in FUNCTION_WORDS or t.lower() in DETERMINERS for t in tokens):
            continue
        if not (all(t.islower() for t in tokens) or all(t[0].isupper() and t[1:].islower() for t in tokens)):
            continue
        phrase = text[run[0].start() : run[-1].end()]
        found.setdefault(phrase.lower(), phrase)
    return next(iter(found.values())) if len(found) == 1 else None


@rewriter("JRG002")
def expand(finding, page: Page):
    acronym = finding.text
    key = acronym.removesuffix("s")
    unit = page.unit_of(finding.span.start)
    if unit.kind in _NO_ROOM or not acronym.strip():
        return
    text = page.text
    before, after = text[finding.span.start - 1 : finding.span.start], text[finding.span.end : finding.span.end + 2]
    if before in "-/" and before or after[:1] in "-/" or re.match(r" [A-Z]", after):
        return  # part of a compound or a name ("K8s-native", "CI/CD", "JSON Schema"): no room in the middle
    long = page.expansions.get(key) or page.expansions.get(acronym)
    how = "as the page itself does"
    if not long:
        # the page's own words in the acronym's paragraph (a two-letter acronym matches by chance elsewhere)
        long = spelled_out(key, text[unit.start : unit.end])
        how = "from the page's own words in this paragraph"
    if long:
        if acronym != key and not long.endswith("s"):
            long = _plural(long)
        yield Candidate(finding, "expand-acronym", tuple(swap(page, finding.span.start, finding.span.end, f"{long} ({acronym})")),
                        note=f"spelled out {how}: '{long} ({key})'")  # fmt: skip
        return
    for suggestion in finding.suggestions:
        m = re.fullmatch(re.escape(acronym) + r" \((.+)\)", suggestion.replacement)
        if m and len(m.group(1).split()) <= 8:
            meaning = m.group(1)
            if acronym != key and not meaning.endswith("s") and not meaning.startswith(("a ", "an ")):
                meaning = _plural(meaning)
            yield Candidate(finding, "expand-acronym",
                            tuple(swap(page, finding.span.start, finding.span.end, f"{acronym} ({meaning})")),
                            note=f"spelled out from plainpitch's acronym table: '{m.group(1)}'")  # fmt: skip
            return
