"""The one sanitiser for user text in a report: copy, paths, messages quoting the copy, speaker names, notes.

User text is hostile wherever it is rendered. Every report a person reads goes through one of these:

- ``terminal`` — one line for a terminal: C0/C1 controls (ANSI escapes, carriage returns, newlines) and bidi
  embeddings, overrides and isolates (which can make a line read backwards) become U+FFFD;
- ``multiline`` — the same, keeping tabs and line breaks (a source view, a pre block);
- ``html`` — ``multiline`` then HTML-escaped, quotes included (safe in text and in attribute values);
- ``markdown`` — one line for a table cell or a list item: no HTML, no Markdown syntax, no @mentions;
- ``markdown_code`` — a code span around any text.

Each unsafe character becomes exactly one U+FFFD, so offsets and lengths into the text stay the same. JSON and
SARIF carry the text as data (their encoders escape it) and do not pass through here.
"""

from __future__ import annotations

import html as _html
import re
from typing import Any

from plainpitch.text import lazy_re

REPLACEMENT = "\ufffd"
BIDI = "\u202a-\u202e\u2066-\u2069"  # LRE RLE PDF LRO RLO, LRI RLI FSI PDI
_ONE_LINE = lazy_re.compile(f"[\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f{BIDI}]")  # every control but tab
_LINES = lazy_re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{BIDI}]")  # keeps tab, \n and \r
# Characters that start inline Markdown (emphasis, code, links, images, strikethrough) or end a table cell.
# Block syntax (#, -, +, 1.) cannot start inside a cell, so it is left alone.
_MD_PUNCT = lazy_re.compile(r"([\\`*_\[\]|~!])")
_MENTION = lazy_re.compile(r"@(?=\w)")


def terminal(value: Any) -> str:
    s = str(value)
    return s if s.isprintable() else _ONE_LINE.sub(REPLACEMENT, s)


def multiline(value: Any) -> str:
    s = str(value)
    return s if s.isprintable() else _LINES.sub(REPLACEMENT, s)


def html(value: Any) -> str:
    return _html.escape(multiline(value), quote=True)


def _one_line(value: Any) -> str:
    return terminal(" ".join(str(value).splitlines()))


def markdown(value: Any) -> str:
    """User text for a table cell or list item: one line, no HTML, no Markdown syntax, no @mentions."""
    s = _one_line(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_PUNCT.sub(r"\\\1", s)
    return _MENTION.sub("@\u200b", s)  # a zero-width space after @ keeps GitHub from pinging the name


def markdown_code(value: Any, table: bool = True) -> str:
    """A code span around any text: a fence longer than its longest backtick run; pipes escaped in tables."""
    s = _one_line(value)
    if not s:
        return ""
    run = max((len(m) for m in re.findall(r"`+", s)), default=0)
    fence = "`" * (run + 1)
    pad = " " if s[0] in "` " or s[-1] in "` " else ""
    if table:
        s = s.replace("|", "\\|")  # GFM splits cells before code spans are parsed
    return f"{fence}{pad}{s}{pad}{fence}"
