"""A writer process for the reliability tests (run as a script, never collected):

    python tests/history_writer.py URL hang N     commit N runs, then stop inside the next write and wait
    python tests/history_writer.py URL loop       commit runs until killed
    python tests/history_writer.py URL batch N ID commit N runs (copy runs of one shared page, and calls)
    python tests/history_writer.py URL read N     read the trends N times (the editor's view while others write)

Each commit is acknowledged on stdout ("committed <uid>") only after the transaction has committed.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from history_data import call_record, copy_record  # noqa: E402
from plainpitch.history.records import RunRecord  # noqa: E402
from plainpitch.history.runs import save_run  # noqa: E402
from plainpitch.history.settings import HistorySettings, normalise_url  # noqa: E402
from plainpitch.history.store import open_store  # noqa: E402

METRICS = 40  # metric rows per run: a write is many statements, so a kill lands inside one


def heavy_call(i: int, who: str = "w") -> RunRecord:
    rec = call_record(f"Seller {i % 3}", datetime.now(UTC), 50.0 + i % 30, i % 9, 30.0 + i, i % 2, 1)
    extra = {f"call.extra_{k}": (float(k), None, "") for k in range(METRICS - len(rec.metrics))}
    return RunRecord(**{**rec.__dict__, "metrics": {**rec.metrics, **extra}, "path": f"calls/{who}-{i}.vtt"})


def main() -> None:
    url, mode = sys.argv[1], sys.argv[2]
    store = open_store(HistorySettings(normalise_url(url)))
    if mode == "read":
        from plainpitch.history.trends import history_data

        for _ in range(int(sys.argv[3])):
            with store.read() as conn:
                history_data(conn, url)
        print("read ok", flush=True)
        return
    if mode == "batch":
        n, who = int(sys.argv[3]), sys.argv[4]
        for i in range(n):
            rec = copy_record("site/shared.md", f"{who}-{i}".ljust(64, "x"), 50.0 + i, datetime.now(UTC)) if i % 2 \
                else heavy_call(i, who)  # fmt: skip
            with store.write() as conn:
                save_run(conn, rec)
            print("committed", rec.uid, flush=True)
        return
    limit = int(sys.argv[3]) if mode == "hang" else None
    i = 0
    while limit is None or i < limit:
        rec = heavy_call(i)
        with store.write() as conn:
            save_run(conn, rec)
        print("committed", rec.uid, flush=True)
        i += 1
    rec = heavy_call(i)
    with store.write() as conn:
        save_run(conn, rec)
        print("inside", rec.uid, flush=True)  # the run is written but not committed
        time.sleep(600)


if __name__ == "__main__":
    main()
