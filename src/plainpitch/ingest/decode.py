"""Bytes -> text: BOMs, UTF-8, UTF-16 without BOM, a Latin-1 family fallback, and a clear no for binary."""

from __future__ import annotations

import codecs

from plainpitch.ingest.errors import LoadError

MAX_BYTES = 5 * 1024 * 1024  # 5 MiB of copy is ~800,000 words: far past any page, email or call


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    # control characters other than tab, newline, carriage return, form feed
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 50)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.6 and even_nuls < half * 0.1:
        codec = "utf-16-le"
    elif even_nuls > half * 0.6 and odd_nuls < half * 0.1:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def decode(data: bytes, path: str, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """Return (text, encoding) or raise LoadError with a one-line reason."""
    if len(data) > max_bytes:
        raise LoadError(path, f"file is {len(data) / 1_048_576:.1f} MB; the limit is {max_bytes / 1_048_576:.0f} MB (--max-size)")
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), codec + "-bom" if codec != "utf-8" else "utf-8-sig"
            except UnicodeDecodeError as exc:
                raise LoadError(path, f"starts with a {codec} byte-order mark but is not valid {codec} at byte {exc.start}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text = _utf16_without_bom(data)
    if text is not None:
        return text, "utf-16"
    if _looks_binary(data):
        raise LoadError(path, "is a binary file, not text")
    # Not UTF-8: Windows-1252 (a superset of Latin-1's printable range) reads most western legacy text.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("latin-1"), "latin-1"
    except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes every byte
        raise LoadError(path, f"is not valid UTF-8 (byte {utf8_error.start})") from None


def normalise_newlines(text: str) -> str:
    """CRLF and CR -> LF, so that offsets and lines agree everywhere."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
