"""Markdown -> Document with markdown-it-py (CommonMark + GFM tables, front matter), offsets exact to the file.

Units: ``heading`` (level), ``paragraph``, ``list_item`` (level = list depth), ``quote`` (paragraphs in a
blockquote), ``table_cell``, ``cta`` and ``link``. Never prose: code blocks, fenced code, HTML comments, front
matter (parsed into ``doc.meta``), image alt text, GitHub alert labels (``> [!NOTE]``).

Decisions:
- Inline code becomes the placeholder word ``code`` (``unit.attrs["code"]`` lists where). Dropping it
  would leave "Set  to 2" and glue the words around it; keeping it would lint identifiers as prose. The
  placeholder's first letter maps to the opening backtick and its last to the closing one, so a finding on
  it points at the whole span.
- Links stay inside their paragraph (spans and hrefs in ``unit.attrs["links"]``); a paragraph that is only
  a link is a ``cta`` (a Markdown button), a list item that is only a link is a ``link``.
- ``[CTA: Get started]`` (how the corpus marks buttons) is a ``cta`` unit with the label as its text,
  split out of whatever paragraph or list item holds it.
- A file whose first line is ``Subject: ...`` (or ``**Subject:** ...``) is an email: the subject is a
  ``subject`` unit, quoted replies and the signature are dropped (see replies.py). A ``**Subject:**`` line
  later in a page is a ``subject`` unit too (an email quoted on a page).
- HTML blocks are read with the HTML loader's extractor; ``<!-- plainpitch: ignore CODE -->`` silences the
  next block (a whole list or table counts as one block).

Offsets: markdown-it gives each block its source lines; inline content is aligned to those lines, and the
text of each inline token is found in the content in order, skipping the markup (emphasis markers, link
brackets and destinations, backticks, escapes, entities). Every character of a unit's text thus maps to its
own character in the file (an entity's characters to its ``&``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from plainpitch.ingest.data import json_copy
from plainpitch.ingest.directives import included_parts, may_hold_directives, set_aside
from plainpitch.ingest.fields import shortcode_copy, yaml_copy
from plainpitch.ingest.replies import mask_replies
from plainpitch.ingest.suppress import directive_codes, file_suppressions
from plainpitch.model import Document
from plainpitch.text import lazy_re
from plainpitch.text.filler import is_filler, unwritten_note
from plainpitch.text.segment import CODE_PLACEHOLDER, Block, build_document, has_words_outside_code

_FRONT_MATTER_RE = lazy_re.compile(r"\A---[ \t]*\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_SUBJECT_RE = lazy_re.compile(r"[ \t]*(?:\*\*|__)?Subject:(?:\*\*|__)?[ \t]*(.*?)[ \t]*$", re.I | re.M)
# "Subject:", and a copy deck's longer labels for it: "Subject line:", "Subject/Opening:" (a DM's first line)
_SUBJECT_TEXT_RE = lazy_re.compile(r"Subject(?: line)?(?:\s*/\s*(?:opening|opener|first line|hook))?\s*:\s*", re.I)
_HTML_START_RE = lazy_re.compile(r"\s*</?[A-Za-z][\w-]*[\s/>]")  # an indented block that opens with a tag
_HTML_PROSE_MIN_WORDS = 5
# A fence a copy deck puts its copy in ("```" around an e-mail to keep its lines): no language, or a prose one, and
# lines that read as sentences, not code (few code characters once template fields are left out, no line that
# opens like a command, an assignment or markup). Its lines are copy; any other fence stays code.
_PROSE_FENCE_INFOS = frozenset({"", "text", "txt", "plain", "plaintext", "markdown", "md", "email", "mail", "copy"})
_FIELD_RE = lazy_re.compile(r"\{\{[^{}\n]*\}\}|\[[^\[\]\n]*\]|\{[A-Za-z_][\w .-]*\}")
_CODE_CHARS = frozenset("{}();=<>$\\|`")
_CODE_LINE_RE = lazy_re.compile(r"^\s*(?:\$ |> |#!|//|--|import |from |def |class |function |const |let |var |<|\{|\}|@|"
                           r"\w+\(|[\w.-]+:\s*$|- \w+:)")  # fmt: skip
_SENTENCE_END_RE = lazy_re.compile(r"[a-z][.!?](?:\s|$)")


def prose_fence(info: str, content: str) -> bool:
    """A fenced block that holds copy to read, not code (the rule above)."""
    if info.strip().lower() not in _PROSE_FENCE_INFOS:
        return False
    lines = [line for line in content.split("\n") if line.strip()]
    if len(lines) < 2:
        return False
    clean = _FIELD_RE.sub("x", content)
    if sum(1 for c in clean if c in _CODE_CHARS) * 100 > len(clean):
        return False
    if sum(1 for line in lines if _CODE_LINE_RE.match(line) or line.startswith(("    ", "\t"))) * 5 > len(lines):
        return False
    wordy = sum(1 for line in lines if len(re.findall(r"[A-Za-z]{2,}", line)) >= 4)
    return wordy * 3 >= len(lines) and len(_SENTENCE_END_RE.findall(clean)) >= 2
_CTA_RE = lazy_re.compile(r"\[CTA:\s*([^\]]*?)\s*\]")
_CTA_MARK = "[CTA:"  # what every match of _CTA_RE holds: a unit without it is not searched
# Where a "plainpitch: ignore" directive can start once the text is stripped (suppress.DIRECTIVE_RE; re matches no
# other character to p case-blind): text that opens otherwise is no directive, and is not parsed as one
_DIRECTIVE_START_RE = lazy_re.compile(r"\s*[<pP]")
_ALERT_RE = lazy_re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*", re.I)
_BLANK_LINE_RE = lazy_re.compile(r"[^\n]")
# a shortcode that opens on a JSON body ("{{< pricing-table >}}\n{"); its closing tag is looked for by name
_SHORTCODE_JSON_OPEN_RE = lazy_re.compile(r"\{\{[<%]\s*(?P<name>[\w./-]+)[^{}]{0,4000}?[>%]\}\}(?=\s*[\[{])")
_UNSQUEEZED_RE = lazy_re.compile(r"\s\s|[^\S ]")
# What any enabled inline rule (newline, escape, backticks, strikethrough, emphasis, link, image, autolink, HTML,
# entity) starts at: inline content without these parses to one text token, its content (tests check it).
_INLINE_MARKUP_RE = lazy_re.compile(r"[\n\\`~*_\[<&]")
_SIMPLE_FIELD_RE = lazy_re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.+?)[ \t]*$", re.M)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
    # keep entities and escapes as their own tokens: their markup is what sits in the file
    md.disable("text_join")
    return md


@lru_cache(maxsize=1)
def _block_parser() -> Any:
    """The same parser without its inline pass: the walker parses each block's inline content when it reaches
    it and drops the tokens after, so a long file never holds every word's tokens at once (they were the peak
    of a large file's memory: ~60 bytes of tokens per byte of Markdown)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
    return md.disable(["text_join", "inline"])


