"""Vue single-file components (.vue) -> Document: the copy its ``<template>`` renders, read as HTML.

A Vue or Nuxt site keeps a page's markup in the component's ``<template>`` and its logic in ``<script>``. The reader
keeps the template where it stands and blanks the rest, character for character (every offset still points at the
file), then reads it as a page template:
- ``{{ … }}`` is set aside as in any Mustache-like template (a literal sentence kept, any other value a merge field);
- a bound attribute (``:href="plan.href"``, ``v-bind:href``) is the attribute with a value the page fills in, not
  a missing one;
- a router link (``<router-link>``, ``<NuxtLink>``) is a link; any other component of the site is a part of the page
  this file does not hold (``plainpitch.analysis.completeness``: nothing it may hold is reported missing), and the
  copy the template gives it as static props (``<service-card title="…" desc="…">``) is read, as in JSX.
Copy kept in the script's data (an array of plans) is not read: only what the template holds.
"""

from __future__ import annotations

import dataclasses
import re

from plainpitch.ingest import html
from plainpitch.ingest.directives import blank, part_kind, set_aside, strongest_part
from plainpitch.ingest.fields import Entry, entries_copy, stripped_entry
from plainpitch.ingest.jsx import copy_prop, takes_copy_props
from plainpitch.model import Document
from plainpitch.text import lazy_re

_TEMPLATE_RE = lazy_re.compile(r"^<template(?:\s[^>]*)?>(?P<body>.*)^</template>", re.DOTALL | re.MULTILINE)
_BOUND_RE = lazy_re.compile(r"(?<=\s)(?:v-bind)?:(?=[A-Za-z][\w-]*=)")  # ":href=" / "v-bind:href=" before the name
# HTML elements a Vue template may use as they are; any other tag with a hyphen or a capital is a component
_LINKS = {"router-link": "a", "routerlink": "a", "nuxt-link": "a", "nuxtlink": "a", "template": "div"}
_TAG_RE = lazy_re.compile(r"<(?P<name>[A-Za-z][\w.-]*)")


def template_only(text: str) -> tuple[str, str, list[Entry]]:
    """(the file with only its top-level template kept, in place; what its components may hold: "content",
    "chrome" or ""; the copy the template gives them as static props, as (depth, key, value, offset) entries)."""
    m = _TEMPLATE_RE.search(text)
    if not m:
        return blank(text), "", []
    start, end = m.start("body"), m.end("body")
    raw = text[start:end]
    body = _BOUND_RE.sub(lambda b: " " * len(b.group(0)), raw)
    parts = set()
    props: list[Entry] = []
    for tag in _TAG_RE.finditer(raw):
        name = tag.group("name")
        if name.lower() in _LINKS:
            continue
        if "-" in name or name[0].isupper():
            parts.add(part_kind(name))
            if takes_copy_props("".join(w[:1].upper() + w[1:] for w in name.split("-"))):
                close = raw.find(">", tag.end())
                for a in _STATIC_ATTR_RE.finditer(raw, tag.end(), len(raw) if close < 0 else close):
                    if copy_prop(a.group("key")):
                        props.append(stripped_entry(0, a.group("key"), a.group("value"), start + a.start("value")))
    return blank(text[:start]) + body + blank(text[end:]), strongest_part(parts), props


# a static attribute ('title="Website Development"'), not a bound one (':title="plan.title"', 'v-bind:title') nor an
# event's handler ('@click="…"')
_STATIC_ATTR_RE = lazy_re.compile(r"(?<=\s)(?P<key>[A-Za-z][\w-]*)=\"(?P<value>[^\"]*)\"")


def load(text: str, path: str, raw: bytes | None = None) -> Document:
    markup, parts, props = template_only(text)
    doc = html.load(markup, path, aliases=_LINKS, copy=set_aside(markup),
                    extra_blocks=entries_copy(props, set()) if props else None)  # fmt: skip
    meta = {**doc.meta, "includes": parts} if parts else doc.meta
    return dataclasses.replace(doc, source=text, meta=meta)
