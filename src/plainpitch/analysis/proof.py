"""Proof: what in the copy shows that other people bought this and it worked.

A buyer believes another customer before the seller. Copywriters look for proof first and credit it; a page that
must sell on its own without any is the first thing they raise. Kinds, each recognised by its shape (not by names):

- ``testimonial``: a customer's words — a quote block, a paragraph in quotation marks, or a first-person paragraph
  beside an attribution line (a name, or a role such as "Founder and CEO at Ghost", "— Ana Ruiz, CTO");
- ``customers``: a count of customers or users ("over 20,000 paying customers", "trusted by 4,000 teams", "helped
  200+ SaaS leaders", a stat block "20k" beside "Paying subscribers");
- ``named``: named customers ("trusted by Shopify, Stripe and Notion", "customers include …", "teams at X use …");
- ``result``: a result with a number that someone got ("cut build times by 40%", "went from 10 days to 3");
- ``rating``: ratings, reviews, awards and press ("4.8/5 on G2", "★★★★★", "as featured in");
- ``benchmark``: a measured comparison ("5x faster than grep", "2.3 s vs 9.1 s") or a reported measurement
  ("Measured on 16 September: 15 of 15 records").

The rules read ``find_proof`` (PRF001 missing-proof credits what it finds and flags its absence where a page must
sell alone); every report lists the proof in ``details["proof"]`` so the writer sees what counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainpitch.text import lazy_re, stand_ins
from plainpitch.text.filler import is_filler
from plainpitch.text.money import SCALES
from plainpitch.text.wordsets import word_sets

# a count, or a template's field for one with its "+" ("used by over {{projects}}+ projects": filled on render)
_NUM = (r"(?:\d[\d,.]*\s?(?:k|K|M|m|B|million|thousand|billion)?\+?|hundreds|thousands|millions|dozens|"
        r"\{\{\s*[\w.]+\s*\}\}\+)")
_WHO = (r"(?:customers|clients|users|companies|businesses|teams|organi[sz]ations|developers|engineers|subscribers|"
        r"websites|sites|brands|startups|agencies|stores|shops|members|people|creators|marketers|founders|"
        r"downloads|installs|stars|installations|projects|contributors|sellers|buyers|restaurants|schools|hospitals|"
        r"students|learners|patients|families|parents|homeowners|guests|travell?ers|readers|listeners)")  # fmt: skip
_CUSTOMERS_RE = lazy_re.compile(
    rf"\b(?:over |more than |nearly |almost |some |about )?(?P<n>{_NUM})\s+(?:[\w-]+\s+){{0,2}}{_WHO}\b|"
    rf"\b(?:trusted|used|loved|chosen|relied on|adopted|backed) by (?:over |more than )?{_NUM}\b|"
    rf"\bjoin (?:over |more than )?{_NUM}\b|"
    # "helped 200+ SaaS leaders", "worked with 150 founders": whom it helped, counted, whatever they are called
    rf"\b(?:helped|worked with|coached) (?:over |more than |nearly |almost )?(?P<helped>{_NUM})\s+[A-Za-z]",
    re.IGNORECASE,
)
_STAT_LABEL_RE = lazy_re.compile(rf"^(?:\w+\s+){{0,2}}{_WHO}$|^(?:\w+\s+){{0,2}}(?:customers|users)\b", re.IGNORECASE)
# the label beside a counter the site fills, naming whom it counts first: "Students placed abroad", "Happy clients"
_FIELD_LABEL_RE = lazy_re.compile(rf"^(?:\w+\s+)?{_WHO}\b(?:\s+\w+){{0,3}}$", re.IGNORECASE)
_FIELD_STAT_RE = lazy_re.compile(r"^\{\{\s*[\w.]+\s*\}\}\+?\s*([A-Za-z].*)$")
_STAT_VALUE_RE = lazy_re.compile(rf"^{_NUM}$")
_NAMED_RE = lazy_re.compile(
    r"\b(?:trusted|used|loved|chosen|relied on|adopted) by (?:teams at |companies like |the likes of )?[A-Z][\w&.'-]+|"
    r"\b(?:customers|clients) (?:include|like)\b|\bcompanies (?:like|such as) [A-Z]|\bteams at [A-Z][\w&.'-]+|"
    r"\b(?:our|happy) (?:customers|clients):",
)
_RESULT_RE = lazy_re.compile(
    r"\b(?:cut|cuts|reduced|reduces|lowered|saved|saves|increased|increases|grew|grows|doubled|tripled|boosted|"
    r"improved|raised|lifted|dropped|halved|slashed|went from)\b[^.!?]{0,60}?"
    r"(?:\d+(?:\.\d+)?\s?(?:%|percent|x\b|times|hours?|days?|weeks?|minutes?|seconds?|ms\b)|[$€£]\s?\d|\bin half\b)",
    re.IGNORECASE,
)
_RATING_RE = lazy_re.compile(
    r"\b[1-5](?:\.\d)?\s?(?:/|out of)\s?5\b|★{3,}|⭐{3,}|\b(?:G2|Capterra|Trustpilot|Product Hunt|Gartner|Forrester)\b|"
    r"\b(?:award[- ]winning|winner of|as (?:seen|featured) (?:in|on)|featured (?:in|on)|rated #?1)\b",
    re.IGNORECASE,
)
_BENCHMARK_RE = lazy_re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:x|times)\s+(?:faster|smaller|cheaper|lighter|less|more|fewer)\b|"
    r"\b(?:faster|smaller|cheaper|lighter) than\b[^.!?]{0,40}\d|\b\d+(?:\.\d+)?\s?(?:ms|s|MB|GB|KB)\b[^.!?]{0,20}\bvs\.?\s|"
    # a result the writer reports measuring ("Measured on 2026-09-16 from a datacenter VPS: HTTP 403 on every page")
    r"\b(?:measured|benchmarked)\b[^.!?]{0,80}\d",
    re.IGNORECASE,
)
# The words every match of a pattern holds as a whole word (text/wordsets.py): a unit without one is not searched.
_WHO_WORDS = ("customers clients users companies businesses teams organizations organisations developers engineers "
              "subscribers websites sites brands startups agencies stores shops members people creators marketers "
              "founders downloads installs stars installations projects contributors sellers buyers restaurants "
              "schools hospitals students learners patients families parents homeowners guests travellers travelers "
              "readers listeners").split()  # fmt: skip
_TRIGGERS = {
    "customers": frozenset(_WHO_WORDS + "trusted used loved chosen relied adopted backed join helped worked coached".split()),
    "named": frozenset("trusted used loved chosen relied adopted customers clients companies teams".split()),
    "result": frozenset("cut cuts reduced reduces lowered saved saves increased increases grew grows doubled tripled "
                        "boosted improved raised lifted dropped halved slashed went".split()),  # fmt: skip
    "benchmark": frozenset("faster smaller cheaper lighter less more fewer vs measured benchmarked".split()),
}
_RATING_WORDS = frozenset("g2 capterra trustpilot hunt gartner forrester award winner seen featured rated".split())
_KINDS = (("customers", _CUSTOMERS_RE), ("named", _NAMED_RE), ("result", _RESULT_RE), ("rating", _RATING_RE),
          ("benchmark", _BENCHMARK_RE))  # fmt: skip
# An attribution line under or over a customer's words: a role ("Founder and CEO at Ghost"), "— Ana Ruiz, CTO", or
# "Ana Ruiz, Head of Growth".
_DIGIT_RE = lazy_re.compile(r"\d")  # the same digits as the patterns' \d
_IN_HALF_RE = lazy_re.compile(r"\bin half\b", re.IGNORECASE)  # the one result without a digit, as _RESULT_RE reads it
_ROLE_RE = lazy_re.compile(
    r"\b(?:CEO|CTO|COO|CFO|CMO|CPO|CIO|CISO|VP|SVP|EVP|[Ff]ounder|[Cc]o-?[Ff]ounder|[Oo]wner|[Dd]irector|[Hh]ead of|"
    r"[Mm]anager|[Ee]ngineer|[Dd]eveloper|[Dd]esigner|[Cc]onsultant|[Pp]resident|[Aa]rchitect|[Mm]arketer|[Pp]rofessor)\b"
    r"|^\s*(?:—|–|-|~)\s*[A-Z]|^[A-Z][\w'’.-]+ [A-Z][\w'’.-]+(?:,| [-–—]) [A-Z]"  # "Jasmine Fleming - Freelance Writer"
)
# a caption at the end of the words it credits, after their last sentence: "— Leveled up films", "– kate7984"
_TRAILING_CAPTION_RE = lazy_re.compile(r"[.!?)\"”]\s+[—–]\s*[\w@][\w@.'’-]*(?: [\w@.'’-]+){0,3}\s*$")
# words in quotation marks closed and credited to a person right after them: "“…” — Sarah P., Bournemouth"
_CREDITED_QUOTE_RE = lazy_re.compile(r"[“\"][^”\"]{30,}[”\"]\s*[—–]\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*\.?){0,3}\s*(?:,|$)", re.M)
_FIRST_PERSON_RE = lazy_re.compile(r"\bI\b|\b(?i:my|me|we|our|us)\b")
# words in quotes, with a caption after them or none: "— Ana Ruiz, CTO", or a press source as written under a
# review ("A trove of movie goodness" Time Out)
_QUOTED_RE = lazy_re.compile(r"^\s*[\"“„«].{20,}[\"”»]\s*(?:[—–-].*|[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,3})?$", re.S)


# A named customer introduced to give their own account, without quotation marks: "Zan Gligorov, CEO of OrgPal
# Telemetry, explains the reasoning behind their choice." (a case study's voice of the customer)
_ACCOUNT_RE = lazy_re.compile(
    r"\b[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,2}, (?:the |our )?(?:CEO|CTO|COO|CFO|CMO|CIO|VP|[Ff]ounder|[Cc]o-?[Ff]ounder|"
    r"[Oo]wner|[Dd]irector|[Hh]ead|[Mm]anager|[Pp]resident|[Pp]artner|[Ll]ead)\b[^,.\n]{0,60}? (?:of|at) [A-Z][^,\n]{1,60}, "
    r"(?:explains|says|said|shares|describes|tells|told|recalls|notes|writes|puts it)\b"
)

_ACCOUNT_VERBS = (", explains", ", says", ", said", ", shares", ", describes", ", tells", ", told", ", recalls",
                  ", notes", ", writes", ", puts it")  # what every match holds: most paragraphs hold none


@dataclass(frozen=True)
class Proof:
    kind: str  # testimonial | customers | named | result | rating | benchmark
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text[:160]}


def _attribution(text: str) -> bool:
    """A short line naming who said it: a caption, not a sentence of its own."""
    words = text.split()
    return 0 < len(words) <= 12 and not text.rstrip().endswith((".", "!", "?", ":")) and bool(_ROLE_RE.search(text))


# A callout's label at the start of a block quote: "Pairs with:", "Note:", "Good to know:" (a name such as "Ana Ruiz:"
# has a capital on every word and stays a speaker).
_CALLOUT_RE = lazy_re.compile(r"[A-Z][a-z]+(?: [a-z]+){0,2}:\s")


def testimonial_units(doc) -> set[int]:
    """Units that hold a customer's words (the writer must not edit them, and they count as proof)."""
    units = doc.units
    texts = [doc.unit_text(u).strip() for u in units]
    out: set[int] = set()
    for i, unit in enumerate(units):
        if unit.kind in ("cta", "link") and _QUOTED_RE.match(texts[i]) and len(texts[i].split()) >= 6:
            out.add(i)  # a review's words linking to where it was published: "A trove of movie goodness" Time Out
            continue
        if unit.kind not in ("quote", "paragraph", "list_item"):
            continue
        text = texts[i]
        words = len(text.split())
        if words < 6:
            continue
        if text.startswith(("—", "–", "-", "~")) and _attribution(text):
            continue  # "— Ana Ruiz, CFO at Northwind": the caption of the words above it, not words of its own
        if unit.kind == "quote" and _CALLOUT_RE.match(text):
            continue  # "> **Pairs with:** …", "> Note: …": a block quote used as a callout box holds the writer's words
        if unit.kind == "quote" or _QUOTED_RE.match(text):
            out.add(i)
            continue
        if not _FIRST_PERSON_RE.search(text):
            continue
        if _TRAILING_CAPTION_RE.search(text) or _CREDITED_QUOTE_RE.search(text):
            # "… best app I've tried. — kate7984": the caption kept on the words' own last line; "“… the same
            # day.” — Mark R., Christchurch" inside a run of reviews the page keeps in one block
            out.add(i)
            continue
        # the caption sits beside the words it credits: one or two blocks before it, or the next one, never across
        # a heading (a new section's paragraph is not the quote above it)
        before = []
        for j in (i - 1, i - 2):
            if j < 0 or units[j].kind not in ("paragraph", "quote"):
                break
            before.append(texts[j])
        after = [texts[i + 1]] if i + 1 < len(units) and units[i + 1].kind in ("paragraph", "quote") else []
        if any(_attribution(t) for t in before + after):
            out.add(i)
    return out