def _block_tokens(work: str, env: dict[str, Any]) -> Iterable[Any]:
    """The block tokens of ``work``, as ``_block_parser().parse`` gives them, one top-level block at a time: a long
    file's tokens (~30 bytes per byte of Markdown) are never all held at once. A file with a link reference
    definition is parsed whole first, since a block's links may point at a definition further down."""
    md = _block_parser()
    if "]:" in work or md.options.get("linkify") or md.options.get("typographer"):
        return md.parse(work, env)
    return _stream_blocks(md, work, env)


def _stream_blocks(md: Any, src: str, env: dict[str, Any]) -> Iterator[Any]:
    """markdown-it's block pass (``ParserBlock.tokenize`` at the top level, the same rules in the same order),
    handing over each top-level block's tokens as soon as the block is parsed. No rule reads the tokens of an
    earlier top-level block (a list marks its own paragraphs by index from its own first token)."""
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore, normalize

    core = StateCore(src, md, env)
    normalize(core)
    if not core.src:
        return
    state = StateBlock(core.src, md, env, [])
    rules = md.block.ruler.getRules("")
    line, end_line = state.line, state.lineMax
    max_nesting = md.options.maxNesting
    has_empty_lines = False
    while line < end_line:
        state.line = line = state.skipEmptyLines(line)
        if line >= end_line or state.sCount[line] < state.blkIndent:
            break
        if state.level >= max_nesting:
            state.line = end_line
            break
        ok = False
        for rule in rules:
            ok = rule(state, line, end_line, False)
            if ok:
                if state.line <= line:
                    raise RuntimeError("block rule didn't increment state.line")
                break
        if not ok:
            raise RuntimeError("none of the block rules matched")
        state.tight = not has_empty_lines
        line = state.line
        if (line - 1) < end_line and state.isEmpty(line - 1):
            has_empty_lines = True
        if line < end_line and state.isEmpty(line):
            has_empty_lines = True
            line += 1
            state.line = line
        done, state.tokens = state.tokens, []
        yield from done


class _Misaligned(Exception):
    """An inline token's text was not where the markup said: fall back to a coarser map."""


class _Out:
    """Text of one unit being built, with the source offset of every character."""

    __slots__ = ("chars", "offsets", "links", "code", "ignore", "after_code")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.links: list[tuple[int, int, str]] = []
        self.code: list[tuple[int, int]] = []
        self.ignore: frozenset[str] | None = None
        self.after_code = -1  # source offset of the code span just added, until text follows it

    def add(self, text: str, offsets: list[int]) -> None:
        if not text:
            return
        if self.after_code >= 0 and text[0].isalnum():
            self.chars.append(" ")  # "`x`s" must not glue the placeholder to the next word
            self.offsets.append(self.after_code)
        self.after_code = -1
        self.chars.extend(text)
        self.offsets.extend(offsets)

    def placeholder(self, start: int, end: int) -> None:
        if self.chars and self.chars[-1].isalnum():
            self.chars.append(" ")
            self.offsets.append(start)
        first = len(self.chars)
        self.chars.extend(CODE_PLACEHOLDER)
        self.offsets.extend([start] * (len(CODE_PLACEHOLDER) - 1) + [end])
        self.code.append((first, len(self.chars)))
        self.after_code = end


def _skip_ws(s: str, pos: int) -> int:
    n = len(s)
    while pos < n and s[pos] in " \t\n":
        pos += 1
    return pos


