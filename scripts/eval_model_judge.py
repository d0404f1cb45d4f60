"""The model judge (``plainpitch check --llm``) measured the same way as the offline judges, beside them.

    PLAINPITCH_EVAL_LLM_URL=http://127.0.0.1:11434/v1 PLAINPITCH_EVAL_LLM_MODEL=qwen2.5:7b \\
        .venv/bin/python scripts/eval_model_judge.py [--shared ../shared] [--pages N] [--json]

``make eval`` runs it with every eval_*.py; without PLAINPITCH_EVAL_LLM_URL it reports ``not run: no model
configured`` and sends nothing. Optional: PLAINPITCH_EVAL_LLM_KEY_ENV (the name of the variable holding an API
key), PLAINPITCH_EVAL_LLM_TIMEOUT (seconds, default 120). docs/jargon.md says how to serve a local model.

What is measured, on the labelled sentences of shared/data/labels (the model never saw them; nothing is fitted):
- feature / benefit / other: per-class F1 and macro-F1 of the model's classes, each labelled sentence placed on
  its page and classed with its page around it through the same ``classify_document`` path as the CLI
  (scripts/classifier_data.py places the sentences, as for the offline figures); beside the offline figure, the
  grouped-by-page cross-validated macro-F1 of the shipped recipe on the same sentences (what the linear model
  scores on pages it did not see). A sentence that is not on a page in shared/corpus is classed alone.
- jargon: precision and recall of distinct terms per page for the business reader, exactly as
  scripts/eval_copy.py takes them (the page's labelled sentences joined into one document; ``detected``: every
  unexplained term of details["jargon"]; ``findings``: JRG001 + JRG002), with the model judging the detector's
  candidates and adding the terms it missed; beside the offline detector's figures on the same pages.
- how often the model's answer was unusable (the document then falls back to the offline judgement, as in the
  CLI, and the note says so): those pages count with the offline judgement, so the figures are the CLI's.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
SHARED = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))
NOT_RUN = "not run: no model configured (set PLAINPITCH_EVAL_LLM_URL and PLAINPITCH_EVAL_LLM_MODEL; docs/jargon.md)"


def settings_from_env(env: dict[str, str] | None = None):
    """The model to measure, from the environment, or None."""
    from plainpitch.llm.settings import resolve

    env = dict(os.environ if env is None else env)
    url = env.get("PLAINPITCH_EVAL_LLM_URL")
    if not url:
        return None
    flags = {"base_url": url, "model": env.get("PLAINPITCH_EVAL_LLM_MODEL") or "default",
             "api_key_env": env.get("PLAINPITCH_EVAL_LLM_KEY_ENV"),
             "timeout": float(env.get("PLAINPITCH_EVAL_LLM_TIMEOUT") or 120)}  # fmt: skip
    return resolve(None, flags, wanted=True)


class _Judge:
    """A rule context stand-in for measuring: the config the CLI would build with --llm, its memo and notes."""

    def __init__(self, doc, settings, profile: str = "business") -> None:
        from plainpitch.config import Config
        from plainpitch.engine import Context

        self.ctx = Context(doc, Config(profile=profile, judge=settings), "page")

    def failed(self) -> bool:
        return any("judged offline instead" in n for n in self.ctx.cache.get("notes", ()))


# -- feature / benefit / other -------------------------------------------------------------------------------
def classes(shared: Path, settings, pages: int | None = None) -> dict[str, Any]:
    import train_classifier

    from plainpitch.classify import classify_document
    from plainpitch.ingest import load_text

    every = train_classifier.load_rows(shared)  # with this project's landing labels, as the shipped recipe trains
    rows = [r for r in every if r.group != "landing"]  # measured on shared/data/labels only
    if pages:
        srcs = set(sorted({r.src for r in rows})[:pages])
        rows = [r for r in rows if r.src in srcs]
    by_doc: dict[int, dict[int, str]] = {}
    failed_docs = docs = 0
    pred = []
    for row in rows:
        if row.placed:
            if id(row.doc) not in by_doc:
                judge = _Judge(row.doc, settings)
                by_doc[id(row.doc)] = {c.index: c.label for c in classify_document(row.doc, judge.ctx)}
                docs += 1
                failed_docs += judge.failed()
            label = by_doc[id(row.doc)].get(row.index)
            if label is not None:
                pred.append(label)
                continue
        alone = load_text(row.text, "sentence.md")  # not on a page we have: the sentence alone
        judge = _Judge(alone, settings)
        found = classify_document(alone, judge.ctx)
        docs += 1
        failed_docs += judge.failed()
        pred.append(max(found, key=lambda c: len(c.text)).label if found else "other")
    gold = [r.label for r in rows]
    model = train_classifier.per_class(gold, pred)
    out = {
        "sentences": len(rows), "pages": len({r.src for r in rows}),
        "model": model,
        "model_answers_unusable": f"{failed_docs} of {docs} documents (classed offline instead, as the CLI does)",
    }  # fmt: skip
    if pages is None:  # the offline figure of eval_sales: grouped CV by page, scored on the same sentences
        cv_pred, _ = train_classifier.grouped_predictions(every)
        by_id = {r.id: label for r, label in zip(every, cv_pred, strict=True)}
        out["offline_grouped_cv"] = train_classifier.per_class(gold, [by_id[r.id] for r in rows])
    return out


# -- jargon ---------------------------------------------------------------------------------------------------
def jargon(shared: Path, settings, pages: int | None = None) -> dict[str, Any]:
    import eval_copy

    rows = eval_copy._labels(shared)
    grouped = eval_copy._pages(rows)
    if pages:
        grouped = dict(list(grouped.items())[:pages])
    modes = {"detected": "detected (details, business)", "findings": "findings (JRG001+JRG002, business)"}
    model = {m: eval_copy.Tally() for m in modes}
    offline = {m: eval_copy.Tally() for m in modes}
    failed = 0
    for items in grouped.values():
        doc, labelled = eval_copy._page_doc(items)
        judge = _Judge(doc, settings)  # one context per page: the model judges each page once for both modes
        plain = eval_copy._context(doc)
        for mode in modes:
            model[mode].add(eval_copy.score_page(eval_copy._reported(doc, judge.ctx, mode), labelled))
            offline[mode].add(eval_copy.score_page(eval_copy._reported(doc, plain, mode), labelled))
        failed += judge.failed()
    out: dict[str, Any] = {name: {"model": model[m].figures(), "offline": offline[m].figures()} for m, name in modes.items()}
    out["model_answers_unusable"] = f"{failed} of {len(grouped)} pages (judged offline instead, as the CLI does)"
    return out


def run(shared: Path = SHARED, pages: int | None = None, env: dict[str, str] | None = None) -> dict[str, Any]:
    settings = settings_from_env(env)
    if settings is None:
        return {"status": NOT_RUN}
    started = time.perf_counter()
    result = {
        "status": "run",
        "model": {"endpoint": settings.endpoint, "model": settings.model},
        "classes": classes(Path(shared), settings, pages),
        "jargon": jargon(Path(shared), settings, pages),
    }
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure check --llm's model judge on ../shared")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--pages", type=int, help="only the first N labelled pages (a quick look; no offline CV)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.shared, args.pages)
    if args.json or result["status"] != "run":
        print(json.dumps(result, indent=2))
        return 0
    c = result["classes"]
    print(f"model {result['model']['model']} at {result['model']['endpoint']} ({result['seconds']} s)")
    print(f"feature/benefit/other macro-F1: model {c['model']['macro_f1']}"
          + (f", offline grouped CV {c['offline_grouped_cv']['macro_f1']}" if "offline_grouped_cv" in c else "")
          + f" ({c['sentences']} sentences, {c['pages']} pages; unusable answers: {c['model_answers_unusable']})")  # fmt: skip
    for name, fig in result["jargon"].items():
        if isinstance(fig, dict):
            print(f"jargon {name}: model P {fig['model']['precision']} R {fig['model']['recall']}; "
                  f"offline P {fig['offline']['precision']} R {fig['offline']['recall']}")  # fmt: skip
    print(f"jargon unusable answers: {result['jargon']['model_answers_unusable']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