def _may_match(kind: str, has_word: bool, digit: bool, chunk: str) -> bool:
    """Whether the kind's pattern can match a unit: each of its matches holds one of its trigger words as a whole
    word (``has_word``: the unit holds one), every benchmark and result a digit too ("in half" aside), a rating a
    digit, a star or a word. tests/test_wordsets.py proves the lists against the patterns."""
    if kind == "rating":
        return digit or has_word or "★" in chunk or "⭐" in chunk
    if kind == "result" and not digit and not _IN_HALF_RE.search(chunk):
        return False
    if kind == "benchmark" and not digit:
        return False
    return has_word


def _candidates(doc) -> dict[str, set[int]]:
    """Kind -> the units that hold one of its words ("any": one of any kind's)."""
    sets = word_sets(doc)
    out = {kind: set(sets.units_with(words)) for kind, words in _TRIGGERS.items()}
    out["rating"] = set(sets.units_with(_RATING_WORDS))
    out["any"] = set().union(*out.values())
    return out


def find_proof(doc) -> list[Proof]:
    """Every piece of proof in the copy, in order (one per unit and kind)."""
    text = doc.text
    found: list[Proof] = []
    quotes = testimonial_units(doc)
    for i in sorted(quotes):
        u = doc.units[i]
        if is_filler(text[u.start : u.end]):
            continue  # a testimonial in lorem ipsum proves nothing (CLR003 reports it)
        found.append(Proof("testimonial", u.start, u.end, text[u.start : u.end]))
    units = doc.units
    candidates = _candidates(doc)
    for i, u in enumerate(units):
        if u.kind not in ("heading", "paragraph", "list_item", "quote", "table_cell"):
            continue
        chunk = text[u.start : u.end]
        seen: set[str] = set()
        digit = _DIGIT_RE.search(chunk) is not None
        kinds = _KINDS if digit or i in candidates["any"] or "★" in chunk or "⭐" in chunk else ()
        for kind, pattern in kinds:
            if not _may_match(kind, i in candidates[kind], digit, chunk):
                continue  # most units hold none of the words (or the digit) a match needs
            m = pattern.search(chunk)
            if m is None or kind in seen or (kind == "customers" and not _many(m.group("n") or m.group("helped"))):
                continue
            if not (kind == "result" and i not in quotes and not _past_or_named(chunk)):
                seen.add(kind)
                found.append(Proof(kind, u.start + m.start(), u.start + m.end(), m.group(0)))
        if (u.kind == "paragraph" and i not in quotes and any(v in chunk for v in _ACCOUNT_VERBS)
                and (m := _ACCOUNT_RE.search(chunk))):
            found.append(Proof("testimonial", u.start + m.start(), u.start + m.end(), m.group(0)))
        # a stat block: "20k" beside "Paying subscribers"
        if _STAT_VALUE_RE.match(chunk.strip()) and _many(chunk.strip()):
            for j in (i - 1, i + 1):
                if 0 <= j < len(units) and _STAT_LABEL_RE.match(text[units[j].start : units[j].end].strip()):
                    found.append(Proof("customers", u.start, u.end, chunk.strip()))
                    break
        # a stat block kept as one line, its number a field the site fills: "{{ site.studentsPlaced }} Students placed"
        field = _FIELD_STAT_RE.match(chunk.strip()) if "{{" in chunk else None
        if field and _FIELD_LABEL_RE.match(field.group(1)):
            found.append(Proof("customers", u.start, u.end, chunk.strip()))
    found.extend(_proof_sections(doc))
    found.extend(_unread_proof(doc))
    found.sort(key=lambda p: p.start)
    return found


