"""Jargon: software terms (JRG001) and acronyms (JRG002) a reader meets unexplained, sentences that stack them
(JRG003), and jargon where the buyer decides: headline, subject line, opening, button (JRG004).

Everything is relative to the reader (``ctx.profile``; the engine may have inferred it from the copy): a business
or consumer reader does not know software terms; a technical reader knows them and meets only acronyms that no
software documentation uses. One pass (``find_terms``, memoised per document) finds every term, decides whether
it is explained, and groups repeated uses: the first use is the finding, later uses are in its data.

How a word becomes a term (docs/jargon.md has the measurements):
1. Evidence from outside the copy: ``data/tech_vocab.tsv`` says how often software documentation (Python, Django,
   PostgreSQL, Node.js, Go, npm manuals; scripts/build_tech_vocab.py) uses a word or a 2-3 word phrase; wordfreq
   says how often general English does. Their difference, the *contrast*, marks software terms: "latency" (+0.9),
   "endpoint" (+1.4), "middleware" (+2.7), "event loop"; "channel" (+0.3) or "page" are general English, and a
   word neither source uses ("pageviews", "HIPAA") is nobody's software term.
   - a word with contrast >= ``jargon.contrast`` that general English uses rarely (Zipf < ``jargon.familiar_zipf``)
     is a term on its own ("latency", "middleware", "goroutines");
   - a familiar word with a software sense (contrast >= ``jargon.context_contrast``: "string", "thread", "tags",
     "host") is a term only in a sentence that is already technical, one that holds another term on its own,
     code or a file path: "the driver reports the XML schema", not "our driver picks you up";
   - a phrase of the table whose contrast is at least ``jargon.phrase_contrast`` is one term ("command line",
     "environment variable"), and so is a run of adjacent terms ("deployment pipeline").
2. The hand lexicon (``data/tech_terms.txt``) adds what a frequency contrast cannot see: third-party technical
   products ("Kubernetes", "Kafka": names are rare everywhere), plain alternatives for the replacement, terms only
   a consumer does not know ("dashboard"), and words that look rare but every buyer knows ("webinar").
3. Shapes: identifiers in prose (``snake_case``, ``camelCase``, ``Metric.name``, ``uint64``) are terms; acronyms
   an engineer knows ("API", "SDK": the acronym list or the table) are terms on their own, unknown ones only in
   a technical sentence (an industry's acronym in its own copy, "HIPAA", "EBITDA", is not software jargon).
4. Never a term: inline code and backticks, URLs, e-mail addresses, @handles, file paths, version numbers,
   template placeholders (``plainpitch.text.shapes``), names of people, companies and products (capitalised
   words, the page's own product, a name the page repeats), quoted customer speech (blockquotes, testimonials in
   quotation marks), and a coinage or unknown acronym the page also uses in plain prose, in a sentence with
   no software term (the vocabulary of the buyer's own field: "signups" on an analytics page, "HIPAA" in a
   compliance plan).
5. Explained: an expansion before or after ("change data capture (CDC)", "CDC (change data capture)"), "term
   (plain words)", "plain words (term)", an apposition ("Kubernetes, the system that runs your apps,") or a
   glossary line anywhere on the page ("Term: what it is", "Term — what it is"). The explanation must be plain.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from plainpitch.analysis.regions import title_line
from plainpitch.model import Document, Metric, Span, Suggestion
from plainpitch.rules.base import Hit, RuleContext, details_provider, metric_provider, rule
from plainpitch.text import lazy_re, lexicon, shapes, substitute
from plainpitch.text.phrase_gate import PairGate
from plainpitch.text.wordsets import word_counts

# -- shapes ------------------------------------------------------------------------------------------------
_CODE_SPAN_RE = lazy_re.compile(r"`([^`\n]+)`")
_SYMBOL_TERMS_RE = lazy_re.compile(r"(?<![\w.+#])(?:C\+\+|C#|F#|\.NET)(?![\w+#])")
_FLAG_RE = lazy_re.compile(r"(?<![\w-])--[A-Za-z][\w-]*")
_CAMEL_RE = lazy_re.compile(r"^[a-z]{2,}[A-Z][a-z]\w*$")  # batteryLevel (not iPhone, eBay, macOS)
_LETTERS_DIGITS_RE = lazy_re.compile(r"^[A-Za-z]{2,}\d+[A-Za-z]*$")  # uint64, sess1, ipv4, Icinga2
_VERSION_RE = lazy_re.compile(r"^[vV]?\d+(?:\.\d+)+[a-z]?$|^[vV]\d+$")
_ACRONYM_RE = lazy_re.compile(r"^(?:[A-Z][A-Z0-9&]*[A-Z0-9]|[A-Z]\d+[A-Z0-9]*)(?:s|es)?$")
_ROMAN = frozenset("II III IV VI VII VIII IX XI XII XIII XIV XV XX".split())
_NOT_CODE_DOTTED = frozenset({"e.g", "i.e", "u.s", "u.k", "a.m", "p.m", "vs", "etc"})
_TLDS = frozenset("com org net io dev app ai co us uk de fr eu gov edu info biz me tv sh so".split())
# quoted speech: a quotation of four words or more inside a paragraph ("…" or "…")
_QUOTED_RE = lazy_re.compile(r"[“\"]([^”\"\n]{12,}?)[”\"]")
_TERM_SHAPE_RE = lazy_re.compile(r"^(?:[A-Za-z]+-as-a-service|\d{1,3}-bits?)$", re.IGNORECASE)

# -- explanations --------------------------------------------------------------------------------------------
_APPOSITIVE_OPENERS = ("a ", "an ", "the ", "which ", "or ", "i.e.", "i.e ", "meaning ", "that is", "aka ", "also known as ")
_GLUE = lazy_re.compile(r"^[ \t]*-?[ \t]*$")  # what may sit between two parts of one multi-word term
_GLOSSARY_MARK_RE = lazy_re.compile(r"[:—–-]")  # every match of _GLOSSARY_RE holds one (its separator)
_GLOSSARY_RE = lazy_re.compile(r"^\s*(?:[*_]{1,2})?([^:—–\n]{1,60}?)(?:[*_]{1,2})?\s*(?::|—|–|\s-\s)\s*\S+(?:\s+\S+){2,}")

STRONG, CONTEXT = "strong", "context"
# a word general English uses this often (Zipf 5: "data", "code", "using", "example") is everyday vocabulary to
# any reader, whatever its software sense
EVERYDAY_ZIPF = 5.0
# Software terms name things. A documentation word in a verb, adjective or adverb form ("configuring", "enables",
# "readable", "internally") is the register of manuals, not a term the reader must learn; the hand lexicon lists
# the few that are terms ("caching", "debugging", "containerized").
_NOT_A_NAME_RE = lazy_re.compile(r"(?:ed|ing|able|ible|ly|ive|ful|ous)$|^(?:en|re|un)[a-z]+s$")
# reasons a term is detected; the calls stream leaves the written-only ones out of transcripts
REASONS = ("code", "lexicon", "product", "contrast", "phrase", "rare", "name", "acronym", "context", "neighbour",
           "model")  # model: a term the configured model found in context (check --llm)


@dataclass
class TermHit:
    start: int
    end: int
    text: str
    key: str  # what "the same term" means: lower-case, singular
    kind: str  # "jargon" (JRG001) or "acronym" (JRG002)
    reason: str  # one of REASONS
    plain: tuple[str, ...] = ()
    sentence: int = -1
    data: dict = field(default_factory=dict)
    strength: str = STRONG  # strong: a term on its own; context: only in a technical sentence
    explained: bool = False
    uses: list[tuple[int, int]] = field(default_factory=list)  # later uses (document offsets)
    exact_plain: bool = False  # the hit is exactly the lexicon entry the plain words replace
    listed: str = ""  # the lexicon entry as listed (the form its plain words are written for)


@dataclass
class TermReport:
    jargon: list[TermHit]  # unexplained first uses, JRG001
    acronyms: list[TermHit]  # unexplained first uses, JRG002
    explained: list[TermHit] = field(default_factory=list)  # terms the page explains (not reported)
    code: list[tuple[int, int, str, str]] = field(default_factory=list)  # code spans and paths (start, end, text, what)


@dataclass(frozen=True, eq=False)
class Thresholds:
    """The profile's jargon numbers. Instances are interned (one per set of values), so the per-word caches key on
    them by identity: hashing seven floats for every word would cost more than the lookup it saves."""

    level: int
    contrast: float
    context_contrast: float
    familiar_zipf: float
    phrase_contrast: float
    zipf_max: float
    name_zipf_max: float

    @classmethod
    def of(cls, ctx) -> Thresholds:
        t = ctx.threshold
        values = (
            int(t("jargon.level")), float(t("jargon.contrast")), float(t("jargon.context_contrast")),
            float(t("jargon.familiar_zipf")), float(t("jargon.phrase_contrast")), float(t("jargon.zipf_max")),
            float(t("jargon.name_zipf_max")),
        )  # fmt: skip
        found = _INTERNED.get(values)
        if found is None:
            found = _INTERNED.setdefault(values, cls(*values))  # setdefault: one instance even when threads race
        return found


_INTERNED: dict[tuple, Thresholds] = {}


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    k = " ".join(lexicon.normalise(text).replace("-", " ").split())
    if len(k) > 4 and k.endswith("ies"):
        return k[:-3] + "y"
    if len(k) > 3 and k.endswith("s") and not k.endswith(("ss", "us", "is")):
        return k[:-1]
    return k


# -- word knowledge ----------------------------------------------------------------------------------------------
def _known_acronym(token: str):
    """The acronyms table entry for a token or its plural ("SDKs", "IDEs")."""
    table = lexicon.acronyms()
    found = table.get(token)
    if found is None and len(token) > 2 and token.endswith("s"):
        found = table.get(token[:-1]) or (table.get(token[:-2]) if token.endswith("es") else None)
    return found


@lru_cache(maxsize=16384)
def _is_acronym(token: str) -> bool:
    if len(token) < 2 or token in _ROMAN:
        return False
    if _known_acronym(token) is not None:
        return True
    if not _ACRONYM_RE.match(token):
        return False
    caps = sum(c.isupper() for c in token)
    if not 2 <= caps <= 6 and not (caps == 1 and any(c.isdigit() for c in token)):
        return False
    # shouting, not an acronym: "NOTE", "FREE", "SOOOO"
    if token.isalpha() and len(token) >= 4 and (not lexicon.rarer_than(token, 3.5) or re.search(r"(.)\1\1", token)):
        return False
    return True


@lru_cache(maxsize=16384)
def _code_shape(token: str) -> bool:
    """True for identifiers that only a programmer reads (paths and file names are literals, never judged)."""
    if "_" in token.strip("_") or _CAMEL_RE.match(token):
        return True
    if ":" in token and re.search(r"[A-Za-z]:[A-Za-z]", token):  # host:port, std::vec
        return True
    if "." in token:
        parts = token.split(".")
        low = token.lower()
        if low in _NOT_CODE_DOTTED or all(len(p) <= 1 for p in parts) or _VERSION_RE.match(token):
            return False
        if all(p.isdigit() for p in parts) or parts[-1].lower() in _TLDS:
            return False
        return True
    if _LETTERS_DIGITS_RE.match(token) and not _VERSION_RE.match(token):
        return not token.isupper()  # all-capital ones (S3, MP4) are acronyms
    return False


@lru_cache(maxsize=65536)
def _contrast(word: str) -> tuple[float, float, float]:
    """(contrast, general Zipf, share capitalised in the documentation) of a word; contrast 0 when the technical
    table does not list it. The general Zipf is read only down to 1.5 (rarer counts as 1.5)."""
    found = lexicon.tech_vocab().words.get(word.lower())
    if found is None:
        return 0.0, -1.0, 0.0
    tz, caps, _upper = found
    gz = lexicon.general_zipf_at_least(word, 2.0) or 1.5
    return round(tz - gz, 2), gz, caps


def _acronym_verdict(token: str, th: Thresholds) -> tuple[str, tuple[str, ...]] | None:
    """(strength, meaning) of an acronym for this reader, or None when the reader knows it."""
    acr = _known_acronym(token)
    plain = (acr.meaning,) if acr and acr.meaning else ()
    if acr is not None and acr.level == 0:
        return None  # PDF, CEO, ROI
    base = token[:-1] if token.endswith("s") and len(token) > 2 and token[:-1].isupper() else token
    contrast, gz, _ = _contrast(base)
    upper = lexicon.tech_vocab().words.get(base.lower(), (0, 0, 0))[2]
    software = acr is not None or (upper >= 0.5 and contrast >= th.context_contrast)
    if th.level == 0:
        # an engineer knows the software ones; an acronym no documentation uses is new to anybody
        return None if software or gz >= 2.5 else (CONTEXT, plain)
    if software:
        return STRONG, plain
    if gz >= 3.5:
        return None  # general English knows it (NASA, VAT)
    return CONTEXT, plain


@lru_cache(maxsize=65536)
def _word_verdict(word: str, initial: bool, titled: bool, th: Thresholds):
    """(reason, strength, plain) when one word is a term for this reader, else None."""
    if not word or not word[0].isalpha():
        return None
    index = lexicon.terms()
    exact = index.exact.get(word)
    if exact is not None and exact.level <= th.level:
        return "product", STRONG, exact.plain
    low = lexicon.normalise(word)
    if low in index.plain:
        return None
    term = index.words.get(low)
    capitalised = word[0].isupper()
    if term is not None and term.name:
        return ("product", STRONG, term.plain) if term.level <= th.level else None
    if any(c.isupper() for c in word[1:]):
        return None  # PayPal, GitHub: brand casing
    contrast, gz, caps = _contrast(low)
    if capitalised and not (initial or titled):
        # a name (person, company, brand) unless the documentation writes it as a product name ("Django"), or
        # writes it in lower case, as a common noun ("count, Allocator requests"): then it is the term, when the
        # sentence is technical
        if th.level >= 1 and contrast >= th.contrast and gz < th.familiar_zipf:
            if caps >= 0.6:
                return "product", STRONG, ()
            if caps < 0.3 and word.isalpha():
                return "contrast", CONTEXT, ()
        return None
    if th.level == 0:
        # an engineer knows the software vocabulary; a coinage no documentation uses is new to anybody
        if contrast == 0.0 and gz < 0 and not capitalised and low.isalpha() and len(low) >= 3:
            if lexicon.rarer_than(low, th.zipf_max) and not lexicon.is_english_word(low):
                return "rare", STRONG, ()
        return None
    if term is not None:
        return ("lexicon", STRONG, term.plain) if term.level <= th.level else None
    context = index.context.get(low)
    if context is not None:
        return "context", CONTEXT, context.plain  # a general-English word whose software sense is listed
    if _NOT_A_NAME_RE.search(low):
        return None  # a verb, adjective or adverb form ("configured", "enables", "readable"): register, not a term
    if contrast >= th.contrast and gz < th.familiar_zipf:
        return "contrast", STRONG, ()
    if contrast >= th.context_contrast and gz < EVERYDAY_ZIPF and low.isalpha():
        return "neighbour", CONTEXT, ()  # a term only as part of a longer one: "lock operations", "header bytes"
    if contrast == 0.0 and gz < 0 and not capitalised and low.isalpha() and len(low) >= 3:
        if lexicon.rarer_than(low, th.zipf_max) and not lexicon.is_english_word(low):
            return "rare", CONTEXT, ()  # a coinage the documentation does not use: technical only in context
    return None


# -- the one pass ----------------------------------------------------------------------------------------------
def _skipped_unit(unit) -> bool:
    """Units whose words are not the seller's own: quotes (testimonials, blockquotes). The buyer's turns on a call
    never reach the copy rules (they read the seller's part); JRG101 reads both sides and sorts the terms itself."""
    return unit.kind == "quote"


def _title_case(words) -> bool:
    alpha = [w.text for w in words if w.text[:1].isalpha()]
    if len(alpha) < 2:
        return False
    caps = sum(1 for w in alpha if w[:1].isupper())
    small = sum(1 for w in alpha if w in ("a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with", "by", "at"))
    return caps >= 0.7 * (len(alpha) - small)


_LEADING_NAME_RE = lazy_re.compile(r"^\W*((?:[A-Z][\w.+#-]*\s*)+)")


def _own_brands(doc, words: Counter, openers: Counter | None = None) -> set[str]:
    """Names of the page's own product: the capitalised words that open its title or first heading ("StreamForge"
    in "StreamForge: a K8s-native pipeline built on Kafka", "Redis" in "Redis for teams"; not Kafka, which the
    headline only mentions), plus the name the page uses most (5+ times) inside its sentences. ``words``: how often
    the document uses each word (``_word_counts``); ``openers``: ``_opener_counts``, when the caller has them."""
    own: set[str] = set()
    lines = [doc.meta.get("title")] if hasattr(doc.meta, "get") else []
    lines += [doc.unit_text(u) for u in doc.units if u.kind == "heading"][:1]
    for line in lines:
        if isinstance(line, str):
            m = _LEADING_NAME_RE.match(line)
            if m:
                own.update(w.lower().rstrip(":") for w in m.group(1).split())
    # the capitalised words not counting a sentence's first word (the whole count less the sentence openers)
    openers = _opener_counts(doc) if openers is None else openers
    names: Counter = Counter()
    for w, count in words.items():
        if w[:1].isupper() and w.isalpha() and count > openers[w]:
            names[w.lower()] += count - openers[w]
    if names:
        top = max(names.values())
        leaders = [name for name, count in names.items() if count == top]
        if top >= 5:
            own.add(leaders[0] if len(leaders) == 1 else _first_used(doc, leaders))
    return own


def _opener_counts(doc) -> Counter:
    """How often each word opens a sentence (the sentence's first word, starting where the sentence starts)."""
    words_of = doc.words
    starts = words_of.starts() if hasattr(words_of, "starts") else [t.start for t in words_of]
    opening = bytearray(len(starts))  # 1 at the first word of each sentence (when it starts the sentence)
    for sentence in doc.sentences:
        if sentence.word_end > sentence.word_start and starts[sentence.word_start] <= sentence.start:
            opening[sentence.word_start] = 1
    if hasattr(words_of, "ends"):  # only the opening words' texts are made (one word in ten or so)
        compress, text = itertools.compress, doc.text
        return Counter(map(text.__getitem__, map(slice, compress(starts, opening), compress(words_of.ends(), opening))))
    return Counter(itertools.compress(_word_texts(doc), opening))


def _first_used(doc, names: list[str]) -> str:
    """Of names used equally often, the one the text uses first inside a sentence (as ``Counter.most_common``
    would have ranked them counting word by word)."""
    wanted = set(names)
    for w, start, sentence_start in _words_past_sentence_start(doc):
        if start > sentence_start and w[:1].isupper() and w.isalpha() and w.lower() in wanted:
            return w.lower()
    return names[0]


def _word_texts(doc):
    """The text of every word of the document, without making a Token for each (``Tokens.texts``)."""
    words = doc.words
    return words.texts() if hasattr(words, "texts") else (t.text for t in words)


def _word_counts(doc) -> Counter:
    """How often the document uses each word, as written (``text.wordsets.word_counts``: counted once per Document,
    shared with the language check). Read-only."""
    return word_counts(doc)


def _capitalised_counts(words: Counter) -> Counter:
    """How often the document uses each capitalised word (letters only), lower-cased."""
    names: Counter = Counter()
    for w, count in words.items():
        if w[:1].isupper() and w.isalpha():
            names[w.lower()] += count
    return names


def _words_past_sentence_start(doc):
    """(text, start, sentence start) of every word, again without a Token per word."""
    words = doc.words
    sentence_starts = [s.start for s in doc.sentences]
    if not hasattr(words, "texts"):  # a scoped view holds plain Tokens
        return ((t.text, t.start, sentence_starts[t.sentence]) for t in words)
    return zip(words.texts(), words.starts(), map(sentence_starts.__getitem__, words.sentence_indices()), strict=True)


TOPIC_USES = 3  # a term of the title used this often is what the page is about


def _topic(doc) -> str:
    """The page's title or first heading, lower-cased: what the page is about ("Feature flags", "Session
    replay"). A term of it that the page keeps using is the subject the buyer came for, not jargon in their way."""
    return title_line(doc).lower()


def _protected(doc) -> tuple[bytearray, list[tuple[int, int, str, str]], set[int]]:
    """(mask of offsets never judged, code spans and file paths as (start, end, text), sentences made technical by
    code or a path). Masked: inline code, URLs, e-mail addresses, handles, paths, versions, placeholders, quoted speech."""
    text = doc.text
    mask = bytearray(len(text) + 1)
    code: list[tuple[int, int, str, str]] = []
    technical_at: list[int] = []
    for unit in doc.units:
        s0 = unit.start
        attrs = unit.attrs if hasattr(unit.attrs, "get") else {}
        for span in attrs.get("code") or ():
            s, e = s0 + span["start"], s0 + span["end"]
            src_start, src_end = doc.source_span(Span(s, e))
            inner = doc.source[src_start:src_end].strip("`").strip() or text[s:e]
            mask[s:e] = b"\x01" * (e - s)
            code.append((s, e, inner, "code span"))
            technical_at.append(s)
    # units are joined by blank lines, which no shape crosses: one pass over the whole text
    for m in _CODE_SPAN_RE.finditer(text):
        s, e = m.start(), m.end()
        mask[s:e] = b"\x01" * (e - s)
        if any(c.isalnum() for c in m.group(1)):
            code.append((s + 1, e - 1, m.group(1).strip(), "code span"))
            technical_at.append(s)
    for s, e, kind in shapes.literal_spans(text):
        mask[s:e] = b"\x01" * (e - s)
        if kind == "path":
            technical_at.append(s)
            code.append((s, e, text[s:e], "path"))  # a path is copied like code: listed in the details, never reported
    for m in _QUOTED_RE.finditer(text):
        if len(m.group(1).split()) >= 4:
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    starts = [s.start for s in doc.sentences]
    technical = {max(0, bisect.bisect_right(starts, at) - 1) for at in technical_at}
    code.sort()
    return mask, code, technical


@lru_cache(maxsize=16384)
def _hyphen_parts(token: str) -> tuple[tuple[int, str], ...]:
    if "-" not in token:
        return ((0, token),)
    return tuple((m.start(), m.group(0)) for m in re.finditer(r"[^-]+", token))


@lru_cache(maxsize=16384)
def _parts(token: str) -> tuple[tuple[int, str], ...]:
    """(offset, text) of the parts of a compound token ("API-first", "CI/CD"); the token itself otherwise."""
    if not re.search(r"\w[-/]\w", token):
        return ((0, token),)
    return tuple((m.start(), m.group(0)) for m in re.finditer(r"[^-/]+", token))


def _opens_phrase(token: str) -> bool:
    """A part of the word opens a phrase of the hand lexicon or of the technical table (else no phrase starts at
    the word: both tables are keyed by their first word)."""
    lexicon_phrases, tech_phrases = lexicon.terms().phrases, lexicon.tech_vocab().phrases
    for _, part in _hyphen_parts(token):
        low = lexicon.normalise(part)
        if low in lexicon_phrases or low in tech_phrases:
            return True
    return False


def _phrase_hits(doc, sentence, words, th: Thresholds, add, is_covered, opens: dict[str, bool]) -> None:
    """Multi-word terms: the hand lexicon's ("garbage collection", "Visual Studio") and the technical table's
    phrases with enough contrast ("command line", "environment variable"). ``opens``: this document's answers of
    ``_opens_phrase``; a sentence none of whose words opens a phrase is not split into parts at all."""
    if th.level < 1:
        return  # an engineer's reader: no phrase is a term to them
    for tok in words:
        found = opens.get(tok.text)
        if found is None:
            found = opens[tok.text] = _opens_phrase(tok.text)
        if found:
            break
    else:
        return
    spans: list[tuple[int, int]] = []
    raw: list[str] = []
    for tok in words:
        for offset, part in _hyphen_parts(tok.text):
            spans.append((tok.start + offset, tok.start + offset + len(part)))
            raw.append(part)
    lowered = list(map(lexicon.normalise, raw))
    text = doc.text
    if th.level >= 1:
        for first, last, term in lexicon.match_phrases(lowered, raw):
            start, end = spans[first][0], spans[last - 1][1]
            if term.level <= th.level and not is_covered(start, end):
                h = TermHit(start, end, text[start:end], _key(term.text), "jargon", "lexicon", term.plain)
                h.exact_plain, h.listed = True, term.text
                add(h)
        for first, last, tz in lexicon.match_tech_phrases(lowered):
            start, end = spans[first][0], spans[last - 1][1]
            if is_covered(start, end) or any(c.isupper() for c in text[start:end]) and first > 0:
                continue
            contrast = tz - lexicon.phrase_general_zipf(tuple(lowered[first:last]))
            if contrast >= th.phrase_contrast:
                add(TermHit(start, end, text[start:end], _key(" ".join(lowered[first:last])), "jargon", "phrase"))


def _atomic_hits(doc, th: Thresholds, mask: bytearray, technical: set[int],
                 counts: Counter | None = None, openers: Counter | None = None) -> list[TermHit]:  # fmt: skip
    """Every candidate occurrence, before context, merging, explanations and first use. ``counts``, ``openers``:
    how often the document uses each word and opens a sentence with it (``_word_counts``, ``_opener_counts``), when
    the caller has them."""
    counts = _word_counts(doc) if counts is None else counts
    openers = _opener_counts(doc) if openers is None else openers
    text = doc.text
    hits: list[TermHit] = []
    covered = bytearray(mask)  # 1 where a hit (or a literal) already owns the character
    # this document's answers of _inert (a cache that ends with it), by the word alone: a word whose first letter
    # is not a capital gets the same answer at the start of a sentence or inside one, titled or not (a capitalised
    # word is never inert)
    inert: dict[str, bool] = {}
    opens: dict[str, bool] = {}  # and of _opens_phrase
    # flags and C++/C#/F#/.NET: their patterns run on the sentences only when the text holds one at all
    flags = th.level >= 1 and "--" in text
    symbols = th.level >= 1 and any(s in text for s in ("C++", "C#", "F#", ".NET"))

    def is_covered(s: int, e: int) -> bool:
        return covered.find(1, s, e) != -1  # as ``1 in covered[s:e]``, without copying the slice

    def add(h: TermHit) -> None:
        hits.append(h)
        covered[h.start : h.end] = b"\x01" * (h.end - h.start)

    sentences = doc.sentences
    starts = [s.start for s in sentences]
    # None, None: any word may make a hit, a phrase may start in any sentence
    live_at, phrase_live = _live_flags(doc, counts, openers, th, mask)
    for index in _live_sentences(doc, counts, openers, starts, th, flags, symbols, phrase_live, live_at):
        sentence = sentences[index]
        unit = doc.units[sentence.unit]
        if _skipped_unit(unit):
            continue
        all_words = doc.sentence_words(sentence)
        kept = None  # the positions in all_words of the words not taken yet, when some are
        if all_words and is_covered(all_words[0].start, all_words[-1].end):
            kept = [k for k, w in enumerate(all_words) if not is_covered(w.start, w.end)]
            words = [all_words[k] for k in kept]
        else:
            words = all_words  # none of the sentence's words is taken yet (most sentences)
        if flags:
            for m in _FLAG_RE.finditer(text, sentence.start, sentence.end):
                if not is_covered(m.start(), m.end()):
                    add(TermHit(m.start(), m.end(), m.group(0), m.group(0).lower(), "jargon", "code"))
        if symbols:
            for m in _SYMBOL_TERMS_RE.finditer(text, sentence.start, sentence.end):
                if not is_covered(m.start(), m.end()):
                    add(TermHit(m.start(), m.end(), m.group(0), m.group(0).lower(), "jargon", "product"))
        if phrase_live is None or index in phrase_live:
            _phrase_hits(doc, sentence, words, th, add, is_covered, opens)
        titled = None  # whether the sentence is set in title case: asked only for a word that needs it
        first_word = all_words[0].start if all_words else -1
        # only the words that may make a hit: a dead word makes none wherever it stands (_live_words)
        positions: Iterable[int]
        if live_at is None:
            positions = range(len(words))
        elif kept is None:
            positions = _set_offsets(live_at, sentence.word_start, sentence.word_end)
        else:
            positions = [wi for wi, k in enumerate(kept) if live_at[sentence.word_start + k]]
        for wi in positions:
            tok = words[wi]
            token = tok.text
            if not token[:1].isupper():
                plain = inert.get(token)
                if plain is None:
                    plain = inert[token] = _inert(token, False, False, th)
                if plain:
                    continue  # a plain word: no check below can make a hit of it (most words; one look-up a word)
            if is_covered(tok.start, tok.end):
                continue
            if th.level >= 1 and _TERM_SHAPE_RE.match(token):
                add(TermHit(tok.start, tok.end, token, _key(token), "jargon", "lexicon"))
                continue
            if th.level >= 1 and _code_shape(token):
                add(TermHit(tok.start, tok.end, token, token.lower(), "jargon", "code"))
                continue
            parts = _parts(token)
            if len(parts) > 1 and all(_is_acronym(p) for _, p in parts):
                verdicts = [_acronym_verdict(p, th) for _, p in parts]
                whole = _known_acronym(token)
                if whole is not None and whole.level == 0 or all(v is None for v in verdicts) and whole is None:
                    continue  # "B2B/B2C": known to this reader
                if whole is not None and th.level == 0:
                    continue
                strength = STRONG if whole is not None or any(v and v[0] == STRONG for v in verdicts) else CONTEXT
                plain = (whole.meaning,) if whole is not None and whole.meaning else ()
                add(TermHit(tok.start, tok.end, token, token, "acronym", "acronym", plain, strength=strength))
                continue  # "CI/CD", "IDS/IPS": one acronym
            compound: TermHit | None = None
            for offset, part in parts:
                p_start = tok.start + offset
                p_end = p_start + len(part)
                if _is_acronym(part):
                    verdict = _acronym_verdict(part, th)
                    if verdict is not None:
                        add(TermHit(p_start, p_end, part, part, "acronym", "acronym", verdict[1], strength=verdict[0]))
                    continue
                initial = tok.start == first_word and offset == 0
                if part[:1].isupper() and not initial:  # the one case whose verdict depends on title case
                    if titled is None:
                        titled = unit.kind in ("heading", "cta", "subject") or _title_case(all_words)
                    found = _word_verdict(part, initial, titled, th)
                else:
                    found = _word_verdict(part, initial, False, th)
                if found is not None and (compound is None or compound.strength == CONTEXT and found[1] == STRONG):
                    reason, strength, plain = found
                    compound = TermHit(tok.start, tok.end, token, _key(token), "jargon", reason, plain, strength=strength)
                    compound.exact_plain = len(parts) == 1 and bool(plain)
                    compound.listed = _lexicon_key(token) or (lexicon.terms().context.get(lexicon.normalise(token)) or compound).text
            if compound is not None:
                if len(parts) == 1:
                    compound.key = _key(_lexicon_key(token) or token)
                add(compound)
            elif th.level >= 1 and th.name_zipf_max > 0 and wi > 0:
                guess = _unknown_name(words, wi, th.name_zipf_max)
                if guess:
                    add(TermHit(tok.start, tok.end, token, _key(token), "jargon", "name", strength=CONTEXT))
    for h in hits:
        h.sentence = max(0, bisect.bisect_right(starts, h.start) - 1)
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def _live_flags(doc, counts: Counter, openers: Counter, th: Thresholds,
                mask: bytearray) -> tuple[bytearray, set[int] | None]:  # fmt: skip
    """1 for each word of the document that may make a hit (``_live_words``), 0 for the others; and the sentences
    where a phrase may start (text.phrase_gate, from word pairs), for a document's own words (not a scoped view's
    tuple) and a reader who meets phrases, when a word that only opens a phrase is 0; else None, such a word is 1,
    and any sentence may hold a phrase. ``mask``: the characters the pass never reads (``_protected``)."""
    words = doc.words
    gate = PairGate(counts.keys()) if th.level >= 1 and hasattr(words, "sentence_indices") else None
    # the distinct words; a word that only ever opens its sentence can never be taken for an unknown name there
    live = _live_words(counts.keys(), th, lambda word: counts[word] > openers[word], phrases=gate is None)
    if gate is None:
        return bytearray(map(live.__getitem__, _word_texts(doc))), None  # one byte a word
    # one walk over the words for both: bit 0 live, bits 1-2 the gate's code
    codes = gate.codes
    both = {token: flag | codes[token] << 1 for token, flag in live.items()}
    at = bytearray(map(both.__getitem__, _word_texts(doc)))
    phrase_live = gate.sentences(doc.text, words.starts(), words.ends(), words.sentence_indices(),
                                 at.translate(_GATE_CODE), mask)  # fmt: skip
    return at.translate(_LIVE_BIT), phrase_live


_LIVE_BIT = bytes(c & 1 for c in range(256))
_GATE_CODE = bytes(c >> 1 for c in range(256))


def _set_offsets(flags: bytearray, start: int, end: int) -> list[int]:
    """Offsets from ``start`` of the 1s in flags[start:end] (found in C)."""
    out = []
    at = flags.find(1, start, end)
    while at != -1:
        out.append(at - start)
        at = flags.find(1, at + 1, end)
    return out


def _live_sentences(doc, counts: Counter, openers: Counter, starts: list[int], th: Thresholds, flags: bool,
                    symbols: bool, phrase_live: set[int] | None = None,
                    live_at: bytearray | None = None) -> list[int]:  # fmt: skip
    """Indices, in order, of the sentences ``_atomic_hits`` must look at: those holding a word that may make a hit
    (``live_at``, from ``_live_flags``), those where a phrase may start, and those holding a flag's "--" or a
    symbol term when the pass looks for them. Any other sentence makes no hit (most of them). ``phrase_live``: the
    sentences where a phrase may start (``_live_flags``); without it, every sentence holding a word that opens a
    phrase."""
    words = doc.words
    if live_at is None:  # a word that opens a phrase is live unless phrase_live holds its sentences
        live = _live_words(counts.keys(), th, lambda word: counts[word] > openers[word], phrases=phrase_live is None)
        live_at = bytearray(map(live.__getitem__, _word_texts(doc)))
    if hasattr(words, "sentence_indices"):
        chosen = set(itertools.compress(words.sentence_indices(), live_at))
    else:  # a scoped view's words (a tuple of Tokens): by each sentence's word range
        chosen = {i for i, s in enumerate(doc.sentences) if live_at.find(1, s.word_start, s.word_end) != -1}
    if phrase_live is not None:
        chosen |= phrase_live
    text = doc.text
    # ".NET" needs no look: its word "NET" has an acronym's shape, and an acronym is always live
    for needle, wanted in (("--", flags), ("C++", symbols), ("C#", symbols), ("F#", symbols)):
        at = text.find(needle) if wanted else -1
        while at != -1:
            chosen.add(max(0, bisect.bisect_right(starts, at) - 1))  # at most one sentence too many: harmless
            at = text.find(needle, at + 1)
    return sorted(chosen)


def _live_words(words: Iterable[str], th: Thresholds, inside: Callable[[str], bool] | None = None,
                phrases: bool = True) -> dict[str, int]:
    """1 for each word that ``_atomic_hits`` may make a hit of, or (``phrases``) that may open a phrase
    (``_phrase_hits``); 0 for a word that can do neither wherever it stands. ``inside(word)``: whether the word
    stands somewhere other than first in its sentence (everywhere may, without it)."""
    live = _live_word if phrases else _live_own
    if inside is None:
        return {token: live(token, th, True) for token in words}
    return {token: live(token, th, inside(token)) for token in words}


@lru_cache(maxsize=8192)  # words repeat across a folder's pages; bounded (~1 MB), the answers are the reader's
def _live_word(token: str, th: Thresholds, inside: bool) -> int:
    if th.level >= 1 and _opens_phrase(token):  # an engineer's reader meets no phrase (_phrase_hits)
        return 1
    return _live_own(token, th, inside)


@lru_cache(maxsize=8192)
def _live_own(token: str, th: Thresholds, inside: bool) -> int:
    """``_live_word`` but for the phrases it may open."""
    if token[:1].isupper():
        return 0 if _capital_inert(token, th, inside) else 1
    return 0 if _inert(token, False, False, th) else 1


def _capital_inert(token: str, th: Thresholds, inside: bool = True) -> bool:
    """True when no per-token check of ``_atomic_hits`` can make a hit of a capitalised ``token``, whether it opens
    its sentence or not, in a sentence set in title case or not, whatever its neighbours (``_unknown_name`` looks
    at them only to refuse). Conservative: False sends the word's sentence through every check."""
    if th.level >= 1 and (_TERM_SHAPE_RE.match(token) or _code_shape(token)):
        return False
    if len(_parts(token)) > 1 or _is_acronym(token):
        return False
    if any(_word_verdict(token, initial, titled, th) is not None for initial, titled in _POSITIONS):
        return False
    # _unknown_name asks only about a word with another before it in its sentence (``inside``); not asking spares
    # loading the English word list for a page whose capitals all open sentences
    if inside and th.level >= 1 and th.name_zipf_max > 0 and _name_shaped(token, th.name_zipf_max):
        return False
    return True


# (initial, titled) as _atomic_hits asks them; _word_verdict reads only ``initial or titled``, so (False, True) is
# (True, False)
_POSITIONS = ((True, False), (False, False))


def _name_shaped(token: str, name_zipf_max: float) -> bool:
    """``_unknown_name`` without its look at the neighbours (which can only refuse)."""
    if not (token[:1].isupper() and token.isalpha() and not token.isupper() and len(token) >= 3):
        return False
    if any(c.isupper() for c in token[1:]):
        return False
    low = token.lower()
    return not lexicon.is_english_word(low) and lexicon.rarer_than(low, name_zipf_max)


def _inert(token: str, initial: bool, titled: bool, th: Thresholds) -> bool:
    """True when none of the per-token checks of ``_atomic_hits`` can make a hit of ``token``, whatever its
    neighbours: no term shape, no code shape, one part, no acronym, no word verdict and not a capitalised word
    that ``_unknown_name`` could take for a product. Conservative: False sends the token through every check."""
    if th.level >= 1 and (_TERM_SHAPE_RE.match(token) or _code_shape(token)):
        return False
    if len(_parts(token)) > 1 or _is_acronym(token):
        return False
    if _word_verdict(token, initial, titled, th) is not None:
        return False
    return not token[:1].isupper()


def _unknown_name(words, wi: int, name_zipf_max: float) -> bool:
    """A capitalised word mid-sentence that is no English word, rare in general English and stands alone
    ("Kapacitor", "Twemproxy"): a third-party product when its sentence is technical. A capitalised neighbour
    makes it part of a longer name, most often a person ("Bala Natarajan")."""
    token = words[wi].text
    if not (token[:1].isupper() and token.isalpha() and not token.isupper() and len(token) >= 3):
        return False
    if any(c.isupper() for c in token[1:]):
        return False
    if any(words[j].text[:1].isupper() and words[j].text.isalpha() for j in (wi - 1, wi + 1) if 0 <= j < len(words)):
        return False
    low = token.lower()
    return not lexicon.is_english_word(low) and lexicon.rarer_than(low, name_zipf_max)


def _lexicon_key(token: str) -> str | None:
    index = lexicon.terms()
    term = index.words.get(lexicon.normalise(token)) or index.exact.get(token)
    return term.text if term else None


def _in_context(doc, hits: list[TermHit], technical: set[int]) -> list[TermHit]:
    """Keep context-only candidates in technical sentences (one with code, a path or a term on its own). A familiar
    word with a software sense ("neighbour": "pipeline", "suite", "handling") is a term only as part of a longer
    one: next to a kept term or to another such word ("deployment pipeline", "test suite", "error handling")."""
    technical = technical | {h.sentence for h in hits if h.strength == STRONG}
    kept = [h for h in hits if h.reason != "neighbour" and (h.strength == STRONG or h.sentence in technical)]
    neighbours = [h for h in hits if h.reason == "neighbour"]

    def adjacent(a: TermHit, b: TermHit) -> bool:
        if a.sentence != b.sentence or a is b:
            return False
        left, right = (a, b) if a.end <= b.start else (b, a)
        return bool(_GLUE.match(doc.text[left.end : right.start]))

    anchors: dict[int, list[TermHit]] = {}  # by sentence: only a hit of the same sentence can be adjacent
    for a in kept + neighbours:
        anchors.setdefault(a.sentence, []).append(a)
    kept += [h for h in neighbours if any(adjacent(h, a) for a in anchors.get(h.sentence, ()))]
    kept.sort(key=lambda h: (h.start, h.end))
    return kept


def _merge(doc, hits: list[TermHit]) -> list[TermHit]:
    """Adjacent terms in one sentence are one multi-word term ("deployment pipeline", "Docker image")."""
    out: list[TermHit] = []
    for h in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == h.kind == "jargon"
            and prev.sentence == h.sentence
            and prev.reason != "code"
            and h.reason != "code"
            and _GLUE.match(doc.text[prev.end : h.start])
        ):
            out[-1] = replace(
                prev,
                end=h.end,
                text=doc.text[prev.start : h.end],
                key=prev.key + " " + h.key,
                plain=(),
                exact_plain=False,
                strength=STRONG if STRONG in (prev.strength, h.strength) else CONTEXT,
                data={"parts": [prev.text, h.text]},
            )
            continue
        out.append(h)
    return out


