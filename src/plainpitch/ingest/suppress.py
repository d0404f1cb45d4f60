"""Inline suppressions: ``<!-- plainpitch: ignore JRG001, passive-voice -->`` silences the next block.

``<!-- plainpitch: ignore -->`` with no codes silences every rule on the next block; ``ignore-file`` silences
for the whole file. The same words work in plain text on a line of their own.
"""

from __future__ import annotations

import re

from plainpitch.text import lazy_re

DIRECTIVE_RE = lazy_re.compile(r"^(?:<!--)?\s*plainpitch:\s*(ignore(?:-file)?)\b([^>]*?)\s*(?:-->)?\s*$", re.IGNORECASE)
_FILE_RE = lazy_re.compile(r"plainpitch:\s*ignore-file\b(.*?)(?:-->|$)", re.IGNORECASE | re.MULTILINE)
_CODE_RE = lazy_re.compile(r"[A-Za-z]{3}\d{3}")


def _codes(text: str) -> frozenset[str]:
    """Rule codes (upper-cased) and names from a directive's list; stray comment dashes are not codes."""
    items = (c.strip() for c in re.split(r"[,\s]+", text))
    return frozenset(c.upper() if _CODE_RE.fullmatch(c) else c for c in items if c and c.strip("-"))


def parse_directive(text: str) -> tuple[str, frozenset[str]] | None:
    """('ignore' | 'ignore-file', codes) for a directive comment, else None."""
    m = DIRECTIVE_RE.match(text.strip())
    if not m:
        return None
    return m.group(1).lower(), _codes(m.group(2))


def directive_codes(text: str) -> frozenset[str] | None:
    parsed = parse_directive(text)
    return parsed[1] if parsed else None


def file_suppressions(source: str) -> list:
    """Suppressions over the whole document for every ``plainpitch: ignore-file`` in the source."""
    from plainpitch.model import Suppression

    return [Suppression(_codes(m.group(1)), 0, 1 << 62) for m in _FILE_RE.finditer(source)]
