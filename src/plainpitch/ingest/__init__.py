"""Anything -> Document. The only package that knows input formats.

Each format has a loader ``load(text, path, raw) -> Document`` in its own module, imported only when used so
that start-up stays fast.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from plainpitch.ingest.decode import MAX_BYTES, decode, normalise_newlines
from plainpitch.ingest.errors import LoadError
from plainpitch.model import Document

# format -> "module:function"
LOADERS = {
    "text": "plainpitch.ingest.plain:load",
    "markdown": "plainpitch.ingest.markdown:load",
    "html": "plainpitch.ingest.html:load",
    "email": "plainpitch.ingest.email:load",
}
# transcript formats (plainpitch call): module plainpitch.ingest.transcript
TRANSCRIPT_FORMATS = ("vtt", "srt", "zoom", "teams", "otter", "json", "lines", "docx")

EXTENSIONS = {
    ".md": "markdown", ".markdown": "markdown", ".mdx": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".eml": "email", ".email": "email", ".mbox": "email",
    ".txt": "text", ".text": "text", "": "text",
}  # fmt: skip
COPY_FORMATS = tuple(LOADERS)
BINARY_FORMATS = frozenset({"docx"})


def format_for(path: str, data: bytes | None = None) -> str | None:
    """The copy format for a path by its extension (None: not a format plainpitch reads as copy)."""
    ext = os.path.splitext(path)[1].lower()
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    return None


def _loader(fmt: str):
    target = LOADERS.get(fmt)
    if target is None:
        raise LoadError("-", f"unknown format {fmt!r}; use one of {', '.join(LOADERS)}")
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)


def load_bytes(data: bytes, path: str, fmt: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Decode and parse ``data``; ``fmt`` None means: by extension, else sniffed from the content."""
    fmt = fmt or format_for(path) or sniff_format(data)
    if fmt is None:
        ext = os.path.splitext(path)[1] or "(none)"
        raise LoadError(path, f"unknown file type {ext}; use --format {'|'.join(LOADERS)}")
    if fmt == "email" and path.lower().endswith((".eml", ".email")):
        # MIME bodies carry their own charsets: the email loader decodes them itself
        if len(data) > max_bytes:
            decode(data, path, max_bytes)  # raises the size error
        text = data.decode("utf-8", errors="replace") if b"\x00" not in data[:8192] else None
        if text is None:
            raise LoadError(path, "is a binary file, not an email")
        return _loader(fmt)(normalise_newlines(text), path, data)
    text, _encoding = decode(data, path, max_bytes)
    return load_text(text, path, fmt)


def load_text(text: str, path: str = "-", fmt: str | None = None) -> Document:
    """Parse already-decoded text. ``fmt`` None: by extension, else sniffed."""
    fmt = fmt or format_for(path) or sniff_format(text.encode("utf-8", errors="replace")[:4096]) or "text"
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    return _loader(fmt)(text, path, None)


def load_path(path: str | Path, fmt: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    p = str(path)
    try:
        if os.path.isdir(p):
            raise LoadError(p, "is a directory")
        size = os.path.getsize(p)
        if size > max_bytes:
            raise LoadError(p, f"file is {size / 1_048_576:.1f} MB; the limit is {max_bytes / 1_048_576:.0f} MB (--max-size)")
        with open(p, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise LoadError(p, "no such file") from None
    except PermissionError:
        raise LoadError(p, "permission denied: cannot read the file") from None
    except IsADirectoryError:
        raise LoadError(p, "is a directory") from None
    except OSError as exc:
        raise LoadError(p, f"cannot read the file: {exc.strerror or exc}") from None
    return load_bytes(data, p, fmt, max_bytes)


def sniff_format(data: bytes) -> str | None:
    """Guess the copy format of content with no telling extension (stdin, unknown names)."""
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in head[:512]:
        return "html"
    if head.startswith((b"from:", b"to:", b"mime-version:", b"received:", b"return-path:", b"delivered-to:", b"message-id:")):
        return "email"
    if head.startswith(b"subject:"):
        return "text"
    if head.startswith((b"#", b"---\n")) or b"\n#" in head or b"](" in head:
        return "markdown"
    return "text"
