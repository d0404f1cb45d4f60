"""Word knowledge for the jargon rules: how common a word is, whether it is English at all, technical terms and
acronyms. Every table loads once, on first use (never at import), so start-up stays fast.

- ``zipf(word)``: general-English frequency on the Zipf scale (7 = "the", 3 = once per 10 million words, 0 =
  unknown), read straight from the data file that the ``wordfreq`` package ships (no download). Reading the
  file ourselves skips ``import wordfreq`` (0.1 s of regex and language modules) and per-word tokenisation.
- ``is_english_word(word)``: a CMUdict headword, allowing for regular inflections. A rare word that is English
  ("obviated") is hard but not jargon; a rare word that is not ("goroutines", "rustup") is a coinage.
- ``terms()``: the technical-term lexicon in ``data/tech_terms.txt`` (everyday words in a technical sense,
  multi-word terms, products), with plain alternatives; its ``[technical-context]`` section lists everyday
  words that are jargon only inside an already technical sentence ("tags", "driver").
- ``acronyms()``: acronyms everybody knows and ones only engineers know (``data/acronyms.txt``).
- ``tech_vocab()``: how often software documentation uses a word or a 2-3 word phrase (``data/tech_vocab.tsv``,
  built by ``scripts/build_tech_vocab.py``); ``contrast(term)`` is how much more often it is used there than in
  general English (technical Zipf - general Zipf): the jargon rules' main evidence that a word is a software term.

Thread safety: ``plainpitch serve`` analyses in a thread pool. The frequency stream is read under a lock (two
first requests would otherwise read the stream at once and leave words in the wrong band), and every other
table is built whole under a lock before anyone sees it.
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
import threading
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from plainpitch.text import lazy_re

# Audience -> how much technical vocabulary a reader is assumed NOT to know (see profiles.py "jargon.level").
LEVELS = {"technical": 0, "business": 1, "consumer": 2}
_SECTION_LEVEL = {"business": 1, "business-exact": 1, "consumer": 2}

_POSSESSIVE_RE = lazy_re.compile(r"['’]s?$")


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """Lowercase, straight apostrophes, no possessive: the form the tables are keyed by."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s") or w.endswith("s'"):
        w = w[:-2] if w.endswith("'s") else w[:-1]
    return w.strip("'")


# -- frequency ---------------------------------------------------------------------------------------
class _Frequencies:
    """wordfreq's English list, read band by band only as far down as a question needs.

    The file holds bands of words from the most to the least frequent (band b = frequency 10^(-b/100), i.e.
    Zipf 9 - b/100). Asking "is this word rarer than Zipf 3.3?" needs only the ~20,000 words above 3.3, a
    few milliseconds to read; the full 321,000-word list (~90 ms) is read only when an exact Zipf value of a
    rare word is asked for. The file is decompressed as a stream for the same reason.
    """

    def __init__(self) -> None:
        self.table: dict[str, int] = {}
        self.next_band = 0  # bands < next_band are in the table
        self.done = False
        self._fh = None
        self._unpacker = None
        self._inflate = None
        self._fallback = False
        self._lock = threading.Lock()

    def _open(self) -> None:
        spec = importlib.util.find_spec("wordfreq")
        folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None
        path = os.path.join(folder, "data", "large_en.msgpack.gz") if folder else ""
        if not os.path.exists(path):  # a wordfreq that keeps its data elsewhere: ask it (slower, same numbers)
            import math

            from wordfreq import get_frequency_dict

            self.table = {w: round(-math.log10(f) * 100) for w, f in get_frequency_dict("en").items() if f > 0}
            self.done = self._fallback = True
            return
        import msgpack

        self._fh = open(path, "rb", buffering=0)  # noqa: SIM115 (kept open while bands are read on demand)
        self._offset = 0  # read with pread at our own offset: a forked worker shares the descriptor's position
        self._inflate = zlib.decompressobj(wbits=31)  # gzip framing
        self._unpacker = msgpack.Unpacker(raw=False, use_list=False)
        self._read(lambda u: u.read_array_header())
        self._read(lambda u: u.unpack())  # the header map

    def _read(self, step):
        while True:
            try:
                return step(self._unpacker)
            except Exception as exc:  # msgpack.OutOfData: feed the next compressed chunk
                if type(exc).__name__ != "OutOfData":
                    raise
                chunk = os.pread(self._fh.fileno(), 1 << 16, self._offset)
                self._offset += len(chunk)
                if not chunk:
                    self.done = True
                    self._fh.close()
                    return None
                self._unpacker.feed(self._inflate.decompress(chunk))

    def load_to(self, band: int) -> None:
        """Read every band up to ``band`` (inclusive). Safe to call from many threads: one reads, the others wait;
        ``next_band`` moves only after its band's words are in the table, so a reader that sees it past its band
        also sees every word of that band."""
        if self.done or band < self.next_band:
            return
        with self._lock:
            if self._unpacker is None and not self.done:
                self._open()
            while not self.done and self.next_band <= band:
                words = self._read(lambda u: u.unpack())
                if words is None:
                    break
                if words:
                    self.table.update(dict.fromkeys(words, self.next_band))
                self.next_band += 1


