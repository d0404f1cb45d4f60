"""Build src/plainpitch/data/tech_vocab.tsv: how often words and short phrases occur in software documentation.

    apt-get install python3.11-doc python-django-doc postgresql-doc-15 nodejs-doc golang-1.19-doc
    .venv/bin/python scripts/build_tech_vocab.py [--check]

The jargon rules contrast this technical frequency with general English (wordfreq, read at run time): a word or
phrase that software documentation uses far more often than general English does is a software term ("latency",
"rate limiting", "deployment pipeline"); one that general English uses as much is not ("channel", "page"); one
that neither uses is no software term, whatever else it is ("pageviews", "HIPAA").

The technical text is the documentation that Debian ships in these packages (all permissively licensed, listed
with their licences in docs/CREDITS.md): the Python 3.11 documentation (PSF-2.0), the Django 3.2 documentation
(BSD-3-Clause), the PostgreSQL 15 manual (PostgreSQL Licence), the Node.js 18 API documentation (MIT) and the Go
1.19 specification and memory model (BSD-3-Clause); plus the documentation of npm and the packages it bundles
(/usr/lib/node_modules/npm: Artistic-2.0, ISC, MIT). Only prose is counted: code blocks, inline code and
markup are dropped, because the rules never flag code spans and a term counts only as it is written in prose.

What the table holds (one entry per line, tab-separated, sorted):
    term  tech_zipf  caps  acronym
- term: a lower-case word, or a phrase of 2-3 words that the documentation uses as one term (it occurs at least
  PHRASE_MIN_COUNT times, far more often than its words would together by chance: PMI >= PHRASE_MIN_PMI, holds
  no function word and is not a name);
- tech_zipf: the term's frequency in the technical text on the Zipf scale (log10 of occurrences per billion
  words), comparable to wordfreq's general-English Zipf;
- caps: the share of its uses, not at a sentence start, written with a capital (names: "Django" ~1.0);
- acronym: the share written in capitals only ("API" ~1.0).
Only terms the technical text uses at least as often as general English (tech_zipf >= general Zipf - KEEP_BELOW)
are written; wordfreq is used to choose them and is not copied (its data is CC BY-SA and stays in its package).

The build is reproducible: it reads only these installed files, in sorted order; ``--check`` rebuilds in memory
and fails if the shipped table differs.
"""

from __future__ import annotations

import argparse
import gzip
import html
import math
import re
import sys
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "plainpitch" / "data" / "tech_vocab.tsv"

# (name, folder, glob, format): the documentation each Debian package installs
SOURCES = (
    ("Python 3.11 documentation (python3.11-doc)", "/usr/share/doc/python3.11/html/_sources", "**/*.txt", "rst"),
    ("Django 3.2 documentation (python-django-doc)", "/usr/share/doc/python-django-doc/html", "**/*.html", "html"),
    ("PostgreSQL 15 manual (postgresql-doc-15)", "/usr/share/doc/postgresql-doc-15/html", "*.html", "html"),
    ("Node.js 18 API documentation (nodejs-doc)", "/usr/share/doc/nodejs/api", "*.md.gz", "md"),
    ("Go 1.19 specification and memory model (golang-1.19-doc)", "/usr/share/doc/golang-1.19-doc/html", "*.html", "html"),
    ("npm documentation and bundled packages", "/usr/lib/node_modules/npm", "**/*.md", "md"),
)
UNIGRAM_MIN_COUNT = 5
PHRASE_MIN_COUNT = 8
PHRASE_MIN_PMI = 5.0  # log2: the phrase occurs 32 times more often than its words would by chance
KEEP_BELOW = 0.5  # keep terms whose technical Zipf is at least general Zipf - 0.5 (the rules choose the real bar)
STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its this that
    these those there here which who whom whose what when where why how not no nor so than then too very can could
    may might must shall should will would do does did done has have had having you your yours we our us they their
    them he she his her him i me my one all any each every some such other more most many much also only just into
    onto over under about above below after before between through during without within upon out up down off
    again once same own both either neither e g ie eg etc see use used using can't don't isn't""".split()
)
WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’][a-z]+)?")
# a run of words with nothing but spaces (or a hyphen) between them: phrases never cross punctuation
RUN_SPLIT_RE = re.compile(r"[^A-Za-z0-9'’\s-]+|\s-\s|\n\s*\n")


