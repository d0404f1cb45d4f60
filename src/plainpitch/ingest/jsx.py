"""React, Astro and Svelte components (.jsx, .tsx, .astro, .svelte) -> Document: the markup a component renders,
read as HTML.

Modern landing pages and e-mails (Next.js, Astro islands, react-email) keep their copy in JSX. ``markup_only`` keeps
each JSX element of the file where it stands and blanks the code around it, character for character (every offset
still points at the file), so the HTML reader reads what a visitor sees:
- text and HTML tags (``<h1>``, ``<p>``, ``<a>``) stay as they are;
- a component's tag becomes the HTML element it renders as, padded to its length (``<Link …>`` an ``<a>``,
  ``<Button>`` a button, ``<Text>`` a paragraph, any other component a block), and ``className`` is read as
  ``class`` (a button's class marks it);
- an expression child is its sentence when it is one (``{"Start now"}``, ``{t("Start now")}``), the markup it
  returns when it holds JSX (``{plans.map(p => <li>…</li>)}``), else a merge field named by its variable;
- an expression attribute (``href={url}``) is a quoted value of the same length;
- copy the page gives the site's own components as quoted props (``<ServiceCard title="…" desc="…" />``) is read
  as a content file's fields are (plainpitch.ingest.fields), at its place in the file.
Copy kept in JavaScript data (an array of feature titles) is not read: only what the markup holds.
"""

from __future__ import annotations

import dataclasses
import re

from plainpitch.ingest import html
from plainpitch.ingest.directives import CHROME, literal_sentence, part_kind, same_lines, strongest_part
from plainpitch.ingest.errors import LoadError
from plainpitch.ingest.fields import Entry, entries_copy, stripped_entry
from plainpitch.model import Document
from plainpitch.text import lazy_re

# component -> the HTML element it renders as (react-email, Next.js, common UI kits); other components are blocks
COMPONENTS = {
    "Link": "a", "NextLink": "a", "Anchor": "a", "Button": "button", "Text": "p", "Paragraph": "p",
    "Heading": "h2", "Title": "h2", "Img": "img", "Image": "img", "Hr": "hr", "Section": "section",
    "Head": "head", "Html": "html", "Body": "body", "Preview": "p", "Script": "script", "Style": "style",
    "Code": "code", "CodeBlock": "pre", "Icon": "svg", "Svg": "svg", "Video": "video", "Nav": "nav",
    "Navbar": "nav", "Footer": "footer", "Header": "header",
}  # fmt: skip
_NAME_RE = lazy_re.compile(r"[A-Za-z_$][\w$.:-]*")
_IDENT_RE = lazy_re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*")
_HREF_RE = lazy_re.compile(r"[^>]{0,300}?\bhref\s*=")  # an href among the tag's attributes
_IMPORT_RE = lazy_re.compile(r"^\s*import\s+(?:type\s+)?(?P<names>[\w$\s{},*]+?)\s+from\s+['\"](?P<source>[^'\"]+)['\"]",
                        re.MULTILINE)  # fmt: skip
# components that draw rather than say ("<MountainIcon />", "<HeroImage />"): no copy of their own
_VISUAL_RE = lazy_re.compile(r"(?:Icon|Logo|Image|Img|Svg|Illustration|Spinner|Avatar|Divider|Separator|Spacer|Background)$")
_KEYWORDS_BEFORE_JSX = ("return", "yield", "default", "else", "await")
_EMAIL_RE = lazy_re.compile(r"@react-email/|<Preview\b|<Html\b[^>]*>\s*<Head\b", re.S)
# Copy a page passes its own components as props ('<ServiceCard title="Website Development" desc="Fast sites that
# rank…" url="#" />'): the component shows it, as a Hugo shortcode shows its parameters. Not the props that style,
# place or name things, nor those of a layout or a head (a page title and a meta description, not copy on the page).
_NOT_COPY_PROPS = frozenset({"class", "classname", "style", "alt", "src", "srcset", "sizes", "href", "rel", "target",
                             "id", "key", "ref", "role", "variant", "color", "size", "icon", "as", "type", "lang",
                             "loading", "width", "height", "theme", "layout", "slot", "for", "name"})  # fmt: skip
