"""Copy kept in data fields: a page's YAML front matter, or a whole YAML content file (a site generator's data file,
a page builder's blocks) or a Hugo shortcode's named parameters, read as the blocks a visitor would see, each at its
place in the file.

A title-like key is a heading, a button's label a call to action with its link, any other prose value a paragraph;
a block the theme is told not to show ("enable: false") is left out. plainpitch.ingest.markdown reads front matter
with it, plainpitch.ingest.data whole YAML and JSON content files.
"""

from __future__ import annotations

import re

from plainpitch.text import lazy_re
from plainpitch.text.segment import Block

_FM_VALUE_RE = lazy_re.compile(r"^[ \t]*(?:- [ \t]*)?(?P<key>[\w-]+)[ \t]*:[ \t]*(?P<q>[\"']?)(?P<value>[^\n]+?)(?P=q)[ \t]*$",
                          re.MULTILINE)  # fmt: skip
_FM_OPENER_RE = lazy_re.compile(r"^(?P<indent>[ \t]*)(?:- [ \t]*)?(?P<key>[\w-]+)[ \t]*:[ \t]*$", re.MULTILINE)  # "button:"
_FM_HEADING_KEYS = frozenset({"title", "heading", "headline", "h1", "hero_title", "tagline"})
_FM_SKIP_KEYS = frozenset({"layout", "permalink", "path", "slug", "url", "image", "template", "date", "lang", "tags",
                           "categories", "draft", "type", "weight", "aliases", "menu"})  # fmt: skip


_FM_BUTTON_RE = lazy_re.compile(r"button|btn|cta|call_to_action", re.IGNORECASE)  # a key that holds a button
# a list of buttons by the name the documentation-site generators give it (VitePress, VuePress, Docusaurus, Nextra:
# "hero: actions: - text: Get started / link: /guide/"): each item's label is a button
_FM_BUTTONS_RE = lazy_re.compile(r"^(?:actions|buttons|ctas)$", re.IGNORECASE)
_FM_LABEL_KEYS = frozenset({"label", "text", "title", "name", "content"})
_FM_LINK_KEYS = frozenset({"link", "url", "href", "to"})
_PREFIX_RE = lazy_re.compile(r"[_-]?(?:text|label|title|name|content|link|url|href|to)$")  # "cta_text" -> "cta"
# a block the theme is told not to show ("enable: false"): no visitor sees it or anything in it
SWITCH_KEYS = frozenset({"enable", "enabled", "show", "visible", "display", "active"})
_FM_OFF = frozenset({"false", "no", "off", "0"})


def _switched_off(entries: list[tuple[int, str, str, int]], source: str) -> set[int]:
    """Indexes of the entries in a block the theme is told not to show: "enable: false" (or show, visible…) hides
    the mapping or list item it sits in, whatever that holds (a button, a whole feature section)."""

    def item_start(j: int) -> bool:  # the entry opens a list item ("- title: …")
        line_start = source.rfind("\n", 0, entries[j][3]) + 1
        return source[line_start : entries[j][3]].lstrip().startswith("- ")

    hidden: set[int] = set()
    for i, (indent, key, value, _) in enumerate(entries):
        if key.lower() not in SWITCH_KEYS or value.strip("'\"").lower() not in _FM_OFF:
            continue
        first = i
        while not (entries[first][0] == indent and item_start(first)) and first > 0 and entries[first - 1][0] >= indent:
            first -= 1
        last = i + 1
        while last < len(entries) and entries[last][0] >= indent and not (entries[last][0] == indent and item_start(last)):
            last += 1
        hidden.update(range(first, last))
    return hidden


_BLOCK_SCALARS = frozenset({"|", "|-", "|+", ">", ">-", ">+"})
_LINE_MARKS_RE = lazy_re.compile(r"[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,3}[.)][ \t]+)?")