# -- explanations and definitions -----------------------------------------------------------------------------
def _long_form_matches(short: str, long: str) -> bool:
    """Schwartz & Hearst (2003): the letters of ``short`` appear in order in ``long``, the first at a word start."""
    s = [c.lower() for c in short.rstrip("s") if c.isalnum()]
    lf = long.lower()
    si, li = len(s) - 1, len(lf) - 1
    while si >= 0:
        c = s[si]
        while li >= 0 and (lf[li] != c or (si == 0 and li > 0 and lf[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return False
        si -= 1
        li -= 1
    return True


def _definition_before(text: str, acr: TermHit, unit_start: int) -> int | None:
    """Start of the long form when the acronym is written "long form (ACR)"; else None."""
    if not text.startswith(")", acr.end):
        return None
    pos = acr.start - 1
    while pos >= unit_start and text[pos].isspace():
        pos -= 1
    if pos < unit_start or text[pos] != "(":
        return None  # the usual case, told without copying the unit up to the acronym
    before = text[unit_start : acr.start]
    after = text[acr.end : acr.end + 2]
    if not before.rstrip().endswith("(") or not after.startswith(")"):
        return None
    head = before.rstrip()[:-1].rstrip()
    n = len(acr.text.rstrip("s"))
    words = list(re.finditer(r"[\w'’-]+", head))[-min(n + 5, 2 * n) :]
    for i in range(len(words)):
        candidate = head[words[i].start() :]
        if _long_form_matches(acr.text, candidate) and candidate[:1].lower() == acr.text[:1].lower():
            return unit_start + words[i].start()
    return None


def _definition_after(text: str, acr: TermHit) -> tuple[int, int] | None:
    """(start, end) of the expansion when the acronym is written "ACR (long form)"; else None."""
    m = re.match(r"\s*\(([^()]{3,80})\)", text[acr.end : acr.end + 90])
    if m and _long_form_matches(acr.text, m.group(1)):
        return acr.end + m.start(1), acr.end + m.end(1)
    return None


class _Hits:
    """The hits by start, to ask which lie inside a stretch of text without scanning all of them for each
    explanation (that grew with the square of a long document's terms)."""

    def __init__(self, hits: list[TermHit]) -> None:
        self.by_start = sorted(hits, key=lambda h: h.start)
        self.starts = [h.start for h in self.by_start]

    def any_inside(self, start: int, end: int) -> bool:
        """A hit lies wholly in [start, end]: its start is there too, so only those starts are looked at."""
        by_start = self.by_start
        for i in range(bisect.bisect_left(self.starts, start), len(by_start)):
            h = by_start[i]
            if h.start > end:
                return False
            if h.end <= end:
                return True
        return False


def _plain_region(hits: _Hits, start: int, end: int) -> bool:
    return not hits.any_inside(start, end)


def _explained_here(doc, h: TermHit, hits: _Hits) -> bool:
    """True when the text right around a use of the term explains it in plain words."""
    text = doc.text
    unit_end = doc.units[doc.unit_at(h.start)].end
    # "term (plain words)" / "term (which serves as ...)"
    m = re.match(r"\s*\(([^()]{3,120})\)", text[h.end : min(unit_end, h.end + 130)])
    if m and len(m.group(1).split()) >= 2:
        return _plain_region(hits, h.end + m.start(1), h.end + m.end(1))
    # "term, the system that runs your apps," / "term, or processor,"
    m = re.match(r",\s+([^,.;:()]{3,100})[,.;:]", text[h.end : min(unit_end, h.end + 110)])
    if m and m.group(1).lower().startswith(_APPOSITIVE_OPENERS):
        return _plain_region(hits, h.end + m.start(1), h.end + m.end(1))
    # "plain words (term)" / "a sealed box for your app (a container)"
    before = text[max(0, h.start - 40) : h.start]
    after = text[h.end : h.end + 2]
    pre = re.search(r"\(\s*(?:a|an|the|or|aka|called)?\s*$", before)
    if pre and after.startswith(")"):
        lead_start = max(doc.units[doc.unit_at(h.start)].start, h.start - 60)
        lead = text[lead_start : h.start - len(pre.group(0))]
        words = re.findall(r"[A-Za-z]+", lead)
        return len(words) >= 2 and _plain_region(hits, h.start - len(pre.group(0)) - 40, h.start - len(pre.group(0)))
    return False


def _glossary(doc) -> set[str]:
    """Keys of the terms a page defines on a line of their own: "Term: what it is", "Term — what it is"."""
    keys: set[str] = set()
    text = doc.text
    for unit in doc.units:
        if unit.kind in ("heading", "cta", "link", "subject"):
            continue
        if not _GLOSSARY_MARK_RE.search(text, unit.start, unit.end):
            continue  # no ":", dash or hyphen: the pattern cannot match (most units)
        m = _GLOSSARY_RE.match(doc.unit_text(unit))
        if m and len(m.group(1).split()) <= 5:
            head = m.group(1).strip(" *_`")
            keys.add(_key(head))
            for inner in re.finditer(r"\(([^()]{2,40})\)", head):  # "Single Sign-On (SSO): ..."
                keys.add(_key(inner.group(1)))
                keys.add(_key(head[: inner.start()]))
    return keys


def _allowed(ctx, h: TermHit) -> bool:
    """The project vocabulary lists the term, its base form, or the head word of a multi-word term ("latency"
    allows "low latency")."""
    head = h.text.replace("-", " ").split()[-1] if h.text.strip() else h.text
    return ctx.allowed(h.text) or ctx.allowed(h.key) or ctx.allowed(head) or ctx.allowed(_key(head))


def find_terms(doc, ctx) -> TermReport:
    """Every term this reader meets (memoised on the context): ``jargon`` and ``acronyms`` are the unexplained
    first uses (each with its later uses in ``uses``), ``explained`` the terms the page explains, ``code`` the code
    spans (never reported). Other streams (calls) filter on top of this."""
    return ctx.memo("jargon.terms", lambda: _find_terms(doc, ctx))


def _find_terms(doc, ctx) -> TermReport:
    th = Thresholds.of(ctx)
    mask, code, technical = _protected(doc)
    counts, openers = _word_counts(doc), _opener_counts(doc)
    atomic = [h for h in _atomic_hits(doc, th, mask, technical, counts, openers) if not _allowed(ctx, h)]
    own = _own_brands(doc, counts, openers)
    names = _capitalised_counts(counts)
    # On a call the buyer's own words say what their field is (JRG101 filters on them): a page has to guess it
    plain_use = _used_in_plain_prose(doc, atomic, technical) if doc.medium != "call" else set()
    kept = []
    for h in atomic:
        if h.text[:1].isupper() and h.text.lower() in own and h.reason in ("product", "lexicon", "name", "contrast"):
            continue  # the page's own product
        if "-" in h.text and any(part in own for part in h.text.lower().split("-")):
            continue  # a part of the page's own product ("debezium-ddl-parser" in Debezium's README)
        if h.reason == "name" and names[h.text.lower()] >= 3:
            continue  # the page's subject, named again and again
        if h.strength == CONTEXT and h.reason in ("rare", "acronym") and h.key in plain_use:
            continue  # the vocabulary of the buyer's own field: the page also uses it in plain prose
        kept.append(h)
    if doc.medium == "call":
        # Speech has no code or paths to make a sentence technical; an acronym the seller says is a candidate, and
        # JRG101 keeps it only when the buyer neither uses it nor asked about it
        for h in kept:
            if h.reason == "acronym":
                h.strength = STRONG
    hits = _merge(doc, _in_context(doc, kept, technical))
    topic = _topic(doc)
    if topic:
        uses = Counter(h.key for h in hits)
        hits = [h for h in hits if not (uses[h.key] >= TOPIC_USES and h.text.lower() in topic)]
    if getattr(getattr(ctx, "config", None), "judge", None) is not None and doc.medium != "call":
        hits = _judged_by_model(doc, ctx, hits, mask)
    return _decide(doc, hits, code)


def _judged_by_model(doc, ctx, hits: list[TermHit], mask: bytearray) -> list[TermHit]:
    """check --llm: the configured model keeps the candidates this reader needs explained here and adds the terms
    the detector missed (analysis/model_jargon.py); its answer unusable, the detector's terms stand."""
    # imported only with a model configured: an offline check never loads the HTTP client
    from plainpitch.analysis.model_jargon import Candidate, judge_in_context

    first: dict[str, TermHit] = {}
    for h in hits:
        first.setdefault(h.key, h)
    distinct = list(first.values())
    verdict = judge_in_context(ctx, doc, [Candidate(h.start, h.end, h.text, h.sentence) for h in distinct], ctx.profile)
    if verdict is None:
        return hits
    known = {h.key for h, jargon in zip(distinct, verdict.jargon, strict=True) if not jargon}
    kept = [h for h in hits if h.key not in known]
    starts = [s.start for s in doc.sentences]
    for term in sorted({c.text for c in verdict.missed}, key=len, reverse=True):
        kind = "acronym" if _ACRONYM_RE.match(term) else "jargon"
        for m in re.finditer(r"(?<!\w)" + re.escape(term) + r"(?:s|es)?(?!\w)", doc.text):
            start, end = m.span()
            if any(mask[start:end]):
                continue  # code, a URL, quoted speech: never a term
            touching = [h for h in kept if h.start < end and start < h.end]
            if any(h.start < start or h.end > end for h in touching):
                continue  # a kept term runs past it: the detector's longer term stands
            added = TermHit(start, end, m.group(0), _key(term) if kind == "jargon" else term, kind, "model",
                            sentence=max(0, bisect.bisect_right(starts, start) - 1))  # fmt: skip
            if _allowed(ctx, added):
                continue
            # the model's longer term ("logical replication slots") replaces the parts the detector found in it
            kept = [h for h in kept if h not in touching] + [added]
    kept.sort(key=lambda h: (h.start, h.end))
    return kept


def _used_in_plain_prose(doc, hits: list[TermHit], technical: set[int]) -> set[str]:
    """Keys of coinages and unknown acronyms the page also uses in a sentence with no software term: words of the
    buyer's own field ("signups" on an analytics page, "HIPAA" in a compliance plan), not software jargon."""
    technical = technical | {h.sentence for h in hits if h.strength == STRONG}
    return {h.key for h in hits if h.strength == CONTEXT and h.reason in ("rare", "acronym") and h.sentence not in technical}


def _decide(doc, hits: list[TermHit], code) -> TermReport:
    """Explanations anywhere on the page, then first use: later uses of a term join its first use."""
    text = doc.text
    glossary = _glossary(doc)
    defined: set[str] = set()
    index = _Hits(hits)
    for h in hits:  # an acronym defined anywhere on the page is defined (expansion before or after)
        if h.kind == "acronym":
            unit = doc.units[doc.unit_at(h.start)]
            long_start = _definition_before(text, h, unit.start)
            if long_start is not None:
                defined.add(h.key)
                h.data["long_form_start"] = long_start
            elif _definition_after(text, h) is not None or _explained_here(doc, h, index):
                defined.add(h.key)  # "CDC (change data capture)", or in plain words: "SDK (a developer kit)"
        elif _explained_here(doc, h, index):
            defined.add(h.key)
    first: dict[str, TermHit] = {}
    order: list[TermHit] = []
    for h in sorted(hits, key=lambda h: h.start):
        if h.key in first:
            first[h.key].uses.append((h.start, h.end))
            continue
        first[h.key] = h
        order.append(h)
        h.explained = h.key in defined or h.key in glossary
    jargon: list[TermHit] = []
    acronyms: list[TermHit] = []
    explained: list[TermHit] = []
    for h in order:
        if h.explained:
            explained.append(h)
            # a defined acronym whose long form is itself jargon: one JRG001 finding for "long form (ACR)"
            long_start = h.data.pop("long_form_start", None)
            if long_start is not None:
                for j in jargon:
                    if j.start >= long_start and j.end <= h.start and not j.data.get("with_acronym"):
                        j.end = h.end + 1
                        j.text = text[j.start : j.end]
                        j.data["with_acronym"] = h.text
                        break
            continue
        (acronyms if h.kind == "acronym" else jargon).append(h)
    return TermReport(jargon, acronyms, explained, code)


# -- fixes specific to the term ---------------------------------------------------------------------------------
_AUDIENCE_WORD = {0: "an engineer", 1: "a business buyer", 2: "most buyers"}


def _short(term: str, limit: int = 28) -> str:
    return term if len(term) <= limit else term[: limit - 1] + "…"


def _replacements(doc, h: TermHit) -> tuple[Suggestion, ...]:
    """Plain alternatives that fit the sentence as written (text.substitute), or none."""
    if not h.exact_plain or ("-" in h.listed) != ("-" in h.text):
        return ()  # a compound adjective's plain word ("low-latency": "fast") does not fit the noun ("low latency")
    out = []
    form = _form_against(h.text, h.listed)
    for plain in h.plain[:3]:
        fitted = substitute.fit(doc.text, h.start, h.end, plain, form)
        if fitted is not None and fitted.start == h.start:
            out.append(Suggestion(fitted.text, "plain alternative"))
    return tuple(out)


def _form_against(found: str, listed: str) -> str:
    """The form of ``found`` relative to the lexicon entry its plain words were written for: "base" when it is
    written as listed ("rate limiting" -> "usage caps"), else the inflection it adds ("pipelines" from "pipeline")."""
    f, entry = lexicon.normalise(found).replace("-", " "), lexicon.normalise(listed).replace("-", " ")
    if f == entry:
        return "base"
    return substitute.form_of(found)


def jargon_fix(h: TermHit) -> str:
    term = _short(h.text, 40)
    if h.plain and h.exact_plain:
        return f"Say '{h.plain[0]}' instead of '{term}', or explain it where it first appears: '{term} ({h.plain[0]})'."
    return (
        f"Explain '{term}' in plain words where it first appears ('{term} (what it does for you)'), "
        f"or say what it does for the buyer instead."
    )


def acronym_fix(h: TermHit) -> str:
    if h.plain:
        return f"Say what '{h.text}' means the first time you use it: '{h.text} ({h.plain[0]})', or use plain words instead."
    return f"Spell out what '{h.text}' stands for the first time you use it, or use the plain words instead."


def _uses_data(doc, h: TermHit) -> dict:
    data: dict = {"term": h.key, "reason": h.reason, **h.data}
    if h.uses:
        data["uses"] = doc.source_spans(h.uses)
        data["count"] = 1 + len(h.uses)
    return data


# -- the rules -----------------------------------------------------------------------------------------------
@rule(
    code="JRG001",
    default=False,
    default_note='Off by default: on the judged real texts no per-term jargon finding was right and useful (right ones were trivial); JRG004 reports jargon where the buyer decides. details.jargon lists every term whatever the selection.',
    name="unexplained-jargon",
    category="jargon",
    scope="seller",
    fields=("term",),
    severity="suggestion",
    example_format="text",
    summary="Software terms this reader is unlikely to know, used without a plain explanation (first use only).",
    why=(
        "A buyer who meets a word they do not know stops reading to decode it, or decides the product is not for "
        "them. Plain-language research (plainlanguage.gov; Nielsen Norman Group on reading on the web) finds that "
        "readers skim past what they cannot parse, and the buyer who signs is rarely the engineer who knows the term."
    ),
    message="'{term}' is jargon your buyer may not know",
    fix="Say what the term does for the buyer in plain words, or explain it where it first appears: 'term (plain words)'.",
    bad=[
        "Our platform cuts [[latency]] for every order.",
        "Run it on your own [[Kubernetes]] setup.",
        "We reduced [[garbage collection]] pauses.",
        "Set [[use_sudo]] to true to read the counters.",
        "Route every call through our [[middleware]].",
    ],
    good=[
        "Our platform makes every order faster.",
        "Each container (a sealed box for your app) restarts on its own.",
        "Kubernetes, the system that runs your apps, restarts them on its own.",
        "Invoices go out on time, every time.",
        "Acme Cloud keeps your shop open all night.",
        "Run `npm install acme` and open https://acme.dev/start to begin.",
        "Hi [Client.FirstName], our driver picks you up at the airport.",
    ],
    options={},
    sources=[
        "technical frequency: scripts/build_tech_vocab.py over the Python, Django, PostgreSQL, Node.js, Go and npm "
        "documentation (docs/CREDITS.md); contrast thresholds chosen by grouped cross-validation (docs/jargon.md)",
        "wordfreq (general-English word frequency): https://github.com/rspeer/wordfreq",
        "CMU Pronouncing Dictionary (is it an English word)",
        "plainlanguage.gov: use simple words and phrases",
    ],
)
def unexplained_jargon(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    level = int(ctx.threshold("jargon.level"))
    who = _AUDIENCE_WORD.get(level, "a business buyer")
    for h in find_terms(doc, ctx).jargon:
        term = _short(h.text)
        suggestions = _replacements(doc, h)
        message = f"'{term}' is jargon to {who}"
        if suggestions and len(message) + len(suggestions[0].replacement) + 9 <= 79:
            message += f"; try '{suggestions[0].replacement}'"
        yield Hit(Span(h.start, h.end), {"term": h.text}, suggestions, _uses_data(doc, h), message=message, fix=jargon_fix(h))


@rule(
    code="JRG002",
    default=False,
    default_note='Off by default: on the judged real texts 0 of 4 acronym findings were right and useful; JRG004 reports the ones where the buyer decides.',
    name="unexplained-acronym",
    category="jargon",
    scope="seller",
    fields=(),
    severity="suggestion",
    example_format="text",
    summary="Acronyms used without being spelled out on the page, other than ones this reader knows.",
    why=(
        "An unexplained acronym is a closed door: the buyer cannot look it up mid-sentence and will not ask. "
        "Style guides from plainlanguage.gov to the Microsoft Writing Style Guide say to spell an acronym out "
        "on first use unless every reader knows it (PDF, CEO, ROI)."
    ),
    message="'{match}' is not spelled out on first use",
    fix="Spell the acronym out the first time you use it, or use the plain words instead.",
    bad=[
        "Connect through our [[SDK]] or the dashboard.",
        "Every order goes through our [[API]] in real time.",
        "Query your data over [[TCP]] with [[SQL]].",
    ],
    good=[
        "Stream every change with change data capture (CDC) in real time. CDC needs no new servers.",
        "Export every invoice as a PDF and send it to your CFO.",
        "Track monthly recurring revenue (MRR) by plan, and see MRR grow.",
        "Our HIPAA checklist covers every clinic. HIPAA audits get easier. Pass your next HIPAA review.",
    ],
    sources=[
        "plainlanguage.gov: minimize abbreviations",
        "Microsoft Writing Style Guide: acronyms",
        "Schwartz & Hearst (2003), a simple algorithm for identifying abbreviation definitions",
    ],
)
def unexplained_acronym(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    for h in find_terms(doc, ctx).acronyms:
        meaning = h.plain[0] if h.plain else ""
        suggestions = (Suggestion(f"{h.text} ({meaning})", "spell it out"),) if meaning else ()
        message = f"'{_short(h.text, 20)}' is not spelled out on first use"
        if meaning and len(message) + len(meaning) + 11 <= 79:
            message = f"'{_short(h.text, 20)}' is not spelled out ({meaning})"
        yield Hit(Span(h.start, h.end), {"term": h.text}, suggestions, _uses_data(doc, h), message=message, fix=acronym_fix(h))


@rule(
    code="JRG003",
    default=False,
    default_note='Off by default: on the judged real texts 0 of 17 findings were right and useful (7 trivial, 10 wrong).',
    name="jargon-dense-sentence",
    category="jargon",
    scope="seller",
    fields=("count",),
    severity="warning",
    example_format="text",
    summary="A sentence that stacks several unexplained technical terms or acronyms.",
    why=(
        "A reader can guess one unknown word from its context; two or three in one sentence leave nothing to guess "
        "from, and the buyer stops reading. Plain-language guidance asks for one new idea per sentence "
        "(plainlanguage.gov: write short sentences, use simple words), and a sentence of stacked terms is the "
        "clearest sign that copy was written for the builder, not the buyer."
    ),
    message="{count} unexplained technical terms in one sentence",
    fix="Keep the one term the buyer needs and explain it, or say what the whole sentence does for the buyer.",
    options={"min_terms": "profile:jargon.dense_terms"},
    bad=[
        "[[Our CDC pipeline streams WAL segments into Kafka.]] You see every change at once.",
    ],
    good=[
        "Every change in your database shows up in your reports within seconds.",
        "Our pipeline (the steps that move your data) keeps your reports current.",
    ],
    sources=[
        "plainlanguage.gov: write short sentences; use simple words and phrases",
        "threshold: profile key jargon.dense_terms (docs/profiles.md); 3 keeps professional product pages "
        "in shared/corpus under 0.25 warnings per 100 words",
    ],
)
def jargon_dense_sentence(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    terms = find_terms(doc, ctx)
    per_sentence: dict[int, list[str]] = defaultdict(list)
    for h in (*terms.jargon, *terms.acronyms):
        per_sentence[h.sentence].append(h.text)
    limit = int(ctx.threshold(ctx.option("min_terms", "profile:jargon.dense_terms")))
    for index, found in sorted(per_sentence.items()):
        if index >= 0 and len(found) >= limit:
            sentence = doc.sentences[index]
            listed = ", ".join(f"'{_short(t, 20)}'" for t in found[:4])
            fix = f"Keep the one term the buyer needs ({listed}) and explain it, or say what the sentence does for the buyer."
            yield Hit(Span(sentence.start, sentence.end), {"count": len(found)}, data={"count": len(found), "terms": found}, fix=fix)


# -- JRG004: jargon where the buyer decides ------------------------------------------------------------------------
def decision_places(doc, medium: str, thresholds) -> list[tuple[str, int, int]]:
    """(place, start, end) of the copy a buyer reads before deciding to go on (analysis.regions, shared with the
    report's "fix first" order): a page's headline and hero, the opening sentences, the subject line, buttons."""
    from plainpitch.analysis import regions

    places: list[tuple[str, int, int]] = []
    hero = regions.hero_units(doc) if medium == "page" else []
    for i in hero:
        unit = doc.units[i]
        places.append(("headline" if i == hero[0] else "hero", unit.start, unit.end))
    for i in regions.opening_sentences(doc, medium, thresholds):
        sentence = doc.sentences[i]
        if sentence.unit not in hero:
            places.append(("opening", sentence.start, sentence.end))
    for unit in doc.units:
        if unit.kind in ("subject", "cta"):
            places.append(("subject line" if unit.kind == "subject" else "button", unit.start, unit.end))
    places.sort(key=lambda p: p[1])
    return places


DECISIVE_TERMS_MIN = 2  # one term in a headline a buyer reads past; two stop them (JRG003's logic, where it counts)


@rule(
    code="JRG004",
    default=False,
    default_note="Off by default: judged blind on real texts (the dev, corpus and fresh held-out batches pooled, eval/blind), 0 of 6 jargon-where-the-buyer-decides findings were right and useful (all wrong: the terms were the reader's own words, such as 'cron' and 'HTTP' to developers). Jargon density still counts in the score; details.jargon lists every term.",
    name="jargon-where-buyer-decides",
    category="jargon",
    scope="seller",
    fields=("term", "what"),
    severity="warning",
    example_format="markdown",
    summary="Two or more unexplained terms in the headline, hero, subject line, opening lines or a button.",
    why=(
        "Readers decide in seconds whether a page or an e-mail is for them, from the headline and the first lines "
        "(Nielsen Norman Group: users read the top of a page and skim the rest; most e-mails are judged on the "
        "subject line and preview). A term they do not know there tells them the product is for someone else, "
        "before any explanation further down can help."
    ),
    message="The {what} uses {term}: jargon where the buyer decides",
    fix="Say what the product does for the buyer in the headline, subject and button; keep the terms for the body.",
    bad=[
        "# [[Kubernetes-native middleware for your backend]]\n\nShip faster.",
        "# Faster invoices\n\n[[Our API streams every change over a webhook.]]\n\nTry it today.",
    ],
    good=[
        "# Get paid twice as fast\n\nEvery invoice goes out the moment the work is done.",
        "# Faster invoices\n\nEvery invoice goes out the day the work is done, and you see at a glance who has paid "
        "and who has not. Reminders go out on their own, politely, until the money is in your account. Your "
        "accountant gets a clean export each month, and you get your evenings back.\n\n## How it works\n\n"
        "Our API streams every change.",
    ],
    impact=2,
    sources=[
        "Nielsen Norman Group, 'F-shaped pattern of reading on the web' and 'How users read on the web'",
        "the terms are find_terms' unexplained terms for this reader (docs/jargon.md)",
    ],
)
def jargon_where_buyer_decides(doc: Document, ctx: RuleContext) -> Iterable[Hit]:
    if int(ctx.threshold("jargon.level")) < 1:
        return  # an engineer reads past a term in a headline; what stops a business buyer does not stop them
    terms = find_terms(doc, ctx)
    found = [*terms.jargon, *terms.acronyms]
    every_use = sorted(((h, s, e) for h in found for s, e in [(h.start, h.end), *h.uses]), key=lambda u: u[1])
    for place, start, end in decision_places(doc, ctx.medium, ctx.thresholds):
        here = {h.text: h for h, s, e in every_use if start <= s and e <= end}
        inside = list(here)
        # a merged term ("Kafka-backed middleware") counts each of its parts
        if sum(len(h.data.get("parts") or (h.text,)) for h in here.values()) < DECISIVE_TERMS_MIN:
            continue
        listed = ", ".join(f"'{_short(t, 24)}'" for t in inside[:3])
        plural = "s" if len(inside) > 1 else ""
        fix = (
            f"Replace {listed} in the {place} with what {'they do' if plural else 'it does'} for the buyer; "
            f"explain the term{plural} further down, where the buyer is already reading."
        )
        yield Hit(
            Span(start, end),
            {"what": place, "term": listed},
            data={"place": place, "terms": inside},
            message=f"The {place} uses {listed}: jargon where the buyer decides"[:120],
            fix=fix,
        )


# -- every detected term, for the JSON report (independent of the selected rules) ------------------------------
@metric_provider()
def jargon_metrics(doc, ctx):
    report = find_terms(doc, ctx)
    yield Metric("copy.jargon_terms", len(report.jargon) + len(report.acronyms), "unexplained terms for this reader",
                 note=f"distinct terms a {ctx.profile} reader is unlikely to know, left unexplained")


@details_provider()
def jargon_details(doc, ctx):
    report = find_terms(doc, ctx)

    def entry(h: TermHit, reported: bool) -> dict:
        spans = doc.source_spans([(h.start, h.end), *h.uses])
        line = doc.line_col(spans[0][0])[0]
        return {
            "text": h.text, "term": h.key, "kind": h.kind, "reason": h.reason, "explained": h.explained,
            "reported": reported, "line": line, "spans": spans, "plain": list(h.plain[:1]),
        }  # fmt: skip

    items = [entry(h, True) for h in (*report.jargon, *report.acronyms)]
    items += [entry(h, False) for h in report.explained]
    for s, e, inner, what in report.code:  # code is copied, never rewritten: detected for measurement, never reported
        span = list(doc.source_span(Span(s, e)))
        items.append({
            "text": inner, "term": inner.lower(), "kind": "code", "reason": what, "explained": False,
            "reported": False, "line": doc.line_col(span[0])[0], "spans": [span], "plain": [],
        })  # fmt: skip
    items.sort(key=lambda item: item["spans"][0][0])
    return "jargon", {"profile": ctx.profile, "terms": items}


def terms_in(doc, ctx) -> Iterable[TermHit]:
    """Every unexplained first use, in text order (JRG001 and JRG002 together)."""
    report = find_terms(doc, ctx)
    return sorted((*report.jargon, *report.acronyms), key=lambda h: h.start)
