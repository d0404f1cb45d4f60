"""Measure the copy rules (jargon, readability, style) on the labelled data, the judged texts and corpora in ../shared.

    .venv/bin/python scripts/eval_copy.py [--shared ../shared] [--json] [--quick]

``run(shared) -> dict`` returns every figure; as a script it prints them. What is measured:

jargon against the ``jargon`` spans of data/labels/sentences.dev.jsonl, with the labels' reader (``--profile
business``), the way the held-out figure is taken: **distinct terms per page**. A page's labelled sentences are
joined (in id order) into one Markdown document and analysed whole, so first use, explanations and context act
as on a real page.
  - a reported term is right when any of its uses (the first and the later ones) overlaps a labelled term's use
    on that page; precision = right reported terms / reported terms. A labelled term (case-insensitive, per page)
    is recalled when any of its uses overlaps a reported use; recall = recalled / labelled terms.
  - "findings": the terms JRG001/JRG002 report. "detected": every unexplained term in the JSON report's
    ``details["jargon"]``, which adds code spans (detected for measurement, never reported: a seller copies code,
    never rewrites it).
  - baseline: every word with Zipf frequency < 3 (wordfreq) is jargon; the 0.1.0 figures are quoted beside.
  - cross-validation: the fitted numbers (jargon.contrast, jargon.context_contrast, jargon.familiar_zipf,
    jargon.phrase_contrast) are chosen on 4/5 of the pages (grouped by page, never by sentence): the highest recall whose precision on those
    pages is at least 0.92 (else the best F1); then measured on the other 1/5. Pooled over the folds.
  - lexicon left out: the hand lexicon is not fitted by a number, so cross-validation cannot test it; instead each
    page is measured without the lexicon entries that match labelled terms on that page alone (a held-out
    estimate for a lexicon written with the dev pages in view).
  - misses and false alarms by cause, to show where recall and precision are lost.
judged texts (data/judged/copy/findings.judged.csv): how many of today's jargon findings fall where the judge
  said W / RT / RU (matched by line and flagged text), with the default reader and with the judged reader, and
  how many jargon findings each text gets, beside 0.1.0's.
readability: how often the consensus grade (and each formula) orders a OneStopEnglish article's advanced >
  intermediate > elementary versions (data/readability.dev.jsonl; read from shared/, never copied).
noise: warnings per 100 words of these rules on the professional pages in corpus/sales + corpus/landing.
speed: milliseconds to analyse a 1,000-word page with every rule, in-process, after warm-up (median of runs).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MY_PREFIXES = ("JRG", "RDB", "CLR", "TON")
MY_CODES = {"STR001"}
JARGON_CODES = ("JRG001", "JRG002")
# 0.1.0 as measured on the same data (dev) and from outside (held-out), for comparison
OLD = {
    "dev_sentence_mode_0.1.0": {"precision": 0.961, "recall": 0.788},
    "dev_page_term_recall_0.1.0": 0.799,
    "held_out_0.1.0 (outside, distinct terms per page)": {"precision": 0.91, "recall": 0.53},
}
CONTRAST_GRID = (0.8, 1.0, 1.3, 1.6)
CONTEXT_GRID = (0.5, 0.7, 1.0, 9.0)  # 9: "neighbour" words off
FAMILIAR_GRID = (3.6, 3.8, 4.0, 4.2)
PHRASE_GRID = (0.6, 0.9, 9.0)  # 9: documentation phrases off
FITTED = ("jargon.contrast", "jargon.context_contrast", "jargon.familiar_zipf", "jargon.phrase_contrast")
MIN_PRECISION = 0.92
# the reader each judged text was judged for (data/judged/README.md: developers for dev-tool pitches and READMEs)
JUDGED_READER = {
    "01-plausible-home": "business", "02-plausible-for-saas": "business", "05-documenso-home-2023": "business",
    "06-lifeike-agency-home": "business", "08-email-cold-hackathon-partnership": "business",
    "09-email-cold-devtool-selfpromo": "technical", "11-email-product-plausible-trial": "business",
    "12-proposal-southend-webdesign": "business", "14-plausible-pricing": "business",
    "16-readme-ripgrep": "technical", "17-readme-debezium": "technical",
}  # fmt: skip


# -- jargon ------------------------------------------------------------------------------------------------
def _labels(shared: Path) -> list[dict]:
    path = shared / "data" / "labels" / "sentences.dev.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _context(doc, profile: str = "business", thresholds: dict | None = None):
    from plainpitch.config import Config
    from plainpitch.engine import Context

    return Context(doc, Config(profile=profile, thresholds=dict(thresholds or {})), "page")


def _reported(doc, ctx, mode: str) -> list[tuple[str, list[tuple[int, int]], str]]:
    """(text, source spans of every use, reason) of each unexplained term: JRG001/JRG002's ("findings") or the
    details provider's ("detected": adds code spans)."""
    from plainpitch.rules.checks.jargon import jargon_details

    out = []
    for item in jargon_details(doc, ctx)[1]["terms"]:
        if item["explained"] or (mode == "findings" and not item["reported"]):
            continue
        out.append((item["text"], [tuple(s) for s in item["spans"]], item["reason"]))
    return out


