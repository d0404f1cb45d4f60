"""Result fingerprints for code scanning: the same finding gets the same value from one commit to the next.

Two values per SARIF result:

- ``plainpitch/v1``: our own, from the rule code, the flagged text (whitespace folded) and which occurrence of
  that pair in the file it is. It survives lines moving, other paragraphs changing and the file being re-wrapped;
  it changes when the flagged words change, which is when the finding is really a new one.
- ``primaryLocationLineHash``: the one GitHub code scanning matches alerts on. It is GitHub's own rolling hash
  of the first 100 non-blank characters from the start of the flagged line, ``<hex>:<n>`` where n counts equal
  hashes in the file. ``upload-sarif`` computes it when it is missing and warns when a value it finds differs,
  so we compute the very same value (re-implemented from the algorithm GitHub publishes in codeql-action; see
  docs/CREDITS.md), which also serves uploads through the REST API, where nothing fills it in. A file that is
  not valid UTF-8 is left to the uploader: it decodes bytes differently than Python would.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from plainpitch.model import DocumentReport
from plainpitch.text import lazy_re

_BLOCK = 100  # characters in the rolling window
_MOD = 37
_MASK = (1 << 64) - 1  # the hash is a 64-bit integer that wraps around
_FIRST_MOD = pow(_MOD, _BLOCK, 1 << 64)
_TAB, _SPACE, _LF, _CR = 9, 32, 10, 13
_EOF = 65535
_SPACES = lazy_re.compile(r"\s+")


def finding_fingerprints(d: DocumentReport) -> list[str]:
    """``plainpitch/v1`` for each finding of a document, in order."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for f in d.findings:
        source = d.document.source if d.document is not None else ""
        flagged = source[f.location.start : f.location.end] if source else f.text
        key = (f.code, _SPACES.sub(" ", flagged).strip())
        seen[key] += 1
        digest = hashlib.sha256(f"{key[0]}\0{key[1]}\0{seen[key]}".encode()).hexdigest()
        out.append(digest[:32])
    return out


def line_hashes(path: str) -> dict[int, str]:
    """``primaryLocationLineHash`` for every line of a file (1-based), or {} when the file cannot be hashed."""
    try:
        with open(path, "rb") as fh:
            text = fh.read().decode("utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return rolling_line_hashes(text)


def rolling_line_hashes(text: str) -> dict[int, str]:
    """GitHub's line hash over UTF-16 code units (what JavaScript strings hold): tabs and spaces skipped, line
    endings folded to LF, a 65535 marker at the end, then the window flushed with zeros. A line's hash is taken
    when the window has moved 100 characters past its first character."""
    window = [0] * _BLOCK
    line_at = [-1] * _BLOCK  # the line that starts at this window slot, or -1
    value = index = line = 0
    line_start, prev_cr = True, False
    counts: Counter[str] = Counter()
    out: dict[int, str] = {}
    units = text.encode("utf-16-le")
    stream = [units[i] | units[i + 1] << 8 for i in range(0, len(units), 2)] + [_EOF]
    for current in stream:
        if current == _SPACE or current == _TAB or (prev_cr and current == _LF):
            prev_cr = False
            continue
        prev_cr = current == _CR
        if prev_cr:
            current = _LF
        if line_at[index] != -1:
            value_hex = format(value, "x")
            counts[value_hex] += 1
            out[line_at[index]] = f"{value_hex}:{counts[value_hex]}"
            line_at[index] = -1
        if line_start:
            line_start = False
            line += 1
            line_at[index] = line
        if current == _LF:
            line_start = True
        value = (_MOD * value + current - _FIRST_MOD * window[index]) & _MASK
        window[index] = current
        index = (index + 1) % _BLOCK
    for _ in range(_BLOCK):  # flush: the last lines get their hashes as zeros fill the window
        if line_at[index] != -1:
            value_hex = format(value, "x")
            counts[value_hex] += 1
            out[line_at[index]] = f"{value_hex}:{counts[value_hex]}"
            line_at[index] = -1
        value = (_MOD * value - _FIRST_MOD * window[index]) & _MASK
        window[index] = 0
        index = (index + 1) % _BLOCK
    return out
