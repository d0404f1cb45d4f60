"""Page and e-mail templates (PHP, EJS, ERB, Handlebars/Mustache, Jinja/Nunjucks/Twig/Liquid, Go templates, MJML)
-> Document: the copy a visitor or recipient would read, with the template language set aside.

Much real sales copy lives in template files: a landing page in a PHP theme, a welcome e-mail in Handlebars or MJML.
Their text is HTML (or plain text) with directives between the words; ``plainpitch.ingest.directives`` sets them
aside in place (offsets unchanged) and the HTML or plain-text reader reads the rest. The report keeps the file as
it is (``source``), so lines and columns point at the template.

MJML is HTML with ``mj-`` elements: ``MJML_TAGS`` names the HTML element each one behaves as (``mj-button`` is a
button, ``mj-text`` a block, ``mj-head`` what the reader never sees), and an MJML file is an e-mail.
"""

from __future__ import annotations

import dataclasses
import re

from plainpitch.ingest import html, plain
from plainpitch.ingest.directives import blade_aside, included_parts, set_aside, strongest_part
from plainpitch.model import Document
from plainpitch.text import lazy_re

# MJML element -> the HTML element it behaves as (https://documentation.mjml.io): unlisted mj- elements are inline
MJML_TAGS = {
    "mjml": "html", "mj-body": "body", "mj-head": "head", "mj-title": "title", "mj-preview": "p",
    "mj-style": "style", "mj-attributes": "template", "mj-font": "template", "mj-breakpoint": "template",
    "mj-html-attributes": "template", "mj-section": "section", "mj-wrapper": "section", "mj-hero": "section",
    "mj-column": "div", "mj-group": "div", "mj-text": "div", "mj-raw": "div", "mj-table": "table",
    "mj-button": "a", "mj-image": "img", "mj-divider": "hr", "mj-spacer": "br", "mj-navbar": "nav",
    "mj-social": "nav", "mj-accordion": "div", "mj-accordion-element": "div", "mj-accordion-title": "h3",
    "mj-accordion-text": "div", "mj-carousel": "div", "mj-carousel-image": "img",
}  # fmt: skip
# attributes an mj- element adds to its HTML element: an mj-button is a button whatever its class
MJML_ATTRS = {"mj-button": {"role": "button"}}


_TAG_RE = lazy_re.compile(r"<[A-Za-z!/]")
# A template's block or section named "subject" holds an e-mail's subject line (Blade, Jinja, Twig, Nunjucks, Django):
# the template is an e-mail
_SUBJECT_BLOCK_RE = lazy_re.compile(
    r"@section\(\s*['\"]subject['\"]\s*(?:,\s*['\"](?P<inline>[^'\"\n]*)['\"]\s*\)|\)(?P<body>.*?)@(?:stop|endsection|show)\b)"
    r"|\{%-?\s*block\s+subject\s*-?%\}(?P<block>.*?)\{%-?\s*endblock",
    re.IGNORECASE | re.DOTALL,
)
_MARKUP_RE = lazy_re.compile(r"<[^>]*>|\{\{.*?\}\}|\{%.*?%\}")


def subject_block(text: str) -> str | None:
    """The subject line a template's "subject" block or section holds, its markup left out, or None."""
    m = _SUBJECT_BLOCK_RE.search(text)
    if not m:
        return None
    value = " ".join(_MARKUP_RE.sub(" ", next(g for g in m.groups() if g is not None)).split())
    return value or None


def load(text: str, path: str, raw: bytes | None = None) -> Document:
    if path.lower().endswith(".mjml"):
        return dataclasses.replace(html.load(text, path, aliases=MJML_TAGS, extra_attrs=MJML_ATTRS), medium="email")
    source, blade_parts = text, ""
    if path.lower().endswith(".blade.php"):
        text, blade_parts = blade_aside(text)  # Blade's @directives first; the rest is the common syntax
    copy = set_aside(text)
    if _TAG_RE.search(copy):
        doc = html.load(text, path, copy=copy)  # it marks what the directives include
        parts = doc.meta.get("includes", "")
    else:  # a plain-text template (a text e-mail in Handlebars or Jinja)
        doc = plain.load(copy, path)
        parts = included_parts(text)
    parts = strongest_part({parts, blade_parts})
    meta = {**doc.meta, "includes": parts} if parts else doc.meta
    subject = subject_block(source)
    if subject is not None:
        return dataclasses.replace(doc, source=source, meta={**meta, "subject": subject}, medium="email")
    if not meta.get("mail_client_markup") and html.mail_markup(source):  # "@component('mail::message')", set aside above
        meta = {**meta, "mail_client_markup": True}
    return dataclasses.replace(doc, source=source, meta=meta)