def _skip_destination(content: str, pos: int) -> int:
    """Past a link's ``(dest "title")`` or ``[label]`` that starts at ``pos`` (just after the ``]``)."""
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    n = len(content)
    if pos < n and content[pos] == "(":
        q = _skip_ws(content, pos + 1)
        if q < n and content[q] == ")":
            return q + 1
        dest = parseLinkDestination(content, q, n)
        if dest.ok:
            q = _skip_ws(content, dest.pos)
            if q < n and content[q] == ")":
                return q + 1
            title = parseLinkTitle(content, q, n)
            if title.ok:
                q = _skip_ws(content, title.pos)
                if q < n and content[q] == ")":
                    return q + 1
    if pos < n and content[pos] == "[":
        close = content.find("]", pos + 1)
        if close != -1:
            return close + 1
    return pos


def _backtick_run(content: str, run: str, start: int) -> int:
    """Index of the next run of exactly ``run`` backticks at or after ``start`` (-1 if none)."""
    pattern = re.compile(rf"(?<!`){re.escape(run)}(?!`)")
    m = pattern.search(content, start)
    return m.start() if m else -1


def _render(children: list, content: str, cmap: list[int], out: _Out) -> None:
    """Append the readable text of inline tokens to ``out``, each character mapped through ``cmap``."""
    cursor = 0
    links: list[tuple[int, str]] = []
    autolink = False

    def find(needle: str) -> int:
        if content.startswith(needle, cursor):
            return cursor
        pos = content.find(needle, cursor)
        if pos < 0:
            raise _Misaligned(needle)
        return pos

    for tok in children:
        kind = tok.type
        if autolink and kind != "link_close":
            continue
        if kind == "text":
            pos = find(tok.content)
            out.add(tok.content, cmap[pos : pos + len(tok.content)])
            cursor = pos + len(tok.content)
        elif kind == "text_special":  # an entity or a backslash escape: decoded text, raw markup
            pos = find(tok.markup)
            at = cmap[pos + 1] if tok.info == "escape" and len(tok.markup) == 2 else cmap[pos]
            out.add(tok.content, [at] * len(tok.content))
            cursor = pos + len(tok.markup)
        elif kind in ("softbreak", "hardbreak"):
            pos = find("\n")
            out.add(" ", [cmap[pos]])
            cursor = pos + 1
        elif kind == "code_inline":
            start = _backtick_run(content, tok.markup, cursor)
            end = _backtick_run(content, tok.markup, start + len(tok.markup)) if start >= 0 else -1
            if end < 0:
                raise _Misaligned(tok.markup)
            end += len(tok.markup)
            out.placeholder(cmap[start], cmap[end - 1])
            cursor = end
        elif kind in ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"):
            cursor = find(tok.markup) + len(tok.markup)
        elif kind == "link_open":
            href = tok.attrs.get("href", "")
            if tok.markup == "autolink" or tok.info == "auto":
                pos = find("<")
                close = content.find(">", pos)
                if close < 0:
                    raise _Misaligned("<")
                links.append((len(out.chars), str(href)))
                out.add(content[pos + 1 : close], cmap[pos + 1 : close])
                cursor = close + 1
                autolink = True
            else:
                cursor = find("[") + 1
                links.append((len(out.chars), str(href)))
        elif kind == "link_close":
            if not autolink:
                cursor = _skip_destination(content, find("]") + 1)
            autolink = False
            if links:
                start, href = links.pop()
                if len(out.chars) > start:
                    out.links.append((start, len(out.chars), href))
        elif kind == "image":  # ![alt](src): the alt text is not prose
            pos = find("![")
            close = pos + 2 + len(tok.content)
            if content[close : close + 1] != "]":
                close = content.find("]", pos + 2)
            if close < 0:
                raise _Misaligned("![")
            out.add(" ", [cmap[pos]])
            cursor = _skip_destination(content, close + 1)
        elif kind == "html_inline":
            pos = find(tok.content)
            cursor = pos + len(tok.content)
            codes = directive_codes(tok.content)
            if codes is not None:
                out.ignore = codes
            elif re.match(r"<br\b", tok.content, re.I):
                out.add(" ", [cmap[pos]])
        # other tokens (from plugins) carry no text of their own


def _plain_render(children: list, content: str, cmap: list[int], out: _Out) -> None:
    """Fallback when markup could not be followed: readable text mapped greedily into the content."""
    text: list[str] = []
    for tok in children:
        if tok.type in ("text", "text_special"):
            text.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            text.append(" ")
        elif tok.type == "code_inline":
            text.append(CODE_PLACEHOLDER)
    joined = "".join(text)
    out.add(joined, [cmap[i] for i in _greedy(joined, content, 0, len(content))] if cmap else [])


def _greedy(text: str, src: str, start: int, end: int) -> list[int]:
    """Map each character of ``text`` to its next occurrence in ``src[start:end]`` (or stay put)."""
    offsets = []
    pos = start
    last = start
    for ch in text:
        found = src.find(ch, pos, end) if not ch.isspace() else -1
        if ch.isspace():
            # whitespace: the next whitespace or newline in the source, else where we are
            j = pos
            while j < end and not src[j].isspace():
                j += 1
            found = j if j < end else -1
        if found >= 0:
            offsets.append(found)
            last = found
            pos = found + 1
        else:
            offsets.append(last)
    return offsets