_NOT_COPY_PROP_PREFIXES = ("aria-", "data-", "client:", "transition:", "set:", "is:")
_NOT_COPY_COMPONENTS = frozenset(name for name, tag in COMPONENTS.items()
                                 if tag in ("head", "html", "body", "script", "style", "code", "pre", "svg", "img",
                                            "video", "hr", "nav", "footer", "header"))  # fmt: skip


def takes_copy_props(name: str) -> bool:
    """A component of the site's own that may show copy given to it as props (not a layout, a head or a picture)."""
    if not (name[:1].isupper() or "." in name):
        return False  # an HTML element: its attributes are not copy (a title is a tooltip)
    last = name.split(".")[-1]
    return last not in _NOT_COPY_COMPONENTS and not _VISUAL_RE.search(last) and part_kind(last) != CHROME


def copy_prop(key: str) -> bool:
    """A prop whose value may be copy the component shows (not a class, an image, a link or a handler)."""
    lower = key.lower()
    if lower.startswith("on") and key[2:3].isupper():
        return False  # an event handler ("onClick")
    return lower not in _NOT_COPY_PROPS and not lower.startswith(_NOT_COPY_PROP_PREFIXES)


class _Reader:
    """One pass over the file: ``out`` starts blank and each JSX element is copied into it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.local = _local_components(text)
        self.parts: set[str | None] = set()  # what the site's own components rendered here hold (part_kind)
        self.out = ["\n" if c == "\n" else " " for c in text]
        self.props: list[Entry] = []  # the copy props given to the site's own components (key, value, offset)

    # -- JavaScript: skipped, except the JSX it holds --------------------------------------------------------
    def code(self, i: int, stop: str | None = None) -> int:
        """Scan code from ``i`` to ``stop`` at depth 0 (or the end), copying every JSX element found."""
        t, depth = self.text, 0
        while i < self.n:
            c = t[i]
            if c in "\"'`":
                i = self.string(i)
            elif t.startswith("//", i):
                i = self.line_end(i)
            elif t.startswith("/*", i):
                end = t.find("*/", i + 2)
                i = self.n if end == -1 else end + 2
            elif c in "([{":
                depth += 1
                i += 1
            elif c in ")]}":
                if depth == 0 and c == stop:
                    return i
                depth -= 1
                i += 1
            elif c == "<" and self.jsx_starts(i):
                i = self.element(i)
            else:
                i += 1
        return i

    def line_end(self, i: int) -> int:
        end = self.text.find("\n", i)
        return self.n if end == -1 else end

    def string(self, i: int) -> int:
        """Past the string literal at ``i`` (a template literal's ``${…}`` scanned as code)."""
        t, quote = self.text, self.text[i]
        i += 1
        while i < self.n:
            c = t[i]
            if c == "\\":
                i = min(i + 2, self.n)  # an escape; a backslash at the very end escapes nothing
            elif c == quote:
                return i + 1
            elif quote == "`" and t.startswith("${", i):
                i = self.code(i + 2, "}") + 1
            elif c == "\n" and quote != "`":
                return i  # an unclosed quote ends with its line
            else:
                i += 1
        return i

    def jsx_starts(self, i: int) -> bool:
        """A ``<`` that opens JSX: a tag name or ``<>`` after an operator, a bracket or ``return`` (not ``a < b``
        and not a type's ``useState<string>``)."""
        nxt = self.text[i + 1 : i + 2]
        if not (nxt.isalpha() or nxt == ">"):
            return False
        j = i - 1
        while j >= 0 and self.text[j] in " \t\r\n":
            j -= 1
        if j < 0:
            return True
        prev = self.text[j]
        if prev in "(,=?:&|[{!;":
            return True
        if prev == ">" and j > 0 and self.text[j - 1] == "=":
            return True  # an arrow function's body
        word = re.search(r"[A-Za-z_$][\w$]*$", self.text[max(0, j - 10) : j + 1])
        return bool(word and word.group(0) in _KEYWORDS_BEFORE_JSX)

    # -- JSX: copied, component names and expressions rewritten -------------------------------------------
    def copy(self, start: int, end: int) -> None:
        self.out[start:end] = self.text[start:end]

    def put(self, at: int, text: str) -> None:
        """Write ``text`` at ``at``, the file's line breaks kept where they are (line numbers stay right)."""
        text = same_lines(text, self.text[at : at + len(text)])
        self.out[at : at + len(text)] = text

    def element(self, i: int) -> int:
        """Copy the element at ``i`` (``<``), its attributes and children; return the index past it."""
        t = self.text
        if t.startswith("<>", i):  # a fragment: no element of its own
            return self.children(i + 2)
        m = _NAME_RE.match(t, i + 1)
        if not m:
            return i + 1
        as_html = self.tag(i, m)
        takes_copy = takes_copy_props(m.group(0))
        key = None  # the attribute whose value comes next
        i = m.end()
        while i < self.n:
            c = t[i]
            if t.startswith("/>", i):
                self.copy(i, i + 2)
                if m.group(0) in self.local and not _VISUAL_RE.search(m.group(0)):
                    self.parts.add(part_kind(m.group(0)))  # "<Testimonials />": copy another file of the site holds
                return i + 2
            if c == ">":
                self.copy(i, i + 1)
                if m.group(0) in self.local and part_kind(m.group(0)) == CHROME:
                    self.parts.add(CHROME)  # "<Layout>…</Layout>": the site's layout adds its header and footer
                return self.children(i + 1, as_html)
            if c == "{":
                i = self.attribute_value(i)
                key = None
            elif c in "\"'":
                end = self.string(i)
                self.copy(i, end)
                if takes_copy and key is not None and copy_prop(key):
                    self.props.append(stripped_entry(0, key, t[i + 1 : end - 1], i + 1))
                key = None
                i = end
            else:
                name = _NAME_RE.match(t, i)
                if name:
                    self.copy(i, name.end())
                    if name.group(0) == "className":
                        self.put(i, "class    ")
                    key = name.group(0)
                    i = name.end()
                else:
                    self.copy(i, i + 1)
                    i += 1
        return i

    def tag(self, lt: int, name: re.Match[str], html_name: str | None = None) -> str:
        """``<Name`` (or ``</Name``) written as the HTML element it renders (``html_name``: as its opening tag
        was), padded with spaces; the element's HTML name."""
        raw = name.group(0)
        if html_name is None:
            html_name = raw if raw[:1].islower() and "." not in raw else COMPONENTS.get(raw.split(".")[-1], "div")
            if html_name == "button" and _HREF_RE.match(self.text, name.end()):
                html_name = "a"  # a button component with an address renders a link styled as a button
            if len(html_name) > len(raw):
                html_name = "p" if len(raw) < 3 else "div"
        self.copy(lt, name.start())
        self.put(name.start(), html_name[: len(raw)].ljust(len(raw)))
        return html_name

    def children(self, i: int, as_html: str | None = None) -> int:
        """Copy text, child elements and expressions up to this element's closing tag; past it."""
        t = self.text
        start = i
        if as_html in ("script", "style"):  # code, not markup: copied as it is up to its end tag (HTML drops it)
            close = t.find("</", i)
            while close != -1 and t[close + 2 : close + 2 + len(as_html)].lower() != as_html:
                close = t.find("</", close + 2)
            i = self.n if close == -1 else close
        while i < self.n:
            c = t[i]
            if c == "<" and t.startswith("</", i):
                self.copy(start, i)
                end = t.find(">", i)
                end = self.n if end == -1 else end + 1
                name = _NAME_RE.match(t, i + 2)
                if name and name.start() < end:
                    self.tag(i + 1, name, as_html)  # "</" then the name, as the opening tag was written
                    self.copy(name.end(), end)
                    self.put(i, "<")
                return end
            if c == "<" and (t[i + 1 : i + 2].isalpha() or t.startswith("<>", i)):
                self.copy(start, i)
                i = self.element(i)
                start = i
            elif c == "{":
                self.copy(start, i)
                i = self.expression_child(i)
                start = i
            else:
                i += 1
        self.copy(start, i)
        return i

    def expression_child(self, i: int) -> int:
        """``{…}`` among the children: its sentence, the JSX it returns, or a merge field."""
        end = self.code(i + 1, "}")
        inner = self.text[i + 1 : end]
        close = min(end + 1, self.n)
        literal = literal_sentence(inner)
        if literal is not None:
            at, sentence = literal
            self.put(i + 1 + at, sentence)
        elif "<" in inner and any(self.out[k] != " " and self.out[k] != "\n" for k in range(i + 1, end)):
            pass  # the markup it returns was copied by the scan
        elif not inner.lstrip().startswith("/*"):
            self.field(i, close)
        return close

    def field(self, start: int, end: int) -> None:
        width = end - start
        name = _IDENT_RE.search(self.text, start, end)
        label = name.group(0).split(".")[-1] if name else "value"
        if width >= 5:
            label = label[: width - 4]
            self.put(start, "{{" + label.ljust(width - 4) + "}}")

    def attribute_value(self, i: int) -> int:
        """``={…}`` as a quoted value of the same length (a merge field where it fits), or blank for a spread."""
        end = min(self.code(i + 1, "}") + 1, self.n)
        inner = self.text[i + 1 : end - 1]
        if inner.lstrip().startswith("..."):
            return end  # {...props}: attributes we cannot know
        literal = literal_sentence(inner)
        width = end - i
        if width < 3:
            return end  # an unclosed "{" at the end of the file: nothing to write
        if literal is not None and len(literal[1]) <= width - 2:
            value = '"' + literal[1].ljust(width - 2) + '"'
        else:
            name = _IDENT_RE.search(inner)
            label = (name.group(0).split(".")[-1] if name else "value")[: max(0, width - 6)]
            value = '"{{' + label.ljust(width - 6) + '}}"' if width >= 6 else '"' + "x" * (width - 2) + '"'
        self.put(i, value)
        return end


def _local_components(text: str) -> frozenset[str]:
    """Names imported from the site's own files ("./Hero", "@/components/pricing"), not from a package."""
    names: set[str] = set()
    for m in _IMPORT_RE.finditer(text):
        if m.group("source").startswith((".", "/", "@/", "~/", "$lib/")):
            names.update(n.split(" as ")[-1].strip() for n in re.split(r"[{},]", m.group("names")) if n.strip())
    return frozenset(n for n in names if n[:1].isupper())


def read(text: str) -> tuple[str, str]:
    """The file with everything but its JSX markup blanked (same length, same lines), and what the components of
    the site's own it renders with no copy given to them hold (``<Pricing />``: CONTENT, ``<Footer />``: CHROME,
    "" when none): parts of the page held elsewhere."""
    reader = _read_jsx(text)
    return "".join(reader.out), strongest_part(reader.parts)


def _read_jsx(text: str) -> _Reader:
    reader = _Reader(text)
    reader.code(0)
    return reader


def markup_only(text: str) -> str:
    return read(text)[0]


_ASTRO_FENCE_RE = lazy_re.compile(r"\A\s*---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.DOTALL)


def _read_astro(text: str) -> _Reader:
    """An Astro component: its script fence (``---`` … ``---``) is code; the rest is markup with JSX's
    expressions, read as a JSX element's children, one top-level run after another."""
    reader = _Reader(text)
    fence = _ASTRO_FENCE_RE.match(text)
    i = fence.end() if fence else 0
    while i < reader.n:
        i = max(reader.children(i), i + 1)  # a stray end tag ends one run; the next begins after it
    return reader


# Svelte's logic blocks ("{#each plans as plan}", "{:else}", "{/if}", "{@const total = …}"): control flow, not copy;
# "{@html body}" shows a value, as any expression does
_SVELTE_BLOCK_RE = lazy_re.compile(r"\{[#:/][^{}]*\}|\{@(?:const|debug)\b[^{}]*\}")
_SVELTE_HTML_RE = lazy_re.compile(r"(?<=\{)@html\b")


def _read_svelte(text: str) -> _Reader:
    """A Svelte component: its ``<script>`` and ``<style>`` are code, its logic blocks are blanked (character for
    character), and the rest is markup with expressions in braces, read as an Astro component's body is."""
    text = _SVELTE_BLOCK_RE.sub(lambda m: " " * len(m.group(0)), text)
    return _read_astro(_SVELTE_HTML_RE.sub("     ", text))


def load(text: str, path: str, raw: bytes | None = None) -> Document:
    lower = path.lower()
    try:
        reader = (_read_astro(text) if lower.endswith(".astro") else _read_svelte(text)
                  if lower.endswith(".svelte") else _read_jsx(text))  # fmt: skip
    except RecursionError:
        raise LoadError(path, "JSX nested too deep to read (thousands of elements inside one another)") from None
    includes = strongest_part(reader.parts)
    doc = html.load("".join(reader.out), path, extra_blocks=entries_copy(reader.props, set()) if reader.props else None)
    medium = "email" if _EMAIL_RE.search(text) else doc.medium
    meta = {**doc.meta, "includes": includes} if includes else doc.meta  # plainpitch.analysis.completeness
    return dataclasses.replace(doc, source=text, medium=medium, meta=meta)