# A section that shows proof by what it is: "Featured work", "Our clients", "Case studies" list whom the seller
# worked for; "Testimonials", "What clients are saying", "Reviews" hold customers' words.
_WORK_HEADING_RE = lazy_re.compile(
    r"^\W*(?:(?:featured|selected|recent|our|client|past) (?:work|projects|clients|customers)|portfolio|"
    r"case studies|(?:our |happy |some of our )?clients|trusted by|"
    # "Who we've worked with", "Other nonprofits I've worked with", "Brands we partnered with"
    r"(?:[\w'’ ]+ )?(?:who )?(?:I|we)(?:'ve|’ve| have)? (?:worked|partnered|collaborated) with)\W*$",
    re.IGNORECASE,
)
_VOICE_HEADING_RE = lazy_re.compile(
    r"^\W*(?:testimonials?|(?:client|customer) reviews|reviews|what (?:our )?(?:clients|customers|people|users|"
    r"members) (?:are )?say(?:ing)?(?: about (?:us|me))?|(?:client|customer|success) stories|kind words)\W*$",
    re.IGNORECASE,
)
# A section that reports results ("Results", "Outcomes (from pilots)", "Impact", "By the numbers"): its items are
# results someone got when they carry a number and are told in the past ("5.3 hours a week reclaimed for a pod")
_RESULTS_HEADING_RE = lazy_re.compile(
    r"^\W*(?:(?:client|customer|real|our|pilot) )?(?:results?|outcomes?|impact|by the numbers)\b", re.IGNORECASE
)
# Template markup left in a Markdown page (Hugo shortcodes, Jinja tags, HTML tags): it shows nothing to read here
_MARKUP_RE = lazy_re.compile(r"\{\{[<%].*?[>%]\}\}|\{%.*?%\}|\{\{.*?\}\}|<[^>]*>")
_ITEM_KINDS = ("heading", "list_item", "table_cell", "paragraph", "quote")
# A label standing alone over a row of customer logos (images: nothing for the loader to read): "Trusted by"
_LOGO_LABEL_RE = lazy_re.compile(r"^\W*(?:trusted|used|loved|chosen) by\W*$|^\W*(?:as (?:seen|featured) (?:in|on)|"
                            r"our (?:customers|clients)|featured in)\W*$", re.IGNORECASE)
