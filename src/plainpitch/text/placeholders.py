"""Template placeholders left in copy: ``[Client.FirstName]``, ``{{first_name}}``, ``%NAME%``, ``$0.00``, "Lorem ipsum".

One definition for every rule: the placeholder rule reports them (a buyer who reads "Dear [Client.FirstName]" knows
the email went to a list, and a price of $0.00 says the proposal was never finished), and the jargon rules leave them
alone (a placeholder is not a word the buyer fails to know).

What counts, by shape rather than by a list of field names:
- a name in brackets or braces that reads like a field: ``[First Name]``, ``[Client.Company]``, ``[COMPANY]``,
  ``[insert date]``, ``{{name}}``, ``{first_name}``, ``<<Name>>``, ``%FIRSTNAME%``, ``$FIRST_NAME`` (mail-merge and
  template syntaxes);
- a price of nothing or of letters: ``$0.00``, ``€0,00``, ``$XX``, ``$X,XXX`` (the rule reports $0.00 only on a text
  with no real price: a free plan is "$0", and "$0.00" beside "$49.00" is a price list);
- filler text: "lorem ipsum", and marks of an unfinished draft standing alone: TBD, TODO, TK, XXX.
A Markdown link or a citation in brackets is not a placeholder: ``[Read more](…)`` has text and a target, ``[1]`` is a
number, and a bracketed sentence ("[We are hiring!]") has spaces between lower-case words and no field name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plainpitch.text import lazy_re
from plainpitch.text.money import real_prices

# Field words that mark a bracketed placeholder written in plain words ("[Your Name]", "[insert date]").
_FIELD_WORDS = (
    r"name|first ?name|last ?name|full ?name|surname|company|company ?name|organi[sz]ation|business|client|customer|"
    r"recipient|contact|title|job ?title|role|position|email|e-mail|phone|address|city|country|date|day|time|"
    r"amount|price|cost|fee|total|number|url|link|website|product|project|industry|signature|sender|your ?name|"
    r"my ?name|team|department|value|first|last|team ?mate|x+"
)
_BRACKET_FIELD_RE = lazy_re.compile(
    r"\[(?:(?:insert|add|enter|your|their|client|customer|recipient|prospect|company|link to(?: your)?)[ ._-]?)?"
    r"(?:[A-Z][A-Za-z]*[._])?(?:" + _FIELD_WORDS + r")(?:[ ._-]?(?:" + _FIELD_WORDS + r"))?\]"
    r"(?!\()",  # "[Name](https://…)" is a link
    re.IGNORECASE,
)
# Dotted or camel field names in brackets whatever the words: [Client.FirstName], [Deal.Amount], [contactEmail]
_BRACKET_CODE_RE = lazy_re.compile(r"\[[A-Za-z]+(?:\.[A-Za-z]+)+\](?!\()|\[[a-z]+[A-Z][A-Za-z]*\](?!\()")
_BRACKET_CAPS_RE = lazy_re.compile(r"\[[A-Z][A-Z_ ]{2,30}[A-Z]\](?!\()")  # [COMPANY], [FIRST_NAME]
_TEMPLATE_RE = lazy_re.compile(
    r"\{\{\s*[\w.\- |]+\s*\}\}|\{%\s*[\w.\- ]+\s*%\}|(?<![\w{$])\{[a-z_][\w.]*\}(?!\})|<<\s*[\w .]+\s*>>|"
    r"%(?:FIRST_?|LAST_?|FULL_?|COMPANY_?|CLIENT_?|CONTACT_?)?(?:NAME|COMPANY|EMAIL|TITLE|PHONE)%|"  # not %PATH%
    r"\*\|[A-Z_]+\|\*|(?<![\w$])\$(?:FIRST_?|LAST_?|FULL_?|COMPANY_?|CLIENT_?)?(?:NAME|COMPANY|EMAIL|TITLE)\b"
)
# "$0.00" with its cents (a bare "$0" is how a free plan is priced), "$XX", "$X,XXX"; the rule decides whether an
# amount of nothing is a placeholder from the rest of the document (no other price on it).
_ZERO_PRICE_RE = lazy_re.compile(
    r"(?<![\w.,])(?:[$€£]\s?(?:0[.,]00|X{1,3}(?:[.,]X{3})*(?:[.,]XX)?)|(?:0[.,]00|X{2,3})\s?(?:USD|EUR|GBP))(?![\w.,]*\d)"
)

_FILLER_RE = lazy_re.compile(r"\blorem ipsum\b|(?<![\w-])(?:TBD|TODO|TK|XXX+)(?![\w-])", re.IGNORECASE)
_DRAFT_MARK_RE = lazy_re.compile(r"^(?:TBD|TODO|TK|XXX+)$")

# field: a person fills it in ("[First Name]"); merge: a template engine fills it on send ("{{first_name}}", "%NAME%",
# "*|FNAME|*"): a template file carries them by design, so only the first three are reported as left unfilled
KINDS = ("field", "price", "filler", "merge")


# (pattern, kind, strings of which every match holds one: a cheap look before the pattern runs; () = always run)
_PATTERNS = (
    (_BRACKET_CODE_RE, "field", ("[",)),
    (_BRACKET_FIELD_RE, "field", ("[",)),
    (_BRACKET_CAPS_RE, "field", ("[",)),
    (_TEMPLATE_RE, "merge", ("{", "<<", "%", "*|", "$")),
    (_ZERO_PRICE_RE, "price", ("$", "€", "£", "USD", "EUR", "GBP")),
    (_FILLER_RE, "filler", ()),
)


# The characters every match of a pattern starts at (after its look-behind): the pattern is tried only there, not
# at every character of a long text (re cannot skip ahead to them on its own: each opens on an alternation or a
# look-behind)
_STARTS = {
    _TEMPLATE_RE: re.compile(r"[{<%*$]"),
    _ZERO_PRICE_RE: re.compile(r"[$€£0X]"),
}
# What a filler match the caller keeps holds: "lorem" in any case (case-blind, re matches no other character to
# these five letters; spelled out so no lower-cased copy of a long text is made), or a draft mark in capitals
# (_DRAFT_MARK_RE)
_DRAFT_MARKS = ("TBD", "TODO", "TK", "XXX")
_LOREM_RE = lazy_re.compile(r"[lL][oO][rR][eE][mM]")


def _may_hold_filler(text: str, start: int, end: int) -> bool:
    return any(text.find(mark, start, end) != -1 for mark in _DRAFT_MARKS) or _LOREM_RE.search(text, start, end) is not None


def _matches(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)``, trying the pattern only at the characters its matches start at."""
    starts = _STARTS.get(pattern)
    if starts is None:
        yield from pattern.finditer(text, start, end)
        return
    match, after = pattern.match, start
    for candidate in starts.finditer(text, start, end):
        at = candidate.start()
        if at < after:
            continue  # inside the last match: finditer goes on from its end
        m = match(text, at, end)  # a look-behind still reads the text before ``at``, as finditer's does
        if m is not None:
            yield m
            after = m.end()