class Tally:
    def __init__(self) -> None:
        self.reported = self.right = self.labelled = self.recalled = 0

    def add(self, other: Tally) -> None:
        for attr in ("reported", "right", "labelled", "recalled"):
            setattr(self, attr, getattr(self, attr) + getattr(other, attr))

    def figures(self) -> dict[str, float]:
        p = self.right / self.reported if self.reported else 0.0
        r = self.recalled / self.labelled if self.labelled else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "reported_terms": self.reported,
            "labelled_terms": self.labelled,
        }


def _pool(tallies: Iterable[Tally]) -> Tally:
    pooled = Tally()
    for t in tallies:
        pooled.add(t)
    return pooled


def _pages(rows: list[dict]) -> dict[str, list[dict]]:
    by_src: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_src[row["src"]].append(row)
    for items in by_src.values():
        items.sort(key=lambda r: r["id"])
    return dict(sorted(by_src.items()))


def _page_doc(items: list[dict]):
    """One Markdown document of a page's sentences, and the labelled uses: {term (lower): [(start, end)]}."""
    from plainpitch.ingest import load_text

    texts = [r["text"].replace("\n", " ") for r in items]
    source = "\n\n".join(texts)
    doc = load_text(source, "page.md")
    labelled: dict[str, list[tuple[int, int]]] = defaultdict(list)
    offset = 0
    for row, text in zip(items, texts, strict=True):
        start = source.find(text, offset)
        offset = start + len(text)
        for term in dict.fromkeys(row["jargon"]):
            for m in re.finditer(re.escape(term), text):
                labelled[term.lower()].append((start + m.start(), start + m.end()))
    return doc, labelled


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def score_page(reported, labelled: dict[str, list[tuple[int, int]]]) -> Tally:
    t = Tally()
    all_labelled = [span for spans in labelled.values() for span in spans]
    all_reported = [span for _, spans, _ in reported for span in spans]
    t.reported = len(reported)
    t.right = sum(1 for _, spans, _ in reported if _overlap(spans, all_labelled))
    t.labelled = len(labelled)
    t.recalled = sum(1 for spans in labelled.values() if _overlap(spans, all_reported))
    return t


def page_tallies(rows, profile="business", thresholds=None, mode="detected") -> dict[str, Tally]:
    out = {}
    for src, items in _pages(rows).items():
        doc, labelled = _page_doc(items)
        out[src] = score_page(_reported(doc, _context(doc, profile, thresholds), mode), labelled)
    return out


def jargon_pages(rows, profile="business", thresholds=None, mode="detected") -> dict:
    return _pool(page_tallies(rows, profile, thresholds, mode).values()).figures()


def baseline(rows: list[dict], zipf_below: float = 3.0) -> dict:
    """Every word (as the segmenter splits it) with Zipf < 3 is jargon; distinct words per page."""
    from plainpitch.model import Span
    from plainpitch.text.lexicon import zipf

    pooled = Tally()
    for items in _pages(rows).values():
        doc, labelled = _page_doc(items)
        words: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for tok in doc.words:
            if any(c.isalpha() for c in tok.text) and zipf(tok.text) < zipf_below:
                words[tok.text.lower()].append(doc.source_span(Span(tok.start, tok.end)))
        pooled.add(score_page([(w, spans, "rare") for w, spans in words.items()], labelled))
    return pooled.figures()