# An HTML element the page marks as its reviews or testimonials and leaves to a script to fill
_REVIEW_ELEMENT_RE = lazy_re.compile(r"<(?:section|div|ul|aside)\b[^>]*\b(?:class|id)\s*=\s*[\"'][^\"']*\b(?:reviews?|"
                                r"testimonials?)\b[^\"']*[\"'][^>]*>\s*</", re.IGNORECASE)


# A data-driven page (Hugo, Jekyll, Gatsby, a page builder) keeps its customers' logos, quotes and counters in data
# fields for the layout to render. A list under a key that says what it holds ("logos:", "testimonials_quotes:")
# of two or more is proof; so is one entry that is a customer's words with who said them (a quote and its author
# with a role, or in a block marked a quote or a review), and a counter whose number and label read as a customer
# count ("counter: 200", "counter_suffix: +", "content: clients satisfied with our services").
_FM_PROOF_KEYS = {"logos": "named", "clients": "named", "customers": "named", "testimonials": "testimonial",
                  "testimonial": "testimonial", "reviews": "testimonial", "quotes": "testimonial",
                  # a list of case studies or a portfolio: work done for named clients ("case_studies: cases: [...]")
                  "case": "named", "cases": "named", "portfolio": "named", "showcase": "named"}  # fmt: skip
