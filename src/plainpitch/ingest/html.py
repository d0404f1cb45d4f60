"""HTML landing pages -> Document, with the standard library's tolerant ``html.parser``.

What is copy: headings, paragraphs, list items, quotes, table cells, buttons, and bare text in containers.
What is not: script/style/template/svg, navigation, footers, cookie and consent banners, hidden elements,
code blocks. ``<title>`` and the meta description go to ``doc.meta`` (not linted).

Offsets: the parser runs with ``convert_charrefs=False`` so every text chunk is a verbatim slice of the file
and every entity (``&amp;``) arrives on its own; each character of a unit's text maps to its offset in the
file, an entity's characters to the ``&``. Whitespace is collapsed as a browser would.

Buttons: ``<button>``, ``<input type=submit value=...>``, ``<a>`` whose class or role says btn/button/cta,
and a link that stands alone in a paragraph become ``cta`` units (a link alone in a list item: ``link``).
Other links stay inside their paragraph; their spans are in ``unit.attrs["links"]``. Inline ``<code>``
becomes the placeholder word ``code`` (as in Markdown, see markdown.py).
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from typing import Any

from plainpitch.ingest.directives import included_parts, set_aside
from plainpitch.ingest.suppress import directive_codes, file_suppressions
from plainpitch.model import Document
from plainpitch.text import lazy_re
from plainpitch.text.segment import CODE_PLACEHOLDER, Block, build_document, has_words_outside_code

VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr frame".split())
# Never copy: their text is code, markup or chrome around the page.
DROP = frozenset(
    "script style noscript template svg math nav footer iframe object canvas select option datalist textarea "
    "pre audio video map dialog".split()
)
HEADINGS = {f"h{i}": i for i in range(1, 7)}
# element -> unit kind; each opens its own unit.
UNIT_TAGS = {
    **{h: "heading" for h in HEADINGS},
    "p": "paragraph", "li": "list_item", "dt": "paragraph", "dd": "paragraph", "blockquote": "quote",
    "td": "table_cell", "th": "table_cell", "figcaption": "paragraph", "caption": "paragraph",
    "summary": "paragraph", "legend": "paragraph", "button": "cta",
}  # fmt: skip
# Containers: they end the bare text before them and start a new run after them.
BLOCKS = frozenset(
    "html body main article section header div aside form fieldset table thead tbody tfoot tr ul ol dl menu "
    "figure address details hgroup center hr".split()
)
CODE_TAGS = frozenset({"code", "kbd", "samp", "tt"})
_BUTTONISH_RE = lazy_re.compile(r"(?:^|[\s_-])(?:btn|button|cta)(?:$|[\s_-])", re.I)
_COOKIE_RE = lazy_re.compile(r"cookie|consent|gdpr", re.I)
_NAV_RE = lazy_re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|topnav|sidenav|breadcrumbs?|menu|menubar|skip-link|skiplink|"
    r"sr-only|visually-hidden|screen-reader-text)(?:$|[\s_-])",
    re.I,
)
_HIDDEN_STYLE_RE = lazy_re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# In an email: where mail clients start the quoted thread (everything from there on is someone else's)...
_EMAIL_THREAD_RE = lazy_re.compile(
    r"gmail_quote|gmail_attr|moz-cite-prefix|yahoo_quoted|divRplyFwdMsg|appendonsend|OutlookMessageHeader|"
    r"protonmail_quote|mail-quote-collapse",
    re.I,
)
# ... and how they mark the signature.
_EMAIL_SIGNATURE_RE = lazy_re.compile(r"gmail_signature|moz-signature|signature", re.I)
_WS_RE = lazy_re.compile(r"\S+")
_UNSQUEEZED_RE = lazy_re.compile(r"\s\s|[^\S ]")
# a unit whose whole text is one link: what it is
_LONE_LINK = {"paragraph": "cta", "table_cell": "cta", "list_item": "link"}
_NO_ATTRS: dict[str, Any] = {}  # shared by the units without attrs (units read attrs, never write them)
_MARKED_RE = lazy_re.compile(r"<!\[(?!CDATA\[)")
_VALUE_RE = lazy_re.compile(r"""\bvalue\s*=\s*(["']?)""", re.I)
_ALT_RE = lazy_re.compile(r"""\balt\s*=\s*(["']?)""", re.I)
# A link that is only a picture is labelled by the picture's alt text; read as the link's words only where they ask
# ("Download on the App Store", "Get it on Google Play"): a logo's alt in a nav link stays out of the copy
_ASK_ALT_RE = lazy_re.compile(r"^(?:download|get it|get|available on|install|book|buy|shop|order|sign up|start|try|join|"
                         r"subscribe|contact|call|reserve)\b", re.I)


class _Unit:
    """A unit being filled: characters, their source offsets, and the links inside it."""

    __slots__ = ("kind", "level", "href", "chars", "offsets", "space", "links", "code", "attrs", "after_code")

    def __init__(self, kind: str, level: int = 0, href: str | None = None, attrs: dict | None = None) -> None:
        self.kind = kind
        self.level = level
        self.href = href
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.space: int | None = None  # offset of whitespace waiting to become one space
        self.links: list[tuple[int, int, str]] = []
        self.code: list[tuple[int, int]] = []
        self.attrs = attrs or {}
        self.after_code = -1  # source offset of an inline code placeholder just added

    def length(self) -> int:
        return len(self.chars)

    def _pending_space(self, glued: bool = False) -> None:
        if self.space is None and self.after_code >= 0 and glued:
            self.space = self.after_code  # "<code>x</code>s" must not glue the placeholder to the next word
        self.after_code = -1
        if self.space is not None and self.chars:
            self.chars.append(" ")
            self.offsets.append(self.space)
        self.space = None

    def add_text(self, text: str, offset: int) -> None:
        """Append a verbatim slice of the source, collapsing whitespace runs to one space."""
        core = text.strip()
        if core and _UNSQUEEZED_RE.search(core) is None:
            # words apart by single spaces (most text): what the loop below makes, as one slice
            lead = len(text) - len(text.lstrip())
            if lead and self.space is None:
                self.space = offset
            self._pending_space(core[0].isalnum())
            self.chars.extend(core)
            self.offsets.extend(range(offset + lead, offset + lead + len(core)))
            if lead + len(core) < len(text) and self.space is None:
                self.space = offset + lead + len(core)
            return
        self.add_words(text, offset)

    def add_words(self, text: str, offset: int) -> None:
        """``add_text`` word by word (any whitespace)."""
        pos = 0
        for m in _WS_RE.finditer(text):
            if m.start() > pos and self.space is None:
                self.space = offset + pos
            self._pending_space(m.group(0)[0].isalnum())
            self.chars.extend(m.group(0))
            self.offsets.extend(range(offset + m.start(), offset + m.end()))
            pos = m.end()
        if pos < len(text) and self.space is None:
            self.space = offset + pos

    def add_chars(self, text: str, offset: int) -> None:
        """Append decoded characters (an entity) that all come from one place in the source."""
        if text.isspace():
            if self.space is None:
                self.space = offset
            return
        self._pending_space(text[0].isalnum())
        self.chars.extend(text)
        self.offsets.extend([offset] * len(text))

    def add_space(self, offset: int) -> None:
        if self.space is None:
            self.space = offset

    def take(self) -> tuple[str, list[int], list[tuple[int, int, str]], list[tuple[int, int]]]:
        """The text so far (trimmed) and its maps; the unit is left empty for text after a nested unit."""
        text = "".join(self.chars)
        offsets = self.offsets
        links, code = self.links, self.code
        self.chars, self.offsets, self.links, self.code, self.space = [], [], [], [], None
        return text, offsets, links, code


class _Frame:
    __slots__ = ("tag", "unit", "drop", "inert", "link", "code", "title")

    def __init__(self, tag: str, inert: bool = False) -> None:
        self.tag = tag
        self.inert = inert  # opened inside a dropped subtree or inline code: only its end tag matters
        self.unit: _Unit | None = None  # the unit this element opened
        self.drop = False  # this element starts a dropped subtree
        self.link: tuple[_Unit, int, str] | None = None  # inline link: (unit, start, href)
        self.code: int | None = None  # inline code: source offset of the element
        self.title = False


def _attr_text(attrs: dict[str, str | None], *names: str) -> str:
    return " ".join(attrs.get(n) or "" for n in names)


class Extractor(HTMLParser):
    """Walks the HTML once and hands out Blocks whose offsets point into the file (``base`` + position)."""

    def __init__(self, source: str, base: int = 0, email: bool = False, aliases: dict[str, str] | None = None,
                 extra_attrs: dict[str, dict[str, str]] | None = None) -> None:  # fmt: skip
        super().__init__(convert_charrefs=False)
        self.source = source
        # another markup's element -> the HTML element it behaves as (MJML's mj-text is a div), and attributes it adds
        self.aliases = aliases or {}
        self.extra_attrs = extra_attrs or {}
        self.base = base
        self.email = email
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.stack: list[_Frame] = []
        self.open = Counter()
        self.dropping = 0  # number of open dropped elements
        self.code_depth = 0
        self.units: list[_Unit] = [_Unit("paragraph")]  # the root holds bare text
        self.blocks: list[Block] = []
        self.meta: dict[str, str] = {}
        self.title: list[str] | None = None
        self.pending_ignore: frozenset[str] | None = None
        # (tag, source offset just past it) of the last end tag: a sibling of the same tag opening right there is the
        # next item of a row (chips, badges: "<span>Open-core</span><span>Exit …</span>"), shown apart, not one word
        self.sibling_end: tuple[str, int] = ("", -1)
        self.list_depth = 0
        self.quote_depth = 0
        self.thread_started = False  # email: the quoted thread began; nothing after it is the sender's

    # -- positions -------------------------------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    # -- units -----------------------------------------------------------------------------------
    def _flush(self, unit: _Unit) -> None:
        if not unit.chars:  # nothing to read (most flushes): only reset what take() would
            unit.space = None
            if unit.links or unit.code:
                unit.links, unit.code = [], []
            return
        text, offsets, links, code = unit.take()
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if not text:
            return
        offsets = offsets[lead : lead + len(text)]
        links = [(s - lead, e - lead, h) for s, e, h in links if e - lead > 0 and s - lead < len(text)]
        code = [(s - lead, e - lead) for s, e in code]
        if not has_words_outside_code(text, code):
            return  # only code or punctuation: nothing to read
        kind, href = unit.kind, unit.href
        if len(links) == 1 and links[0][0] <= 0 and links[0][1] >= len(text):
            if kind in _LONE_LINK:
                # a link standing alone in its block is a button (in a list: one link of a list of links; in a
                # table cell: the button of an e-mail, which is a link alone in a cell of a layout table)
                kind, href = _LONE_LINK[kind], links[0][2]
            elif kind == "cta" and href is None:
                href = links[0][2]  # a button wrapping a link ("<button><a href=…>Buy</a></button>") goes there
        attrs = dict(unit.attrs) if unit.attrs or code or (links and href is None) else _NO_ATTRS
        if links and href is None:
            attrs["links"] = [{"start": s, "end": e, "href": h} for s, e, h in links]
        if code:
            attrs["code"] = [{"start": s, "end": e} for s, e in code]
        if self.base:
            offsets = [self.base + o for o in offsets]
        block = Block(kind, text, offsets[0], offsets, level=unit.level, href=href, attrs=attrs,
                      ignore=self.pending_ignore)  # fmt: skip
        self.pending_ignore = None
        self.blocks.append(block)

    def _open_unit(self, kind: str, level: int = 0, href: str | None = None, attrs: dict | None = None) -> _Unit:
        self._flush(self.units[-1])
        if kind == "paragraph" and self.quote_depth:
            kind = "quote"  # paragraphs inside a blockquote are the quote
        if kind == "quote":
            self.quote_depth += 1
        unit = _Unit(kind, level, href, attrs)
        self.units.append(unit)
        return unit

    def _close_unit(self, unit: _Unit) -> None:
        self._flush(unit)
        if unit.kind == "quote":
            self.quote_depth -= 1
        if self.units[-1] is unit:
            self.units.pop()
        elif unit in self.units:
            self.units.remove(unit)

    # -- dropping ---------------------------------------------------------------------------------
    def _drops(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in DROP:
            return True
        if not attrs:
            return False  # every test below needs an attribute (none of their patterns matches blank text)
        if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
            return True
        if _HIDDEN_STYLE_RE.search(attrs.get("style") or ""):
            return True
        if tag in ("html", "body", "main"):
            return False  # their classes describe the page ("has-nav", "cookies-accepted"), not chrome
        role = (attrs.get("role") or "").lower()
        if role in ("navigation", "contentinfo", "menu", "menubar", "search"):
            return True
        names = _attr_text(attrs, "id", "class", "aria-label")
        if _COOKIE_RE.search(names) or _NAV_RE.search(_attr_text(attrs, "id", "class")):
            return True
        if self.email:
            if _EMAIL_THREAD_RE.search(names):
                self.thread_started = True
                return True
            if tag == "blockquote" and (attrs.get("type") or "").lower() == "cite":
                return True  # an interleaved quote: the answers around it stay
            if _EMAIL_SIGNATURE_RE.search(_attr_text(attrs, "id", "class")):
                return True
        return False

    # -- the parser's callbacks ---------------------------------------------------------------------
    def _implicit_close(self, tag: str) -> None:
        """Close what HTML closes implicitly: a <p> before a block, an <li> before the next <li>..."""
        if not self.stack:
            return
        if tag == "li":
            self._close_through({"li"}, stop={"ul", "ol", "menu"})
        elif tag in ("dt", "dd"):
            self._close_through({"dt", "dd"}, stop={"dl"})
        elif tag in ("td", "th"):
            self._close_through({"td", "th"}, stop={"tr", "table"})
        elif tag == "tr":
            self._close_through({"tr"}, stop={"table", "thead", "tbody", "tfoot"})
        if self.open["p"] and (tag in UNIT_TAGS or tag in BLOCKS or tag in DROP):
            # a block cannot sit inside a <p>: only inline elements can be above an open <p>
            for i in range(len(self.stack) - 1, -1, -1):
                t = self.stack[i].tag
                if t == "p":
                    self._pop_to(i)
                    return
                if t in UNIT_TAGS or t in BLOCKS:
                    return

    def _close_through(self, tags: set[str], stop: set[str]) -> None:
        if not any(self.open[t] for t in tags):
            return
        for i in range(len(self.stack) - 1, -1, -1):
            t = self.stack[i].tag
            if t in tags:
                self._pop_to(i)
                return
            if t in stop:
                return

    def _pop_to(self, index: int) -> None:
        while len(self.stack) > index:
            self._end(self.stack.pop())

    def _end(self, frame: _Frame) -> None:
        self.open[frame.tag] -= 1
        if frame.inert:
            return
        if frame.drop:
            self.dropping -= 1
            return
        if frame.title:
            self.meta.setdefault("title", " ".join("".join(self.title or []).split()))
            self.title = None
        if frame.code is not None:
            self.code_depth -= 1
            if self.code_depth == 0:
                self._placeholder(frame.code)
        if frame.link is not None:
            unit, start, href = frame.link
            if start < unit.length() and unit.chars[start] == " ":
                start += 1  # the space before the link is not part of it
            if unit.length() > start:
                unit.links.append((start, unit.length(), href))
        if frame.tag in ("ul", "ol", "menu"):
            self.list_depth -= 1
        if frame.unit is not None:
            self._close_unit(frame.unit)
        elif frame.tag in BLOCKS and not self.dropping:
            self._flush(self.units[-1])

    def _placeholder(self, start: int) -> None:
        """Inline code -> the word ``code``; its first and last letters map to the element's ends."""
        end = self._offset()
        close = self.source.find(">", end)
        if self.source.startswith("</", end) and close != -1:
            end = close + 1
        unit = self.units[-1]
        if unit.space is None and unit.chars and unit.chars[-1].isalnum():
            unit.space = start
        unit._pending_space()
        first = unit.length()
        unit.chars.extend(CODE_PLACEHOLDER)
        unit.offsets.extend([start] * (len(CODE_PLACEHOLDER) - 1) + [max(start, end - 1)])
        unit.code.append((first, unit.length()))
        unit.after_code = max(start, end - 1)

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str | None]]) -> None:
        attrs = {k.lower(): v for k, v in attr_list}
        if self.aliases:
            attrs = {**self.extra_attrs.get(tag, _NO_ATTRS), **attrs}
            tag = self.aliases.get(tag, tag)
        if self.dropping or self.thread_started:
            if tag not in VOID:
                self._push(tag, inert=True)
            return
        if tag == "html" and attrs.get("lang"):
            self.meta.setdefault("lang", attrs["lang"] or "")
        if tag == "meta":
            self._meta_tag(attrs)
            return
        if tag == "title":
            self._push(tag).title = True
            self.title = []
            return
        if self.code_depth:
            if tag not in VOID:
                self._push(tag, inert=True)
            return
        self._implicit_close(tag)
        if self._drops(tag, attrs):
            if tag not in VOID:
                frame = self._push(tag)
                frame.drop = True
                self.dropping += 1
            return
        if tag in VOID:
            self._void(tag, attrs)
            return
        if self.sibling_end == (tag, self._offset()):
            self.units[-1].add_space(self.sibling_end[1])
        frame = self._push(tag)
        if tag in ("ul", "ol", "menu"):
            self.list_depth += 1
        if tag in CODE_TAGS:
            frame.code = self._offset()
            self.code_depth += 1
        elif tag == "a":
            # a router's link (React Router, Gatsby and Next "<Link to=…>", Vue "<router-link to=…>") has its address in "to"
            href = attrs.get("href") or attrs.get("to") or ""
            if _BUTTONISH_RE.search(_attr_text(attrs, "class", "role", "id")):
                frame.unit = self._open_unit("cta", href=href or None)
            else:
                frame.link = (self.units[-1], self.units[-1].length(), href)
        elif tag in UNIT_TAGS:
            kind = UNIT_TAGS[tag]
            level = HEADINGS.get(tag, self.list_depth if tag == "li" else 0)
            extra = {"header": True} if tag == "th" else None
            if (tag == "button" and not self.open["form"] and not self.open["a"]
                    and not (attrs.keys() & {"form", "formaction", "href", "to"})
                    and (self.get_starttag_text() or "").startswith("<button")):
                # a button in no form and no link ("<Button href=…>" is a component, not this element): only a script
                # can make it do anything
                extra = {"loose_button": True}
            frame.unit = self._open_unit(kind, level, attrs=extra)
        elif tag in BLOCKS:
            self._flush(self.units[-1])

    def _push(self, tag: str, inert: bool = False) -> _Frame:
        frame = _Frame(tag, inert)
        self.stack.append(frame)
        self.open[tag] += 1
        return frame

    def _meta_tag(self, attrs: dict[str, str | None]) -> None:
        name = (attrs.get("name") or attrs.get("property") or "").lower()
        if name in ("description", "og:description", "og:title", "twitter:description") and attrs.get("content"):
            self.meta.setdefault(name.replace("og:", "og_").replace("twitter:", "twitter_"), attrs["content"] or "")

    def _void(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "br":
            self.units[-1].add_space(self._offset())
        elif tag == "hr":
            self._flush(self.units[-1])
        elif tag == "input" and (attrs.get("type") or "").lower() in ("submit", "button") and attrs.get("value"):
            self._input_button(attrs["value"] or "")
        elif tag == "img" and _ASK_ALT_RE.match((attrs.get("alt") or "").strip()) and self.open["a"]:
            self._picture_label((attrs.get("alt") or "").strip())

    def _picture_label(self, alt: str) -> None:
        """The alt text of a picture inside a link (an app store badge): the link's words, where the link reads them."""
        frame = next(f for f in reversed(self.stack) if f.tag == "a")
        unit = frame.unit or (frame.link[0] if frame.link else self.units[-1])
        raw = self.get_starttag_text() or ""
        m = _ALT_RE.search(raw)
        at = self._offset() + (m.end() if m else 0)
        unit.add_space(at)
        if self.source[at : at + len(alt)] == alt:
            unit.add_text(alt, at)
        else:  # entities in the alt text: every character mapped to where it starts
            unit.add_chars(alt, at)

    def _input_button(self, value: str) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        m = _VALUE_RE.search(raw)
        at = start + (m.end() if m else 0)
        if self.source[at : at + len(value)] == value:
            offsets = list(range(at, at + len(value)))
        else:  # the value had entities: map it to where it starts
            offsets = [at] * len(value)
        unit = self._open_unit("cta")
        unit.chars.extend(value)
        unit.offsets.extend(offsets)
        self._close_unit(unit)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self.aliases.get(tag, tag) not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        tag = self.aliases.get(tag, tag)
        if not self.open[tag]:
            return  # a stray end tag: browsers ignore it too
        start = self._offset()
        self.sibling_end = (tag, self.source.find(">", start) + 1)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                self._pop_to(i)
                return

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
            return
        if self.dropping or self.code_depth or self.thread_started:
            return
        self.units[-1].add_text(data, self._offset())

    def _reference(self, raw: str) -> None:
        """An entity or character reference: decoded text, every character mapped to its ``&``."""
        offset = self._offset()
        if self.source.startswith(";", offset + len(raw)):
            raw += ";"
        decoded = unescape(raw)
        if not decoded:  # a reference to a control character ("&#3;") decodes to nothing, as in a browser
            return
        if self.title is not None:
            self.title.append(decoded)
        elif self.dropping or self.code_depth or self.thread_started:
            return
        elif decoded == raw:  # not an entity after all ("&bogus;"): the characters as they are
            self.units[-1].add_text(raw, offset)
        else:
            self.units[-1].add_chars(decoded, offset)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")

    def handle_comment(self, data: str) -> None:
        if self.dropping:
            return
        codes = directive_codes(f"<!--{data}-->")
        if codes is not None:
            self.pending_ignore = codes

    # -- driving ---------------------------------------------------------------------------------
    def run(self) -> list[Block]:
        # html.parser asserts on "<![foo[" marked sections; as bogus comments (same length) they are skipped
        self.feed(_MARKED_RE.sub("<!-", self.source))
        self.close()
        self._pop_to(0)
        for unit in reversed(self.units):
            self._flush(unit)
        return self.blocks


# Markup only e-mail needs: Outlook's table and conditional-comment fixes, Hotmail's ExternalClass, Apple Mail's data
# detectors, Laravel's mail components ("<x-mail::message>", "@component('mail::message')"). A web page has no reason
# to carry them; an e-mail template nearly always does. So do layout tables marked role="presentation", which e-mail
# templates use for every block (two or more, see mail_markup).
_MAIL_CLIENT_RE = lazy_re.compile(r"\bmso-[a-z-]+\s*:|\.ExternalClass\b|#outlook\s+a\b|\.ReadMsgBody\b|<!--\[if\s+[^\]]*\bmso\b|"
                             r"\bx-apple-data-detectors\b|<x-mail::|@component\(\s*['\"]mail::", re.IGNORECASE)
_PRESENTATION_TABLE_RE = lazy_re.compile(r"<table\b[^>]*\brole\s*=\s*[\"']presentation[\"']", re.IGNORECASE)


# Tables laid out by their attributes ("bgcolor", "cellpadding"), as e-mail must be since mail clients drop style
# sheets and scripts; a web page built that way also has a script, a menu, a form or a style sheet of its own
_LAYOUT_TABLE_RE = lazy_re.compile(r"<table\b[^>]*\b(?:bgcolor|cellpadding|cellspacing)\s*=", re.IGNORECASE)
_WEB_ONLY_RE = lazy_re.compile(r"<(?:script|nav|form|iframe)\b|<link\b[^>]*\bstylesheet\b", re.IGNORECASE)


def mail_markup(text: str) -> bool:
    """Markup that only e-mail carries (see _MAIL_CLIENT_RE), or a body of layout tables with nothing only the web
    has (three or more tables set out by their attributes, and no script, menu, form or style sheet)."""
    if _MAIL_CLIENT_RE.search(text):
        return True
    tables = _PRESENTATION_TABLE_RE.finditer(text)
    if next(tables, None) is not None and next(tables, None) is not None:
        return True
    layout = _LAYOUT_TABLE_RE.finditer(text)
    return all(next(layout, None) is not None for _ in range(3)) and not _WEB_ONLY_RE.search(text)


def extract(source: str, base: int = 0, email: bool = False, aliases: dict[str, str] | None = None,
            extra_attrs: dict[str, dict[str, str]] | None = None) -> tuple[list[Block], dict[str, str]]:  # fmt: skip
    """Blocks of copy in an HTML string (offsets = ``base`` + position) and its meta (title, description)."""
    extractor = Extractor(source, base, email, aliases, extra_attrs)
    blocks = extractor.run()
    return blocks, extractor.meta


def load(text: str, path: str, raw: bytes | None = None, aliases: dict[str, str] | None = None,
         extra_attrs: dict[str, dict[str, str]] | None = None, copy: str | None = None,
         extra_blocks: list[Block] | None = None) -> Document:  # fmt: skip
    """``copy``: ``text`` with its directives already set aside (a template reader that had to look first);
    ``extra_blocks``: copy the markup does not hold as text, at its place in the file (a component's props)."""
    # a page built by a site generator (Jekyll, Hugo, Django) holds template directives: set aside, same offsets
    blocks, meta = extract(set_aside(text) if copy is None else copy, aliases=aliases, extra_attrs=extra_attrs)
    if extra_blocks:
        blocks = sorted(blocks + extra_blocks, key=lambda b: b.source_start)
    parts = included_parts(text)
    if parts:
        meta["includes"] = parts  # plainpitch.analysis.completeness: what another file may hold
    if mail_markup(text):
        meta["mail_client_markup"] = True  # plainpitch.medium: written to be sent, not served
    return build_document(path, text, blocks, medium="page", format="html", meta=meta,
                          suppressions=file_suppressions(text))  # fmt: skip
