"""Plain text: blank lines separate paragraphs; a ``Subject:`` first line makes it an email.

In an email, header lines right after the subject (From:, To:, Date:...) go to ``doc.meta``, and quoted
replies and the signature are dropped (see ``replies.mask_replies``: they are blanked, so offsets hold).
"""

from __future__ import annotations

import re

from plainpitch.ingest.replies import mask_replies
from plainpitch.ingest.suppress import directive_codes, file_suppressions
from plainpitch.model import Document
from plainpitch.text import lazy_re
from plainpitch.text.segment import Block, build_document

_SUBJECT_RE = lazy_re.compile(r"\A[ \t]*Subject:[ \t]*(.*)$", re.IGNORECASE | re.MULTILINE)
_HEADER_RE = lazy_re.compile(r"(From|To|Cc|Bcc|Date|Reply-To):[ \t]*(.*)\n?", re.IGNORECASE)
_BULLET_RE = lazy_re.compile(r"^[ \t]*(?:[-*•]|\d+[.)])[ \t]+")
_PARA_SPLIT_RE = lazy_re.compile(r"\n[ \t]*\n")


def blocks_from_text(text: str, base: int = 0) -> list[Block]:
    """Paragraph and list-item blocks of plain text; offsets relative to ``base`` in the source.

    A ``plainpitch: ignore`` line (bare or in an HTML comment) silences the block that follows it: the rest
    of its own paragraph, or the next paragraph when it stands alone.
    """
    blocks: list[Block] = []
    pending: frozenset[str] | None = None  # from a directive that ended its paragraph
    pos = 0
    for m in [*_PARA_SPLIT_RE.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        line_start = pos
        pos = m.end() if m else len(text)
        if not chunk.strip():
            continue
        ignore, used = pending, False
        para_lines: list[tuple[int, str]] = []
        for line in chunk.split("\n"):
            codes = directive_codes(line) if "plainpitch" in line else None
            bullet = _BULLET_RE.match(line) if codes is None else None
            if (codes is not None or bullet) and para_lines:
                blocks.append(_para(para_lines, base, "paragraph", ignore))
                para_lines, used = [], True
            if codes is not None:
                ignore, used = codes, False
            elif bullet:
                blocks.append(_para([(line_start + bullet.end(), line[bullet.end() :])], base, "list_item", ignore))
                used = True
            elif line.strip():
                para_lines.append((line_start, line))
            line_start += len(line) + 1
        if para_lines:
            blocks.append(_para(para_lines, base, "paragraph", ignore))
            used = True
        pending = None if used else ignore
    return blocks


def _para(lines: list[tuple[int, str]], base: int, kind: str, ignore: frozenset[str] | None) -> Block:
    """Join wrapped lines with spaces, keeping a per-character map back to the source."""
    if len(lines) > 1 and all(
        line and not line[0].isspace() and not line[-1].isspace() and (i == 0 or start == lines[i - 1][0] + len(lines[i - 1][1]) + 1)
        for i, (start, line) in enumerate(lines)
    ):  # fmt: skip
        # lines back to back with nothing to strip: each joining space sits on its newline, so the map is one range
        first = base + lines[0][0]
        text = " ".join(line for _, line in lines)
        return Block(kind, text, first, range(first, first + len(text)), ignore=ignore)
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


def email_headers(text: str, start: int, meta: dict[str, str]) -> int:
    """Read From:/To:/Date: lines from ``start`` into ``meta``; return where the body begins."""
    pos = start
    while True:
        m = _HEADER_RE.match(text, pos)
        if not m:
            return pos
        meta[m.group(1).lower()] = m.group(2).strip()
        pos = m.end()


def load(text: str, path: str, raw: bytes | None = None) -> Document:
    blocks: list[Block] = []
    medium = "text"
    meta: dict[str, str] = {}
    subject = _SUBJECT_RE.match(text)
    body_start = 0
    body = text
    if subject:
        medium = "email"
        meta["subject"] = subject.group(1).strip()
        blocks.append(Block("subject", subject.group(1).rstrip(), subject.start(1)))
        body_start = email_headers(text, min(subject.end() + 1, len(text)), meta)
        body = mask_replies(text[body_start:])
    else:
        body = text
    blocks.extend(blocks_from_text(body, body_start))
    return build_document(
        path, text, blocks, medium=medium, format="text", meta=meta, suppressions=file_suppressions(text)
    )