_SAID_FIELDS = frozenset({"quote", "testimonial", "review", "content", "text", "body", "message", "comment"})
_PERSON_FIELDS = frozenset({"name", "author", "client", "person", "by", "reviewer", "customer", "cite"})
_QUOTE_FIELDS = frozenset({"quote", "testimonial", "review"})
_ROLE_FIELDS = frozenset({"designation", "role", "position", "job", "company", "organization", "organisation"})
_PROOF_MARKS = frozenset({"testimonial", "testimonials", "review", "reviews", "quote", "quotes", "blockquote"})
_KEY_WORD_RE = lazy_re.compile(r"[^a-z]+")
_PATH_RE = lazy_re.compile(r"/|\.(?:svg|png|jpe?g|webp|gif)$", re.IGNORECASE)


def _key_words(key) -> list[str]:
    return [w for w in _KEY_WORD_RE.split(str(key).lower()) if w]


def _mapping_proof(data: dict) -> str | None:
    """The proof one data entry is: a customer's words with who said them, or a customer count, if either."""
    scalars = [(_key_words(k), str(v)) for k, v in data.items() if isinstance(v, (str, int, float)) and not isinstance(v, bool)]
    person = next((v for words, v in scalars if words and words[-1] in _PERSON_FIELDS), None)
    if person and stand_ins.is_stand_in_person(person):
        return None  # "name: John Doe": a template's sample quote, not a customer
    said = next((v for words, v in scalars if words and words[0] in _SAID_FIELDS and len(v.split()) >= 8), None)
    if person and said:
        marks = {w for k in data for w in _key_words(k)} | {w for _, v in scalars if len(v) < 40 for w in _key_words(v)}
        if marks & _PROOF_MARKS or _ROLE_RE.search(person) or any(w and w[-1] in _ROLE_FIELDS for w, _ in scalars):
            return "testimonial"
    # a quote and its author kept under one prefix among other fields ("results_quote", "results_quote_author")
    for words, value in scalars:
        if words and words[-1] in _QUOTE_FIELDS and len(value.split()) >= 8 and any(
            len(other) > len(words) and other[: len(words)] == words and other[-1] in _PERSON_FIELDS and v.strip()
            for other, v in scalars
        ):
            return "testimonial"
    parts: list[str] = []
    for _, value in scalars:
        if _PATH_RE.search(value):
            continue  # an icon or a link beside the counter
        if parts and len(value) <= 2 and not value.isalnum():
            parts[-1] += value  # a counter's suffix ("+", "%") glued to its number, as the page shows it
        else:
            parts.append(value)
    count = _CUSTOMERS_RE.search(" ".join(parts)) if len(parts) <= 4 else None
    return "customers" if count and _many(count.group("n") or count.group("helped")) else None


