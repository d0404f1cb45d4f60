"""Plain text: blank lines separate paragraphs; a ``Subject:`` first line makes it an email."""

from __future__ import annotations

import re

from plainpitch.ingest.suppress import directive_codes, file_suppressions
from plainpitch.model import Document
from plainpitch.text.segment import Block, build_document

_SUBJECT_RE = re.compile(r"\A[ \t]*Subject:[ \t]*(.*)$", re.IGNORECASE | re.MULTILINE)
_BULLET_RE = re.compile(r"^[ \t]*(?:[-*•]|\d+[.)])[ \t]+")
_PARA_SPLIT_RE = re.compile(r"\n[ \t]*\n")


def blocks_from_text(text: str, base: int = 0) -> list[Block]:
    """Paragraph and list-item blocks of plain text; offsets relative to ``base`` in the source."""
    blocks: list[Block] = []
    pending_ignore: frozenset[str] | None = None
    pos = 0
    for m in [*_PARA_SPLIT_RE.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        chunk_start = pos
        pos = m.end() if m else len(text)
        if not chunk.strip():
            continue
        lines = chunk.split("\n")
        codes = directive_codes(chunk.strip())
        if codes is not None:
            pending_ignore = codes
            continue
        line_start = chunk_start
        para_lines: list[tuple[int, str]] = []
        for line in lines:
            bullet = _BULLET_RE.match(line)
            if bullet:
                if para_lines:
                    blocks.append(_para(para_lines, base, "paragraph", pending_ignore))
                    para_lines = []
                blocks.append(_para([(line_start + bullet.end(), line[bullet.end() :])], base, "list_item", pending_ignore))
            elif line.strip():
                para_lines.append((line_start, line))
            line_start += len(line) + 1
        if para_lines:
            blocks.append(_para(para_lines, base, "paragraph", pending_ignore))
        pending_ignore = None
    return blocks


def _para(lines: list[tuple[int, str]], base: int, kind: str, ignore: frozenset[str] | None) -> Block:
    """Join wrapped lines with spaces, keeping a per-character map back to the source."""
    text_parts: list[str] = []
    smap: list[int] = []
    for i, (start, line) in enumerate(lines):
        stripped = line.rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        if i:
            text_parts.append(" ")
            smap.append(smap[-1] + 1 if smap else base + start)
        text_parts.append(stripped[lead:])
        smap.extend(range(base + start + lead, base + start + len(stripped)))
    text = "".join(text_parts)
    contiguous = len(lines) == 1
    return Block(kind, text, smap[0] if smap else base, None if contiguous else smap, ignore=ignore)


def load(text: str, path: str, raw: bytes | None = None) -> Document:
    blocks: list[Block] = []
    medium = "text"
    meta: dict[str, str] = {}
    subject = _SUBJECT_RE.match(text)
    body_start = 0
    if subject:
        medium = "email"
        meta["subject"] = subject.group(1).strip()
        blocks.append(Block("subject", subject.group(1).rstrip(), subject.start(1)))
        body_start = subject.end() + 1
    blocks.extend(blocks_from_text(text[body_start:], body_start))
    return build_document(
        path, text, blocks, medium=medium, format="text", meta=meta, suppressions=file_suppressions(text)
    )