def _block_scalar_lines(source: str, at: int, indent: int, end: int) -> list[Block]:
    """The lines of a YAML block scalar (``key: >-`` then lines indented deeper), each a paragraph at its place in the
    file, its Markdown marks ("## ", "- ") left out; the block ends at the first line indented no deeper than the key."""
    out = []
    pos = source.find("\n", at)
    while 0 <= pos < end:
        line_start = pos + 1
        line_end = source.find("\n", line_start)
        line_end = end if line_end == -1 or line_end > end else line_end
        line = source[line_start:line_end]
        if line.strip():
            if len(line) - len(line.lstrip(" \t")) <= indent:
                break
            text_start = line_start + _LINE_MARKS_RE.match(line).end()
            text = source[text_start:line_end].rstrip()
            if text:
                out.append(Block("paragraph", text, text_start))
        pos = line_end if line_end < end else -1
    return out


# (depth, key, value, value start): every "key: value" and every "key:" that opens a block (value ""); the depth is
# a YAML line's indent or a JSON value's nesting: only its order among its neighbours counts
Entry = tuple[int, str, str, int]
_ITEM_RE = lazy_re.compile(r"^[ \t]*- [ \t]*(?P<q>[\"']?)(?P<value>[^\n:#]+?)(?P=q)[ \t]*$", re.MULTILINE)  # "- Fast setup"


def stripped_entry(depth: int, key: str, raw: str, at: int) -> Entry:
    """The entry for a value written as ``raw`` at ``at``: stripped, at the offset of its first character."""
    return (depth, key, raw.strip(), at + len(raw) - len(raw.lstrip()))


def yaml_copy(source: str, end: int, items: bool = False) -> list[Block]:
    """The prose values of the YAML in ``source[:end]`` (front matter, or a whole content file), each a block at its
    place in the file; ``items``: a list's plain strings too ("- Set up in five minutes"), the features and steps a
    content file lists (front matter's lists are tags and paths)."""
    entries: list[Entry] = []
    for m in _FM_VALUE_RE.finditer(source, 0, end):
        entries.append(stripped_entry(m.start("key") - source.rfind("\n", 0, m.start()) - 1, m.group("key"),
                                      m.group("value"), m.start("value")))
    for m in _FM_OPENER_RE.finditer(source, 0, end):
        entries.append((len(m.group("indent")), m.group("key"), "", m.start("key")))
    entries.sort(key=lambda e: e[3])
    out = entries_copy(entries, _switched_off(entries, source), lambda start, indent: _block_scalar_lines(source, start, indent, end))
    if items:
        for m in _ITEM_RE.finditer(source, 0, end):
            value = m.group("value").strip()
            if len(value.split()) >= 3 and "/" not in value.split()[0]:
                out.append(Block("list_item", value, m.start("value")))
        out.sort(key=lambda b: b.source_start)
    return out


def entries_copy(entries: list[Entry], hidden: set[int], scalar_lines=None) -> list[Block]:
    """Blocks from a data file's entries (three words or more, two for a title; not a path or an address): a
    title-like key a heading, a button's label ("button: {label: Contact us, link: /contact}", "cta_text: …") a
    button with its link, any other a paragraph. ``scalar_lines(start, depth)``: a YAML block scalar's lines."""
    out = []
    for i, (indent, key, value, start) in enumerate(entries):
        if not value or i in hidden:
            continue
        lower = key.lower()
        if value in _BLOCK_SCALARS and scalar_lines is not None:  # "content: >-" and the lines under it: prose
            if lower not in _FM_SKIP_KEYS:
                out.extend(scalar_lines(start, indent))
            continue
        parent = next((e for e in reversed(entries[:i]) if e[0] < indent and not e[2]), None)
        in_button = (parent is not None and (_FM_BUTTON_RE.search(parent[1]) or _FM_BUTTONS_RE.match(parent[1]))
                     and lower in _FM_LABEL_KEYS)
        # a button's link is not its label, however the key is spelt ("cta_link", "buttonLink", "primary_button_url")
        link_key = bool(_FM_LINK_KEYS & set(lower.split("_"))) or lower.endswith(("link", "url", "href"))
        if in_button or (_FM_BUTTON_RE.search(lower) and not link_key):
            siblings = [e for e in entries[i + 1 :] if e[0] == indent][:4] + [e for e in entries[:i] if e[0] == indent][-4:]
            href = (next((e[2] for e in siblings if e[1].lower() in _FM_LINK_KEYS), None) if in_button
                    else _prefixed_link(lower, siblings))
            out.append(Block("cta", value, start, href=href))
            continue
        heading = lower in _FM_HEADING_KEYS
        if lower in _FM_SKIP_KEYS or _FM_LINK_KEYS & {lower} or len(value.split()) < (2 if heading else 3):
            continue
        if "/" in value.split()[0]:
            continue  # a path or an address
        if not heading and "](" in value:
            out.append(_with_links(value, start))
            continue
        out.append(Block("heading" if heading else "paragraph", value, start, level=2 if heading else 0))
    return out


