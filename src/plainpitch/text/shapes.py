"""Shapes of text that are not prose: template placeholders, web addresses, e-mail addresses, @handles, file paths
and version numbers. One definition for every rule that must leave them alone (jargon) or report them (the
unfilled-placeholder rule).

``placeholder_spans(text)`` finds unfilled template fields: ``[Client.FirstName]``, ``{{name}}``, ``{first_name}``,
``%NAME%``, ``<<Company>>``, ``$FIRST_NAME$``. ``literal_spans(text)`` finds every shape here (placeholders
included), as (start, end, kind) in text order, non-overlapping.
"""

from __future__ import annotations

import re

# Template fields. The bracket form needs a field-like name (a dot, an underscore, inner capitals or all capitals
# with no spaces), so Markdown links ("[Read more](...)") and prose in brackets ("[sic]") are not fields.
_PLACEHOLDER_RE = re.compile(
    r"\{\{\s*[\w.\- ]{1,40}?\s*\}\}"  # {{ name }} (Mustache, Liquid, Jinja)
    r"|\{\s*[A-Za-z_][\w.]{0,40}\s*\}"  # {first_name}
    r"|%[A-Z][A-Z0-9_]{1,30}%"  # %NAME%
    r"|\$[A-Z][A-Z0-9_]{1,30}\$"  # $FIRST_NAME$
    r"|<<\s*[\w .]{1,40}?\s*>>"  # <<Company>>
    r"|\[\s*(?:[A-Za-z]+[._][\w.]+|[A-Z][a-z]+[A-Z]\w*|[A-Z][A-Z0-9_]{2,30}|(?:first|last|full|company|client|"
    r"recipient|your)[ _]?name)\s*\](?!\()"  # [Client.FirstName], [FirstName], [NAME], [first name]
)
_URL_RE = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\"'`]+[^\s<>()\"'`.,;:!?]|(?<![\w@/])/?/[a-z0-9-]+\.[a-z]{2,}(?:/[^\s<>()\"'`]*)?", re.I)
_DOMAIN_RE = re.compile(r"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|app|ai|co|us|uk|de|fr|eu|gov|edu|info|biz|me|tv|sh|so)(?:/[^\s<>()\"'`]*)?\b", re.I)
_EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HANDLE_RE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?")
# /etc/hosts, ~/.cargo/bin, C:\Users, ./configure, src/main.rs, telegraf.conf
_PATH_RE = re.compile(
    r"(?<![\w/])(?:~?/[\w.+@-]+(?:/[\w.+@-]*)*|\.{1,2}/[\w.+@/-]+|[A-Za-z]:\\[\w\\. -]+|[\w.-]+/[\w.-]+(?:/[\w.-]+)*\.[A-Za-z0-9]{1,5}"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:conf|cfg|ini|json|ya?ml|toml|xml|csv|log|py|rs|rb|exe|sh|dll|md|txt|html|wasm|lock|env|sql|cpp))\b"
)
_VERSION_RE = re.compile(r"(?<![\w.])[vV]?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?\b|\b[vV]\d+\b")

_KINDS = (
    ("placeholder", _PLACEHOLDER_RE),
    ("email", _EMAIL_RE),
    ("url", _URL_RE),
    ("handle", _HANDLE_RE),
    ("path", _PATH_RE),
    ("url", _DOMAIN_RE),
    ("version", _VERSION_RE),
)


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every unfilled template field in ``text``."""
    return [(m.start(), m.end()) for m in _PLACEHOLDER_RE.finditer(text)]


def is_placeholder(token: str) -> bool:
    """True when the whole of ``token`` is a template field ("[Client.FirstName]", "{{name}}", "%NAME%")."""
    m = _PLACEHOLDER_RE.fullmatch(token.strip())
    return m is not None


def literal_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of placeholders, e-mail addresses, URLs, @handles, file paths and version numbers:
    text to copy as it is, never prose to judge. Earlier kinds win where two overlap."""
    taken = bytearray(len(text) + 1)
    out: list[tuple[int, int, str]] = []
    for kind, pattern in _KINDS:
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if e > s and not any(taken[s:e]):
                taken[s:e] = b"\x01" * (e - s)
                out.append((s, e, kind))
    out.sort()
    return out
