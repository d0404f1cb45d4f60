"""Email files (.eml) -> Document with the standard ``email`` package (``policy.default``).

Units: the Subject as a ``subject`` unit, then the body: the text/plain part when there is one, else the
text/html part read by the HTML loader's extractor. Quoted replies ("> " lines, "On ... wrote:" and all after
it, Outlook's "-----Original Message-----" and "From: ... Sent: ..." headers), forwarded messages and the
signature (the ``-- `` line and all after it) are dropped; a sign-off such as "Best,\\nAna" stays.

Offsets into the .eml file:
- 7bit / 8bit / binary bodies are the file's own bytes: exact, character by character.
- quoted-printable bodies are decoded here with a map from every decoded character back to its ``=XX``
  (or literal) position in the file: exact too.
- base64 bodies cannot be mapped below the whole block: every unit maps to the first line of the encoded
  body, so a finding there points at where the body starts. ``doc.meta["offsets"]`` says which it was.
"""

from __future__ import annotations

import codecs
import re
from email import message_from_bytes, message_from_string, policy
from email.message import EmailMessage

from plainpitch.ingest.decode import decode, normalise_newlines
from plainpitch.ingest.plain import blocks_from_text
from plainpitch.ingest.replies import is_mobile_signature, is_reply_block, mask_replies
from plainpitch.ingest.suppress import file_suppressions
from plainpitch.model import Document
from plainpitch.text import lazy_re
from plainpitch.text.segment import Block, build_document

_HEADER_END_RE = lazy_re.compile(r"\n[ \t]*\n")
_SUBJECT_LINE_RE = lazy_re.compile(r"^Subject:[ \t]*((?:.*)(?:\n[ \t]+.*)*)", re.I | re.M)
_MBOX_NEXT_RE = lazy_re.compile(r"(?<=\n\n)From \S+ .*\d{4}[ \t]*$", re.M)
_SURROGATE_RE = lazy_re.compile("[\ud800-\udfff]")
_HEX = frozenset("0123456789abcdefABCDEF")
_SINGLE_BYTE = ("ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "cp1252", "windows-1252")


def _parse(text: str, raw: bytes | None) -> EmailMessage:
    if raw is not None:
        return message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]
    return message_from_string(text, policy=policy.default)  # type: ignore[return-value]


def _file_codec(raw: bytes, path: str) -> str | None:
    """The codec the file's text was read with (decode.py's choice); None when not ASCII-compatible."""
    _text, label = decode(raw, path, max_bytes=len(raw) + 1)
    codec = label.split(" ")[0].removesuffix("-bom")
    return None if codec.startswith(("utf-16", "utf-32")) else codec


def _charset(part: EmailMessage) -> str:
    """The part's charset when Python can read text with it, else UTF-8: an unknown name, a codec that is not a
    text encoding (base64, hex, rot13) or one that cannot replace bad bytes (idna, undefined) is a broken label."""
    name = part.get_content_charset() or "utf-8"
    try:
        info = codecs.lookup(name)
        if not info._is_text_encoding:  # type: ignore[attr-defined]
            return "utf-8"
        b"\xff\x00ab".decode(info.name, errors="replace")
        return info.name
    except (LookupError, UnicodeError, ValueError):
        return "utf-8"


def _header(msg: EmailMessage, name: str) -> str:
    """A header's value on one line. The standard parser raises on malformed addresses ("From: ana@" gives an
    IndexError deep inside it): then the header's raw text is the best reading there is."""
    try:
        value = msg.get(name)
        return " ".join(str(value).split()) if value else ""
    except Exception:  # noqa: BLE001 - the stdlib's structured-header parser raises many types on bad input
        raw = next((v for k, v in msg.raw_items() if k.lower() == name), "")
        return " ".join(str(raw).split())


def _decode_bytes(data: bytes, charset: str) -> str:
    for name in (charset, "utf-8", "cp1252"):
        try:
            return data.decode(name)
        except (UnicodeError, LookupError):
            continue
    return data.decode("latin-1")


