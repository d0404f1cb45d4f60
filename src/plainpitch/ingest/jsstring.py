"""HTML kept in a JavaScript template string -> Document: the e-mail a Node app sends (``const welcome = `<html>…```,
``module.exports = (name) => `<div>Hi ${name}…```), read as the template it is.

Everything outside the template strings that hold markup is code: it is blanked in place (same length, line breaks
kept, so every offset still points at the file) and the rest is read by plainpitch.ingest.template, where an
interpolation (``${name}``) is a merge field. A .js file is read this way only when named on the command line and
a template string in it opens with a tag (plainpitch.ingest.load_bytes decides).
"""

from __future__ import annotations

import dataclasses
import re

from plainpitch.ingest import template
from plainpitch.model import Document
from plainpitch.text import lazy_re

_LITERAL_RE = lazy_re.compile(r"`((?:[^`\\]|\\.)*)`", re.DOTALL)
# a template string of markup assigned, returned or passed: "= `<html", "=> `<div", "(`<p"
HTML_LITERAL_RE = lazy_re.compile(rb"(?:=>?|\(|return)\s*\(?\s*`\s*<[A-Za-z!]")
_NOT_NEWLINE_RE = lazy_re.compile(r"[^\n]")


def markup_only(text: str) -> str:
    """``text`` with everything but the markup template strings blanked (same length, same lines)."""
    out = _NOT_NEWLINE_RE.sub(" ", text)
    for m in _LITERAL_RE.finditer(text):
        body = m.group(1)
        if body.lstrip().startswith("<"):
            out = out[: m.start(1)] + body + out[m.end(1) :]
    return out


def load(text: str, path: str, raw: bytes | None = None) -> Document:
    doc = template.load(markup_only(text), path)
    return dataclasses.replace(doc, source=text)
