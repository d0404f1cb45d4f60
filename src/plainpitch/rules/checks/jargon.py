"""Jargon: technical terms (JRG001) and acronyms (JRG002) a buyer meets without an explanation, and sentences
that stack them (JRG003).

Severity: one unexplained term is a suggestion (a buyer can often read past a single word from context); a
sentence that stacks several new terms is a warning (JRG003), because that is where the buyer gives up. This
keeps professional pages, which use a term here and there, quiet, while geek copy still fails the check.

One pass (``find_terms``, memoised per document) finds every candidate and decides who owns it, so a term is
never reported twice: all-capital acronyms ("CDC", "APIs", "CI/CD") belong to JRG002, everything else to
JRG001. An acronym inside a longer technical term ("REST API", "SQL Server") is part of that term (JRG001).

How a word becomes a JRG001 candidate, in order:
1. code: text in backticks, a --flag, a path (/etc/hosts), a file or dotted name (telegraf.conf, Metric.name),
   snake_case, camelCase, letters+digits (uint64, ipv4);
2. the technical lexicon (data/tech_terms.txt): everyday words in a technical sense ("container",
   "pipeline", "instance"), multi-word terms ("garbage collection"), third-party products ("Kubernetes");
3. rarity: a lower-case word that general English rarely uses (Zipf below the profile's jargon.zipf_max) and
   that is not an English dictionary word at all (CMUdict, with inflections), i.e. a coinage ("goroutines").
   Rare *English* words ("obviated") are hard, not jargon: the readability rules deal with them;
4. technical context: only in a sentence that already holds a candidate from 1-3 (code, a lexicon term, an
   acronym, a coinage), (a) an everyday word whose technical sense the lexicon lists under [technical-context]
   ("tags", "driver", "packages"), (b) a lower-case lexicon word written with a capital on its own ("count,
   Allocator requests"), and (c) a capitalised word that is no English word, rarer than jargon.name_zipf_max
   and stands alone ("Kapacitor", "Twemproxy"): a third-party technical product, not a person ("Bala
   Natarajan": a neighbouring capital) or a brand ("MercadoLibre": inner capitals).
Otherwise capitalised words mid-sentence are names (people, companies, brands) unless the lexicon lists them;
the page's own product (named in its title or first heading, or its most used name) is never jargon, nor is a
guessed name (4c) the page uses three times or more (its product or its customer).

Measured (scripts/eval_copy.py, business profile, docs/jargon.md): on 617 labelled sentences precision 0.961,
recall 0.788; grouped by page, 5-fold cross-validated: P 0.961, R 0.780, against P 0.691, R 0.518 for the
baseline "every word with Zipf < 3 is jargon".

A term is reported once per document, at its first use: a buyer who has had it explained (or has skipped past
it) does not need the same finding on every line, and one finding per term keeps the report short. A term
explained where it first appears is not reported: "a container (a sealed box for your app)", "Kubernetes, the
system that runs your apps," or "a sealed box for your app (a container)". The explanation must itself be plain.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from plainpitch.model import Span, Suggestion
from plainpitch.rules.base import Hit, rule
from plainpitch.text import lexicon

# -- shapes ------------------------------------------------------------------------------------------------
_CODE_SPAN_RE = re.compile(r"`([^`\n]+)`")
_SYMBOL_TERMS_RE = re.compile(r"(?<![\w.+#])(?:C\+\+|C#|F#|\.NET)(?![\w+#])")
_FLAG_RE = re.compile(r"(?<![\w-])--[A-Za-z][\w-]*")
_CAMEL_RE = re.compile(r"^[a-z]{2,}[A-Z][a-z]\w*$")  # batteryLevel (not iPhone, eBay, macOS)
_LETTERS_DIGITS_RE = re.compile(r"^[A-Za-z]{2,}\d+[A-Za-z]*$")  # uint64, sess1, ipv4, Icinga2
_VERSION_RE = re.compile(r"^[vV]?\d+(?:\.\d+)+[a-z]?$|^[vV]\d+$")
_ACRONYM_RE = re.compile(r"^(?:[A-Z][A-Z0-9&]*[A-Z0-9]|[A-Z]\d+[A-Z0-9]*)(?:s|es)?$")
_ROMAN = frozenset("II III IV VI VII VIII IX XI XII XIII XIV XV XX".split())
_TLDS = frozenset("com org net io dev app ai co us uk de fr eu gov edu info biz me tv sh so".split())
_NOT_CODE_DOTTED = frozenset({"e.g", "i.e", "u.s", "u.k", "a.m", "p.m", "vs", "etc"})
_FILE_EXT = frozenset("conf cfg ini json yaml yml toml xml csv log py js ts go rs rb exe sh dll so md txt html wasm lock".split())

# -- explanations --------------------------------------------------------------------------------------------
_APPOSITIVE_OPENERS = ("a ", "an ", "the ", "which ", "or ", "i.e.", "i.e ", "meaning ", "that is", "aka ", "also known as ")
_GLUE = re.compile(r"^[ \t]*-?[ \t]*$")  # what may sit between two parts of one multi-word term


@dataclass
class TermHit:
    start: int
    end: int
    text: str
    key: str  # what "the same term" means for first-use: lower-case, singular
    kind: str  # "jargon" (JRG001) or "acronym" (JRG002)
    reason: str  # code | lexicon | product | rare | acronym
    plain: tuple[str, ...] = ()
    sentence: int = -1
    data: dict = field(default_factory=dict)


def _key(text: str) -> str:
    k = " ".join(lexicon.normalise(text).replace("-", " ").split())
    if len(k) > 4 and k.endswith("ies"):
        return k[:-3] + "y"
    if len(k) > 3 and k.endswith("s") and not k.endswith("ss"):
        return k[:-1]
    return k


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
    # shouting, not an acronym: "NOTE", "FREE", "IMPORTANT"
    if token.isalpha() and len(token) >= 4 and not lexicon.rarer_than(token, 3.5):
        return False
    return True


@lru_cache(maxsize=16384)
def _code_shape(token: str) -> bool:
    """True for identifiers, paths, file names and other things that only a programmer reads."""
    if "_" in token.strip("_") or token.startswith("/") or _CAMEL_RE.match(token):
        return True
    if ":" in token and re.search(r"[A-Za-z]:[A-Za-z]", token):  # host:port, std::vec
        return True
    if "." in token:
        parts = token.split(".")
        low = token.lower()
        if low in _NOT_CODE_DOTTED or all(len(p) <= 1 for p in parts) or _VERSION_RE.match(token):
            return False
        if all(p.isdigit() for p in parts):
            return False
        if parts[-1].lower() in _TLDS and parts[-1].lower() not in _FILE_EXT:
            return False  # a web address a buyer can type
        return True
    if _LETTERS_DIGITS_RE.match(token) and not _VERSION_RE.match(token):
        return not token.isupper()  # all-capital ones (S3, MP4) are acronyms
    return False


# -- the one pass ----------------------------------------------------------------------------------------------
def _seller_units(doc) -> Iterable[tuple[int, object]]:
    for i, unit in enumerate(doc.units):
        if unit.kind == "turn" and unit.turn is not None and unit.turn.role == "buyer":
            continue
        yield i, unit


def _title_case(words) -> bool:
    alpha = [w.text for w in words if w.text[:1].isalpha()]
    if len(alpha) < 2:
        return False
    caps = sum(1 for w in alpha if w[:1].isupper())
    small = sum(1 for w in alpha if w in ("a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with", "by", "at"))
    return caps >= 0.7 * (len(alpha) - small)


def _own_brands(doc) -> set[str]:
    """Names of the page's own product: capitalised words of its title, subject or first heading, plus the name
    the page uses most (5+ times)."""
    own: set[str] = set()
    for key in ("title", "subject"):
        value = doc.meta.get(key) if hasattr(doc.meta, "get") else None
        if isinstance(value, str):
            own.update(w.lower() for w in re.findall(r"[A-Z][\w.+#-]*", value))
    for unit in doc.units:
        if unit.kind == "heading":
            own.update(w.lower() for w in re.findall(r"[A-Z][\w.+#-]*", doc.unit_text(unit)))
            break
    names = Counter(
        t.text.lower()
        for t in doc.words
        if t.text[:1].isupper() and t.text.isalpha() and t.start > doc.sentences[t.sentence].start
    )
    if names:
        name, count = names.most_common(1)[0]
        if count >= 5:
            own.add(name)
    return own


def _repeated_names(doc, times: int = 3) -> set[str]:
    """Capitalised words the page uses ``times`` times or more: its own product or the customer it tells about
    ("Supabase", "Mintlify"), which an unknown-name guess must leave alone."""
    names = Counter(t.text.lower() for t in doc.words if t.text[:1].isupper() and t.text.isalpha())
    return {name for name, n in names.items() if n >= times}


def _atomic_hits(doc, level: int, zipf_max: float, name_zipf_max: float = 0.0) -> list[TermHit]:
    """Every candidate occurrence, before merging, explanations and first-use."""
    text = doc.text
    hits: list[TermHit] = []
    covered = bytearray(len(text) + 1)  # 1 where a hit already owns the character

    def is_covered(s: int, e: int) -> bool:
        return 1 in covered[s:e]

    def add(h: TermHit) -> None:
        hits.append(h)
        covered[h.start : h.end] = b"\x01" * (h.end - h.start)

    for _, unit in _seller_units(doc):
        u_start, u_end = unit.start, unit.end
        # 1. code spans and --flags. The Markdown loader replaces inline code by the word "code" and lists the
        # spans in unit.attrs["code"]; the plain-text loader keeps the backticks.
        if level >= 1:
            for span in (unit.attrs.get("code") or ()) if hasattr(unit.attrs, "get") else ():
                s, e = u_start + span["start"], u_start + span["end"]
                src_start, src_end = doc.source_span(Span(s, e))
                inner = doc.source[src_start:src_end].strip("`").strip() or text[s:e]
                add(TermHit(s, e, inner, _key(inner), "jargon", "code"))
            for m in _CODE_SPAN_RE.finditer(text, u_start, u_end):
                inner = m.group(1).strip()
                if any(c.isalnum() for c in inner):
                    s = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
                    add(TermHit(s, s + len(inner), inner, _key(inner), "jargon", "code"))
            for m in _FLAG_RE.finditer(text, u_start, u_end):
                if not is_covered(m.start(), m.end()):
                    add(TermHit(m.start(), m.end(), m.group(0), m.group(0).lower(), "jargon", "code"))
        # 2a. C++, C#, .NET: words the segmenter cannot keep whole
        if level >= 1:
            for m in _SYMBOL_TERMS_RE.finditer(text, u_start, u_end):
                if not is_covered(m.start(), m.end()):
                    add(TermHit(m.start(), m.end(), m.group(0), m.group(0).lower(), "jargon", "product"))
    # 2b. multi-word lexicon terms ("garbage collection", "load balancers", "Visual Studio"), sentence by sentence
    for sentence in doc.sentences:
        unit = doc.units[sentence.unit]
        if unit.kind == "turn" and unit.turn is not None and unit.turn.role == "buyer":
            continue
        spans: list[tuple[int, int]] = []
        raw: list[str] = []
        for tok in doc.sentence_words(sentence):
            for offset, part in _hyphen_parts(tok.text):
                spans.append((tok.start + offset, tok.start + offset + len(part)))
                raw.append(part)
        lowered = [lexicon.normalise(p) for p in raw]
        for first, last, term in lexicon.match_phrases(lowered, raw):
            start, end = spans[first][0], spans[last - 1][1]
            if term.level > level or is_covered(start, end):
                continue
            add(TermHit(start, end, text[start:end], _key(term.text), "jargon", "lexicon", term.plain))
    # 3. word by word
    deferred: list[TermHit] = []  # 4. candidates that count only in a sentence that is already technical
    for sentence in doc.sentences:
        unit = doc.units[sentence.unit]
        if unit.kind == "turn" and unit.turn is not None and unit.turn.role == "buyer":
            continue
        words = doc.sentence_words(sentence)
        titled = unit.kind == "heading" or _title_case(words)
        for wi, tok in enumerate(words):
            if is_covered(tok.start, tok.end):
                continue
            token = tok.text
            if level >= 1 and _TERM_SHAPE_RE.match(token):
                add(TermHit(tok.start, tok.end, token, _key(token), "jargon", "lexicon"))
                continue
            if level >= 1 and not titled:
                maybe = _context_candidate(words, wi, level, name_zipf_max)
                if maybe is not None:
                    reason, key, plain = maybe
                    deferred.append(TermHit(tok.start, tok.end, token, key, "jargon", reason, plain))
                    continue
            if level >= 1 and _code_shape(token):
                add(TermHit(tok.start, tok.end, token, token.lower(), "jargon", "code"))
                continue
            # parts of compounds ("API-first", "multi-threaded", "CI/CD", "proxy/relay")
            parts = _parts(token)
            if len(parts) > 1 and all(_is_acronym(p) for _, p in parts):
                parts = list(parts)
                if all((a := _known_acronym(p)) is not None and a.level <= (0 if level else 1) for _, p in parts):
                    continue  # "B2B/B2C": known to this reader
                acr = _known_acronym(token)
                if acr is None or acr.level >= 1 and level >= 1:
                    add(TermHit(tok.start, tok.end, token, token, "acronym", "acronym", (acr.meaning,) if acr and acr.meaning else ()))
                continue  # "CI/CD", "IDS/IPS": one acronym
            compound_jargon: TermHit | None = None
            for offset, part in parts:
                p_start = tok.start + offset
                p_end = p_start + len(part)
                if _is_acronym(part):
                    acr = _known_acronym(part)
                    if acr is not None and acr.level < 1:
                        continue
                    if acr is not None and acr.level == 1 and level < 1:
                        continue
                    add(TermHit(p_start, p_end, part, part, "acronym", "acronym", (acr.meaning,) if acr and acr.meaning else ()))
                    continue
                initial = wi == 0 and offset == 0
                found = _word_verdict(part, initial, titled, level, zipf_max)
                if found is not None and compound_jargon is None:
                    reason, plain = found
                    compound_jargon = TermHit(tok.start, tok.end, token, _key(token), "jargon", reason, plain)
            if compound_jargon is not None:
                if len(parts) == 1:
                    compound_jargon.key = _key(_lexicon_key(token) or token)
                add(compound_jargon)
    starts = [s.start for s in doc.sentences]
    for h in hits:
        h.sentence = max(0, bisect.bisect_right(starts, h.start) - 1)
    technical = {h.sentence for h in hits}
    for h in deferred:
        h.sentence = max(0, bisect.bisect_right(starts, h.start) - 1)
        if h.sentence in technical and not is_covered(h.start, h.end):
            hits.append(h)
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


_COMPOUND_RE = re.compile(r"\w[-/]\w")
_HYPHEN_PART_RE = re.compile(r"[^-]+")


@lru_cache(maxsize=16384)
def _hyphen_parts(token: str) -> tuple[tuple[int, str], ...]:
    if "-" not in token:
        return ((0, token),)
    return tuple((m.start(), m.group(0)) for m in _HYPHEN_PART_RE.finditer(token))
_PART_RE = re.compile(r"[^-/]+")


@lru_cache(maxsize=16384)
def _parts(token: str) -> tuple[tuple[int, str], ...]:
    """(offset, text) of the parts of a compound token ("API-first", "CI/CD"); the token itself otherwise."""
    if not _COMPOUND_RE.search(token):
        return ((0, token),)
    return tuple((m.start(), m.group(0)) for m in _PART_RE.finditer(token))


# shapes that are jargon whatever the words: platform-as-a-service, builds-as-a-service; 32-bit, 64-bit
_TERM_SHAPE_RE = re.compile(r"^(?:[A-Za-z]+-as-a-service|\d{1,3}-bits?)$", re.IGNORECASE)


def _capitalised(word: str) -> bool:
    """A name-like word: capital first letter, not all capitals ("Suricata", "Apache"; not "API")."""
    return word[:1].isupper() and word.isalpha() and not word.isupper()


def _context_candidate(words, wi: int, level: int, name_zipf_max: float):
    """(reason, key, plain) for a word that is jargon only if its sentence is already technical, else None.

    - an everyday word whose technical sense the lexicon lists under [technical-context] ("tags", "driver");
    - a word the lexicon lists in lower case but written with a capital mid-sentence, on its own ("count,
      Allocator requests"): in a technical sentence that is the term, not a name like "Terminal Technologies";
    - a capitalised word mid-sentence that is no English word, rare in general English (Zipf below
      jargon.name_zipf_max) and stands alone ("Kapacitor", "Twemproxy"): a third-party technical product. A
      neighbouring capitalised word makes it part of a longer name, most often a person ("Bala Natarajan"),
      and inner capitals mark a brand ("MercadoLibre", "PostHog"); both stay names.
    """
    found = _context_word(words[wi].text, level, name_zipf_max)
    if found is None or found[0] == "context":
        return found
    if wi == 0 or any(_capitalised(words[j].text) for j in (wi - 1, wi + 1) if 0 <= j < len(words)):
        return None  # sentence-initial, or one word of a longer name
    return found


@lru_cache(maxsize=65536)
def _context_word(token: str, level: int, name_zipf_max: float):
    """The per-word half of ``_context_candidate`` (memoised): what the word would be, ignoring its place."""
    if not token.isalpha() or len(token) < 3:
        return None
    low = lexicon.normalise(token)
    index = lexicon.terms()
    if low in index.plain or index.words.get(low) is not None and not token[:1].isupper():
        return None  # plain, or a lexicon term that the main pass already judged
    if not token[:1].isupper():
        term = index.context.get(low)
        return ("context", term.text, term.plain) if term is not None else None
    if any(c.isupper() for c in token[1:]):
        return None
    term = index.words.get(low)
    if term is not None:
        return ("lexicon", _key(term.text), term.plain) if term.level <= level and not term.name else None
    if name_zipf_max > 0 and not lexicon.is_english_word(low) and lexicon.rarer_than(low, name_zipf_max):
        return "name", _key(token), ()
    return None


def _lexicon_key(token: str) -> str | None:
    index = lexicon.terms()
    term = index.words.get(lexicon.normalise(token)) or index.exact.get(token)
    return term.text if term else None


@lru_cache(maxsize=65536)
def _word_verdict(word: str, initial: bool, titled: bool, level: int, zipf_max: float):
    """(reason, plain alternatives) when one word is jargon for this audience, else None."""
    if not word or not word[0].isalpha():
        return None
    index = lexicon.terms()
    exact = index.exact.get(word)
    if exact is not None and exact.level <= level:
        return "product", exact.plain
    low = lexicon.normalise(word)
    if low in index.plain:
        return None
    term = index.words.get(low)
    capitalised = word[0].isupper()
    if term is not None and term.name:
        return ("product", term.plain) if term.level <= level else None
    if capitalised and not (initial or titled):
        return None  # a name: person, company, brand
    if any(c.isupper() for c in word[1:]):
        return None  # PayPal, GitHub: brand casing
    if term is not None:
        return ("lexicon", term.plain) if term.level <= level else None
    if capitalised or not low.isalpha() or len(low) < 3:
        return None  # rarity is judged on lower-case words only: a capitalised unknown word is most often a name
    if lexicon.rarer_than(low, zipf_max) and not lexicon.is_english_word(low):
        return "rare", ()
    return None


def _merge(doc, hits: list[TermHit]) -> list[TermHit]:
    """Adjacent jargon in one sentence is one multi-word term ("deployment pipeline", "Docker image")."""
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
                plain=prev.plain if not h.plain else (),
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


def _plain_region(hits: list[TermHit], start: int, end: int) -> bool:
    return not any(start <= h.start and h.end <= end for h in hits)


def _explained(doc, h: TermHit, hits: list[TermHit]) -> bool:
    """True when the text right around a term's use explains it in plain words."""
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


@dataclass
class TermReport:
    jargon: list[TermHit]
    acronyms: list[TermHit]


def find_terms(doc, ctx) -> TermReport:
    """The jargon and acronyms a buyer meets unexplained, first use only (memoised on the context)."""
    return ctx.memo("jargon.terms", lambda: _find_terms(doc, ctx))


def _allowed(ctx, h: TermHit) -> bool:
    """The project vocabulary lists the term, its base form, or the head word of a multi-word term ("latency"
    allows "low latency")."""
    head = h.text.replace("-", " ").split()[-1] if h.text.strip() else h.text
    return ctx.allowed(h.text) or ctx.allowed(h.key) or ctx.allowed(head) or ctx.allowed(_key(head))


def _find_terms(doc, ctx) -> TermReport:
    level = int(ctx.threshold("jargon.level"))
    zipf_max = float(ctx.threshold("jargon.zipf_max"))
    name_zipf_max = float(ctx.threshold("jargon.name_zipf_max"))
    atomic = [h for h in _atomic_hits(doc, level, zipf_max, name_zipf_max) if not _allowed(ctx, h)]
    own = _own_brands(doc)
    repeated = _repeated_names(doc)
    atomic = [
        h
        for h in atomic
        if not (h.reason in ("product", "lexicon", "name") and h.text[:1].isupper() and h.text.lower() in own)
        and not (h.reason == "name" and h.text.lower() in repeated)
    ]
    hits = _merge(doc, atomic)
    text = doc.text
    defined: set[str] = set()
    seen: set[str] = set()
    jargon: list[TermHit] = []
    acronyms: list[TermHit] = []
    by_start = sorted(hits, key=lambda h: h.start)
    for h in by_start:
        if h.kind == "acronym":
            unit = doc.units[doc.unit_at(h.start)]
            long_start = _definition_before(text, h, unit.start)
            if long_start is not None:
                defined.add(h.key)
                # a defined acronym whose long form is itself jargon: one JRG001 finding for "long form (ACR)"
                for j in jargon:
                    if j.start >= long_start and j.end <= h.start and not j.data.get("with_acronym"):
                        j.end = h.end + 1
                        j.text = text[j.start : j.end]
                        j.data["with_acronym"] = h.text
                        break
                continue
            if _definition_after(text, h) is not None:
                defined.add(h.key)
                continue
            if h.key in defined or h.key in seen:
                continue
            seen.add(h.key)
            acronyms.append(h)
            continue
        if h.key in seen:
            continue
        seen.add(h.key)
        if _explained(doc, h, hits):
            continue
        jargon.append(h)
    return TermReport(jargon, acronyms)


# -- the rules -----------------------------------------------------------------------------------------------
_AUDIENCE_WORD = {0: "an engineer", 1: "a business buyer", 2: "most buyers"}


def _short(term: str, limit: int = 28) -> str:
    return term if len(term) <= limit else term[: limit - 1] + "…"


@rule(
    code="JRG001",
    name="unexplained-jargon",
    category="jargon",
    severity="suggestion",
    example_format="text",
    summary="Technical terms a business buyer is unlikely to know, used without a plain explanation.",
    why=(
        "A buyer who meets a word they do not know stops reading to decode it, or decides the product is not for "
        "them. Plain-language research (plainlanguage.gov; Nielsen Norman Group on reading on the web) finds that "
        "readers skim past what they cannot parse, and the buyer who signs is rarely the engineer who knows the term."
    ),
    message="'{term}' is jargon your buyer may not know",
    fix="Say what it does for the buyer in plain words, or explain it where it first appears: 'term (plain words)'.",
    bad=[
        "Our platform cuts [[latency]] for every order.",
        "Run it on your own [[Kubernetes]] setup.",
        "We reduced [[garbage collection]] pauses.",
        "Set [[use_sudo]] to true to read the counters.",
        "Each [[container]] restarts on its own.",
    ],
    good=[
        "Our platform makes every order faster.",
        "Each container (a sealed box for your app) restarts on its own.",
        "Kubernetes, the system that runs your apps, restarts them on its own.",
        "Invoices go out on time, every time.",
        "Acme Cloud keeps your shop open all night.",
    ],
    options={},
    sources=[
        "wordfreq (general-English word frequency): https://github.com/rspeer/wordfreq",
        "CMU Pronouncing Dictionary (is it an English word)",
        "plainlanguage.gov: use simple words and phrases",
    ],
)
def unexplained_jargon(doc, ctx):
    level = int(ctx.threshold("jargon.level"))
    who = _AUDIENCE_WORD.get(level, "a business buyer")
    for h in find_terms(doc, ctx).jargon:
        term = _short(h.text)
        plain = h.plain[0] if h.plain else ""
        message = f"'{term}' is jargon to {who}"
        if plain and len(message) + len(plain) + 9 <= 79:
            message += f"; try '{plain}'"
        yield Hit(
            Span(h.start, h.end),
            {"term": h.text},
            tuple(Suggestion(p, "plain alternative") for p in h.plain[:3]),
            {"term": h.key, "reason": h.reason, **h.data},
            message=message,
        )


@rule(
    code="JRG002",
    name="unexplained-acronym",
    category="jargon",
    severity="suggestion",
    example_format="text",
    summary="Acronyms used before (or without) being spelled out, other than ones every buyer knows.",
    why=(
        "An unexplained acronym is a closed door: the buyer cannot look it up mid-sentence and will not ask. "
        "Style guides from plainlanguage.gov to the Microsoft Writing Style Guide say to spell an acronym out "
        "on first use unless every reader knows it (PDF, CEO, ROI)."
    ),
    message="'{match}' is not spelled out on first use",
    fix="Spell it out the first time, 'change data capture (CDC)', or use the plain words instead of the acronym.",
    bad=[
        "Stream every change with [[CDC]] in real time.",
        "Connect through our [[SDK]] or the dashboard.",
        "Our [[RAG]] answers come from your own documents.",
    ],
    good=[
        "Stream every change with change data capture (CDC) in real time. CDC needs no new servers.",
        "Export every invoice as a PDF and send it to your CFO.",
        "Track monthly recurring revenue (MRR) by plan, and see MRR grow.",
    ],
    sources=[
        "plainlanguage.gov: minimize abbreviations",
        "Microsoft Writing Style Guide: acronyms",
        "Schwartz & Hearst (2003), a simple algorithm for identifying abbreviation definitions",
    ],
)
def unexplained_acronym(doc, ctx):
    for h in find_terms(doc, ctx).acronyms:
        meaning = h.plain[0] if h.plain else ""
        suggestions = (Suggestion(f"{h.text} ({meaning})", "spell it out"),) if meaning else ()
        message = f"'{_short(h.text, 20)}' is not spelled out on first use"
        if meaning and len(message) + len(meaning) + 11 <= 79:
            message = f"'{_short(h.text, 20)}' is not spelled out ({meaning})"
        yield Hit(Span(h.start, h.end), {"term": h.text}, suggestions, {"term": h.key}, message=message)


@rule(
    code="JRG003",
    name="jargon-dense-sentence",
    category="jargon",
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
def jargon_dense_sentence(doc, ctx):
    terms = find_terms(doc, ctx)
    starts = [s.start for s in doc.sentences]
    per_sentence = Counter(_sentence_of(doc, starts, h.start) for h in (*terms.jargon, *terms.acronyms))
    limit = int(ctx.threshold(ctx.option("min_terms", "profile:jargon.dense_terms")))
    for index, count in sorted(per_sentence.items()):
        if index >= 0 and count >= limit:
            sentence = doc.sentences[index]
            yield Hit(Span(sentence.start, sentence.end), {"count": count}, data={"count": count})


def _sentence_of(doc, starts: list[int], offset: int) -> int:
    """Index of the sentence holding a document offset (-1 between sentences)."""
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 and offset < doc.sentences[i].end else -1
