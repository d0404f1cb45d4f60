"""plainpitch locations <-> LSP positions.

plainpitch counts 1-based lines and code-point columns in the text it analysed: line endings folded to LF and a
leading byte-order mark dropped (``ingest.load_text``). LSP counts 0-based lines split at ``\\n``, ``\\r\\n`` and
``\\r`` only (not at the other characters Python's ``splitlines`` breaks on, such as U+2028 or a form feed) and
columns in the code units the client and server agreed on: UTF-16 unless the client offered another, so a
character outside the Basic Multilingual Plane (an emoji) counts two.

Both sides split lines at the same three line endings, so line numbers agree; only columns need converting, on
the editor's own copy of the line.
"""

from __future__ import annotations

import re

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_LINE_END = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"


def split_lines(text: str) -> list[str]:
    """The lines of an editor buffer as LSP numbers them, without their endings."""
    return _LINE_END.split(text)


def units(text: str, encoding: str = UTF16) -> int:
    """Length of ``text`` in the position encoding's code units."""
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == UTF32:
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class Positions:
    """Column conversions for one version of one editor buffer."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.lines = split_lines(text)
        ending = _LINE_END.search(text)
        self.newline = ending.group() if ending else "\n"  # a quick fix's new lines are written the buffer's way
        self.encoding = encoding if encoding in (UTF8, UTF16, UTF32) else UTF16
        self._bom = 1 if text.startswith(_BOM) else 0  # the analysed text starts after it

    def to_lsp(self, line: int, column: int) -> tuple[int, int]:
        """plainpitch's (1-based line, 1-based code-point column) -> LSP (line, character)."""
        row = line - 1
        if row >= len(self.lines):  # past the end (a finding at end of file): the end of the last line
            row = len(self.lines) - 1
            return row, units(self.lines[row], self.encoding)
        text = self.lines[row]
        index = column - 1 + (self._bom if row == 0 else 0)
        return row, units(text[: max(0, index)], self.encoding)

    def from_lsp(self, row: int, character: int) -> tuple[int, int]:
        """LSP (line, character) -> plainpitch's (1-based line, 1-based code-point column). A character in the
        middle of a surrogate pair or a UTF-8 sequence rounds down to the code point it is part of."""
        if row >= len(self.lines):
            row = len(self.lines) - 1
            character = units(self.lines[row], self.encoding)
        text = self.lines[max(row, 0)]
        count = index = 0
        for ch in text:
            size = units(ch, self.encoding)
            if count + size > character:
                break
            count += size
            index += 1
        if row == 0 and self._bom:
            index = max(0, index - self._bom)
        return row + 1, index + 1
