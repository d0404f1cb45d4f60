"""Anything -> Document. The only package that knows input formats.

Each format has a loader ``load(text, path, raw) -> Document`` in its own module, imported only when used so
that start-up stays fast.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from plainpitch import formats
from plainpitch.formats import COPY, FORMATS
from plainpitch.ingest.decode import MAX_BYTES, decode, normalise_newlines, size_error
from plainpitch.ingest.errors import LoadError, TooLarge
from plainpitch.model import Document
from plainpitch.text import lazy_re

# JSX returned by a component: "return (<div>", "=> (<section>", "=> <p>"
_JSX_RE = lazy_re.compile(rb"(?:\breturn|=>)\s*\(?\s*<(?:[A-Za-z][\w.]*[\s>/]|>)")
# format -> "module:function": the copy readers of the one formats table (plainpitch.formats)
LOADERS = {f.name: f.reader for f in FORMATS if f.command == COPY}
TRANSCRIPT_FORMATS = formats.TRANSCRIPT_FORMATS  # read by `plainpitch call review` (plainpitch.ingest.transcript)
COPY_FORMATS = formats.COPY_FORMATS


def format_for(path: str, data: bytes | None = None) -> str | None:
    """The copy format for a path by its extension (None: not a format plainpitch reads as copy)."""
    return formats.copy_format_for(path)


def _loader(fmt: str):
    target = LOADERS.get(fmt)
    if target is None:
        raise LoadError("-", f"unknown format {fmt!r}; use one of {', '.join(LOADERS)}")
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)


def load_bytes(data: bytes, path: str, fmt: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Decode and parse ``data``; ``fmt`` None means: by extension (stdin: sniffed from the content)."""
    fmt = fmt or (sniff_format(data) if path == "<stdin>" else copy_format(data, path, max_bytes))
    if fmt is None:
        ext = os.path.splitext(path)[1] or "(none)"
        if formats.is_transcript_name(path):
            raise LoadError(path, f"is a call transcript ({ext}); review it with `plainpitch call review`")
        raise LoadError(path, f"unknown file type {ext}; name it .md, .html, .eml or .txt (or a template's or "
                              "component's own: .php, .erb, .hbs, .jsx…), or use --input-format")
    text, encoding = decode(data, path, max_bytes)
    if fmt == "markdown" and _is_markdown_transcript(text):
        raise LoadError(path, "is a call transcript (a Markdown export); review it with `plainpitch call review`")
    if fmt == "email":
        # MIME bodies carry their own charsets and transfer encodings: the email loader reads the bytes too
        doc = _loader(fmt)(normalise_newlines(text), path, data)
    else:
        doc = load_text(text, path, fmt)
    return dataclasses.replace(doc, meta={**doc.meta, "encoding": encoding})


def copy_format(data: bytes, path: str, max_bytes: int = MAX_BYTES) -> str | None:
    """The copy format of a file named on the command line or dropped in the editor: by its extension, or by its
    content where the name is shared with code or calls (None: not copy)."""
    fmt = format_for(path)
    lower = path.lower()
    if fmt is None and lower.endswith((".js", ".mjs")) and _JSX_RE.search(data[:65536]):
        fmt = "jsx"  # a React component named .js, checked by name (a folder walk never reads every .js file)
    if fmt is None and lower.endswith((".js", ".mjs", ".cjs", ".ts")) and _html_literal(data):
        fmt = "jsstring"  # an e-mail a Node app sends, its HTML in a template string
    if fmt is None and lower.endswith(".json") and not _is_transcript_json(data, path, max_bytes):
        fmt = "data"  # a page kept as JSON (a page builder's blocks): copy, when it is no speech-to-text result
    if fmt is None and lower.endswith((".js", ".mjs", ".cjs", ".ts")) and len(_JS_COPY_RE.findall(data[:1 << 20])) >= 3:
        fmt = "data"  # a module that keeps a page's copy as an object (an i18n table): its strings are the copy
    return fmt


# a key and a string of three words or more ("title: 'Platform for mobile app growth'"): copy kept in code
_JS_COPY_RE = lazy_re.compile(rb"""[\w$'"]\s*:\s*(['"`])[^'"`\n]*?[^\s'"`] [^'"`\n]*?[^\s'"`] [^'"`\n]*?\1""")


def _html_literal(data: bytes) -> bool:
    from plainpitch.ingest.jsstring import HTML_LITERAL_RE

    return bool(HTML_LITERAL_RE.search(data[:65536]))


def _is_transcript_json(data: bytes, path: str, max_bytes: int) -> bool:
    """A speech-to-text result (Whisper, AssemblyAI, Deepgram…), which `call review` reads: the transcript reader
    takes it. Anything else in JSON is read as a content file."""
    from plainpitch.ingest.transcript import json_asr

    text, _encoding = decode(data, path, max_bytes)
    try:
        json_asr.parse(normalise_newlines(text), path)
    except (LoadError, ValueError):
        return False
    return True


def _is_markdown_transcript(text: str) -> bool:
    """A Granola or Fireflies-style export saved as .md: a heading or bold label per turn (the call loaders' own
    detector, so `check` and `call review` agree on what is a call)."""
    from plainpitch.ingest.transcript.detect import sniff_text

    return sniff_text(normalise_newlines(text)) == "granola"


def load_text(text: str, path: str = "-", fmt: str | None = None) -> Document:
    """Parse already-decoded text. ``fmt`` None: by extension, else sniffed."""
    fmt = fmt or format_for(path) or sniff_format(text.encode("utf-8", errors="replace")[:4096]) or "text"
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    return _loader(fmt)(text, path, None)


def read_file(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of an input file, or a one-line LoadError (missing, a folder, a pipe, too big, unreadable)."""
    p = str(path)
    try:
        info = os.stat(p)
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(p, "is a directory")
        if not stat.S_ISREG(info.st_mode):  # reading a pipe or a device would hang or never end
            raise LoadError(p, "is not a regular file (a pipe, socket or device)")
        if info.st_size > max_bytes:
            raise size_error(p, info.st_size, max_bytes)
        with open(p, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise LoadError(p, "no such file") from None
    except PermissionError:
        raise LoadError(p, "permission denied: cannot read the file") from None
    except IsADirectoryError:
        raise LoadError(p, "is a directory") from None
    except OSError as exc:
        raise LoadError(p, f"cannot read the file: {exc.strerror or exc}") from None


def read_stdin(max_bytes: int = MAX_BYTES, stream: BinaryIO | None = None) -> bytes:
    """Standard input's bytes (``-``), read no further than the size limit; a closed or unreadable stdin is a
    one-line LoadError."""
    name = "<stdin>"
    if stream is None:
        if sys.stdin is None:  # started with stdin closed (`<&-`)
            raise LoadError(name, "standard input is closed: there is nothing to read")
        stream = sys.stdin.buffer
    try:
        data = stream.read(max_bytes + 1)
    except ValueError:  # "I/O operation on closed file"
        raise LoadError(name, "standard input is closed: there is nothing to read") from None
    except OSError as exc:
        raise LoadError(name, f"cannot read standard input: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise TooLarge(name, f"more than {max_bytes / 1_048_576:g} MB on standard input, the size limit (--max-size)",
                       max_bytes)  # fmt: skip
    return data


def load_path(path: str | Path, fmt: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    return load_bytes(read_file(path, max_bytes), str(path), fmt, max_bytes)


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