def _stand_in_people(items: list) -> bool:
    """Every entry of a list that names a person names nobody ("John Doe", "Jane Doe"): a template's samples."""
    people = [str(v) for item in items if isinstance(item, dict) for k, v in item.items()
              if isinstance(k, str) and _key_words(k)[-1:] and _key_words(k)[-1] in _PERSON_FIELDS]  # fmt: skip
    return bool(people) and all(stand_ins.is_stand_in_person(p) for p in people)


def _section_title(data: dict) -> bool:
    """A mapping that titles a section of the page ("title: What Our Community Says")."""
    return any(isinstance(v, str) and v.strip() and _key_words(k)[-1:] in (["title"], ["heading"]) for k, v in data.items())


def _front_matter_proof(data, depth: int = 0) -> str | None:
    """The kind of proof a page's data fields hold, if any (see _FM_PROOF_KEYS)."""
    if depth > 6:
        return None
    if isinstance(data, dict):
        found = _mapping_proof(data)
        if found:
            return found
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        words = _key_words(key) if isinstance(key, str) else []
        # "use_cases": what the product is for, not work done for clients
        kind = next((_FM_PROOF_KEYS[w] for w in words if w in _FM_PROOF_KEYS), None) if "use" not in words else None
        if kind and isinstance(value, list) and len(value) >= 2 and not _stand_in_people(value):
            return kind
        if (kind == "testimonial" and isinstance(value, dict) and _section_title(value)
                and not any(isinstance(v, list) and _stand_in_people(v) for v in value.values())):
            return kind  # "testimonials: {title: What Our Community Says}": the section's quotes come from the site's data
        if isinstance(value, (dict, list)):
            found = _front_matter_proof(value, depth + 1)
            if found:
                return found
    return None


def _unread_proof(doc) -> list[Proof]:
    """Proof the page shows in a form with no words to read: a "Trusted by" label over a row of logos, a reviews
    element a script fills, or customers' logos or quotes kept in the front matter for the layout. Counted so that a
    missing-proof finding is not raised on it."""
    out = []
    front = doc.meta.get("front_matter")
    kind = _front_matter_proof(front) if isinstance(front, dict) else None
    if kind:
        out.append(Proof(kind, 0, 0, "customers' logos or quotes in the front matter"))
    for unit in doc.units:
        if unit.kind in ("paragraph", "heading") and _LOGO_LABEL_RE.match(doc.unit_text(unit).strip()):
            out.append(Proof("named", unit.start, unit.end, doc.unit_text(unit).strip()))
            break
    lowered = doc.source.lower() if doc.format == "html" else ""
    if "review" in lowered or "testimonial" in lowered:
        m = _REVIEW_ELEMENT_RE.search(doc.source)
        if m:
            out.append(Proof("testimonial", 0, 0, "reviews filled in by the page's script"))
    return out