# -- mapping the body back to the file --------------------------------------------------------------------
def _qp_bytes(raw: str, base: int) -> tuple[bytes, list[int]]:
    """Quoted-printable -> bytes, with the file offset each byte came from."""
    out = bytearray()
    offsets: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "=":
            if raw[i + 1 : i + 2] and raw[i + 1 : i + 2] in _HEX and raw[i + 2 : i + 3] and raw[i + 2 : i + 3] in _HEX:
                out.append(int(raw[i + 1 : i + 3], 16))
                offsets.append(base + i)
                i += 3
                continue
            j = i + 1
            while j < n and raw[j] in " \t":
                j += 1
            if j >= n or raw[j] == "\n":  # soft line break
                i = j + 1
                continue
        encoded = ch.encode("utf-8", errors="replace")
        out.extend(encoded)
        offsets.extend([base + i] * len(encoded))
        i += 1
    return bytes(out), offsets


def _decode_mapped(data: bytes, offsets: list[int], charset: str) -> tuple[str, list[int]] | None:
    """Decode bytes keeping, for each character, the offset of its first byte."""
    if charset in _SINGLE_BYTE or codecs.lookup(charset).name in ("cp1252", "iso8859-1", "ascii"):
        try:
            return data.decode(charset), list(offsets)
        except UnicodeDecodeError:
            return None
    if codecs.lookup(charset).name == "utf-8":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        starts = [offsets[k] for k, b in enumerate(data) if (b & 0xC0) != 0x80]
        return (text, starts) if len(starts) == len(text) else None
    decoder = codecs.getincrementaldecoder(charset)(errors="replace")
    chars: list[str] = []
    cmap: list[int] = []
    first: int | None = None
    try:
        for k in range(len(data)):
            if first is None:
                first = offsets[k]
            piece = decoder.decode(data[k : k + 1])
            if piece:
                chars.append(piece)
                cmap.extend([first] * len(piece))
                first = None
        tail = decoder.decode(b"", final=True)
    except UnicodeError:  # e.g. UTF-16 without its byte-order mark: no exact map, the body start will do
        return None
    if tail:
        chars.append(tail)
        cmap.extend([offsets[-1]] * len(tail))
    return "".join(chars), cmap


def _normalise_mapped(text: str, cmap: list[int]) -> tuple[str, list[int]]:
    """CRLF/CR -> LF keeping the map in step."""
    if "\r" not in text:
        return text, cmap
    chars: list[str] = []
    out_map: list[int] = []
    for i, ch in enumerate(text):
        if ch == "\r":
            if i + 1 < len(text) and text[i + 1] == "\n":
                continue
            ch = "\n"
        chars.append(ch)
        out_map.append(cmap[i])
    return "".join(chars), out_map


def _payload_text(part: EmailMessage, raw: bytes | None, charset: str, codec: str) -> str:
    """The part's body as it sits in the file's text (still encoded: quoted-printable, base64...)."""
    try:
        payload = part.get_payload(decode=False)
    except (LookupError, ValueError):
        # the standard library decodes 8-bit bytes with the part's charset name even here, and a name the codec
        # registry cannot look up ("utf\x00-8") raises: take the payload as it was parsed and decode it below
        payload = part._payload  # noqa: SLF001 - what get_payload returns before that step
    if not isinstance(payload, str):
        return ""
    if raw is not None and not payload.isascii():
        # parsed from bytes: 8-bit bytes come back surrogate-escaped or already read in the part's charset;
        # turn them back into the file's bytes and read those as the file's text was read (UTF-8, replace)
        try:
            data = payload.encode("ascii", "surrogateescape")
        except UnicodeEncodeError:
            data = payload.encode(charset, errors="replace")
        payload = data.decode(codec, errors="replace")
    return normalise_newlines(payload)


def _locate(payload: str, text: str) -> int:
    """Where the encoded body starts in the file's text (-1 if it cannot be found)."""
    if not payload:
        return -1
    pos = text.find(payload)
    if pos < 0:  # fall back to the payload's first line of some length
        first = next((line for line in payload.split("\n") if len(line.strip()) >= 8), "")
        pos = text.find(first) if first else -1
    return pos


def _body(part: EmailMessage, text: str, raw: bytes | None, codec: str) -> tuple[str, list[int], str]:
    """The body text, the file offset of each of its characters, and how exact that map is."""
    cte = (part.get("Content-Transfer-Encoding") or "7bit").strip().lower()
    charset = _charset(part)
    body = normalise_newlines(_decode_bytes(part.get_payload(decode=True) or b"", charset))
    payload = _payload_text(part, raw, charset, codec)
    start = _locate(payload, text)
    if start >= 0 and text.startswith(payload, start):
        if cte == "quoted-printable":
            mapped = _decode_mapped(*_qp_bytes(payload, start), charset)
            if mapped is not None:
                qp_text, qp_map = _normalise_mapped(*mapped)
                if qp_text == body:
                    return body, qp_map, "exact"
        elif cte in ("7bit", "8bit", "binary") and len(payload) == len(body):
            # the file's own characters, one for one (even when the part's charset is not the file's)
            return body, list(range(start, start + len(body))), "exact"
    at = start if start >= 0 else _body_start(text)
    at = min(at, max(len(text) - 1, 0))  # a body found past the file's end (decoded from its headers): its last char
    return body, [at] * len(body), "body start"


