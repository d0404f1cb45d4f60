"""Bytes -> text: BOMs, UTF-8, UTF-16 without BOM, a Latin-1 family fallback, and a clear no for binary.

Order matters: a byte-order mark decides; then UTF-16 without a BOM (its NUL pattern is unmistakable); then
binary files are refused (before UTF-8, because NUL-filled binaries are often valid UTF-8); then UTF-8; then
UTF-8 with a few broken bytes (a UTF-8 file with one bad byte must not turn every "’" into "â€™"); and last
Windows-1252, which reads most western legacy text. The decoded text keeps one character per source
character, so stray NULs become U+FFFD rather than vanishing (offsets stay put).
"""

from __future__ import annotations

import codecs

from plainpitch.ingest.errors import LoadError, TooLarge

MAX_BYTES = 5 * 1024 * 1024  # 5 MiB of copy is ~800,000 words: far past any page, email or call

_SAMPLE = 8192
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def size_error(path: str, size: int, max_bytes: int) -> TooLarge:
    return TooLarge(
        path, f"file is {size / 1_048_576:.1f} MB, over the size limit of {max_bytes / 1_048_576:g} MB (--max-size)",
        max_bytes,
    )


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables...: many NULs or many control characters in the first 8 KiB."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if sample.count(0) > max(2, len(sample) // 100):
        return True
    # control characters other than tab, newline, carriage return, form feed, escape and NUL (counted above)
    controls = sum(1 for b in sample if b < 32 and b not in (0, 9, 10, 12, 13, 27))
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


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 sequences outnumber the broken bytes: a UTF-8 file with a little damage."""
    text = data.decode("utf-8", errors="surrogateescape")
    broken = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in text if ch > "\x7f" and not ("\udc80" <= ch <= "\udcff"))
    return good > 0 and broken <= max(3, good // 10)


def _clean(text: str) -> str:
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


def decode(data: bytes, path: str, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """Return (text, encoding) or raise LoadError with a one-line reason."""
    if len(data) > max_bytes:
        raise size_error(path, len(data), max_bytes)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise LoadError(
                    path, f"starts with a {codec} byte-order mark but is not valid {codec} at byte {exc.start}"
                ) from None
            return _clean(text), (codec + "-bom" if codec != "utf-8" else "utf-8-sig")
    text = _utf16_without_bom(data)
    if text is not None:
        return _clean(text), "utf-16"
    if looks_binary(data):
        raise LoadError(path, "is a binary file, not text")
    try:
        return _clean(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return _clean(data.decode("utf-8", errors="replace")), "utf-8 (with invalid bytes replaced)"
    try:
        return _clean(data.decode("cp1252")), "cp1252"
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return _clean(data.decode("latin-1")), "latin-1"


def normalise_newlines(text: str) -> str:
    """CRLF and CR -> LF, so that offsets and lines agree everywhere."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
