"""make bench: speed figures, each beside a baseline measured in the same run; results in bench/results.json.

1. Throughput: `plainpitch check` vs proselint (PyPI) and write-good (npm) over the corpus in ../shared/corpus,
   repeated to about 300,000 words so that start-up does not count. Words per second and ratios.
2. In-process: one 1,000-word page analysed after warm-up (median of many runs), beside the segmenter alone.
3. Cold start: `plainpitch check` on one small file, beside `python -c pass` (the floor of any Python CLI).
4. Calls (scripts/bench_calls.py), the web API (scripts/bench_web.py) and the history store
   (scripts/bench_history.py), when present.
5. Bounded cost (scripts/bench_robust.py): time and peak memory per MiB for check, call review and .docx bombs.

Targets (from the issues) are printed beside each figure; a benchmark never fails the build, it reports.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))
VENV_BIN = Path(sys.executable).parent
RESULTS = ROOT / "bench" / "results.json"
TARGET_WORDS = 300_000


def corpus_files() -> list[Path]:
    folders = ["sales", "landing", "readme", "emails"]
    return sorted(p for f in folders for p in (SHARED / "corpus" / f).glob("*.md"))


def count_words(text: str) -> int:
    return len(text.split())


def page_1000_words() -> str:
    """A 1,000-word page of real landing-page copy, paragraph by paragraph (also used by bench_web.py)."""
    text, n = "", 0
    for path in sorted((SHARED / "corpus" / "landing").glob("*.md")):
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            if n >= 1000:
                break
            text += para + "\n\n"
            n += count_words(para)
    return text


def build_repeated_corpus(folder: Path, target: int) -> tuple[list[Path], int]:
    files = corpus_files()
    texts = [(p, p.read_text(encoding="utf-8")) for p in files]
    total = 0
    out: list[Path] = []
    copy = 0
    while total < target:
        for path, text in texts:
            dest = folder / f"{copy:03d}-{path.parent.name}-{path.name}"
            dest.write_text(text, encoding="utf-8")
            out.append(dest)
            total += count_words(text)
            if total >= target:
                break
        copy += 1
    return out, total


def timed(cmd: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def measured(cmd: list[str], words: int) -> dict:
    """Wall seconds, CPU seconds (user + system, worker processes included: the kernel adds every reaped child to
    its parent) and the largest process's peak resident memory. CPU time is the figure to compare on a shared
    machine: wall time counts the other jobs' load too."""
    from bench_robust import run_measured  # its small launcher: a peak that is the command's, not this process's

    _, wall, cpu, peak, _ = run_measured(cmd, stderr=subprocess.DEVNULL)
    return {"seconds": round(wall, 2), "cpu_seconds": round(cpu, 2), "words_per_second": round(words / wall),
            "words_per_cpu_second": round(words / cpu), "peak_mb": round(peak, 1)}  # fmt: skip


def throughput() -> dict:
    result: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files, words = build_repeated_corpus(folder, TARGET_WORDS)
        result["corpus_words"] = words
        result["corpus_files"] = len(files)
        out = str(folder / "out.json")
        result["plainpitch"] = measured([str(VENV_BIN / "plainpitch"), "check", "--format", "json", "--output", out,
                                         str(folder)], words)  # fmt: skip
        result["plainpitch_all_rules"] = measured([str(VENV_BIN / "plainpitch"), "check", "--all", "--format", "json",
                                                   "--output", out, str(folder)], words)  # fmt: skip
        proselint = VENV_BIN / "proselint"
        if proselint.exists():
            result["proselint"] = measured([str(proselint), "check", "-o", "json", *map(str, files)], words)
        write_good = ROOT / "bench" / "node_modules" / ".bin" / "write-good"
        if not write_good.exists() and shutil.which("npm"):
            subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund"], cwd=ROOT / "bench",
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if write_good.exists():
            result["write_good"] = measured([str(write_good), "--parse", *map(str, files)], words)
    pp = result["plainpitch"]["words_per_second"]
    for other in ("proselint", "write_good"):
        if other in result:
            result[f"ratio_vs_{other}"] = round(pp / result[other]["words_per_second"], 2)
    if "proselint" in result:
        for run in ("plainpitch", "plainpitch_all_rules"):
            ratio = result[run]["words_per_cpu_second"] / result["proselint"]["words_per_cpu_second"]
            result[f"cpu_ratio_vs_proselint{run.removeprefix('plainpitch')}"] = round(ratio, 2)
    result["target"] = "at least proselint's words per CPU-second (issue 9.5), running every rule"
    return result


