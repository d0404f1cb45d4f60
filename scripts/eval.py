"""make eval: runs every scripts/eval_*.py (each has run(shared) -> dict), prints and writes eval/results.json.

The figures measure judgement against the labelled data in ../shared (dev sets; a held-out part is kept
elsewhere). Anything fitted to the labels is cross-validated grouped by source page or dialogue.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))
RESULTS = ROOT / "eval" / "results.json"


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    results: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "shared": str(SHARED)}
    failed = False
    for path in sorted((ROOT / "scripts").glob("eval_*.py")):
        name = path.stem.removeprefix("eval_")
        print(f"== {name}", flush=True)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            results[name] = module.run(SHARED)
        except Exception:
            failed = True
            results[name] = {"error": traceback.format_exc(limit=3)}
        print(json.dumps(results[name], indent=2), flush=True)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