_FREQ = _Frequencies()


def _band(zipf_value: float) -> int:
    return int(round((9.0 - zipf_value) * 100))


def rarer_than(word: str, zipf_value: float) -> bool:
    """True when ``word`` is less frequent in English than ``zipf_value`` (reads only the bands above it)."""
    limit = _band(zipf_value)
    _FREQ.load_to(limit)
    band = _FREQ.table.get(normalise(word))
    return band is None or band > limit


def common_zipf(word: str, floor: float) -> float | None:
    """The word's Zipf frequency when it is at least ``floor``, else None (reads only the bands above ``floor``)."""
    limit = _band(floor)
    _FREQ.load_to(limit)
    band = _FREQ.table.get(normalise(word))
    return None if band is None or band > limit else round(9.0 - band / 100.0, 2)


def zipf(word: str) -> float:
    """Zipf frequency of one word in general English (0.0 when wordfreq has never seen it)."""
    _FREQ.load_to(10**6)
    band = _FREQ.table.get(normalise(word))
    return 0.0 if band is None else round(9.0 - band / 100.0, 2)


_BUILD_LOCK = threading.RLock()


def _once(build):
    """Build a table on first use, whole, under a lock: concurrent first callers get the same finished object."""
    box: list = []

    def get():
        if box:
            return box[0]
        with _BUILD_LOCK:
            if not box:
                box.append(build())
        return box[0]

    get.__doc__ = build.__doc__
    get.__name__ = build.__name__
    return get


# -- is it an English word at all? -------------------------------------------------------------------
@_once
def _english() -> str:
    """The sorted CMUdict headwords as one string, "\nword\n...": searched in place, never split into a set
    (building a 117,000-word set costs ~20 ms at start-up; a lookup here costs microseconds)."""
    text = (resources.files("plainpitch") / "data" / "english_words.txt").read_text(encoding="utf-8")
    body = text.split("\n", 1)[1] if text.startswith("#") else text
    return "\n" + body if body.endswith("\n") else "\n" + body + "\n"


def _in_sorted_lines(blob: str, word: str) -> bool:
    """Binary search for a whole line in a blob of sorted lines (each line preceded by a newline)."""
    lo, hi = 0, len(blob) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        start = blob.rfind("\n", 0, mid + 1) + 1
        end = blob.find("\n", start)
        if end < 0:
            return False
        line = blob[start:end]
        if line == word:
            return True
        if line < word:
            lo = end
        else:
            hi = start - 1
    return False


_DOUBLED_ENDING_RE = lazy_re.compile(r"(?<![b-df-hj-np-tv-z])([b-df-hj-np-tv-z])\1(?:ed|ing|er|y)$")