def _squeeze(out: _Out) -> tuple[str, list[int], list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Collapse whitespace runs to one space and trim; spans of links and code follow the shift."""
    chars, offsets = out.chars, out.offsets
    joined = "".join(chars)
    if joined and not _UNSQUEEZED_RE.search(joined) and not joined[0].isspace() and not joined[-1].isspace():
        return joined, offsets, out.links, out.code  # the usual case: nothing to collapse
    keep: list[int] = []
    prev_space = True
    for i, ch in enumerate(chars):
        space = ch.isspace()
        if space and prev_space:
            continue
        keep.append(i)
        prev_space = space
    while keep and chars[keep[-1]].isspace():
        keep.pop()

    def span(s: int, e: int) -> tuple[int, int]:
        return bisect_left(keep, s), bisect_right(keep, e - 1)

    text = "".join(chars[i] if not chars[i].isspace() else " " for i in keep)
    mapped = [offsets[i] for i in keep]
    links = [(*span(s, e), h) for s, e, h in out.links]
    code = [span(s, e) for s, e in out.code]
    return text, mapped, [x for x in links if x[1] > x[0]], [x for x in code if x[1] > x[0]]


# Units read attrs and never write them (Unit.attrs is a Mapping): units with the same attrs share one dict,
# not a dict each (~100-230 bytes a unit)
_NO_ATTRS: dict[str, Any] = {}
_CELL_KEYS = ("row", "col", "header")

_ONE_TOKEN = -2  # ignore_level while a directive covers a single token (a fence, an HTML block)


class _Walker:
    """Turns markdown-it's token stream into Blocks."""

    def __init__(self, src: str, base_meta: dict[str, Any], *, fast: bool = True) -> None:
        self.src = src
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", src)]
        self.blocks: list[Block] = []
        self.meta = base_meta
        self.containers: list[str] = []  # "quote" | "item", innermost last
        self.list_depth = 0
        self.heading = 0
        self.cell: dict[str, Any] | None = None
        self.row_cells: list[tuple[int, int]] = []
        self.pending_ignore: frozenset[str] | None = None
        self.ignore: frozenset[str] | None = None
        self.ignore_level = -1
        self.env: dict[str, Any] = {}
        self.cell_attrs: dict[tuple, dict[str, Any]] = {}  # one attrs dict per (row, col, header), shared by cells
        self.fast = fast  # False: every inline token through markdown-it (the reference the tests compare with)

    # -- lines ---------------------------------------------------------------------------------------
    def _line(self, index: int) -> tuple[int, int]:
        if index >= len(self.line_starts):
            return len(self.src), len(self.src)
        start = self.line_starts[index]
        end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.src)
        return start, end

    def _content_map(self, content: str, first_line: int) -> list[int]:
        """Source offset of each character of a block's inline content (its lines, markers stripped)."""
        cmap: list[int] = []
        for j, piece in enumerate(content.split("\n")):
            start, end = self._line(first_line + j)
            line = self.src[start:end]
            pos = line.rfind(piece) if piece else len(line.rstrip())
            if pos >= 0:
                cmap.extend(range(start + pos, start + pos + len(piece)))
            else:
                stripped = piece.lstrip()  # a tab in the indent came back as spaces
                lead = len(piece) - len(stripped)
                pos = line.rfind(stripped) if stripped else -1
                if pos >= 0:
                    cmap.extend([start + pos] * lead)
                    cmap.extend(range(start + pos, start + pos + len(stripped)))
                else:
                    cmap.extend(_greedy(piece, self.src, start, end))
            cmap.append(end)  # the newline joining this line to the next
        return cmap[: len(content)]

    def _row_segments(self, line_index: int) -> list[tuple[int, int]]:
        """(start, end) of each cell of a table row in the source, split at unescaped pipes."""
        start, end = self._line(line_index)
        start += len(re.match(r"[ \t>]*", self.src[start:end]).group(0))  # quote markers, list indent
        line = self.src[start:end]
        pipes = [m.start() for m in re.finditer(r"(?<!\\)\|", line)]
        bounds = [-1, *pipes, len(line)]
        segments = [(start + bounds[i] + 1, start + bounds[i + 1]) for i in range(len(bounds) - 1)]
        if line.strip().startswith("|") and segments:
            segments = segments[1:]
        if line.rstrip().endswith("|") and not line.rstrip().endswith("\\|") and segments:
            segments = segments[:-1]
        return segments

    # -- the walk ------------------------------------------------------------------------------------
    def walk(self, tokens: Iterable[Any], env: dict | None = None) -> None:
        """Walk the block tokens. Given the ``env`` of a ``_block_parser`` parse, each inline token is parsed by
        its handler when it needs its inline tokens (not for text without markup), and its children are dropped
        right after."""
        self.env = env if env is not None else {}
        handlers: dict[str, Any] = {}
        for tok in tokens:
            kind = tok.type
            if self.pending_ignore is not None:
                self._directive_scope(tok)
            handler = handlers.get(kind, handlers)
            if handler is handlers:
                handler = handlers[kind] = getattr(self, "_on_" + kind, None)
            if env is not None and kind == "inline":
                tok.children = None  # the block pass left an empty list: parsed (or not) by the handler
                handler(tok)
                tok.children = None
            elif handler is not None:
                handler(tok)
            if (tok.nesting == -1 and tok.level == self.ignore_level) or (
                tok.nesting == 0 and self.ignore_level == _ONE_TOKEN
            ):
                self.ignore, self.ignore_level = None, -1

    def _directive_scope(self, tok: Any) -> None:
        """A pending ``ignore`` covers the next block: everything until that block's closing token."""
        if self.pending_ignore is None or tok.nesting == -1 or tok.type == "inline":
            return
        if tok.type == "html_block" and self._directive(tok.content) is not None:
            return
        self.ignore, self.pending_ignore = self.pending_ignore, None
        self.ignore_level = tok.level if tok.nesting == 1 else _ONE_TOKEN

    @staticmethod
    def _directive(text: str) -> frozenset[str] | None:
        return directive_codes(text.strip())

    def _on_front_matter(self, tok: Any) -> None:
        self.meta["front_matter"] = _front_matter(tok.content)
        title = self.meta["front_matter"].get("title")
        if isinstance(title, str):
            self.meta.setdefault("title", title)

    def _on_fence(self, tok: Any) -> None:
        if tok.type == "fence" and tok.map and prose_fence(tok.info, tok.content):
            self._prose_lines(tok)
            return
        # counted for the reader: code to run says developers read it, fenced or indented alike
        self.meta["code_blocks"] = self.meta.get("code_blocks", 0) + 1

    def _prose_lines(self, tok: Any) -> None:
        """A prose fence's lines as written, one unit each (its markup is not rendered: it is shown as typed)."""
        self.meta["prose_fences"] = self.meta.get("prose_fences", 0) + 1  # not code for the reader either
        for index in range(tok.map[0] + 1, tok.map[1]):
            start, end = self._line(index)
            line = self.src[start:end].rstrip("\n")
            text = line.strip()
            if not text or text.startswith(("```", "~~~")):
                continue
            at = start + line.index(text)
            self._emit("paragraph", 0, text, list(range(at, at + len(text))), [], [], {}, None)

    def _on_code_block(self, tok: Any) -> None:
        # Page markup indented by its writer ("\t<p>We accelerate …</p>" in a Jekyll page) is an indented code block
        # to CommonMark but HTML on the rendered page (kramdown, GitHub Pages): read its prose as copy. HTML without
        # prose (an embed snippet shown to developers) stays code.
        if tok.map and _HTML_START_RE.match(tok.content):
            before = len(self.blocks)
            self._on_html_block(tok)
            if sum(len(b.text.split()) for b in self.blocks[before:]) >= _HTML_PROSE_MIN_WORDS:
                return
            del self.blocks[before:]
        self._on_fence(tok)

    def _on_blockquote_open(self, tok: Any) -> None:
        self.containers.append("quote")

    def _on_list_item_open(self, tok: Any) -> None:
        self.containers.append("item")

    def _on_blockquote_close(self, tok: Any) -> None:
        self.containers.pop()

    _on_list_item_close = _on_blockquote_close

    def _on_bullet_list_open(self, tok: Any) -> None:
        self.list_depth += 1

    _on_ordered_list_open = _on_bullet_list_open

    def _on_bullet_list_close(self, tok: Any) -> None:
        self.list_depth -= 1

    _on_ordered_list_close = _on_bullet_list_close

    def _on_heading_open(self, tok: Any) -> None:
        self.heading = int(tok.tag[1:])

    def _on_heading_close(self, tok: Any) -> None:
        self.heading = 0

    def _on_tr_open(self, tok: Any) -> None:
        self.row_cells = self._row_segments(tok.map[0]) if tok.map else []
        self.cell = {"row": (self.cell or {}).get("row", -1) + 1, "col": -1}

    def _on_table_open(self, tok: Any) -> None:
        self.cell = None

    def _on_th_open(self, tok: Any) -> None:
        if self.cell is not None:
            self.cell = {**self.cell, "col": self.cell["col"] + 1, "header": tok.type == "th_open"}

    _on_td_open = _on_th_open

    def _on_th_close(self, tok: Any) -> None:
        if self.cell is not None:
            self.cell.pop("header", None)

    _on_td_close = _on_th_close

    def _on_html_block(self, tok: Any) -> None:
        codes = self._directive(tok.content)
        if codes is not None:
            self.pending_ignore = codes
            return
        if not tok.map or tok.content.lstrip().startswith("<!--"):
            return
        start, end = self._line(tok.map[0])[0], self._line(tok.map[1])[0]
        from plainpitch.ingest.html import extract

        html_blocks, _meta = extract(self.src[start:end], base=start)
        for block in html_blocks:
            block.ignore = block.ignore or self.ignore
            self.blocks.append(block)

    def _on_inline(self, tok: Any) -> None:
        if not tok.map or not tok.content.strip():
            return
        in_cell = self.cell is not None and "header" in self.cell
        seg_start = seg_end = 0
        if in_cell:
            col = self.cell["col"]
            if col >= len(self.row_cells):
                return
            seg_start, seg_end = self.row_cells[col]
        at = self._verbatim_at(tok.content, in_cell, tok.map[0], seg_start, seg_end) if self.fast else -1
        ignore = None
        if at >= 0:  # text with no markup, where the file has it: the text itself, mapped by one range
            text, offsets, links, code = tok.content, range(at, at + len(tok.content)), [], []
        else:
            if in_cell:
                cmap = _greedy(tok.content, self.src, seg_start, seg_end)
            else:
                cmap = self._content_map(tok.content, tok.map[0])
            if tok.children is None:  # not parsed by the walk (see walk): parse it now
                tok.children = []
                md = _parser()
                md.inline.parse(tok.content, md, self.env, tok.children)
            out = _Out()
            try:
                _render(tok.children or [], tok.content, cmap, out)
            except _Misaligned:
                out = _Out()
                _plain_render(tok.children or [], tok.content, cmap, out)
            text, offsets, links, code = _squeeze(out)
            ignore = out.ignore
            if not text:
                return
        if self.heading:
            kind, level = "heading", self.heading
        elif in_cell:
            kind, level = "table_cell", 0
        elif self.containers and self.containers[-1] == "quote":
            kind, level = "quote", 0
        elif self.containers and self.containers[-1] == "item":
            kind, level = "list_item", self.list_depth
        else:
            kind, level = "paragraph", 0
        attrs: dict[str, Any] = _NO_ATTRS
        if in_cell:
            key = (self.cell["row"], self.cell["col"], self.cell["header"])
            attrs = self.cell_attrs.get(key) or self.cell_attrs.setdefault(key, dict(zip(_CELL_KEYS, key, strict=True)))
        self._emit(kind, level, text, offsets, links, code, attrs, ignore)

    def _verbatim_at(self, content: str, in_cell: bool, first_line: int, seg_start: int, seg_end: int) -> int:
        """Where ``content`` sits in the file when it holds no inline markup and needs no squeezing, so that its
        text is itself and maps to the file as one slice (most paragraphs and cells): the source offset the
        slow path (inline tokens, ``_render``, ``_squeeze``) would map its first character to; -1 otherwise."""
        if _INLINE_MARKUP_RE.search(content) or _UNSQUEEZED_RE.search(content) or content[0].isspace() \
                or content[-1].isspace():  # fmt: skip
            return -1
        src = self.src
        if in_cell:  # as _greedy maps it: the first non-space of the cell onwards, when the cell holds it as is
            at = seg_start
            while at < seg_end and src[at].isspace():
                at += 1
            return at if at + len(content) <= seg_end and src.startswith(content, at) else -1
        start, end = self._line(first_line)  # as _content_map maps one line: its last occurrence on the line
        pos = src.rfind(content, start, end)
        return pos

    # -- units ---------------------------------------------------------------------------------------
    def _emit(self, kind: str, level: int, text: str, offsets: list[int], links: list, code: list,
              attrs: dict[str, Any], inline_ignore: frozenset[str] | None) -> None:  # fmt: skip
        if kind != "heading" and kind != "table_cell" and _DIRECTIVE_START_RE.match(text):
            codes = directive_codes(text)
            if codes is not None:  # "plainpitch: ignore X" written as a paragraph of its own
                self.pending_ignore = codes
                return
        ignore = inline_ignore if inline_ignore is not None else self.ignore
        if kind == "quote":
            alert = _ALERT_RE.match(text)
            if alert:
                text, offsets, links, code = _cut(text, offsets, links, code, alert.end(), len(text))
        subject = _SUBJECT_TEXT_RE.match(text) if kind in ("paragraph", "list_item") else None
        if subject:
            self._subject(text, offsets, subject.end(), ignore)
            return
        pos = 0
        for m in _CTA_RE.finditer(text) if _CTA_MARK in text else ():
            self._unit(kind, level, *_cut(text, offsets, links, code, pos, m.start()), attrs, ignore)
            self._unit("cta", 0, *_cut(text, offsets, links, code, m.start(1), m.end(1)), {}, ignore)
            pos = m.end()
        if pos:
            self._unit(kind, level, *_cut(text, offsets, links, code, pos, len(text)), attrs, ignore)
        else:
            self._unit(kind, level, text, offsets, links, code, attrs, ignore)

    def _subject(self, text: str, offsets: list[int], start: int, ignore: frozenset[str] | None) -> None:
        """``Subject: X`` (one line of a paragraph): a subject unit; the rest of the paragraph stays prose."""
        src_line_end = self.src.find("\n", offsets[start] if start < len(offsets) else offsets[-1])
        end = len(text)
        if src_line_end != -1:
            end = next((i for i in range(start, len(text)) if offsets[i] >= src_line_end), len(text))
        self._unit("subject", 0, *_cut(text, offsets, [], [], start, end), {}, ignore)
        if end < len(text):
            self._unit("paragraph", 0, *_cut(text, offsets, [], [], end, len(text)), {}, ignore)

    def _unit(self, kind: str, level: int, text: str, offsets: list[int], links: list, code: list,
              attrs: dict[str, Any], ignore: frozenset[str] | None) -> None:  # fmt: skip
        if not text:
            return
        if not has_words_outside_code(text, code):
            if kind == "paragraph" and code:
                self._wire_buttons(code, offsets, ignore)
            return  # only code or punctuation
        href = None
        if len(links) == 1 and links[0][0] == 0 and links[0][1] == len(text) and kind in ("paragraph", "list_item"):
            kind, href = ("cta" if kind == "paragraph" else "link"), links[0][2]
            links = []
        if links or code:
            attrs = dict(attrs)
            if links:
                attrs["links"] = [{"start": s, "end": e, "href": h} for s, e, h in links]
            if code:
                attrs["code"] = [{"start": s, "end": e} for s, e in code]
        elif not attrs:
            attrs = _NO_ATTRS
        self.blocks.append(Block(kind, text, offsets[0], offsets, level=level, href=href, attrs=attrs, ignore=ignore))

    def _wire_buttons(self, code: list, offsets: list[int], ignore: frozenset[str] | None) -> None:
        """A paragraph of wireframe elements written as code, "`[ start the company ]`": each bracketed label is a
        button the page will show (a box or a picture, "`[ prompt box ]`", is not)."""
        for s, e in code:
            a, b = offsets[s], offsets[e - 1]
            raw = self.src[a : b + 1].strip("` \t\n")
            m = _WIRE_LABEL_RE.match(raw)
            if not m or _WIRE_ELEMENT_RE.search(m.group(1)):
                continue
            label = m.group(1)
            at = self.src.find(label, a, b + 1)
            self.blocks.append(Block("cta", label, at, list(range(at, at + len(label))), ignore=ignore))


