"""Texts that are not a pitch: a contract, a statement of work, terms, a policy, a grant application form.

They are read and signed or filled in after (or apart from) the buying decision: a statement of work has no call
to action, a grant form fixes the order of its answers, terms carry no testimonials. The rules about selling (proof,
the ask, value up front, features with no benefit) do not judge them; the rules about the words (very hard
sentences, placeholders left in, a generic claim where the reader decides) still do. Told by the title or the
first heading, the way a reader tells them.
"""

from __future__ import annotations

import re

from plainpitch.analysis.regions import title_line
from plainpitch.text import lazy_re

_NOT_A_PITCH_RE = lazy_re.compile(
    r"\b(?:statement|scope) of work\b|\bSOW\b|(?<!smart )\bcontract\b|\b(?:services?|license|licence|master(?: services)?|data processing|"
    r"non-disclosure) agreement\b|\bterms (?:of (?:service|use)|and conditions)\b|\bprivacy (?:policy|notice)\b|"
    r"\bgrant application\b|\bapplication form\b|\brequest for (?:proposals?|quotes?|information)\b|\bRF[PQI]\b|"
    r"\brelease notes\b|\bchangelog\b|\bcode of conduct\b",
    re.IGNORECASE,
)
# "Our response to RFP 2026-14" answers a buyer's request: that is a proposal, and it sells
_ANSWER_RE = lazy_re.compile(r"\b(?:response|reply|answer) to\b|\bproposal (?:for|to)\b", re.IGNORECASE)


# A record kept under document control: its top carries the fields a governed document has ("_Version: 0.1 ·
# Ratified: 2026-05-04 · Owner: Ellari Ventures LLC_", "Status: approved"). A specification, a policy or a ratified
# price record is read by the team that keeps it, not by a buyer deciding; three such fields, as a copy deck may
# carry a status or a version of its own.
_CONTROL_FIELD_RE = lazy_re.compile(
    r"(?:^|[\s_*·|])(version|status|owner|ratified|approved(?: by)?|reviewers?|last (?:updated|reviewed)|revision|"
    r"classification|effective(?: date)?|supersedes|document (?:id|owner))[ \t]*:", re.IGNORECASE | re.MULTILINE
)


def _under_document_control(doc) -> bool:
    head = (doc.source or doc.text)[:500]
    return len({m.group(1).lower().split()[0] for m in _CONTROL_FIELD_RE.finditer(head)}) >= 3


# A plan for the seller's own business ("## Monetization", "## Target Launch", "## Marketing"): read by the team or
# investors who will carry it out, not by a buyer; two such sections, as a pitch may have one about its market
_PLAN_HEADING_RE = lazy_re.compile(
    r"^\W*(?:moneti[sz]ation|business model|revenue(?: model| streams?)?|go[- ]to[- ]market|marketing(?: plan| strategy|"
    r" channels)?|(?:target )?launch(?: plan| date| timeline)?|competit(?:ors|ion|ive analysis)|pricing "
    r"strategy|unit economics|target market|growth strategy|distribution)\W*$", re.IGNORECASE
)


def _business_plan(doc) -> bool:
    seen = {doc.unit_text(u).strip().lower() for u in doc.units if u.kind == "heading"
            and _PLAN_HEADING_RE.match(doc.unit_text(u).strip())}  # fmt: skip
    return len(seen) >= 2


def is_not_a_pitch(doc) -> bool:
    """True for a contract, statement of work, terms, policy or application form (by its title or first heading),
    a record kept under document control (a version, an owner, a status … at its top), or the seller's own plan."""
    if _under_document_control(doc) or _business_plan(doc):
        return True
    heading = title_line(doc, ("heading", "subject"))
    if not any(u.kind in ("heading", "subject") for u in doc.units) and doc.units:
        heading = " ".join(x for x in (heading, doc.unit_text(doc.units[0])[:120]) if x)  # plain text: its first line
    return bool(_NOT_A_PITCH_RE.search(heading)) and not _ANSWER_RE.search(heading)


