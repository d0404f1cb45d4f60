"""make bench (history): `plainpitch history` over 100,000 stored runs on SQLite; target under one second.

    python scripts/bench_history.py

Builds a store of 100,000 runs through the real schema (the shipped migration): 80,000 calls by 30 sellers on 4,000
deals over two years (each deal's calls within three months, as deals run; the deals whose last call is over a
month old are closed), each call with its 35 metric rows; 20,000 copy runs of 200 pages in 100 versions. Then
times, median of 5 after one warm-up:
- the whole command in a fresh process (what a person waits for): `plainpitch history` (the text report, the
  target) and `-f json` (every week of every group, every page version), beside the same command on an empty
  store (the floor: Python, imports, opening the store). The package's bytecode is cached as an installed
  package's is (PYTHONDONTWRITEBYTECODE is dropped for these processes; the warm-up run writes it);
- the queries alone in-process (history_data), with the shipped indexes and, as the baseline, on a copy without them;
- `plainpitch deal show` of the busiest deal (its timeline).
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

VENV_BIN = Path(sys.executable).parent
RUNS, CALL_SHARE, SELLERS, DEALS, PAGES = 100_000, 0.8, 30, 4000, 200
SPAN_DAYS, DEAL_DAYS = 2 * 365, 90
TARGET_S, REPEATS = 1.0, 5


def build(path: Path) -> None:
    from plainpitch.history import schema as t
    from plainpitch.history.settings import HistorySettings, normalise_url
    from plainpitch.history.store import open_store

    rng = random.Random(7)
    store = open_store(HistorySettings(normalise_url(str(path))))
    start = datetime(2024, 12, 2, tzinfo=UTC)
    calls = int(RUNS * CALL_SHARE)
    opened = [start + timedelta(days=(SPAN_DAYS - DEAL_DAYS) * i / DEALS) for i in range(DEALS)]
    now = start + timedelta(days=SPAN_DAYS)
    with store.write() as conn:
        conn.execute(t.deals.insert(), [{"name": f"Deal {i}", "company": f"Co {i}", "created_at": opened[i],
                                         "status": "open" if opened[i] + timedelta(days=DEAL_DAYS + 30) > now
                                         else rng.choice(["won", "lost"])} for i in range(DEALS)])  # fmt: skip
        conn.execute(t.pages.insert(), [{"path": f"site/page-{i}.md"} for i in range(PAGES)])
        conn.execute(t.page_versions.insert(), [{"page_id": p + 1, "number": v + 1, "content_hash": f"{p}-{v}",
                                                 "first_seen": start} for p in range(PAGES) for v in range(100)])  # fmt: skip
    batch = 5000
    for first in range(0, RUNS, batch):
        runs, metrics = [], []
        for i in range(first, min(first + batch, RUNS)):
            deal = rng.randrange(DEALS)
            when = (opened[deal] if i < calls else start) + timedelta(
                minutes=rng.randrange(0, (DEAL_DAYS if i < calls else SPAN_DAYS) * 24 * 60))  # fmt: skip
            week = when.date() - timedelta(days=when.weekday())
            row = {"id": i + 1, "uid": uuid.uuid4().hex, "created_at": when, "occurred_at": when, "week": week,
                   "tool_version": "bench", "profile": "business", "findings": rng.randrange(0, 12)}  # fmt: skip
            if i < calls:
                row.update(kind="call", path=f"calls/{i}.vtt", content_hash=f"{i:064d}", medium="call",
                           seller=f"Seller {deal % SELLERS}", deal_id=deal + 1, deal_link="matched",
                           call_type="discovery", duration_s=rng.uniform(600, 3600), talk_share=rng.uniform(30, 80),
                           questions=rng.randrange(0, 25), longest_monologue_s=rng.uniform(20, 300),
                           next_steps=rng.randrange(0, 3), asks=rng.randrange(0, 3), score=rng.uniform(40, 100))  # fmt: skip
                metrics += [{"run_id": i + 1, "name": f"call.metric_{k}", "value": rng.random(), "unit": ""} for k in range(35)]
            else:
                page = rng.randrange(PAGES)
                row.update(kind="copy", path=f"site/page-{page}.md", content_hash=f"{page}-{i % 100}", medium="page",
                           page_id=page + 1, version_id=page * 100 + i % 100 + 1, score=rng.uniform(30, 95))  # fmt: skip
            runs.append(row)
        with store.write() as conn:
            conn.execute(t.runs.insert(), [{c.name: r.get(c.name) for c in t.runs.columns} for r in runs])
            if metrics:
                conn.execute(t.run_metrics.insert(), metrics)
    store.close()


def _cli(args: list[str], db: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one command in a fresh process: on a shared machine the CPU time is the
    steadier figure, the wall time what a person waits."""
    env = {**os.environ, "PLAINPITCH_HISTORY_URL": str(db), "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's install has its .pyc files: do not time compiling the source
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run([str(VENV_BIN / "plainpitch"), *args], env=env, check=True, capture_output=True)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _median(fn, *args) -> dict[str, float]:
    fn(*args)  # warm-up (the file cache, the bytecode)
    runs = [fn(*args) for _ in range(REPEATS)]
    return {"wall_s": round(statistics.median(w for w, _ in runs), 3), "cpu_s": round(statistics.median(c for _, c in runs), 3)}


def _queries(db: Path) -> tuple[float, float]:
    from plainpitch.history.settings import HistorySettings, normalise_url
    from plainpitch.history.store import open_store
    from plainpitch.history.trends import history_data

    store = open_store(HistorySettings(normalise_url(str(db))), create=False)
    began, cpu = time.perf_counter(), time.process_time()
    with store.read() as conn:
        history_data(conn, str(db), last_versions=6)  # what the text report asks for
    took = time.perf_counter() - began, time.process_time() - cpu
    store.close()
    return took


def run() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="plainpitch-bench-history-"))
    try:
        db = folder / "history.sqlite3"
        began = time.perf_counter()
        build(db)
        built = time.perf_counter() - began
        empty = folder / "empty.sqlite3"
        _cli(["deal", "add", "x"], empty)
        bare = folder / "no-index.sqlite3"
        shutil.copy(db, bare)
        import sqlite3

        with sqlite3.connect(bare) as conn:
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'").fetchall():
                conn.execute(f'DROP INDEX "{name}"')
        result = {
            "runs": RUNS, "store_mb": round(db.stat().st_size / 1e6, 1), "build_s": round(built, 1),
            "history_cli_text_s": _median(_cli, ["history"], db),
            "history_cli_json_s": _median(_cli, ["history", "-f", "json"], db),
            "history_cli_empty_store_s": _median(_cli, ["history"], empty),
            "queries_in_process_s": _median(_queries, db),
            "queries_in_process_no_indexes_s": _median(_queries, bare),
            "deal_show_cli_s": _median(_cli, ["deal", "show", "Deal 7"], db),
            "target_s": TARGET_S, "load_average_1min": round(os.getloadavg()[0], 1),
        }  # fmt: skip
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