def _label_line(text: str) -> bool:
    """A paragraph that is only a label ending in a colon ("Results:", "Challenge:"), a few words long."""
    text = text.strip()
    return text.endswith(":") and len(text.split()) <= 6


def _proof_sections(doc) -> list[Proof]:
    """Proof a section shows by its heading and shape: a results section (or a "Results:" label over a list, as a
    case study's fields set one) with two or more results with a number, told in the past or as a change ("85%
    reduction"); a work or client section naming at least two clients (its items: sub-headings, list items, cells);
    or a testimonials section whose words the page embeds from elsewhere (a review widget, or a template's fields
    filled from the site's data: nothing in the file to read, so nothing to call missing). A testimonials section
    with words here is judged by its words (find_proof), never credited for its heading: lorem ipsum under
    "Testimonials" proves nothing."""
    units, text = doc.units, doc.text
    out: list[Proof] = []
    for i, unit in enumerate(units):
        label = unit.kind == "paragraph" and _label_line(text[unit.start : unit.end])
        if unit.kind != "heading" and not label:
            continue
        heading = text[unit.start : unit.end].strip().rstrip(":").strip()
        if label:  # "**Results:**" over a list, as a case study's fields set it: a results section without a heading
            work = voice = None
            results = _RESULTS_HEADING_RE.match(heading)
        else:
            work, voice = _WORK_HEADING_RE.match(heading), _VOICE_HEADING_RE.match(heading)
            results = _RESULTS_HEADING_RE.match(heading)
        if not work and not voice and not results:
            continue
        items: list[str] = []
        filled = False  # an item that is only a template's fields: the quotes come from the site's data
        for later in units[i + 1 :]:
            if later.kind == "heading" and (label or later.level <= unit.level):
                break
            if label and later.kind == "paragraph" and _label_line(text[later.start : later.end]):
                break  # the next field ("**Testimonial:**") ends the results
            if later.kind in _ITEM_KINDS:
                raw = text[later.start : later.end]
                words = _MARKUP_RE.sub(" ", raw).strip()
                if any(ch.isalpha() for ch in words):
                    items.append(words)
                elif "{{" in raw:
                    filled = True
        if results and sum(1 for t in items if _DIGIT_RE.search(t) and (_PAST_RE.search(t) or _CHANGE_RE.search(t))) >= 2:
            out.append(Proof("result", unit.start, unit.end, heading))
        elif work and len(items) >= 2 and all(len(t.split()) <= 8 for t in items[:2]):
            out.append(Proof("named", unit.start, unit.end, heading))
        elif voice and (filled or not items):
            out.append(Proof("testimonial", unit.start, unit.end, heading))
    return out


def _many(number: str | None) -> bool:
    """A count that says "many people use it" (100 or more, or "thousands"), not a plan limit ("3 sites")."""
    if number is None:
        return True  # "trusted by …", "join …" without a count in the group
    low = number.lower().replace(",", "").rstrip("+ ")
    if low in ("hundreds", "thousands", "millions", "dozens"):
        return low != "dozens"
    if low.startswith("{{"):
        return True  # a field with "+" after it: "over N+" is said of a crowd, never of a plan's limit
    m = re.match(r"(\d+(?:\.\d+)?)\s?(k|m|b|million|thousand|billion)?", low)
    if not m:
        return False
    value = float(m.group(1)) * SCALES.get(m.group(2) or "", 1)
    return value >= 100


_PAST_RE = lazy_re.compile(r"\b(?:\w+ed|cut|grew|went|saw|got|made|took|brought|built|won|sold|spent|rose|fell)\b")
# a change named as a noun, as a results list reports it ("85% reduction in deployment failures", "3x increase")
_CHANGE_RE = lazy_re.compile(r"\b(?:reduction|increase|decrease|improvement|growth|drop|gain|savings?|uplift|rise|fall)s?\b",
                        re.IGNORECASE)


def _past_or_named(chunk: str) -> bool:
    """A result someone got (told in the past, or by a named customer), not a promise ("cut costs by 40%")."""
    return bool(_PAST_RE.search(chunk)) or bool(re.search(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+[A-Z]?\w*\b", chunk[1:]))