def _cut(text: str, offsets: list[int], links: list, code: list, start: int, end: int) -> tuple:
    """The part text[start:end] (trimmed), with its offsets and the link/code spans inside it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    sub_links = [(max(s, start) - start, min(e, end) - start, h) for s, e, h in links if s < end and e > start]
    sub_code = [(max(s, start) - start, min(e, end) - start) for s, e in code if s < end and e > start]
    return text[start:end], offsets[start:end], sub_links, sub_code


def _front_matter(raw: str) -> dict[str, Any]:
    """Front matter as a mapping: YAML when PyYAML is installed, else its simple ``key: value`` lines."""
    try:
        import yaml

        data = yaml.safe_load(raw)
        if isinstance(data, dict):
            return {str(k): v for k, v in data.items()}
    except ImportError:
        pass
    except Exception:  # noqa: BLE001 - bad YAML in front matter is not the copy's problem
        pass
    return {m.group(1): m.group(2).strip("'\"") for m in _SIMPLE_FIELD_RE.finditer(raw)}


# A page whose copy a site generator keeps in the front matter (Gatsby, Hugo and Jekyll data-driven pages: "title:",
# "par1:", "description:" under a near-empty body): its sentences are the copy the visitor reads
_BODY_MIN_WORDS = 20
# A wireframe's element in a copy deck, written as code: "`[ start the company ]`"; a box, a field or a picture is
# not a button
_WIRE_LABEL_RE = lazy_re.compile(r"^\[\s*([A-Za-z][^\[\]`\n]{1,40}?)\s*\]$")
_WIRE_ELEMENT_RE = lazy_re.compile(r"\b(?:box|field|input|image|img|logo|video|screenshot|icon|dropdown|menu|area|bar|"
                              r"placeholder|photo|picture|search|slider|carousel|map|chart)e?s?\b", re.IGNORECASE)  # fmt: skip


def _has_words(blocks: list[Block], enough: int) -> bool:
    """At least ``enough`` words in the blocks, counted only until there are (a long page is not split whole)."""
    seen = 0
    for block in blocks:
        seen += len(block.text.split(None, enough))
        if seen >= enough:
            return True
    return False


def _shortcode_json_bodies(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each shortcode body written as JSON, up to its closing tag. A name whose closing tag is not
    there is not looked for again (a file of unclosed openers is read once, not once per opener)."""
    unclosed: set[str] = set()
    done = 0
    for m in _SHORTCODE_JSON_OPEN_RE.finditer(text):
        name = m.group("name")
        if m.start() < done or name in unclosed:
            continue
        close = re.compile(r"\{\{[<%]\s*/" + re.escape(name) + r"\s*[>%]\}\}").search(text, m.end())
        if close is None:
            unclosed.add(name)
            continue
        yield m.end(), close.start()
        done = close.end()