def _choose(figures: dict) -> tuple:
    """The setting with the highest recall at precision >= MIN_PRECISION, else the best F1 (ties: first)."""
    ok = [(f["recall"], f["f1"], s) for s, f in figures.items() if f["precision"] >= MIN_PRECISION]
    if ok:
        return max(ok, key=lambda x: (x[0], x[1]))[2]
    return max(figures, key=lambda s: figures[s]["f1"])


def cross_validate(rows: list[dict], folds: int = 5, mode: str = "detected", quick: bool = False) -> dict:
    """Choose the FITTED thresholds on 4/5 of the pages, measure on the other 1/5; pooled over the folds. Pages,
    never sentences, are split."""
    srcs = sorted({r["src"] for r in rows})
    fold_of = {src: i % folds for i, src in enumerate(srcs)}
    grid = [(c, x, f, p) for c in CONTRAST_GRID for x in CONTEXT_GRID for f in FAMILIAR_GRID for p in PHRASE_GRID]
    if quick:
        grid = grid[:: max(1, len(grid) // 8)]
    by_setting = {
        setting: page_tallies(rows, thresholds=dict(zip(FITTED, setting, strict=True)), mode=mode) for setting in grid
    }
    held_out: list[Tally] = []
    chosen = []
    for k in range(folds):
        train = [src for src in srcs if fold_of[src] != k]
        test = [src for src in srcs if fold_of[src] == k]
        figures = {s: _pool(by_setting[s][src] for src in train).figures() for s in grid}
        best = _choose(figures)
        chosen.append(best)
        held_out.append(_pool(by_setting[best][src] for src in test))
    out = _pool(held_out).figures()
    out["chosen per fold (" + ", ".join(k.removeprefix("jargon.") for k in FITTED) + ")"] = chosen
    all_pages = {s: _pool(t.values()).figures() for s, t in by_setting.items()}
    out["chosen on all pages"] = _choose(all_pages)
    return out


def lexicon_left_out(rows: list[dict], mode: str = "detected") -> dict:
    """A held-out estimate for the hand lexicon, which was not fitted by a number but written with the dev pages in
    view: each page is measured without the lexicon entries that match labelled terms on that page and on no other
    (the entries that page alone could have prompted)."""
    from plainpitch.rules.checks import jargon
    from plainpitch.text import lexicon

    original = lexicon.terms
    full = original()
    pages = _pages(rows)
    entry_pages: dict[str, set[str]] = defaultdict(set)
    for src, items in pages.items():
        for term in {t.lower().replace("-", " ") for r in items for t in r["jargon"]}:
            for word in term.split():
                if (entry := full.words.get(word)) is not None:
                    entry_pages[entry.text.lower()].add(src)
            for candidates in full.phrases.values():
                for words, entry, _exact in candidates:
                    if " ".join(words).lower() in term:
                        entry_pages[entry.text.lower()].add(src)
    tallies = []
    dropped = 0
    try:
        for src, items in pages.items():
            drop = {e for e, seen in entry_pages.items() if seen == {src}}
            dropped += len(drop)
            index = lexicon.TermIndex(
                {k: v for k, v in full.words.items() if v.text.lower() not in drop}, full.exact,
                {k: [c for c in v if c[1].text.lower() not in drop] for k, v in full.phrases.items()},
                full.plain, full.context,
            )  # fmt: skip
            lexicon.terms = lambda index=index: index
            jargon._word_verdict.cache_clear()
            doc, labelled = _page_doc(items)
            tallies.append(score_page(_reported(doc, _context(doc), mode), labelled))
    finally:
        lexicon.terms = original
        jargon._word_verdict.cache_clear()
    out = _pool(tallies).figures()
    out["entries_left_out_per_page"] = round(dropped / len(pages), 2)
    return out


def _miss_cause(term: str, sentence: str, reported: set[str], zipf_max: float) -> str:
    """Why a labelled term was missed, from its shape alone (the first cause that applies)."""
    from plainpitch.text import lexicon

    words = re.findall(r"[\w'’]+", term)
    if term.lower() in reported:
        return "reported earlier in the sentence"
    if re.search(r"[/~%_\\\[\]]|\d", term) or "." in term.strip("."):
        return "code, path, number"
    if any(len(w) >= 2 and w.isupper() for w in words):
        return "acronym (known or all-caps)"
    if any(any(c.isupper() for c in w[1:]) for w in words):
        return "name with inner capitals"
    initial = sentence.lstrip("-*# >[!]").startswith(term)
    if any(w[:1].isupper() for w in words) and not (initial and len(words) == 1):
        return "capitalised name or title"
    if "-" in term:
        return "hyphenated compound"
    if any(lexicon.rarer_than(w, zipf_max) for w in words):
        return "rare word"
    return "common word, technical sense"


def errors_by_cause(rows: list[dict], profile: str = "business", mode: str = "detected") -> dict:
    """Labelled terms missed (by the shape of the term) and reported terms no label covers (by detection reason)."""
    missed: Counter[str] = Counter()
    false: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for items in _pages(rows).values():
        doc, labelled = _page_doc(items)
        reported = _reported(doc, _context(doc, profile), mode)
        spans = [span for _, s, _ in reported for span in s]
        all_labelled = [span for s in labelled.values() for span in s]
        for term, uses in labelled.items():
            if not _overlap(uses, spans):
                text = next(r["text"] for r in items if term in r["text"].lower())
                missed[_miss_cause(doc.source[uses[0][0] : uses[0][1]], text, set(), 3.3)] += 1
        for text, uses, reason in reported:
            if not _overlap(uses, all_labelled):
                false[reason] += 1
                if len(examples[reason]) < 12:
                    examples[reason].append(text)
    return {"missed": dict(missed.most_common()), "false_alarms": dict(false.most_common()), "false_alarm_examples": dict(examples)}


# -- judged texts ------------------------------------------------------------------------------------------
def judged(shared: Path) -> dict:
    """Today's jargon findings on the judged dev texts, matched to the 0.1.0 judgements by line and flagged text."""
    from plainpitch.config import Config
    from plainpitch.engine import analyze
    from plainpitch.ingest import load_path

    folder = shared / "data" / "judged" / "copy"
    rows = list(csv.DictReader((folder / "findings.judged.csv").open(encoding="utf-8")))
    old = [r for r in rows if r["code"].startswith("JRG")]
    old_labels = Counter(r["label"] for r in old)
    out: dict = {"0.1.0": {"findings": len(old), "judged": dict(old_labels)}}
    for reader in ("inferred reader (default flags)", "judged reader"):
        per_text: dict[str, int] = {}
        matched: Counter[str] = Counter()
        unjudged: list[str] = []
        judged_examples: list[str] = []
        for path in sorted(folder.iterdir()):
            name = path.name.split(".")[0]
            if name not in JUDGED_READER or path.name.endswith(".front-matter.md"):
                continue
            profile = JUDGED_READER[name] if reader == "judged reader" else None  # None: the engine infers it
            report = analyze(load_path(path), Config(profile=profile))
            mine = [f for f in report.findings if f.code.startswith("JRG")]
            per_text[name] = len(mine)
            for f in mine:
                label = next(
                    (r["label"] for r in old if r["text"] == name and int(r["line"]) == f.location.line
                     and (r["flagged_text"] in f.text or f.text in r["flagged_text"] or r["flagged_text"] == "code")),
                    None,
                )  # fmt: skip
                if label is None:
                    unjudged.append(f"{name}:{f.location.line} {f.code} {f.text[:40]}")
                else:
                    matched[label] += 1
                    judged_examples.append(f"{label} {name}:{f.location.line} {f.code} {f.text[:40]}")
        out[reader] = {
            "findings": sum(per_text.values()),
            "per_text": per_text,
            "on_judged_lines": dict(matched),
            "not_judged_before": len(unjudged),
            "on_judged_lines_examples": judged_examples,
            "not_judged_examples": unjudged[:25],
        }
    return out


# -- readability -------------------------------------------------------------------------------------------
def readability_order(shared: Path) -> dict:
    from plainpitch.text.readability import all_scores, text_counts

    path = shared / "data" / "readability.dev.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ok: dict[str, int] = defaultdict(int)
    for row in rows:
        scores = {level: all_scores(text_counts(row[level])) for level in ("adv", "int", "ele")}
        for name in scores["adv"]:
            a, i, e = (scores[level][name] for level in ("adv", "int", "ele"))
            if name == "flesch_reading_ease":
                ok[name] += a < i < e
            else:
                ok[name] += a > i > e
    return {"articles": len(rows), **{name: round(n / len(rows), 3) for name, n in ok.items()}}


# -- noise and speed ---------------------------------------------------------------------------------------
def _mine(rules):
    return [r for r in rules if r.meta.code.startswith(MY_PREFIXES) or r.meta.code in MY_CODES]


def noise(shared: Path, profile: str) -> dict:
    from plainpitch.config import Config
    from plainpitch.engine import analyze
    from plainpitch.ingest import load_path
    from plainpitch.rules.base import all_rules

    rules = _mine(all_rules())
    files = sorted((shared / "corpus" / "sales").glob("*.md")) + sorted((shared / "corpus" / "landing").glob("*.md"))
    words = 0
    per_rule: dict[str, int] = defaultdict(int)
    warnings = 0
    for path in files:
        doc = load_path(path)
        words += doc.word_count
        for f in analyze(doc, Config(profile=profile), rules=rules).findings:
            per_rule[f.code] += 1
            warnings += f.severity != "suggestion"
    per100 = {code: round(100 * n / words, 3) for code, n in sorted(per_rule.items())}
    style = sum(n for code, n in per_rule.items() if not code.startswith("JRG"))
    return {
        "pages": len(files),
        "words": words,
        "warnings_per_100_words": round(100 * warnings / words, 3),
        "non_jargon_findings_per_100_words": round(100 * style / words, 3),
        "per_rule_per_100_words": per100,
    }


def speed(shared: Path, runs: int = 15) -> dict:
    from plainpitch.config import Config
    from plainpitch.engine import analyze
    from plainpitch.ingest import load_text

    text = (shared / "corpus" / "sales" / "go-paypal.md").read_text(encoding="utf-8")
    words = text.split()
    page = " ".join(words[:1000])
    page = re.sub(r"(?<=[.!?]) ", "\n\n", page, count=20)  # some paragraphs
    config = Config()
    analyze(load_text(page, "page.md"), config)  # warm-up: tables load once per process
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        analyze(load_text(page, "page.md"), config)
        times.append((time.perf_counter() - start) * 1000)
    return {"words": len(page.split()), "median_ms": round(statistics.median(times), 1), "runs": runs}


def run(shared: Path, quick: bool = False) -> dict:
    shared = Path(shared)
    rows = _labels(shared)
    return {
        "jargon": {
            "detected (details, business)": jargon_pages(rows, mode="detected"),
            "findings (JRG001+JRG002, business)": jargon_pages(rows, mode="findings"),
            "baseline: Zipf < 3 is jargon": baseline(rows),
            "cross-validated by page (detected)": cross_validate(rows, mode="detected", quick=quick),
            "cross-validated by page (findings)": cross_validate(rows, mode="findings", quick=quick),
            "lexicon entries of the page itself left out (detected)": lexicon_left_out(rows, "detected"),
            "lexicon entries of the page itself left out (findings)": lexicon_left_out(rows, "findings"),
            "0.1.0 for comparison": OLD,
        },
        "jargon_errors_by_cause": errors_by_cause(rows),
        "jargon_on_judged_texts": judged(shared),
        "readability_order": readability_order(shared),
        "noise": {"business": noise(shared, "business"), "technical": noise(shared, "technical")},
        "speed_1000_words": speed(shared),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure the copy rules on ../shared")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--quick", action="store_true", help="a coarse threshold grid (for a quick look)")
    args = parser.parse_args()
    if not args.shared.is_dir():
        print(f"eval_copy: {args.shared}: no shared data here (use --shared PATH)", file=sys.stderr)
        return 2
    result = run(args.shared, quick=args.quick)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for name, fig in result["jargon"].items():
        print(f"jargon {name:<38} " + "  ".join(f"{k}={v}" for k, v in fig.items()))
    errors = result["jargon_errors_by_cause"]
    print("jargon misses by cause:", errors["missed"])
    print("jargon false alarms by reason:", errors["false_alarms"])
    for reader, fig in result["jargon_on_judged_texts"].items():
        print(f"judged texts, {reader}: " + json.dumps({k: v for k, v in fig.items() if k != "not_judged_examples"}))
    print("readability order          " + "  ".join(f"{k}={v}" for k, v in result["readability_order"].items()))
    for profile, fig in result["noise"].items():
        print(f"noise {profile:<10} warnings/100w={fig['warnings_per_100_words']}  "
              f"non-jargon findings/100w={fig['non_jargon_findings_per_100_words']}  {fig['per_rule_per_100_words']}")  # fmt: skip
    s = result["speed_1000_words"]
    print(f"speed: {s['words']} words in {s['median_ms']} ms (median of {s['runs']}, all rules, after warm-up)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