def in_process() -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from plainpitch.config import Config
    from plainpitch.engine import analyze
    from plainpitch.ingest import load_text

    text = page_1000_words()
    n = count_words(text)
    config = Config()
    for _ in range(5):
        analyze(load_text(text, "page.md"), config)
    runs, seg_runs = [], []
    for _ in range(60):
        start = time.perf_counter()
        doc = load_text(text, "page.md")
        mid = time.perf_counter()
        analyze(doc, config)
        end = time.perf_counter()
        seg_runs.append(mid - start)
        runs.append(end - start)
    median = statistics.median(runs) * 1000
    seg = statistics.median(seg_runs) * 1000
    return {"words": n, "median_ms": round(median, 2), "p90_ms": round(sorted(runs)[int(len(runs) * 0.9)] * 1000, 2),
            "load_and_segment_only_ms": round(seg, 2), "ratio_to_load_only": round(median / seg, 2),
            "target_ms": 30}


def cold_start() -> dict:
    """An installed package runs from compiled bytecode (pip writes it), so the runs keep theirs in a cache of their
    own; the figures without bytecode (this machine sets PYTHONDONTWRITEBYTECODE) are reported beside them."""
    saved = {k: os.environ.get(k) for k in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.md"
        small.write_text("# Ship faster\n\nOur CDC pipeline cuts your release time in half. Book a demo.\n", encoding="utf-8")
        cli = [str(VENV_BIN / "plainpitch"), "check", "--format", "json", str(small)]
        from bench_robust import run_measured  # CPU seconds too: on a loaded machine the wall time is the neighbours'

        def cpu_runs(cmd: list[str]) -> float:
            return statistics.median(run_measured(cmd, stderr=subprocess.DEVNULL)[2] for _ in range(7))

        no_bytecode = cpu_runs(cli) if saved["PYTHONDONTWRITEBYTECODE"] else None
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        try:
            timed(cli)  # writes the bytecode and warms the file cache
            runs = [timed(cli) for _ in range(7)]
            base = [timed([sys.executable, "-c", "pass"]) for _ in range(7)]
            cpu = cpu_runs(cli)
            version = cpu_runs([str(VENV_BIN / "plainpitch"), "--version"])
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    m, b = statistics.median(runs), statistics.median(base)
    return {"median_s": round(m, 3), "median_cpu_s": round(cpu, 3), "version_median_cpu_s": round(version, 3),
            "no_bytecode_median_cpu_s": None if no_bytecode is None else round(no_bytecode, 3),
            "python_startup_s": round(b, 3), "ratio_to_python_startup": round(m / b, 2), "target_s": 0.4}  # fmt: skip


def optional(name: str) -> dict | None:
    path = ROOT / "scripts" / f"{name}.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run()


SECTIONS = ("throughput", "in_process", "cold_start", "bench_calls", "bench_web", "bench_history", "bench_robust")


def main() -> None:
    """Every section; ``--only a,b`` re-runs those sections and keeps the others of bench/results.json, saying
    in its ``note`` which ran when (a change that touches only some figures need not re-run the others)."""
    only = None
    if len(sys.argv) == 3 and sys.argv[1] == "--only":
        only = [name for name in sys.argv[2].split(",") if name]
        unknown = sorted(set(only) - set(SECTIONS))
        if unknown:
            sys.exit(f"bench: unknown section(s) {', '.join(unknown)}; sections: {', '.join(SECTIONS)}")
    now = time.strftime("%Y-%m-%d %H:%M")
    results = {"date": now, "machine": f"{os.cpu_count()} cores, {sys.platform}"}
    if only is not None and RESULTS.exists():
        results = json.loads(RESULTS.read_text(encoding="utf-8"))
    run = set(SECTIONS if only is None else only)
    dates = results.setdefault("section_dates", {})
    for name in SECTIONS:
        dates.setdefault(name, results.get("date", now))
        if name in run:
            dates[name] = now
    when: dict[str, list[str]] = {}
    for name in SECTIONS:
        when.setdefault(dates[name], []).append(name)
    results["note"] = "sections measured at: " + "; ".join(f"{t}: {', '.join(n)}" for t, n in sorted(when.items()))
    if "throughput" in run:
        print("== throughput (corpus repeated to ~300,000 words)", flush=True)
        results["throughput"] = throughput()
        print(json.dumps(results["throughput"], indent=2), flush=True)
    if "in_process" in run:
        print("== one 1,000-word page in-process", flush=True)
        results["in_process"] = in_process()
        print(json.dumps(results["in_process"], indent=2), flush=True)
    if "cold_start" in run:
        print("== cold start of plainpitch check on a small file", flush=True)
        results["cold_start"] = cold_start()
        print(json.dumps(results["cold_start"], indent=2), flush=True)
    for name in ("bench_calls", "bench_web", "bench_history", "bench_robust"):
        if name not in run:
            continue
        print(f"== {name}", flush=True)
        try:
            found = optional(name)
        except Exception as exc:  # a benchmark that cannot run is reported, not fatal
            found = {"error": f"{type(exc).__name__}: {exc}"}
        if found is not None:
            results[name] = found
            print(json.dumps(found, indent=2), flush=True)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