def _stems(w: str) -> list[str]:
    """Candidate base forms of a regular inflection: "queued" -> "queue", "lookups" -> "lookup"."""
    out = [w]
    for suffix, repl in (
        ("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
        ("ing", "e"), ("ly", ""), ("ily", "y"), ("ability", "able"), ("able", ""), ("able", "e"), ("ations", "e"),
        ("ation", "e"), ("ations", ""), ("ation", ""), ("ness", ""), ("ment", ""), ("ments", ""), ("er", ""),
        ("ers", ""), ("ers", "e"), ("or", "e"), ("ors", "e"), ("ize", ""), ("izes", ""), ("ized", ""),
    ):  # fmt: skip
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            out.append(w[: len(w) - len(suffix)] + repl)
    doubled = _DOUBLED_ENDING_RE.search(w)
    if doubled:  # "shipped" -> "ship", "spammy" -> "spam" (a letter doubled, not tripled: "happpy" is a slip)
        out.append(w[: doubled.start() + 1])
    elif w.endswith("y") and len(w) >= 5 and w[-2] not in "aeiouy":  # an adjective of a noun: "glitchy", "salesy"
        out.append(w[:-1])
    return out


def stems(word: str) -> list[str]:
    """The word and the base forms it may be a regular inflection of ("evals" -> "eval")."""
    return _stems(normalise(word))


def is_english_word(word: str) -> bool:
    """True for a CMUdict headword or a regular inflection of one (plurals, -ed, -ing, -ly, -able...)."""
    w = normalise(word)
    blob = _english()
    return any(_in_sorted_lines(blob, s) for s in _stems(w))


# -- technical terms ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Term:
    text: str  # as listed
    plain: tuple[str, ...]  # plain alternatives, may be empty
    level: int  # 1: business buyers do not know it; 2: only consumers do not
    name: bool = False  # listed with capitals ("Kubernetes"): jargon even when capitalised mid-sentence


@dataclass(frozen=True)
class TermIndex:
    words: dict[str, Term]  # single words (and inflections), lowercase
    exact: dict[str, Term]  # single words matched with their listed capitalisation
    # multi-word terms by their first word (lower-case): (words, term, exact case), longest first
    phrases: dict[str, list[tuple[tuple[str, ...], Term, bool]]]
    plain: frozenset[str]  # words that look rare but every buyer knows ("uptime", "webinar"): never jargon
    # everyday words whose technical sense is jargon only in a sentence that is already technical ("tags",
    # "driver", "method"): lower-case, with inflections
    context: dict[str, Term] = field(default_factory=dict)


def _inflections(word: str) -> list[str]:
    forms = [word, word + "s"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(word + "es")
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms += [word[:-1] + "ies", word[:-1] + "ied"]
    if word.endswith("e"):
        forms += [word + "d", word[:-1] + "ing"]
    else:
        forms += [word + "ed", word + "ing"]
    return forms


def _parse_sections(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(section, term, plain alternatives) for every entry of a data file in the tech_terms.txt format."""
    out = []
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        term, _, plain = line.partition("|")
        alternatives = tuple(p.strip() for p in plain.split(";") if p.strip())
        out.append((section, term.strip(), alternatives))
    return out


PHRASE_SPLIT_RE = lazy_re.compile(r"[\s-]+")


@_once
def terms() -> TermIndex:
    text = (resources.files("plainpitch") / "data" / "tech_terms.txt").read_text(encoding="utf-8")
    words: dict[str, Term] = {}
    exact: dict[str, Term] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], Term, bool]]] = {}
    known: set[str] = set()
    context: dict[str, Term] = {}
    for section, term, plain in _parse_sections(text):
        if section == "plain":
            known.add(term.lower())
            continue
        if section == "technical-context":
            # nouns in the main: the plural only ("builds"); "building" or "hosting" would be plain English
            entry = Term(term.lower(), plain, 1)
            for form in _inflections(term.lower())[:3]:
                if not form.endswith(("ed", "ing")):
                    context.setdefault(form, entry)
            continue
        entry = Term(term, plain, _SECTION_LEVEL.get(section, 1), name=term.lower() != term)
        exact_case = section == "business-exact"
        parts = tuple(p for p in PHRASE_SPLIT_RE.split(term if exact_case else term.lower()) if p)
        if len(parts) == 1 and re.fullmatch(r"[A-Za-z0-9]+", term):
            if exact_case:
                exact.setdefault(term, entry)
            else:
                forms = (term.lower(), term.lower() + "s") if entry.name else _inflections(term.lower())
                for form in forms:
                    words.setdefault(form, entry)
            continue
        phrases.setdefault(parts[0].lower(), []).append((parts, entry, exact_case))
    for candidates in phrases.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return TermIndex(words, exact, phrases, frozenset(known), context)


def _same_word(listed: str, found: str, last: bool) -> bool:
    if found == listed:
        return True
    if not last:
        return False
    return found in (listed + "s", listed + "es") or (listed.endswith("y") and found == listed[:-1] + "ies")


def match_phrases(parts: list[str], raw: list[str]):
    """Yield (first, last + 1, Term) for lexicon terms of two or more words in a run of word parts.

    ``parts`` are the lower-cased words of one sentence (hyphenated words split at the hyphens, so that
    "back-end" and "back end" match alike) and ``raw`` the same words as written (for exact-case terms).
    Longest terms win; matches do not overlap.
    """
    phrases = terms().phrases
    if phrases.keys().isdisjoint(parts):
        return  # no word of the run opens a listed phrase (most sentences): one look-up in C, no walk

    def at(i: int):
        for words, term, exact_case in phrases.get(parts[i], ()):
            k = len(words)
            seq = raw[i : i + k] if exact_case else parts[i : i + k]
            if len(seq) == k and all(_same_word(w, seq[j], j == k - 1) for j, w in enumerate(words)):
                return i + k, term
        return None

    yield from _longest([i for i, part in enumerate(parts) if part in phrases], at)


def _longest(starts, at):
    """Non-overlapping matches left to right: ``at(i)`` gives (end, value) of the longest match at i, or None.
    ``starts``: the positions where a match may start, in order (``at`` is None everywhere else)."""
    end = 0
    for i in starts:
        if i < end:
            continue
        found = at(i)
        if found:
            yield i, found[0], found[1]
            end = found[0]


# -- acronyms ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Acronym:
    text: str
    meaning: str
    level: int  # 0: everybody knows it; 1: engineers know it


@_once
def acronyms() -> dict[str, Acronym]:
    text = (resources.files("plainpitch") / "data" / "acronyms.txt").read_text(encoding="utf-8")
    out: dict[str, Acronym] = {}
    for section, term, plain in _parse_sections(text):
        out[term] = Acronym(term, plain[0] if plain else "", 0 if section == "common" else 1)
    return out


# -- technical frequency (software documentation) -------------------------------------------------------------
@dataclass(frozen=True)
class TechVocab:
    """``data/tech_vocab.tsv``: Zipf frequency in software documentation of words and 2-3 word phrases."""

    words: dict[str, tuple[float, float, float]]  # word -> (technical Zipf, share capitalised, share in capitals)
    # phrases by first word: (words, technical Zipf), longest first
    phrases: dict[str, list[tuple[tuple[str, ...], float]]]


@_once
def tech_vocab() -> TechVocab:
    """The technical-frequency table (built by scripts/build_tech_vocab.py; nothing else is read)."""
    text = (resources.files("plainpitch") / "data" / "tech_vocab.tsv").read_text(encoding="utf-8")
    words: dict[str, tuple[float, float, float]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], float]]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        term, tz, caps, upper = line.split("\t")
        if " " in term:
            parts = tuple(term.split())
            phrases.setdefault(parts[0], []).append((parts, float(tz)))
        else:
            words[term] = (float(tz), float(caps), float(upper))
    for candidates in phrases.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return TechVocab(words, phrases)


_NONE: dict = {}


@_once
def _tech_phrases_by_second() -> dict[str, dict[str, list[tuple[tuple[str, ...], float]]]]:
    """The table's phrases by first word, then by every form of the second word that ``_same_word`` accepts (a
    plural when it is the last word), each list in the table's order (longest first): a word that opens a hundred
    phrases is then matched against the few that go on with the next word."""
    out: dict[str, dict[str, list[tuple[tuple[str, ...], float]]]] = {}
    for first, candidates in tech_vocab().phrases.items():
        nexts: dict[str, list[tuple[tuple[str, ...], float]]] = {}
        for words, tz in candidates:
            second = words[1]
            forms = [second]
            if len(words) == 2:
                forms += [second + "s", second + "es"] + ([second[:-1] + "ies"] if second.endswith("y") else [])
            for form in dict.fromkeys(forms):
                nexts.setdefault(form, []).append((words, tz))
        out[first] = nexts
    return out


def tech_zipf(word: str) -> float:
    """Zipf frequency of a word in software documentation (0.0 when the table does not list it)."""
    found = tech_vocab().words.get(normalise(word))
    return found[0] if found else 0.0


def general_zipf_at_least(word: str, floor: float) -> float:
    """The word's general-English Zipf when it is at least ``floor``, else ``floor`` or less (the exact value of a
    rare word would need the whole frequency list; questions about contrast need only the bands above a floor)."""
    limit = _band(floor)
    _FREQ.load_to(limit)
    band = _FREQ.table.get(normalise(word))
    return round(9.0 - band / 100.0, 2) if band is not None and band <= limit else 0.0


def phrase_general_zipf(parts: tuple[str, ...] | list[str], floor: float = 2.0) -> float:
    """wordfreq's estimate for a phrase (the half-harmonic mean of its words' frequencies, as
    ``wordfreq.word_frequency`` does), from the bands above ``floor``: an upper bound on how often general English
    uses the phrase."""
    inverse = 0.0
    for part in parts:
        z = general_zipf_at_least(part, floor) or floor
        inverse += 1.0 / 10 ** (z - 9.0)
    return round(9.0 + math.log10(1.0 / inverse), 2)


def match_tech_phrases(parts: list[str]):
    """Yield (first, last + 1, technical Zipf) for phrases of the technical table in a run of lower-case words;
    longest first, no overlaps (the last word may be plural: "rate limits", "load balancers")."""
    phrases = tech_vocab().phrases
    n = len(parts)
    if phrases.keys().isdisjoint(parts):
        return  # no word of the run opens a phrase of the table
    by_second = _tech_phrases_by_second()

    def at(i: int):
        if i + 1 >= n:
            return None  # every phrase has two words or more
        for words, tz in by_second.get(parts[i], _NONE).get(parts[i + 1], ()):
            k = len(words)
            if i + k <= n and all(_same_word(w, parts[i + j], j == k - 1) for j, w in enumerate(words)):
                return i + k, tz
        return None

    yield from _longest([i for i, part in enumerate(parts) if part in by_second], at)
