"""Shapes of text that are not prose: web addresses, e-mail addresses, @handles, file paths, version numbers, and
template placeholders (``plainpitch.text.placeholders``, the one definition the placeholder rule reports from).

``literal_spans(text)`` finds every shape, as (start, end, kind) in text order, non-overlapping: text to copy as
it is, never prose to judge (the jargon rules mask it).
"""

from __future__ import annotations

import re

from plainpitch.text import lazy_re, placeholders

_URL_RE = lazy_re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\"'`]+[^\s<>()\"'`.,;:!?]|(?<![\w@/])/?/[a-z0-9-]+\.[a-z]{2,}(?:/[^\s<>()\"'`]*)?", re.I)
_DOMAIN_RE = lazy_re.compile(r"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|app|ai|co|us|uk|de|fr|eu|gov|edu|info|biz|me|tv|sh|so)(?:/[^\s<>()\"'`]*)?\b", re.I)
_EMAIL_RE = lazy_re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HANDLE_RE = lazy_re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?")
# /etc/hosts, ~/.cargo/bin, C:\Users, ./configure, src/main.rs, telegraf.conf
_PATH_RE = lazy_re.compile(
    r"(?<![\w/])(?:~?/[\w.+@-]+(?:/[\w.+@-]*)*|\.{1,2}/[\w.+@/-]+|[A-Za-z]:\\[\w\\. -]+|[\w.-]+/[\w.-]+(?:/[\w.-]+)*\.[A-Za-z0-9]{1,5}"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:conf|cfg|ini|json|ya?ml|toml|xml|csv|log|py|rs|rb|exe|sh|dll|md|txt|html|wasm|lock|env|sql|cpp))\b"
)
_VERSION_RE = lazy_re.compile(r"(?<![\w.])[vV]?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?\b|\b[vV]\d+\b")

_KINDS = (
    ("email", _EMAIL_RE),
    ("url", _URL_RE),
    ("handle", _HANDLE_RE),
    ("path", _PATH_RE),
    ("url", _DOMAIN_RE),
    ("version", _VERSION_RE),
)


# Every match of a pattern of _KINDS holds one of these (an @, a slash or backslash, "www.", a dot before a
# domain ending or a file extension, a dotted number, a v before a digit) and none holds a line break: only the
# lines with one are searched. Case-blind and looser than the patterns: it may pick a line none matches, never miss one.
_TRIGGER_RE = lazy_re.compile(
    r"[@/\\]|www\.|\d\.\d|v\d|\.(?:com|org|net|io|dev|app|ai|co|us|uk|de|fr|eu|gov|edu|info|biz|me|tv|sh|so|conf|cfg"
    r"|ini|json|ya?ml|toml|xml|csv|log|py|rs|rb|exe|dll|md|txt|html|wasm|lock|env|sql|cpp)",
    re.IGNORECASE,
)


def _trigger_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that holds a trigger, in order (end: its line break or the text's end)."""
    lines: list[tuple[int, int]] = []
    search, find, rfind = _TRIGGER_RE.search, text.find, text.rfind
    m = search(text)
    while m is not None:
        at = m.start()
        end = find("\n", at)
        end = len(text) if end == -1 else end
        lines.append((rfind("\n", 0, at) + 1, end))
        m = search(text, end)
    return lines


def literal_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of placeholders, e-mail addresses, URLs, @handles, file paths and version numbers:
    text to copy as it is, never prose to judge. Earlier kinds win where two overlap.

    No shape spans a line break, so each pattern runs only on the lines with a trigger character (a search
    bounded by ``endpos`` sees the text before the line, and the line's end as the end of the text, as the
    search of the whole text sees its line break): the same matches, in the same order, without six passes
    over every line of prose."""
    taken = bytearray(len(text) + 1)
    out: list[tuple[int, int, str]] = []
    for s, e, _kind in placeholders.find(text):
        taken[s:e] = b"\x01" * (e - s)
        out.append((s, e, "placeholder"))
    lines = _trigger_lines(text)
    for kind, pattern in _KINDS:
        finditer = pattern.finditer
        for start, end in lines:
            for m in finditer(text, start, end):
                s, e = m.start(), m.end()
                if e > s and not any(taken[s:e]):
                    taken[s:e] = b"\x01" * (e - s)
                    out.append((s, e, kind))
    out.sort()
    return out

