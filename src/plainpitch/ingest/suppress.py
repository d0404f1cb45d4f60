"""Inline suppressions: ``<!-- plainpitch: ignore JRG001, passive-voice -->`` silences the next block.

``<!-- plainpitch: ignore -->`` with no codes silences every rule on the next block; ``ignore-file`` silences
for the whole file. The same words work in plain text on a line of their own.
"""

from __future__ import annotations

import re

DIRECTIVE_RE = re.compile(
    r"^(?:<!--)?\s*plainpitch:\s*(ignore(?:-file)?)\b([^>]*?)\s*(?:-->)?\s*$", re.IGNORECASE
)


def parse_directive(text: str) -> tuple[str, frozenset[str]] | None:
    """('ignore' | 'ignore-file', codes) for a directive comment, else None."""
    m = DIRECTIVE_RE.match(text.strip())
    if not m:
        return None
    codes = frozenset(c.strip() for c in re.split(r"[,\s]+", m.group(2)) if c.strip())
    return m.group(1).lower(), frozenset(c.upper() if re.fullmatch(r"[A-Za-z]{3}\d{3}", c) else c for c in codes)


def directive_codes(text: str) -> frozenset[str] | None:
    parsed = parse_directive(text)
    return parsed[1] if parsed else None


_FILE_RE = re.compile(r"plainpitch:\s*ignore-file\b([^>\n]*)", re.IGNORECASE)


def file_suppressions(source: str) -> list:
    """Suppressions over the whole document for every ``plainpitch: ignore-file`` in the source."""
    from plainpitch.model import Suppression

    out = []
    for m in _FILE_RE.finditer(source):
        codes = frozenset(c.strip().upper() if re.fullmatch(r"[A-Za-z]{3}\d{3}", c.strip()) else c.strip()
                          for c in re.split(r"[,\s]+", m.group(1).replace("-->", "")) if c.strip())
        out.append(Suppression(codes, 0, 1 << 62))
    return out
