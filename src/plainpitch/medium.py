"""Which medium a document is (page, email, proposal, text): the loader's guess, refined from the content.

The medium picks the thresholds that depend on it (an email's length, a page's hero, a proposal's opening).
Order of evidence: ``--medium`` (handled by the engine before this is called), a call stays a call, an email
file or a Subject line is an email, proposal headings make a proposal, a greeting plus a sign-off make an
email, else the loader's guess (Markdown and HTML are pages; plain text is text).
"""

from __future__ import annotations

import re

from plainpitch.model import Document
from plainpitch.text import lazy_re

GREETING_RE = lazy_re.compile(r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b", re.IGNORECASE)
NAME_LINE_RE = lazy_re.compile(r"^\[?[A-Z][\w .'-]{0,30}\]?,$")  # "Sarah," / "[First],"
# "Hey Leon," / "Dear Ms Ruiz,": in a file read as a page, a greeting to someone by name is a letter even with no
# sign-off ("Hi there," and "Hello, I'm Ana" open pages too); plain text stays text without a sign-off
NAMED_GREETING_RE = lazy_re.compile(r"^(?i:hi|hello|hey|dear)[ \t]+(?:(?!(?i:there|all|everyone|folks|friends|team)\b|I\b)"
                               r"[A-Z][\w'.-]*(?:[ \t][A-Z][\w'.-]*)?|\{\{[^{}\n]{1,40}\}\}|\[[^\[\]\n]{1,40}\]|"
                               r"\*\|[A-Z_]{1,30}\|\*|%[A-Za-z_]{1,30}%|\{[A-Za-z_.]{1,30}\})[ \t]*,")  # or by a merge field
SIGN_OFF_RE = lazy_re.compile(
    r"^(?:best|best regards|regards|kind regards|warm regards|cheers|thanks|thank you|many thanks|sincerely|"
    r"all the best|talk soon|speak soon|yours(?: truly| sincerely)?)\b[^\n]{0,30}[,!.]?$",
    re.IGNORECASE,
)
_SELF_EMAIL_RE = lazy_re.compile(r"\b(?:this|the above) e-?mail\b|\b(?:reply|respond) to (?:this|it)\b|\bhit reply\b", re.I)
# "Subject:", and a copy file's labels for an e-mail's parts: "Subject line options:", "Preheader:", "Preview text:"
SUBJECT_RE = lazy_re.compile(r"^\W{0,3}(?:subject(?: lines?)?(?: options?| ideas?| [ab])?|pre-?header(?: text)?|preview text)\W{0,3}:",
                        re.IGNORECASE)
PROPOSAL_HEADINGS = ("proposal", "scope", "timeline", "investment", "deliverables", "statement of work",
                     "fees", "milestones", "terms", "next steps", "pricing", "approach", "objectives", "project cost",
                     "costs", "quote", "estimate", "acceptance", "agreement")  # fmt: skip
_PROPOSAL_RE = lazy_re.compile(r"\b(?:" + "|".join(re.escape(h) for h in PROPOSAL_HEADINGS) + r")\b", re.IGNORECASE)
_STRONG_PROPOSAL_RE = lazy_re.compile(r"\b(?:proposal|scope of work|statement of work|deliverables|investment|project cost)\b", re.I)


def _texts(doc: Document, kinds: tuple[str, ...]) -> list[str]:
    return [doc.unit_text(u) for u in doc.units if u.kind in kinds]


_LINE_HEADING_RE = lazy_re.compile(r"^[ \t]*([A-Z][^\n.!?:;,]{2,60})[ \t]*$")


def _line_headings(doc: Document) -> list[str]:
    """Headings of plain text: a short line of its own (six words or fewer, no closing punctuation) with text right
    under it. Plain-text proposals and emails mark their sections this way."""
    lines = doc.source.splitlines()
    out = []
    for i, line in enumerate(lines[:-1]):
        m = _LINE_HEADING_RE.match(line)
        if m and len(m.group(1).split()) <= 6 and lines[i + 1].strip():
            out.append(m.group(1))
    return out


def looks_like_proposal(doc: Document) -> bool:
    """Two proposal headings, one of them a strong one (Proposal, Scope of work, Deliverables, Investment)."""
    headings = _texts(doc, ("heading",))
    if doc.format == "text" or (doc.format == "markdown" and not headings):
        headings += _line_headings(doc)  # a .md written as plain text marks its sections the same way
    hits = [h for h in headings if _PROPOSAL_RE.search(h)]
    return len(hits) >= 2 and any(_STRONG_PROPOSAL_RE.search(h) for h in hits)


# inline markup on a line as written: "Hello <strong>{{ name }}</strong>,<br>", "Hi **{{name}}**,"
_INLINE_MARKUP_RE = lazy_re.compile(r"</?[A-Za-z][^<>\n]*>|\*\*|__")


def first_line(doc: Document, unit) -> str:
    """A unit's first line as written, its inline markup left out: a plain-text paragraph joins its lines ("Thanks,
    Jay, Product Consultant" reads as one line in the unit's text), and a sign-off or greeting is a line of its own."""
    text = doc.unit_text(unit).strip()
    if doc.source and "\n" in doc.source:
        start = doc.to_source(unit.start)
        end = doc.source.find("\n", start)
        line = doc.source[start : end if end >= 0 else len(doc.source)].strip()
        if line and text.startswith(line[:1]):
            return _INLINE_MARKUP_RE.sub("", line).strip() if ("<" in line or "**" in line or "__" in line) else line
    return text.split("\n")[0].strip()


# What only an e-mail has: a link to unsubscribe or to see it in a browser (the sending platform's), or words about
# itself ("With this email, I confirm…"; not "this email address", which a sign-up form asks for)
_MAIL_LINK_RE = lazy_re.compile(r"unsubscribe|view (?:it |this (?:e-?mail )?)?(?:in|on) (?:your |a )?(?:browser|web)|"
                           r"view online", re.IGNORECASE)  # fmt: skip
# an e-mail speaking of itself: "this email", "you received this email because…", "you are receiving email from…"
# (not a page's question "Why are you receiving emails from us?")
_ABOUT_ITSELF_RE = lazy_re.compile(r"\b(?:this|the above) e-?mail\b(?! address)|(?<!are )(?<!did )\byou(?:'re| are)? receiv(?:ed|ing) "
                              r"(?:this |these |our )?e-?mails?\b", re.IGNORECASE)  # fmt: skip
# every match holds "mail" (the same letters under the same flag) and none spans a line break
_MAIL_RE = lazy_re.compile("mail", re.IGNORECASE)


def speaks_of_itself(text: str) -> bool:
    """``_ABOUT_ITSELF_RE.search(text)``, run only on the lines that hold "mail" (a search bounded by ``endpos``
    sees the line's end as the text's end, as the whole search sees its line break): one scan for a literal instead
    of the pattern tried at every character (a 1 MiB page: 17 ms, was 108)."""
    m = _MAIL_RE.search(text)
    while m is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end == -1 else end
        if _ABOUT_ITSELF_RE.search(text, start, end):
            return True
        m = _MAIL_RE.search(text, end)
    return False


def _mail_links(doc: Document) -> bool:
    for u in doc.units:
        if u.kind in ("cta", "link") and _MAIL_LINK_RE.search(f"{doc.unit_text(u)} {u.href or ''}"):
            return True
        for link in (u.attrs.get("links") or ()) if hasattr(u.attrs, "get") else ():
            label = doc.text[u.start + link["start"] : u.start + link["end"]]
            if _MAIL_LINK_RE.search(f"{label} {link.get('href') or ''}"):
                return True
    return False


# What a named greeting's line opens with (its first letter; NAMED_GREETING_RE), looked for in the unit's text: a unit's
# first line opens with the unit's first character (first_line)
_MAY_GREET_RE = lazy_re.compile(r"\s*[hHdD]")


def _letter_inside(doc: Document, units) -> bool:
    """A greeting to someone by name or merge field on a line of its own, and a sign-off after it: the letter a copy
    file is about, whatever notes sit around it. Only a unit that opens with a greeting's letter has its first line
    read in search of the greeting (a long page: a few of its units, not every one)."""
    rest = iter(units)  # read once, up to the sign-off
    for u in rest:
        if _MAY_GREET_RE.match(doc.text, u.start, u.end):
            line = first_line(doc, u)
            if NAMED_GREETING_RE.match(line) and len(line) < 60:
                break
    else:
        return False
    return any(SIGN_OFF_RE.match(first_line(doc, u)) for u in rest)


def looks_like_email(doc: Document) -> bool:
    """A Subject line; a link to unsubscribe or view it in a browser; words about itself as an e-mail; markup written
    for mail clients (the HTML loader's ``mail_client_markup``); a page-like file greeting someone by name; or a
    greeting among the first units and a sign-off among the last."""
    if doc.meta.get("subject") or any(u.kind == "subject" for u in doc.units):
        return True
    if _mail_links(doc) or speaks_of_itself(doc.text) or doc.meta.get("mail_client_markup"):
        return True
    units = [u for u in doc.units if u.kind in ("paragraph", "heading")]
    if not units:
        return False
    # a copy file's e-mails label their parts after a title, a note and the first e-mail's heading ("# Onboarding
    # sequence", "Reference: …", "## Email 1 — Welcome", "**Subject line:** …")
    if any(SUBJECT_RE.match(doc.unit_text(u).strip()) for u in units[:6]):
        return True
    first = [first_line(doc, u) for u in units[:4]]  # a title or a note may come before the greeting
    greeting = any(GREETING_RE.match(line) or NAME_LINE_RE.match(line) for line in first)
    sign_off = any(SIGN_OFF_RE.match(first_line(doc, u)) for u in units[-3:])
    # a letter kept as Markdown or HTML is judged as one, not as a page that must sell alone: greeting someone by name
    # at its top, or a template's notes around one letter ("## Variables", "## Body", "Hi {{name}}," … "Best,")
    if doc.medium == "page" and (any(NAMED_GREETING_RE.match(line) for line in first) or _letter_inside(doc, units)):
        return True
    # a template with its sign-off left to a field ("{Signature}") still calls itself an email
    return greeting and (sign_off or bool(_SELF_EMAIL_RE.search(doc.text)))


def infer(doc: Document) -> str:
    """The medium to judge the document as (the engine applies ``--medium`` first)."""
    if doc.medium == "call":
        return "call"
    if doc.format == "email" or doc.medium == "email":
        return "email"
    if looks_like_proposal(doc):
        return "proposal"
    if looks_like_email(doc):
        return "email"
    if doc.medium in ("page", "proposal", "text"):
        return doc.medium
    return "page" if doc.format in ("markdown", "html") else "text"
