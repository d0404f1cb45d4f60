"""Content files -> Document: a page kept as data (a site generator's YAML data file, a page builder's JSON blocks),
read as the copy its layout shows, each value at its place in the file.

Many sites keep a landing or pricing page as fields ("hero: {title: …, button: {label: …, link: …}}") that a
template renders. The values are read as plainpitch.ingest.fields reads front matter: a title-like key is a heading,
a button's label a call to action, prose values paragraphs, a list's sentences list items, a block switched off
("enable": false) left out. The parsed data is the document's front matter too, so that proof kept in fields
(testimonials, logos, counters) is seen. A JSON file that is a speech-to-text result is a call, not a page: the
caller sends it to `plainpitch call review`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from plainpitch.ingest.fields import SWITCH_KEYS, Entry, entries_copy, yaml_copy
from plainpitch.ingest.suppress import file_suppressions
from plainpitch.ingest.transcript.json_asr import decode_json_string
from plainpitch.model import Document
from plainpitch.text import lazy_re
from plainpitch.text.segment import Block, build_document

_JSON_TOKEN_RE = lazy_re.compile(r'"((?:[^"\\\n]|\\.)*)"|([{}\[\]:,])|(true|false|null|-?\d[\d.eE+-]*)')
_ALIAS_RE = lazy_re.compile(r"(?:^|[\s:\-\[,{])\*[\w-]")
_SPACE_RE = lazy_re.compile(r"\s")
_MAX_DEPTH = 64  # deeper nesting is no page's layout; the reader stops descending (no recursion is used)


def _is_json(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")


# A JavaScript or TypeScript module that keeps a page's copy as an object ("export default { hero: { title: '…' } }",
# an i18n table): its strings in any quotes, its keys quoted or bare, its comments skipped
_JS_TOKEN_RE = lazy_re.compile(
    r"//[^\n]*|/\*.*?(?:\*/|\Z)|\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\$]|\\.|\$(?!\{))*)`"
    r"|([{}\[\]:,])|(true|false|null|[A-Za-z_$][\w$]*|-?\d[\d.eE+-]*)",
    re.DOTALL,
)
JS_EXTENSIONS = (".js", ".mjs", ".cjs", ".ts")


def _tokens(source: str, js: bool):
    """(string body or None, its start, mark, literal, end) for each token of a JSON document or a JS module."""
    if not js:
        for m in _JSON_TOKEN_RE.finditer(source):
            yield m.group(1), m.start(1), m.group(2), m.group(3), m.end()
        return
    for m in _JS_TOKEN_RE.finditer(source):
        quoted = next((g for g in (1, 2, 3) if m.group(g) is not None), None)
        if quoted is not None:
            yield m.group(quoted), m.start(quoted), None, None, m.end()
        elif m.group(4) or m.group(5):
            yield None, m.start(), m.group(4), m.group(5), m.end()


def _json_entries(source: str, maps: dict[int, list[int]], js: bool = False) -> tuple[list[Entry], set[int]]:
    """Every string value of a JSON document (or a JS module's object literals) as an entry (its depth, its key, the
    array's key for an element), and the entries inside an object switched off ("enable": false); ``maps`` gets the
    source offsets of each value written with escapes, by its start."""
    entries: list[Entry] = []
    hidden: set[int] = set()
    stack: list[tuple[str, str, int, list[bool]]] = []  # (bracket, key, first entry index, [switched off])
    key: str | None = None
    for string, at, mark, literal, end in _tokens(source, js):
        in_object = bool(stack) and stack[-1][0] == "{"
        if mark in ("{", "["):
            name = key if key is not None else (stack[-1][1] if stack else "")
            if key is not None:
                entries.append((len(stack), key, "", at))
            if len(stack) < _MAX_DEPTH:
                stack.append((mark, name, len(entries), [False]))
            key = None
        elif mark in ("}", "]"):
            if stack:
                _bracket, _name, first, off = stack.pop()
                if off[0]:
                    hidden.update(range(first, len(entries)))
            key = None
        elif mark == ",":
            key = None
        elif string is not None or (js and literal is not None and literal[:1].isalpha()):
            followed_by_colon = source[end : end + 40].lstrip().startswith(":")
            if in_object and key is None and followed_by_colon:
                key = decode_json_string(string, at)[0] if string is not None else literal
                continue
            if string is None:  # a bare word that is no key: a value such as true, or a type in TypeScript
                if in_object and key is not None and key.lower() in SWITCH_KEYS and literal == "false":
                    stack[-1][3][0] = True
                key = None
                continue
            text, where = decode_json_string(string, at)
            if not isinstance(where, int):  # escapes ("\\n", "\\u2019"): each character keeps its place in the file
                maps[at] = where
                text = _SPACE_RE.sub(" ", text)  # one for one: the map stays right
            name = key if key is not None else (stack[-1][1] if stack else "")
            entries.append((len(stack), name, text, at))
            key = None
        elif literal is not None:
            if in_object and key is not None and key.lower() in SWITCH_KEYS and literal == "false":
                stack[-1][3][0] = True
            key = None
    return entries, hidden


def _parsed(text: str, as_json: bool) -> Any:
    """The data itself, for the readers of front matter (proof kept in fields); None when it does not parse."""
    if not as_json and _ALIAS_RE.search(text):
        return None  # YAML aliases can multiply a small file into a huge tree ("billion laughs"): values only
    try:
        if as_json:
            return json.loads(text)
        import yaml

        return yaml.safe_load(text)
    except Exception:  # noqa: BLE001 - a content file that does not parse still has its values read line by line
        return None


def load(text: str, path: str, raw: bytes | None = None) -> Document:
    as_js = path.lower().endswith(JS_EXTENSIONS)
    as_json = not as_js and _is_json(text)
    if as_json or as_js:
        maps: dict[int, list[int]] = {}
        entries, hidden = _json_entries(text, maps, js=as_js)
        blocks: list[Block] = [_placed(b, text, maps) for b in entries_copy(entries, hidden)]
    else:
        blocks = yaml_copy(text, len(text), items=True)
    data = None if as_js else _parsed(text, as_json)  # a module is code: only its strings are read
    meta: dict[str, Any] = {"front_matter": data} if isinstance(data, dict) else {}
    if as_js or isinstance(data, list):
        # a module's strings, or a list of cards (plans, services) a layout repeats: one part of a page another file
        # lays out, where its buttons and proof may be
        meta["includes"] = "content"
    if isinstance(data, dict) and isinstance(data.get("title"), str):
        meta["title"] = data["title"]
    return build_document(path, text, blocks, medium="page", format="data", meta=meta,
                          suppressions=file_suppressions(text))  # fmt: skip


def json_copy(text: str, offset: int) -> list[Block]:
    """The copy of a JSON document that stands at ``offset`` in a larger file (a Hugo shortcode's JSON body), each
    block at its place in that file."""
    maps: dict[int, list[int]] = {}
    entries, hidden = _json_entries(text, maps)
    out = []
    for b in entries_copy(entries, hidden):
        b = _placed(b, text, maps)
        where = [p + offset for p in b.source_map] if b.source_map is not None else None
        out.append(Block(b.kind, b.text, b.source_start + offset, where, level=b.level, href=b.href))
    return out


def _placed(block: Block, source: str, maps: dict[int, list[int]]) -> Block:
    """A JSON value's block with its escapes' source map; a sentence standing in an array (``"features": ["Set up
    in five minutes", …]``) a list item."""
    before = source[: block.source_start - 1].rstrip()
    kind = "list_item" if block.kind == "paragraph" and before.endswith(("[", ",")) else block.kind
    where = maps.get(block.source_start)
    if kind == block.kind and where is None:
        return block
    return Block(kind, block.text, block.source_start, where, level=block.level, href=block.href)