def _front_matter_copy(source: str) -> list[Block]:
    fm = _FRONT_MATTER_RE.match(source)
    return yaml_copy(source, fm.end()) if fm else []


def _email_subject(text: str) -> re.Match[str] | None:
    """The ``Subject:`` line when it is the first line with text (after any front matter)."""
    pos = 0
    fm = _FRONT_MATTER_RE.match(text)
    if fm:
        pos = fm.end()
    while True:
        nl = text.find("\n", pos)
        line = text[pos : nl if nl != -1 else len(text)]
        if line.strip() or nl == -1:
            break
        pos = nl + 1
    return _SUBJECT_RE.match(text, pos)


def _inline_block(kind: str, value: str, at: int) -> Block | None:
    """One line of Markdown inline text (a subject line) as a block, its markup removed."""
    tokens = _parser().parseInline(value)
    out = _Out()
    children = tokens[0].children if tokens and tokens[0].children else []
    cmap = list(range(at, at + len(value)))
    try:
        _render(children, value, cmap, out)
    except _Misaligned:
        out = _Out()
        out.add(value, cmap)
    text, offsets, _links, _code = _squeeze(out)
    return Block(kind, text, offsets[0], offsets) if text else None


# MDX's import and export statements: JavaScript from a line that starts with the keyword to the next blank line
_ESM_RE = lazy_re.compile(r"^(?:import|export)\b.*?(?=\n[ \t]*\n|\Z)", re.MULTILINE | re.DOTALL)
_MDX_META_RE = lazy_re.compile(r"export\s+const\s+(?:meta|metadata|frontmatter)\s*=\s*\{")
_MDX_FIELD_RE = lazy_re.compile(r"^\s*(\w+)\s*:\s*['\"`\[]?([^'\"`\],\n]*)", re.MULTILINE)
# A link whose destination is a template directive: "[here]({{< ref "/contact" >}})", "[Contact]({{ site.baseurl
# }}/contact)", "[Book]({% link book.md %})". The directive, set aside, keeps its length in spaces, and a destination
# with a space is no link in Markdown: the reader would not see the page's asks.
_DESTINATION_DIRECTIVE_RE = lazy_re.compile(r"\]\([ \t]*(\{\{[^\n]*?\}\}|\{%[^\n]*?%\})")