def find(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of every placeholder in ``text[start:end]``, in order, never overlapping."""
    end = len(text) if end is None else end
    found: list[tuple[int, int, str]] = []
    for pattern, kind, needs in _PATTERNS:
        if needs and not any(text.find(n, start, end) != -1 for n in needs):
            continue  # none of the characters every match holds: most units have no bracket, brace or currency
        if kind == "filler" and not _may_hold_filler(text, start, end):
            continue  # no match it keeps can be there
        for m in _matches(pattern, text, start, end):
            if kind == "filler" and not m.group(0).lower().startswith("lorem") and not _DRAFT_MARK_RE.match(m.group(0)):
                continue  # "todo" in a sentence is a word ("a todo app"); the marks are written in capitals
            found.append((m.start(), m.end(), kind))
    found.sort()
    last = -1
    for s, e, kind in found:
        if s >= last:
            yield s, e, kind
            last = e


_ENDS_IN_FIELD_WORD_RE = lazy_re.compile(r"\b(?:" + _FIELD_WORDS + r")\]$", re.IGNORECASE)


def ends_in_field_word(bracketed: str) -> bool:
    """"[Spokesperson Name]", "[Industry Expert Name]": a field by its last word, whatever comes before it."""
    return bool(_ENDS_IN_FIELD_WORD_RE.search(bracketed))


def plain_fields(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every field written in plain words ("[Your Phone Number]", "[Company Name]", "[insert date]"):
    not a code name ("[extra.facts]", "[Client.FirstName]") nor a label in capitals ("[RECOMMENDED]"), which are also
    read as fields above but are as often a site's or a tool's own notation; "[x]" is a ticked box."""
    if "[" not in text:
        return
    for m in _BRACKET_FIELD_RE.finditer(text):
        # "[Client.FirstName]", "[first_name]": a merge tool's notation, filled when the document is made from it
        if m.group(0).lower() not in ("[x]", "[xx]", "[xxx]") and not re.search(r"[._]", m.group(0)):
            yield m.start(), m.end()


def is_placeholder(token: str) -> bool:
    """True when the whole token is a placeholder (the jargon rules skip it)."""
    return any(s == 0 and e == len(token) for s, e, _ in find(token))


def has_real_price(text: str) -> bool:
    """True when the text names an amount of money that is not zero."""
    return bool(real_prices(text))
