"""Compressed containers (a Teams ``.docx`` is a ZIP) read with limits decided before anything is inflated.

A ZIP's directory says how big each part is; a hostile one says so falsely, or truthfully says "1 GiB". So:

1. the end-of-directory record is read first: too many entries is refused before ``zipfile`` builds one object per
   entry;
2. the directory's sizes are checked: each part, and all parts together, must fit ``max_bytes`` (the same size
   limit as for the file itself: ``--max-size`` applies to what the file expands to);
3. every part is then inflated in small chunks, counting: a part that grows past its declared size or the limit
   stops there (a lying directory costs at most one chunk past the limit, never the whole expansion).

``zipfile`` alone is not enough: its ``read()`` inflates a part whole before it cuts it to the declared size.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from plainpitch.ingest.errors import LoadError, TooLarge

MAX_ENTRIES = 2000  # a Word file has a few dozen parts; thousands is a bomb of empty entries
# Word's XML compresses 5-30x; a part that inflates more than this (and to more than RATIO_FLOOR) is a bomb, however
# small: the 72 KB file that expanded to 10 MiB of one repeated paragraph (145x) is refused before it is read.
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024
CHUNK = 64 * 1024
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB".replace(".0 MB", " MB")


def _too_big(path: str, what: str, size: int, max_bytes: int) -> TooLarge:
    return TooLarge(path, f"{what} expands to {_mb(size)}, over the size limit of {_mb(max_bytes)} (--max-size: "
                    "it applies to what a compressed file expands to)", max_bytes)  # fmt: skip


def entry_count(data: bytes) -> int | None:
    """The number of entries the end-of-directory record declares (None: no record, not a ZIP)."""
    at = data.rfind(_EOCD, max(0, len(data) - 65_536 - _EOCD_SIZE))
    if at < 0 or at + _EOCD_SIZE > len(data):
        return None
    (total,) = struct.unpack_from("<H", data, at + 10)
    return total


def read_zip(data: bytes, path: str, max_bytes: int, what: str = "the archive") -> dict[str, bytes]:
    """Every part of a ZIP, inflated within ``max_bytes`` in total; a LoadError naming the file and the limit."""
    count = entry_count(data)
    if count is None:
        raise LoadError(path, f"is not a readable {what} (no ZIP directory)")
    if count == 0xFFFF or count > MAX_ENTRIES:  # 0xFFFF: a ZIP64 count, tens of thousands at least
        raise TooLarge(path, f"{what} has more than {MAX_ENTRIES} parts; a bomb, not a document", max_bytes)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, struct.error) as exc:
        raise LoadError(path, f"is not a readable {what} ({_reason(exc)})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise TooLarge(path, f"{what} has more than {MAX_ENTRIES} parts; a bomb, not a document", max_bytes)
        declared = 0
        for info in infos:
            if info.file_size > max_bytes:
                raise _too_big(path, f"part {_name(info.filename)} of {what}", info.file_size, max_bytes)
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise TooLarge(path, f"part {_name(info.filename)} of {what} expands {info.file_size // max(info.compress_size, 1)}"
                               f" times (to {_mb(info.file_size)}); over {MAX_RATIO} times is a compression bomb, not a "
                               "document", max_bytes)  # fmt: skip
            declared += info.file_size
        if declared > max_bytes:
            raise _too_big(path, what, declared, max_bytes)
        parts: dict[str, bytes] = {}
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            body = bytearray()
            try:
                with archive.open(info) as stream:
                    while chunk := stream.read(CHUNK):
                        body += chunk
                        total += len(chunk)
                        ratio_cap = max(RATIO_FLOOR, MAX_RATIO * max(info.compress_size, 1))
                        if len(body) > info.file_size or total > max_bytes or len(body) > ratio_cap:
                            # the directory lied: stop at the first chunk past what it declared
                            raise _too_big(path, f"part {_name(info.filename)} of {what}", max(total, len(body)),
                                           max_bytes) if total > max_bytes else LoadError(
                                path, f"part {_name(info.filename)} of {what} is larger than its ZIP directory says"
                            )  # fmt: skip
            except LoadError:
                raise
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, OSError, EOFError, RuntimeError) as exc:
                # bad CRC, unsupported compression, encryption (RuntimeError), truncated data, zlib errors
                raise LoadError(path, f"is not a readable {what} ({_reason(exc)})") from None
            parts[info.filename] = bytes(body)
        return parts


def rebuild(parts: dict[str, bytes]) -> bytes:
    """The parts as a stored (uncompressed) ZIP: a library that reads it inflates nothing it was not checked for."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


def _name(name: str) -> str:
    shown = "".join(ch if ch.isprintable() else "?" for ch in name)
    return shown if len(shown) <= 60 else shown[:59] + "…"


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0][:80] if str(exc) else ""
    return text or type(exc).__name__