def _body_start(text: str) -> int:
    m = _HEADER_END_RE.search(text)
    return m.end() if m else 0


def _remap(block: Block, body_map: list[int]) -> Block:
    """Move a block's offsets (into the decoded body) onto the file."""
    inner = (
        block.source_map
        if block.source_map is not None
        else range(block.source_start, block.source_start + len(block.text))
    )
    last = len(body_map) - 1
    offsets = [body_map[min(o, last)] for o in inner]
    block.source_start = offsets[0] if offsets else 0
    block.source_map = offsets
    return block


# -- the subject -------------------------------------------------------------------------------------------
def _subject_block(msg: EmailMessage, text: str) -> Block | None:
    subject = _header(msg, "subject")
    if not subject:
        return None
    header_end = _HEADER_END_RE.search(text)
    m = _SUBJECT_LINE_RE.search(text, 0, header_end.start() + 1 if header_end else len(text))
    if not m:
        return Block("subject", subject, 0, [0] * len(subject))
    raw_value, at = m.group(1), m.start(1)
    if "\ufffd" in subject and "=?" not in raw_value:
        subject = " ".join(raw_value.split())  # 8-bit bytes in the header: the file's text reads them better
    if raw_value == subject:
        return Block("subject", subject, at)
    if "=?" in raw_value:  # an encoded word: the characters are not in the file as such
        return Block("subject", subject, at, [at] * len(subject))
    offsets: list[int] = []
    pos = 0
    for ch in subject:  # a folded header: find each character in order
        found = (
            raw_value.find(ch, pos)
            if not ch.isspace()
            else next((k for k in range(pos, len(raw_value)) if raw_value[k].isspace()), -1)
        )
        if found < 0:
            return Block("subject", subject, at, [at] * len(subject))
        offsets.append(at + found)
        pos = found + 1
    return Block("subject", subject, at, offsets)


def load(text: str, path: str, raw: bytes | None = None) -> Document:
    codec = _file_codec(raw, path) if raw is not None else None
    if codec is None:
        raw = None  # a UTF-16 .eml: parse the decoded text instead of the bytes
    if raw is None and _SURROGATE_RE.search(text):
        # lone surrogates (only from a Python caller's str) make the email package fail re-encoding the body
        text = _SURROGATE_RE.sub("\ufffd", text)  # one for one: offsets hold
    msg = _parse(text, raw)
    meta: dict[str, str] = {}
    for name in ("subject", "from", "to", "cc", "date"):
        value = _header(msg, name)
        if value:
            meta[name] = value
    blocks: list[Block] = []
    subject = _subject_block(msg, text)
    if subject is not None:
        blocks.append(subject)
        meta["subject"] = subject.text
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is not None:
        body, body_map, exactness = _body(part, text, raw, codec or "utf-8")
        if text.startswith("From "):  # an mbox: only its first message is read; the next starts at "\n\nFrom "
            nxt = _MBOX_NEXT_RE.search(body)
            if nxt:
                body = body[: nxt.start()] + re.sub(r"[^\n]", " ", body[nxt.start() :])
                meta["note"] = "an mbox: only the first message was read"
        meta["body"] = part.get_content_type()
        meta["offsets"] = exactness
        if body_map:
            if part.get_content_type() == "text/html":
                from plainpitch.ingest.html import extract

                html_blocks, _html_meta = extract(body, email=True)
                cut = next((i for i, b in enumerate(html_blocks) if is_reply_block(b.text)), len(html_blocks))
                body_blocks = [b for b in html_blocks[:cut] if not is_mobile_signature(b.text)]
            else:
                body_blocks = blocks_from_text(mask_replies(body))
            blocks.extend(_remap(b, body_map) for b in body_blocks)
    return build_document(path, text, blocks, medium="email", format="email", meta=meta,
                          suppressions=file_suppressions(text))  # fmt: skip
