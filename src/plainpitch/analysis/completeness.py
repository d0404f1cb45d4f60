"""Whether the file holds all the copy its reader sees.

A template that includes other files (a header, a footer, a layout it extends, a partial) is only part of the page:
its button may sit in the header partial and its testimonials in a section of their own. A rule that reports an
absence (no ask, no proof, an ask out of reach) cannot conclude it from such a file where the missing thing may be
(an ask in any part; proof only in a section, not in a header or footer), and a wrong "you never ask" is
the false alarm that costs a tool its user. The loaders mark such a file (``doc.meta["includes"]``,
plainpitch.ingest.directives).
"""

from __future__ import annotations

import re

from plainpitch.analysis.regions import title_line
from plainpitch.model import Document
from plainpitch.text import lazy_re

NOTE = ("this template includes other files (a header, a footer, a layout or a partial): their copy is not read "
        "here, so nothing they may hold is reported missing")  # fmt: skip


NOTE_STORE = ("copy for a store's listing (an app store, a plugin directory): the store shows the price, the ratings "
              "and the button beside it, so none of them is reported missing")
# An app store's listing: the store shows the price, the ratings and the button to get it beside the copy. The title
# names the listing ("App Store metadata", "Google Play listing"), not only the store ("Coming to the App Store")
_STORE_RE = lazy_re.compile(r"\b(?:app store(?: connect)?|play store|google play(?: console)?|chrome web store|microsoft store|"
                       r"mac app store)\s+"
                       r"(?:listing|metadata|description|page copy|copy|text)\b", re.I)  # fmt: skip
_STORE_FIELDS = frozenset({"subtitle", "keywords", "promotional text", "what's new", "app name", "short description",
                           "full description"})
# a field's heading may carry the store's limit or a note: "Subtitle (30 chars max)", "Keywords — comma-separated"
_FIELD_NOTE_RE = lazy_re.compile(r"\s*(?:\(.*|[—–:].*|,.*)$")


# A WordPress.org plugin readme ("=== Name ===" over "Contributors:", "Tested up to:", "Stable tag:" …): the plugin
# directory's listing, which shows the download button and the ratings beside it
_PLUGIN_README_RE = lazy_re.compile(r"\A\s*===[^=\n]+===[ \t]*\n")
_PLUGIN_HEADER_RE = lazy_re.compile(r"^(?:Contributors|Requires at least|Tested up to|Stable tag|Requires PHP|Donate link)"
                                    r"[ \t]*:", re.MULTILINE)  # fmt: skip


def plugin_directory_readme(doc: Document) -> bool:
    """A WordPress.org plugin readme: its '=== Name ===' first line and two of the directory's header fields."""
    source = doc.source or ""
    return bool(_PLUGIN_README_RE.match(source)) and len(_PLUGIN_HEADER_RE.findall(source, 0, 2000)) >= 2


def store_listing(doc: Document) -> bool:
    """Copy written for an app store's listing: its title names the store, or its headings are the store's fields;
    or a plugin directory's readme."""
    if _STORE_RE.search(title_line(doc)) or plugin_directory_readme(doc):
        return True
    fields = {_FIELD_NOTE_RE.sub("", doc.unit_text(u).strip().lower()) for u in doc.units if u.kind == "heading"}
    return len(fields & _STORE_FIELDS) >= 2


def includes_parts(doc: Document) -> bool:
    """A template that includes other files (a header, a footer, a layout, a partial)."""
    return bool(doc.meta.get("includes"))


# An entry of a site's collection (a client, a team member, a portfolio piece, a testimonial): front matter naming its
# picture and where it links, over a paragraph or two. A list page shows it as one card among many, beside the
# page's own ask and proof.
_CARD_PICTURE_KEYS = frozenset({"image", "logo", "icon", "thumbnail", "photo", "avatar", "picture", "img"})
_CARD_LINK_KEYS = frozenset({"link", "url", "href", "website", "site", "external_url"})
CARD_MAX_WORDS = 80


def collection_card(doc: Document) -> bool:
    """A collection entry: front matter with a picture and a link, a body of a few sentences and no heading."""
    front = doc.meta.get("front_matter")
    if not isinstance(front, dict):
        return False
    keys = {str(k).lower() for k, v in front.items() if v}
    if not (keys & _CARD_PICTURE_KEYS and keys & _CARD_LINK_KEYS):
        return False
    if any(u.kind == "heading" for u in doc.units):
        return False
    return sum(s.word_count for s in doc.sentences) <= CARD_MAX_WORDS


def shows_part_only(doc: Document) -> bool:
    """The file's reader sees copy from other files too (a template that includes them): a header or footer may
    hold the ask; or the copy is an app store's listing, whose button the store shows, or one card of a list."""
    return bool(doc.meta.get("includes")) or store_listing(doc) or collection_card(doc)


def sections_elsewhere(doc: Document) -> bool:
    """Another file holds a section of the page (a hero, testimonials, pricing), not only its header, footer or
    layout: the page's proof may be there. A header or footer holds menus, links and a button, not proof. An app
    store shows its ratings beside a listing; a list page shows its proof beside a card."""
    return doc.meta.get("includes") == "content" or store_listing(doc) or collection_card(doc)
