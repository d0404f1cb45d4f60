"""Reliability of the history store with real processes: a writer killed with SIGKILL in the middle of a write,
several writers at once (the CLI and the editor), on a SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from plainpitch.history.settings import HistorySettings, normalise_url
from plainpitch.history.store import open_store

pytestmark = pytest.mark.slow  # real processes, several seconds each

WRITER = str(Path(__file__).parent / "history_writer.py")
METRICS = 40


def _store(url):
    return open_store(HistorySettings(normalise_url(url)))


def _start(*args):
    return subprocess.Popen([sys.executable, WRITER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _check_intact(url: str) -> set[str]:
    """The store opens, passes the database's own check, and holds only complete runs; returns their uids."""
    store = _store(url)
    with store.read() as conn:
        if store.dialect == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        uids = {row[0] for row in conn.exec_driver_sql("SELECT uid FROM runs")}
        partial = conn.exec_driver_sql(
            "SELECT r.uid FROM runs r LEFT JOIN run_metrics m ON m.run_id = r.id GROUP BY r.uid "
            f"HAVING count(m.name) <> {METRICS}").all()  # fmt: skip
    assert partial == []
    with store.write() as conn:  # and it still takes writes
        conn.exec_driver_sql("DELETE FROM runs WHERE 1 = 0")
    store.close()
    return uids


def test_sigkill_inside_a_write_keeps_every_committed_run_and_drops_the_open_one(store_url):
    _store(store_url).close()
    proc = _start(store_url, "hang", "5")
    committed, inside = set(), None
    for line in proc.stdout:
        word, uid = line.split()
        if word == "committed":
            committed.add(uid)
        else:
            inside = uid
            break
    assert inside is not None, proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    uids = _check_intact(store_url)
    assert uids == committed and inside not in uids and len(committed) == 5


def test_sigkill_at_random_moments_never_loses_an_acknowledged_run(store_url):
    _store(store_url).close()
    rng = random.Random(12)
    acknowledged: set[str] = set()
    for _ in range(3):
        proc = _start(store_url, "loop")
        target = rng.randint(2, 8)
        for line in proc.stdout:
            acknowledged.add(line.split()[1])
            target -= 1
            if target <= 0:
                break
        os.kill(proc.pid, signal.SIGKILL)  # wherever the writer is now: between writes or inside one
        proc.wait(timeout=30)
        uids = _check_intact(store_url)
        assert acknowledged <= uids


def test_concurrent_writers_and_a_reader(store_url):
    """Three writers (copy runs of one shared page: version numbers race) and a reader at the same time."""
    _store(store_url).close()
    writers = [_start(store_url, "batch", "24", f"w{i}") for i in range(3)]
    reader = _start(store_url, "read", "15")
    results = [p.communicate(timeout=300) for p in writers]
    read_out, read_err = reader.communicate(timeout=300)
    assert [p.returncode for p in writers] == [0, 0, 0], [err for _, err in results]
    assert reader.returncode == 0 and "read ok" in read_out, read_err
    acknowledged = {line.split()[1] for out, _ in results for line in out.splitlines()}
    assert len(acknowledged) == 72
    store = _store(store_url)
    with store.read() as conn:
        assert {row[0] for row in conn.exec_driver_sql("SELECT uid FROM runs")} == acknowledged
        numbers = [row[0] for row in conn.exec_driver_sql("SELECT number FROM page_versions ORDER BY number")]
        per_version = conn.exec_driver_sql("SELECT count(*) FROM runs WHERE kind = 'copy' GROUP BY version_id").all()
    store.close()
    assert numbers == list(range(1, 37))  # 36 distinct contents of one page: versions 1..36, none lost or doubled
    assert all(n == (1,) for n in per_version)
