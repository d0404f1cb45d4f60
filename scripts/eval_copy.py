"""Measure the copy rules (jargon, readability, style) on the labelled data and corpora in ../shared.

    .venv/bin/python scripts/eval_copy.py [--shared ../shared] [--json]

``run(shared) -> dict`` returns every figure; as a script it prints them. What is measured:

jargon (JRG001 + JRG002, business profile) against the ``jargon`` spans of data/labels/sentences.dev.jsonl:
  - match: a finding matches a labelled term when their character ranges overlap within the same sentence
    (compared in the source text, so inline code that the Markdown loader replaces still lines up). Precision =
    findings that match some label / findings; recall = labelled terms matched by some finding. "exact" figures
    count only findings whose text is exactly a labelled term.
  - "sentence" mode (the headline): each labelled sentence is its own document, loaded as Markdown - the
    annotators judged each sentence on its own, so first-use and explanations act within the sentence.
  - "page" mode: a page's labelled sentences are joined (in id order) into one document, so first use is per
    page, as a buyer reads it. Occurrence recall drops by design (a term is reported once); "term recall"
    counts a labelled term as found when the same term (case-insensitive) is reported anywhere on the page.
  - baseline: every word with Zipf frequency < 3 (wordfreq) is jargon.
  - cross-validation: the two fitted numbers, jargon.zipf_max and jargon.name_zipf_max, chosen together (best
    F1) on 4/5 of the pages (grouped by src, never by sentence) and measured on the other 1/5. The lexicon is
    hand-written, not fitted (docs/jargon.md says how its entries were chosen).
  - misses by cause: every labelled term no finding overlaps, sorted by what it looks like (code, acronym,
    capitalised name, common word in a technical sense...), to show where recall is lost.
readability: how often the consensus grade (and each formula) orders a OneStopEnglish article's advanced >
  intermediate > elementary versions (data/readability.dev.jsonl; read from shared/, never copied).
noise: warnings per 100 words of these rules on the professional pages in corpus/sales + corpus/landing.
speed: milliseconds to analyse a 1,000-word page with every rule, in-process, after warm-up (median of runs).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MY_PREFIXES = ("JRG", "RDB", "CLR", "TON")
MY_CODES = {"STR001"}
ZIPF_GRID = (1.5, 2.0, 2.5, 3.0, 3.3, 3.5, 3.8, 4.0)
NAME_ZIPF_GRID = (0.0, 1.0, 1.5, 2.0, 2.5, 3.0)  # 0: capitalised unknown words are never jargon


# -- jargon ------------------------------------------------------------------------------------------------
def _labels(shared: Path) -> list[dict]:
    path = shared / "data" / "labels" / "sentences.dev.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _found_spans(
    doc, profile: str = "business", zipf_max: float | None = None, thresholds: dict | None = None
) -> list[tuple[int, int, str]]:
    """(source start, source end, term) of every JRG001/JRG002 finding."""
    from plainpitch.config import Config
    from plainpitch.engine import Context
    from plainpitch.model import Span
    from plainpitch.rules.checks.jargon import find_terms

    thresholds = dict(thresholds or {})
    if zipf_max is not None:
        thresholds["jargon.zipf_max"] = zipf_max
    ctx = Context(doc, Config(profile=profile, thresholds=thresholds), "page")
    report = find_terms(doc, ctx)
    out = []
    for h in report.jargon + report.acronyms:
        s, e = doc.source_span(Span(h.start, h.end))
        out.append((s, e, h.text))
    return out


def _label_spans(source: str, offset: int, terms: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    for term in dict.fromkeys(terms):
        spans += [(offset + m.start(), offset + m.end(), term) for m in re.finditer(re.escape(term), source)]
    return spans


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.exact_tp = 0
        self.labels = self.recalled = self.exact_recalled = 0

    def add(self, found, labels, n_terms: int, matched_terms: set[str], exact_terms: set[str]) -> None:
        for s, e, _text in found:
            if any(ls < e and s < le for ls, le, _ in labels):
                self.tp += 1
            else:
                self.fp += 1
            if any(ls == s and le == e for ls, le, _ in labels):
                self.exact_tp += 1
        self.labels += n_terms
        self.recalled += len(matched_terms)
        self.exact_recalled += len(exact_terms)

    def figures(self) -> dict[str, float]:
        n = self.tp + self.fp
        p = self.tp / n if n else 0.0
        r = self.recalled / self.labels if self.labels else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "exact_precision": round(self.exact_tp / n, 3) if n else 0.0,
            "exact_recall": round(self.exact_recalled / self.labels, 3) if self.labels else 0.0,
            "findings": n,
            "labelled_terms": self.labels,
        }


def _score_sentence(found, source: str, terms: list[str], tally: Tally, offset: int = 0) -> None:
    labels = _label_spans(source, offset, terms)
    matched, exact = set(), set()
    for ls, le, term in labels:
        if any(ls < e and s < le for s, e, _ in found):
            matched.add(term)
        if any(ls == s and le == e for s, e, _ in found):
            exact.add(term)
    tally.add(found, labels, len(set(terms)), matched, exact)


def _tally_sentences(rows: list[dict], profile: str = "business", zipf_max: float | None = None) -> Tally:
    from plainpitch.ingest import load_text

    tally = Tally()
    for row in rows:
        doc = load_text(row["text"], "sentence.md")
        _score_sentence(_found_spans(doc, profile, zipf_max), doc.source, row["jargon"], tally)
    return tally


def jargon_sentences(rows: list[dict], profile: str = "business", zipf_max: float | None = None) -> dict:
    return _tally_sentences(rows, profile, zipf_max).figures()


def jargon_pages(rows: list[dict]) -> dict:
    from plainpitch.ingest import load_text

    tally = Tally()
    term_total = term_found = 0
    by_src: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_src[row["src"]].append(row)
    for src, items in by_src.items():
        items.sort(key=lambda r: r["id"])
        texts = [r["text"].replace("\n", " ") for r in items]
        doc = load_text("\n\n".join(texts), f"{src}.md")
        found = _found_spans(doc)
        reported = {t.lower() for _, _, t in found}
        offset = 0
        for row, text in zip(items, texts, strict=True):
            start = doc.source.find(text, offset)
            if start < 0:
                continue
            end = start + len(text)
            in_sentence = [f for f in found if start <= f[0] < end]
            _score_sentence(in_sentence, text, row["jargon"], tally, start)
            offset = end
        terms = {t.lower() for r in items for t in r["jargon"]}
        term_total += len(terms)
        term_found += sum(1 for t in terms if any(t in r or r in t for r in reported))
    out = tally.figures()
    out["term_recall"] = round(term_found / term_total, 3) if term_total else 0.0
    return out


def baseline(rows: list[dict], zipf_below: float = 3.0) -> dict:
    """Every word (as the segmenter splits it) with Zipf < 3 is jargon."""
    from plainpitch.ingest import load_text
    from plainpitch.model import Span
    from plainpitch.text.lexicon import zipf

    tally = Tally()
    for row in rows:
        doc = load_text(row["text"], "sentence.md")
        found = []
        for tok in doc.words:
            if any(c.isalpha() for c in tok.text) and zipf(tok.text) < zipf_below:
                s, e = doc.source_span(Span(tok.start, tok.end))
                found.append((s, e, tok.text))
        _score_sentence(found, doc.source, row["jargon"], tally)
    return tally.figures()


def _sentence_tallies(rows: list[dict], zipf_max: float, name_zipf_max: float) -> dict[str, Tally]:
    """One Tally per source page for one setting of the two fitted numbers (sentence mode)."""
    from plainpitch.ingest import load_text

    thresholds = {"jargon.zipf_max": zipf_max, "jargon.name_zipf_max": name_zipf_max}
    out: dict[str, Tally] = defaultdict(Tally)
    for row in rows:
        doc = load_text(row["text"], "sentence.md")
        _score_sentence(_found_spans(doc, thresholds=thresholds), doc.source, row["jargon"], out[row["src"]])
    return out


def _pool(tallies: Iterable[Tally]) -> Tally:
    pooled = Tally()
    for t in tallies:
        for attr in ("tp", "fp", "exact_tp", "labels", "recalled", "exact_recalled"):
            setattr(pooled, attr, getattr(pooled, attr) + getattr(t, attr))
    return pooled


def cross_validate(rows: list[dict], folds: int = 5) -> dict:
    """Pick jargon.zipf_max and jargon.name_zipf_max (best F1) on 4/5 of the pages, measure on the held-out
    1/5; pooled over the folds. Pages, never sentences, are split: no page has sentences on both sides."""
    srcs = sorted({r["src"] for r in rows})
    fold_of = {src: i % folds for i, src in enumerate(srcs)}
    grid = [(z, n) for z in ZIPF_GRID for n in NAME_ZIPF_GRID]
    by_setting = {setting: _sentence_tallies(rows, *setting) for setting in grid}
    held_out: list[Tally] = []
    chosen = []
    for k in range(folds):
        train = [src for src in srcs if fold_of[src] != k]
        test = [src for src in srcs if fold_of[src] == k]

        def train_f1(setting, train=train):
            return _pool(by_setting[setting][src] for src in train).figures()["f1"]

        best = max(grid, key=train_f1)  # ties: the first (lowest) setting in the grid
        chosen.append(best)
        held_out.append(_pool(by_setting[best][src] for src in test))
    out = _pool(held_out).figures()
    out["chosen_zipf_max"] = [z for z, _ in chosen]
    out["chosen_name_zipf_max"] = [n for _, n in chosen]
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


def miss_causes(rows: list[dict], profile: str = "business") -> dict[str, int]:
    """Labelled terms that no finding overlaps, counted by cause (sentence mode, as the headline)."""
    from plainpitch.ingest import load_text
    from plainpitch.profiles import thresholds

    zipf_max = float(thresholds(profile, "self-serve")["jargon.zipf_max"])
    causes: dict[str, int] = defaultdict(int)
    for row in rows:
        doc = load_text(row["text"], "sentence.md")
        found = _found_spans(doc, profile)
        reported = {t.lower() for _, _, t in found}
        labels = _label_spans(doc.source, 0, row["jargon"])
        for term in dict.fromkeys(row["jargon"]):
            spans = [(s, e) for s, e, t in labels if t == term]
            if not any(ls < e and s < le for ls, le in spans for s, e, _ in found):
                causes[_miss_cause(term, row["text"], reported, zipf_max)] += 1
    return dict(sorted(causes.items(), key=lambda kv: -kv[1]))


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


def run(shared: Path) -> dict:
    shared = Path(shared)
    rows = _labels(shared)
    return {
        "jargon": {
            "sentence": jargon_sentences(rows),
            "page": jargon_pages(rows),
            "baseline_zipf_below_3": baseline(rows),
            "cross_validated_zipf_max": cross_validate(rows),
        },
        "jargon_misses_by_cause": miss_causes(rows),
        "readability_order": readability_order(shared),
        "noise": {"business": noise(shared, "business"), "technical": noise(shared, "technical")},
        "speed_1000_words": speed(shared),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure the copy rules on ../shared")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    if not args.shared.is_dir():
        print(f"eval_copy: {args.shared}: no shared data here (use --shared PATH)", file=sys.stderr)
        return 2
    result = run(args.shared)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    j = result["jargon"]
    for name, fig in j.items():
        print(f"jargon {name:<26} " + "  ".join(f"{k}={v}" for k, v in fig.items()))
    misses = result["jargon_misses_by_cause"]
    print(f"jargon misses by cause ({sum(misses.values())} labelled terms no finding overlaps):")
    for cause, n in misses.items():
        print(f"  {cause:<34} {n:>4}")
    print("readability order          " + "  ".join(f"{k}={v}" for k, v in result["readability_order"].items()))
    for profile, fig in result["noise"].items():
        print(f"noise {profile:<10} warnings/100w={fig['warnings_per_100_words']}  "
              f"non-jargon findings/100w={fig['non_jargon_findings_per_100_words']}  {fig['per_rule_per_100_words']}")  # fmt: skip
    s = result["speed_1000_words"]
    print(f"speed: {s['words']} words in {s['median_ms']} ms (median of {s['runs']}, all rules, after warm-up)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