# A Markdown link inside a field's value ("closing: If this sounds like you, [we'd like to hear
# about it](/contact)."): themes render such fields as Markdown, so the visitor sees a link in the sentence
_MD_LINK_RE = lazy_re.compile(r"\[([^\[\]\n]{1,200})\]\(([^()\s]{1,500})\)")


def _with_links(value: str, start: int) -> Block:
    """A paragraph whose Markdown links are shown as their words, each a link span at its place in the sentence."""
    text: list[str] = []
    where: list[int] = []
    links = []
    pos = 0
    for m in _MD_LINK_RE.finditer(value):
        text.append(value[pos : m.start()])
        where.extend(range(start + pos, start + m.start()))
        at = sum(map(len, text))
        text.append(m.group(1))
        where.extend(range(start + m.start(1), start + m.end(1)))
        links.append({"start": at, "end": at + len(m.group(1)), "href": m.group(2)})
        pos = m.end()
    text.append(value[pos:])
    where.extend(range(start + pos, start + len(value)))
    block = Block("paragraph", "".join(text), start, where)
    if links:
        block.attrs["links"] = links
    return block


# A Hugo shortcode's named parameters hold the copy its template shows ({{< hero headline="…"
# primary_button_text="Get started" primary_button_url="#" >}}): each call's parameters are one mapping, read like
# front matter fields (a headline a heading, a button's label a button with the link beside it).
_SHORTCODE_OPEN_RE = lazy_re.compile(r"\{\{[<%]\s*(?!/)[\w./-]+")
_SHORTCODE_CLOSE_RE = lazy_re.compile(r"[>%]\}\}")
_PARAM_RE = lazy_re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*=[ \t]*(?P<q>[\"'])(?P<value>[^\"'\n]*)(?P=q)")


def shortcode_copy(source: str) -> list[Block]:
    """The prose a page passes its shortcodes as named parameters, each a block at its place in the file."""
    out: list[Block] = []
    close = None
    for call in _SHORTCODE_OPEN_RE.finditer(source):
        if close is None or close.start() < call.end():
            close = _SHORTCODE_CLOSE_RE.search(source, call.end())  # each closer found once: linear in the file
            if close is None:
                break  # no closer after this opener, nor after any later one
        if source.find("{{", call.end(), close.start()) != -1:
            continue  # another opener before this one's closer: this one is not a shortcode call
        entries = [(0, m.group("key"), m.group("value").strip(), m.start("value"))
                   for m in _PARAM_RE.finditer(source, call.end(), close.start())]  # fmt: skip
        out.extend(entries_copy(entries, set()))
    return out


def _prefixed_link(key: str, siblings: list[Entry]) -> str | None:
    """The link kept beside a button's label under the same prefix ("cta_text" and "cta_link", "buttonLabel" and
    "buttonUrl"), if any."""
    prefix = _PREFIX_RE.sub("", key)
    if not prefix or prefix == key:
        return None
    for entry in siblings:
        other = entry[1].lower()
        if other != key and other.startswith(prefix) and other[len(prefix) :].strip("_-") in _FM_LINK_KEYS:
            return entry[2]
    return None