_DATE_KEYS = frozenset({"date", "published", "pubdate", "publishedat", "publishdate", "publishedon", "releasedate"})
# A key that says when the text was published (Astro's "pubDate", "publishedAt") is a post's: a site generator dates
# every page with "date", but a landing page has no publication date
_PUBLISHED_KEYS = _DATE_KEYS - {"date"}
# a dated file kept in a blog's folder ("src/content/blog/launch.md", "posts/", "news/") is a post
_POST_FOLDER_RE = lazy_re.compile(r"(?:^|[/\\])(?:blog|blogs|posts?|news|articles?|press)[/\\]", re.IGNORECASE)
_AUTHOR_KEYS = ("author", "authors", "by")
# a blog's taxonomies: a dated page filed under tags or categories is a post (a site generator dates every page)
_TAXONOMY_KEYS = ("tags", "categories", "category")
# Jekyll and Hugo mark a post by its layout or by a file name that opens with its date (_posts/2020-05-07-title.md)
_POST_LAYOUT_RE = lazy_re.compile(r"post|news|blog|article", re.IGNORECASE)
_DATED_NAME_RE = lazy_re.compile(r"(?:^|[/\\])\d{4}-\d{2}-\d{2}-[^/\\]+$")
# Release notes kept one entry per file ("changelog-002.md", "CHANGELOG.md", "release-notes/v2.md"): news for the
# people who already use the product, told by the file's name when the entry's title is the feature's; like a post,
# it need not prove the product to a stranger, but it may still ask ("Download it from the App Store")
_NOTES_NAME_RE = lazy_re.compile(r"(?:^|[/\\])(?:change-?logs?|changes|release[-_ ]?notes?)(?:[-_.][^/\\]*)?(?:[/\\]|$)",
                            re.IGNORECASE)  # fmt: skip


def _key(name) -> str:
    """A front-matter key as one spelling: "published_at", "publishedAt" and "published-at" are one key."""
    return re.sub(r"[-_\s]", "", str(name)).lower()


def is_article(doc) -> bool:
    """A dated post (a blog post, an announcement): a file name that opens with its date, or front matter with a
    publication date, or a date and an author, tags, categories, a post layout or a blog's folder. Its readers came
    for the post and most already know the product, so it is not a page that must persuade a stranger alone. Release
    notes kept as files of their own are read the same way."""
    if _DATED_NAME_RE.search(doc.path or "") or _NOTES_NAME_RE.search(doc.path or ""):
        return True
    front = doc.meta.get("front_matter")
    if not isinstance(front, dict) or not any(v for k, v in front.items() if _key(k) in _DATE_KEYS):
        return False
    if any(v for k, v in front.items() if _key(k) in _PUBLISHED_KEYS) or _POST_FOLDER_RE.search(doc.path or ""):
        return True
    if any(front.get(k) for k in _AUTHOR_KEYS + _TAXONOMY_KEYS):
        return True
    return bool(_POST_LAYOUT_RE.search(str(front.get("layout") or "")))


# A text that says at its top that it holds templates of copy ("Two templates: an announcement before the event and a
# report after", "Cold e-mail templates", "Templates for your outreach"), or a file named as a template: a writer's
# kit, filled and sent each time it is used. A product that is a template ("Landing page template") is not one.
# Judged blind, "no call to action" on such kits was never right and useful (0 RU, 1 RT, 4 W).
_SAYS_TEMPLATE_RE = lazy_re.compile(
    r"\b(?:e-?mail|press[- ]release|outreach|message|letter|post|copy|proposal|script|sequence|reply|dm|newsletter|"
    r"announcement)s? templates?\b|\b(?:two|three|four|five|\d+|these|the following) templates?\b|"
    r"\btemplates?(?: for (?:your |the )?(?:e-?mails?|press|outreach|messages?|letters?|posts?|proposals?)\b|:)",
    re.IGNORECASE,
)
_TEMPLATE_FILE_RE = lazy_re.compile(r"templat", re.IGNORECASE)


def is_template_kit(doc) -> bool:
    """The text says at its top that it holds templates of copy, or its file is named as a template."""
    name = re.split(r"[\\/]", doc.path or "")[-1]
    return bool(_TEMPLATE_FILE_RE.search(name) or _SAYS_TEMPLATE_RE.search(doc.text[:300]))
