"""The labelled sentences, each placed on its page: the data the classifier is trained and measured on.

    .venv/bin/python scripts/classifier_data.py     # how many labelled sentences found their page and place

Every labelled sentence (shared/data/labels/sentences.dev.jsonl) names its page (`src`). Most pages are in
shared/corpus; each is loaded through plainpitch's own loaders, and the labelled sentence is matched to the
sentence of the Document that holds most of its words (the labelled text and the loader's sentence differ in
small ways: inline code is the word ``code`` in the Document, emphasis markers, a list split differently). That
gives the classifier what it sees at run time: the Document's sentence, its place on the page and its
neighbours. A sentence whose page is missing, or that cannot be placed, keeps its own text and no page
(``doc`` None): the classifier must cope with a bare sentence too.

This is also how the figures are measured, the way they are measured from outside: the label of a page sentence
is compared with the class the CLI reports for the Document sentence it was matched to.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))
_TOKEN_RE = re.compile(r"[a-z0-9]+")
MIN_SHARE = 0.6  # a labelled sentence is placed when one Document sentence holds this share of its words


@dataclass
class Row:
    """One labelled sentence and, when found, the Document sentence it is (index into doc.sentences)."""

    id: str
    src: str
    group: str
    text: str
    label: str
    agreed: bool
    doc: Any = None  # plainpitch.model.Document of its page, or None
    index: int = -1  # its sentence in doc.sentences, or -1

    @property
    def placed(self) -> bool:
        return self.doc is not None and self.index >= 0


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.lower().replace("’", "'"))


LANDING_LABELS = ROOT / "scripts" / "data" / "landing_labels.jsonl"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_rows(shared: Path = SHARED, landing: bool = False) -> list[dict[str, Any]]:
    """The labelled sentences of shared/data/labels; with ``landing``, also this project's landing-page labels
    (scripts/data/landing_labels.jsonl: every sentence of the 11 dev landing pages in shared/corpus/landing,
    labelled by the guideline; see docs/sales.md for how and why)."""
    rows = _read_jsonl(shared / "data" / "labels" / "sentences.dev.jsonl")
    if landing:
        rows += _read_jsonl(LANDING_LABELS)
    return rows


def page_paths(shared: Path = SHARED) -> dict[str, Path]:
    return {p.stem: p for p in sorted((shared / "corpus").glob("*/*.md"))}


def place(doc, texts: list[str]) -> list[int]:
    """For each labelled text, the index of the Document sentence holding most of its words (-1: none)."""
    from plainpitch.classify.structure import model_text

    sent_tokens = [Counter(_tokens(model_text(doc, i))) for i in range(len(doc.sentences))]
    out = []
    for text in texts:
        want = Counter(_tokens(text))
        total = sum(want.values())
        best, best_score = -1, 0.0
        for i, have in enumerate(sent_tokens):
            common = sum((want & have).values())
            if not common:
                continue
            # the share of the labelled words found, less a little for extra words (a longer merged sentence)
            score = common / total - 0.1 * (sum(have.values()) - common) / max(sum(have.values()), 1)
            if score > best_score:
                best, best_score = i, score
        out.append(best if total and best_score >= MIN_SHARE else -1)
    return out


def placed_rows(shared: Path = SHARED, landing: bool = False) -> list[Row]:
    """Every labelled sentence, placed on its page where the page is in shared/corpus."""
    from plainpitch.ingest import load_path

    raw = load_rows(shared, landing)
    paths = page_paths(shared)
    rows = [Row(r["id"], r["src"], r["group"], r["text"], r["label"], r.get("agreed", True), index=r.get("index", -1))
            for r in raw]
    by_page: dict[str, list[Row]] = {}
    for row in rows:
        by_page.setdefault(row.src, []).append(row)
    for src, items in by_page.items():
        if src not in paths:
            continue
        doc = load_path(paths[src])
        for row, index in zip(items, place(doc, [r.text for r in items]), strict=True):
            row.doc = doc
            # a row labelled on the Document itself names its sentence; the text must still be that sentence
            known = 0 <= row.index < len(doc.sentences) and doc.sentences[row.index].text == row.text
            row.index = row.index if known else index
    return rows


def main() -> int:
    rows = placed_rows(landing="--landing" in sys.argv)
    kinds = Counter()
    for r in rows:
        if r.placed:
            kinds[r.doc.units[r.doc.sentences[r.index].unit].kind] += 1
    pages = {r.src for r in rows}
    with_page = {r.src for r in rows if r.doc is not None}
    print(f"{len(rows)} labelled sentences on {len(pages)} pages; {len(with_page)} pages in shared/corpus; "
          f"{sum(r.placed for r in rows)} placed on their page, {sum(r.doc is not None and not r.placed for r in rows)} "
          f"not placed, {sum(r.doc is None for r in rows)} without a page")  # fmt: skip
    print("placed by unit kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    shared_sentence = Counter((r.src, r.index) for r in rows if r.placed)
    print(f"Document sentences holding more than one labelled sentence: {sum(1 for n in shared_sentence.values() if n > 1)}")
    if "-v" in sys.argv:
        for r in rows:
            if r.doc is not None and not r.placed:
                print(f"  not placed [{r.src}] {r.text[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