# -- reading prose out of each format --------------------------------------------------------------------------
class _Prose(HTMLParser):
    """Text of an HTML page without code (pre, code, tt, kbd, samp), scripts, styles and navigation."""

    SKIP = frozenset({"pre", "code", "tt", "kbd", "samp", "script", "style", "nav", "head", "var"})
    BREAK = frozenset({"p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "br", "tr", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        elif tag in self.BREAK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1
        elif tag in self.BREAK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def html_prose(text: str) -> str:
    parser = _Prose()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


_RST_INLINE_RE = re.compile(r"``[^`]+``|:[a-z:]+:`[^`]*`|`[^`]*`_?|\|[^|\s]+\|")
_CODE_DIRECTIVE_RE = re.compile(
    r"\.\. (?:code-block|code|sourcecode|doctest|testcode|testoutput|literalinclude|productionlist|highlight|"
    r"index|toctree|image|figure|raw|include|csv-table|only|ifconfig|\|)"
)
_MD_FENCE_RE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_MD_INLINE_RE = re.compile(r"`[^`\n]+`|<[^>\n]+>|\]\([^)]*\)|https?://\S+")


def rst_prose(text: str) -> str:
    """reStructuredText without literal blocks (after '::'), directives' arguments and inline code or roles."""
    out: list[str] = []
    literal_indent: int | None = None
    for line in text.splitlines():
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if literal_indent is not None:
            if not stripped or indent > literal_indent:
                continue
            literal_indent = None
        if stripped.startswith(".. "):
            # a directive: code directives hide their body; others ("function", "note") keep their prose body
            if _CODE_DIRECTIVE_RE.match(stripped):
                literal_indent = indent
            out.append("")
            continue
        if stripped.startswith(":") and re.match(r":[\w-]+:( |$)", stripped):
            continue  # a directive option
        if stripped.endswith("::"):
            literal_indent = indent
            stripped = stripped[:-2]
        if stripped.startswith(">>>") or re.fullmatch(r"[=\-~^\"'`#*+.:_]{3,}", stripped):
            continue
        out.append(_RST_INLINE_RE.sub(" , ", stripped))
    return "\n".join(out)


def md_prose(text: str) -> str:
    text = _MD_FENCE_RE.sub("\n\n", text)
    lines = [line for line in text.splitlines() if not line.startswith(("    ", "\t"))]
    return _MD_INLINE_RE.sub(" , ", "\n".join(lines))


def documents() -> Iterator[tuple[str, str]]:
    """(source name, prose) for every file of every source, in a fixed order."""
    for name, folder, pattern, fmt in SOURCES:
        base = Path(folder)
        if not base.is_dir():
            raise SystemExit(f"build_tech_vocab: {folder} is missing: install the package ({name})")
        for path in sorted(base.glob(pattern)):
            if not path.is_file():
                continue
            raw = gzip.open(path, "rb").read() if path.suffix == ".gz" else path.read_bytes()
            text = raw.decode("utf-8", errors="replace")
            if fmt == "html":
                yield name, html_prose(text)
            elif fmt == "rst":
                yield name, rst_prose(text)
            else:
                yield name, md_prose(html.unescape(text))


# -- counting ------------------------------------------------------------------------------------------------
class Counts:
    def __init__(self) -> None:
        self.words: Counter[str] = Counter()
        self.caps: Counter[str] = Counter()  # capitalised, not sentence-initial
        self.upper: Counter[str] = Counter()  # all capitals (2+ letters)
        self.phrases: Counter[str] = Counter()
        self.total = 0

    def add(self, prose: str) -> None:
        for run in RUN_SPLIT_RE.split(prose):
            tokens = [m.group(0) for m in WORD_RE.finditer(run)]
            lowered = [t.lower().replace("’", "'") for t in tokens]
            for i, (tok, low) in enumerate(zip(tokens, lowered, strict=True)):
                self.words[low] += 1
                if i > 0 and tok[0].isupper():
                    self.caps[low] += 1
                if len(tok) >= 2 and tok.isupper():
                    self.upper[low] += 1
            self.total += len(tokens)
            for n in (2, 3):
                for i in range(len(lowered) - n + 1):
                    gram = lowered[i : i + n]
                    if any(g in STOP or len(g) < 2 or g[0].isdigit() for g in gram):
                        continue
                    self.phrases[" ".join(gram)] += 1


def zipf_of(count: int, total: int) -> float:
    return math.log10(count * 1e9 / total)


def build() -> tuple[list[str], dict[str, int]]:
    from wordfreq import zipf_frequency

    counts = Counts()
    sizes: Counter[str] = Counter()
    for name, prose in documents():
        before = counts.total
        counts.add(prose)
        sizes[name] += counts.total - before
    total = counts.total
    rows: list[str] = []
    for word, n in counts.words.items():
        if n < UNIGRAM_MIN_COUNT or len(word) < 2:
            continue
        tz = zipf_of(n, total)
        if tz < zipf_frequency(word, "en") - KEEP_BELOW:
            continue
        rows.append(f"{word}\t{tz:.2f}\t{counts.caps[word] / n:.2f}\t{counts.upper[word] / n:.2f}")
    for phrase, n in counts.phrases.items():
        if n < PHRASE_MIN_COUNT:
            continue
        parts = phrase.split()
        expected = math.prod(counts.words[p] / total for p in parts) * total
        if math.log2(n / expected) < PHRASE_MIN_PMI:
            continue
        tz = zipf_of(n, total)
        if tz < zipf_frequency(phrase, "en") - KEEP_BELOW:
            continue
        caps = min(counts.caps[p] / max(1, counts.words[p]) for p in parts)
        if caps >= 0.5:
            continue  # a name ("Brian Curtin", "Windows Server"), not a term of ordinary words
        rows.append(f"{phrase}\t{tz:.2f}\t{caps:.2f}\t0.00")
    rows.sort()
    return rows, dict(sizes)


def render(rows: list[str], sizes: dict[str, int]) -> str:
    head = [
        "# Technical (software documentation) frequency of words and phrases. GENERATED by",
        "# scripts/build_tech_vocab.py from the documentation Debian ships (see that script and docs/CREDITS.md);",
        "# do not edit by hand. Columns: term, technical Zipf, share capitalised, share in capitals.",
        "# words counted: " + ", ".join(f"{name}: {n:,}" for name, n in sorted(sizes.items())),
        f"# total: {sum(sizes.values()):,}",
    ]
    return "\n".join(head + rows) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped table differs from a rebuild")
    args = parser.parse_args()
    rows, sizes = build()
    text = render(rows, sizes)
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("tech_vocab.tsv is current" if same else "tech_vocab.tsv differs from a rebuild")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    words = sum(1 for r in rows if " " not in r.split("\t")[0])
    print(f"wrote {OUT.relative_to(ROOT)}: {words:,} words, {len(rows) - words:,} phrases from {sum(sizes.values()):,} words")
    for name, n in sorted(sizes.items()):
        print(f"  {name}: {n:,} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