def _directive_destinations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each directive that opens a link's destination."""
    if "](" not in text:
        return []
    return [m.span(1) for m in _DESTINATION_DIRECTIVE_RE.finditer(text)]


def _without_spaces(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the spaces in each span made no-break spaces (a destination may hold those; same length)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [("\u00a0" if c in " \t" else c) for c in chars[start:end]]
    return "".join(chars)


# fenced code blocks and code spans, roughly: where a template directive is shown, not used
_CODE_RE = lazy_re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[^\n]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)


_META_BLOCK_RE = lazy_re.compile(r"\A(?:[A-Za-z][\w-]{0,20}:[ \t]*[^\n]*\n){2,}(?=[ \t]*\n)")
_META_FIELD_RE = lazy_re.compile(r"^([A-Za-z][\w-]{0,20}):[ \t]*([^\n]*)$", re.MULTILINE)
_META_KEYS = frozenset({"title", "date", "slug", "template", "author", "authors", "tags", "category", "categories",
                        "summary", "status", "modified", "lang", "save_as", "url"})  # fmt: skip


def load(text: str, path: str, raw: bytes | None = None) -> Document:
    source = text
    work = text.replace("\x00", "\ufffd")  # what markdown-it does too: keeps lengths equal
    meta: dict[str, Any] = {}
    blocks: list[Block] = []
    medium = "page"
    subject = _email_subject(work)
    if subject and subject.group(1):
        from plainpitch.ingest.plain import email_headers

        medium = "email"
        subject_block = _inline_block("subject", subject.group(1), subject.start(1))
        if subject_block is not None:
            meta["subject"] = subject_block.text
            blocks.append(subject_block)
        body = email_headers(work, min(subject.end() + 1, len(work)), meta)
        # blank the subject and header lines, and the quoted part of the body: offsets do not move
        head = subject.start()
        work = work[:head] + _BLANK_LINE_RE.sub(" ", work[head:body]) + mask_replies(work[body:])
    elif meta_block := _META_BLOCK_RE.match(work):
        fields = dict(_META_FIELD_RE.findall(meta_block.group(0)))
        keys = {k.lower() for k in fields}
        if keys & _META_KEYS and not keys & {"from", "to", "subject", "cc"}:
            # Pelican's and MultiMarkdown's metadata ("Title: …", "Date: …", "Slug: …" above the first blank line): the
            # page's front matter, not copy
            meta["front_matter"] = {k.lower(): v.strip() for k, v in fields.items()}
            if "title" in meta["front_matter"]:
                meta["title"] = meta["front_matter"]["title"]
            work = _BLANK_LINE_RE.sub(" ", work[: meta_block.end()]) + work[meta_block.end() :]
    if path.lower().endswith(".mdx"):
        for esm in _ESM_RE.finditer(work):
            if _MDX_META_RE.match(esm.group(0)):  # "export const meta = {title: …, date: …}": the page's front matter
                meta.setdefault("front_matter", {m.group(1): m.group(2) for m in _MDX_FIELD_RE.finditer(esm.group(0))})
        work = _ESM_RE.sub(lambda m: _BLANK_LINE_RE.sub(" ", m.group(0)), work)
    parts = included_parts(_CODE_RE.sub("", work)) if may_hold_directives(work) else ""  # in code: a mention
    if parts:
        meta["includes"] = parts  # plainpitch.analysis.completeness: what another file may hold
    shortcode_data: list[Block] = []
    if "{{<" in source or "{{%" in source:
        # a shortcode's body written as JSON ("{{< pricing-table >}} {"plans": [...]} {{< /pricing-table >}}") is the
        # data its template renders: read as a content file's fields, never as prose
        for start, end in _shortcode_json_bodies(work):
            body = work[start:end]
            shortcode_data.extend(json_copy(body, start))
            work = work[:start] + _BLANK_LINE_RE.sub(" ", body) + work[end:]
    destinations = _directive_destinations(work)
    work = set_aside(work, front_matter=False, markdown=True)  # a site generator's directives ({% include %}, {{ site.x }})
    if destinations:
        work = _without_spaces(work, destinations)
    walker = _Walker(work, meta)
    env: dict[str, Any] = {}
    walker.walk(_block_tokens(work, env), env)
    blocks.extend(walker.blocks)
    if "{{<" in source or "{{%" in source:  # copy passed to shortcodes as parameters is on the page where they stand
        blocks = sorted(blocks + shortcode_copy(source) + shortcode_data, key=lambda b: b.source_start)
    if not _has_words(blocks, _BODY_MIN_WORDS):
        blocks[0:0] = _front_matter_copy(source)  # the front matter comes first in the file
    elif source.startswith("---"):
        # the body is the copy, but a button the layout renders from the front matter ("cta: Let's build it") or a
        # field's sentence with a link in it ("closing: …[we'd like to hear about it](/contact)") is still on the
        # page, and so is filler left in a section it renders ("content: Lorem ipsum dolor…")
        blocks[0:0] = [b for b in _front_matter_copy(source)
                       if b.kind == "cta" or b.attrs.get("links") or is_filler(b.text) or unwritten_note(b.text)]  # fmt: skip
    if "title" not in meta:
        first_h1 = next((b for b in blocks if b.kind == "heading" and b.level == 1), None)
        if first_h1 is not None:
            meta["title"] = first_h1.text
    return build_document(path, source, blocks, medium=medium, format="markdown", meta=meta,
                          suppressions=file_suppressions(source))  # fmt: skip
