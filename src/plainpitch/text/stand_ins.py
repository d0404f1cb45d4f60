"""Stand-in details: values a template or a draft puts where a real one belongs, shaped like the real thing.

Judged blind, these were among the first problems copywriters named: a buyer ready to call meets "(555) 123-4567",
"020-12345678" or "support@yoursite.com" and cannot reach the seller; a testimonial signed "Jane Doe" or an open
rate of "x%" tells them the page was never finished. Unlike a template's merge field (``{{first_name}}``,
``[First Name]``: filled when the e-mail is sent, plainpitch.text.placeholders), nothing replaces these. Each kind is
recognised by a shape no real value has:

- ``phone``: numbers in the 555 exchange that films and templates use, a count-up run ("123-456-7890",
  "12345678"), all zeros, or X's where the digits belong ("XXX-XXX-XXXX", "+48-XXX-XXX-XXX", "61XXXXXXXXX");
- ``email``: an address at a domain reserved for examples (RFC 2606: example.com, .org, .net) or named for the
  reader to replace ("yoursite.com", "your-domain.com", "domain.com", "company.com"), or whose domain is a field
  ("support@[yourdomain].com");
- ``site``: such a web address standing alone ("Website: example.com", "www.yoursite.com"), or a profile left with
  the template's handle ("github.com/yourusername"); a subdomain of one is an illustration ("project.yourdomain.com"
  for a wildcard domain), and one with a path a page of the reader's own site ("yourwebsite.com/support"), not a
  stand-in;
- ``handle``: the template's user name standing alone ("Contributors: your_username", "@yourhandle");
- ``person``: "John Doe" and "Jane Doe", the names of nobody;
- ``figure``: a rate written as letters ("x%", "XX%");
- ``price``: an amount written as letters ("Starting at $XXX", "€XX", "$X,XXX"): one X alone may be a sum's
  unknown ("if you charge $X a month"), so two or more, or X's in thousands.
An example the text announces as one ("e.g. procurement@company.com", "such as …") is not a stand-in, nor is a value in
square brackets in a template ("To: [business-email@company.com]" among other fields: filled when it is used); the
caller says whether the text is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plainpitch.text import lazy_re

# a number written with X's where its digits belong, after a country or area code or not: "(XXX) XXX-XXXX",
# "+48-XXX-XXX-XXX", "61XXXXXXXXX", "07xx xxx xxx" (four X's or more: "2XL" and "XXX" alone are not numbers)
X_NUMBER = r"(?:\+?\(?\d{0,4}\)?[-. ]?)(?=[\dXx() .-]*(?:[Xx][() .-]?){4})[\dXx]*[Xx][\dXx]*(?:[-. ][\dXx()]+){0,4}"
_X_NUMBER_RE = lazy_re.compile(rf"^{X_NUMBER}$")
_DIGIT_OR_X_RE = lazy_re.compile(r"[\dXx]")
_PHONE = (r"(?=[\d(Xx+])(?<![\d-])(?:\(?555\)?[-. ]\d{3}[-. ]\d{4}|555[-. ]\d{4}|123[-. ]?456[-. ]?78(?:90?)?|\d{2,3}-12345678"
          r"|000[-. ]000[-. ]0000|\(?[Xx]{3}\)?[-. ][Xx]{3}[-. ][Xx]{4}"
          r"|(?<![\w+])(?=\+|\d)" + X_NUMBER + r")(?![\w-])")  # fmt: skip
_EXAMPLE_DOMAIN = (r"(?:example\.(?:com|org|net)|your-?(?:site|domain|website|company|business|brand|product|name)"
                   r"\.(?:com|org|net|io|co)|domain\.com|company\.com)")  # fmt: skip
# a profile or repository address left with the template's own handle: "github.com/yourusername/shield-js"
_PROFILE = (r"(?:github|gitlab|twitter|x|linkedin|instagram|facebook|youtube|tiktok)\.com/(?:in/|company/|@)?"
            r"your[-_]?(?:user-?name|name|handle|company|org|organi[sz]ation|account|profile|channel|page|repo)")
# a path after the address ("yourwebsite.com/support", "example.com/pricing"): the page a plugin or a setting makes on
# the reader's own site, or an illustration of an address's shape, not the seller's address left unfilled
_PATH_AFTER_RE = lazy_re.compile(r"/[\w-]")
_PERSON = lazy_re.compile(r"(?=J)\b(?:John|Jane) Doe\b")  # also found inside "John & Jane Doe"
# Each pattern that opens on a look-behind or a word boundary first looks ahead for the characters a match can start
# with ("(?=[\d(Xx+])"): the same matches, but a position that cannot start one is left at once instead of trying the
# look-behind and every branch there (a 1 MiB page: the phone pattern 24 ms, was 89)
_KINDS = (
    ("phone", re.compile(_PHONE)),
    # "support@yoursite.com", or the domain left as a field: "support@[yourdomain].com"
    ("email", re.compile(rf"(?<![\w.+-])[\w.+-]+@(?:{_EXAMPLE_DOMAIN}\b|\[[A-Za-z][\w.-]*\](?:\.[a-z]{{2,6}}\b)?)",
                         re.IGNORECASE)),
    ("site", re.compile(rf"(?=[hwedycgtxlif])(?<![\w.@/-])(?:https?://)?(?:www\.)?(?:{_EXAMPLE_DOMAIN}\b(?!\.\w)|"
                        rf"{_PROFILE}\b)", re.IGNORECASE)),
    # the template's handle standing alone ("Contributors: your_username", "@yourhandle"); "your username" with a
    # space is an instruction to the reader
    ("handle", re.compile(r"(?=[@yY])(?<![\w.@/-])@?your[-_]?(?:user-?name|handle)\b", re.IGNORECASE)),
    ("person", _PERSON),
    ("figure", re.compile(r"(?=[Xx])(?<![\w$€£])[Xx]{1,3}\s?%")),
    ("price", re.compile(r"[$€£]\s?(?:[Xx]{2,}|[Xx]{1,3}(?:,[Xx]{3})+)(?:\.[Xx]{2})?(?!\w|,[Xx\d])")),
)
def is_stand_in_person(name: str) -> bool:
    """"John Doe", "Jane Doe", "John & Jane Doe": the names of nobody (the person kind's own pattern)."""
    return bool(_PERSON.search(name))


_ANNOUNCED_RE = lazy_re.compile(r"(?:\be\.?\s?g\.?|for example|for instance|such as|like)[\s:,(\"'“]*$", re.IGNORECASE)
_TRIGGER_RE = lazy_re.compile(r"555|1234|0000|[Xx]{3}|\d[Xx]{2}|@|example|your|domain|company|Doe|[Xx]\s?%|[$€£]\s?[Xx]")


def named_as_brand(source: str, address: str) -> bool:
    """The address's domain is written as a name elsewhere ("Domain.com" on Domain.com's own page, "Company.com"):
    the seller's brand, not a stand-in."""
    domain = address.rsplit("@", 1)[-1].split("//")[-1].removeprefix("www.").split("/")[0]
    name, _, tld = domain.partition(".")
    if not name or not tld:
        return False
    return re.search(rf"\b{re.escape(name[:1].upper() + name[1:].lower())}\.{re.escape(tld.lower())}\b", source) is not None


def _bracketed(text: str, start: int, end: int) -> bool:
    """Inside square brackets on its line: a template's field to fill ("To: [business-email@company.com]"), which
    plainpitch.text.placeholders reads."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return text.rfind("[", line_start, start) > text.rfind("]", line_start, start) and "]" in text[end:line_end]


def find(text: str, start: int = 0, end: int | None = None, bracketed: bool = False) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of every stand-in detail in ``text[start:end]``, in order; ``bracketed``: those in square
    brackets too (on a text that holds no template fields, a bracketed address is a detail left, not a field)."""
    end = len(text) if end is None else end
    if not _TRIGGER_RE.search(text, start, end):
        return
    found = []
    for kind, pattern in _KINDS:
        for m in pattern.finditer(text, start, end):
            if _ANNOUNCED_RE.search(text, max(start, m.start() - 20), m.start()) or (
                not bracketed and _bracketed(text, m.start(), m.end())
            ):
                continue  # "e.g. procurement@company.com": an example, told as one; "[you@company.com]": a field
            if kind == "phone" and not 7 <= len(_DIGIT_OR_X_RE.findall(m.group(0))) <= 15:
                continue  # not a phone number's length: "4242 XXXX XXXX 4242" is a card shown masked
            if kind == "site" and "/" not in m.group(0).split("//")[-1] and _PATH_AFTER_RE.match(text, m.end()):
                continue  # "going to yourwebsite.com/support": a page of the reader's own site, or an illustration
            found.append((m.start(), m.end(), kind))
    found.sort()
    last = -1
    for s, e, kind in found:
        if s >= last:  # an address's domain is not a site of its own
            yield s, e, kind
            last = e


def stand_in_number(target: str) -> bool:
    """A phone or messenger link's number written with X's ("tel:+1-XXX-XXX-XXXX", "https://wa.me/61XXXXXXXXX")."""
    number = re.sub(r"^(?:tel:|sms:|https?://(?:wa\.me|api\.whatsapp\.com/send\?phone=)/?)", "", target.strip(),
                    flags=re.IGNORECASE)
    return (number != target.strip() and bool(_X_NUMBER_RE.match(number))
            and 7 <= len(_DIGIT_OR_X_RE.findall(number)) <= 15)


_OPENING_QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“"}


def in_quoted_example(line: str, at: int) -> bool:
    """The text at ``at`` sits inside a phrase in quotation marks on its line (a search phrase, a sample post the
    text offers for the reader to adapt): the quote shows an example, not a detail or a note the writer left."""
    for opening, closing in _OPENING_QUOTES.items():
        before = line.rfind(opening, 0, at)
        if before < 0:
            continue
        if opening == closing and line.count(opening, 0, before) % 2:
            continue  # that mark closes an earlier quotation
        if line.find(closing, at) >= 0 and line.find(closing, before + 1, at) < 0:
            return True
    return False
