"""Whether the file holds all the copy its reader sees.

A template that includes other files (a header, a footer, a layout it extends, a partial) is only part of the page:
its button may sit in the header partial and its testimonials in a section of their own. A rule that reports an
absence (no ask, no proof, an ask out of reach) cannot conclude it from such a file where the missing thing may be
(an ask in any part; proof only in a section, not in a header or footer), and a wrong "you never ask" is
the false alarm that costs a tool its user. The loaders mark such a file (``doc.meta["includes"]``,
plainpitch.ingest.directives).
"""

from __future__ import annotations

from plainpitch.model import Document

NOTE = ("this template includes other files (a header, a footer, a layout or a partial): their copy is not read "
        "here, so nothing they may hold is reported missing")  # fmt: skip


def shows_part_only(doc: Document) -> bool:
    """The file's reader sees copy from other files too (a template that includes them): a header or footer may
    hold the ask."""
    return bool(doc.meta.get("includes"))


def sections_elsewhere(doc: Document) -> bool:
    """Another file holds a section of the page (a hero, testimonials, pricing), not only its header, footer or
    layout: the page's proof may be there. A header or footer holds menus, links and a button, not proof."""
    return doc.meta.get("includes") == "content"
