"""The CLI and the editor write to one store at once: `plainpitch serve` (two worker processes) saving pages and
calls the editor posts, while `plainpitch check --save` processes save pages of their own and the same shared page,
on a SQLite file (WAL, BEGIN IMMEDIATE) and on a real PostgreSQL server. Afterwards every run each writer was told
was saved is in the store, complete, the shared page's versions are numbered 1..n without a gap or a repeat, and
the store reads back (`PRAGMA integrity_check`, `plainpitch history`)."""

from __future__ import annotations

import itertools
import json
import os
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from history_data import LANDING, call_vtt

httpx = pytest.importorskip("httpx")
pytestmark = pytest.mark.slow

EXE = Path(sys.executable).with_name("plainpitch")
CLI_WRITERS, CLI_FILES = 3, 6  # each CLI process saves its own pages, then the shared page
EDITOR_THREADS, EDITOR_MIN = 4, 12  # the editor's saves go on from 4 threads until every CLI writer is done


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(folder: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([str(EXE), "serve", "--port", str(port), "--workers", "2"], cwd=folder, env=env,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{url}/api/v1/health", timeout=1)
            return proc, url
        except httpx.TransportError:
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)


def _page(n: int, who: str) -> str:
    return LANDING.read_text(encoding="utf-8") + f"\n\nWritten by {who}, draft {n}. Book a demo.\n"


def _editor_save(url: str, i: int) -> tuple[str, str]:
    """One save as the editor makes it: (the run's id, its path)."""
    if i % 3 == 2:
        r = httpx.post(f"{url}/api/v1/history/save/call", timeout=120,
                       files={"file": (f"call-{i}.vtt", call_vtt(next_step=i % 2 == 0).encode(), "text/vtt")})  # fmt: skip
    else:
        path = "site/shared.md" if i % 3 == 1 else f"site/editor-{i}.md"
        r = httpx.post(f"{url}/api/v1/history/save/copy", json={"text": _page(i, "the editor"), "path": path}, timeout=120)
    assert r.status_code == 200, r.text
    run = r.json()["run"]
    return run["id"], run["path"]


def _count(store_url: str, sql: str) -> list[tuple]:
    from plainpitch.history.settings import HistorySettings, normalise_url
    from plainpitch.history.store import open_store

    store = open_store(HistorySettings(normalise_url(store_url)), create=False)
    with store.read() as conn:
        rows = [tuple(r) for r in conn.exec_driver_sql(sql)]
    store.close()
    return rows


def test_the_cli_and_the_editor_write_at_once(store_url, tmp_path):
    (tmp_path / ".git").mkdir()  # paths are stored relative to the project, the same from both writers
    site = tmp_path / "site"
    site.mkdir()
    env = {**os.environ, "PLAINPITCH_HISTORY_URL": store_url, "NO_COLOR": "1"}
    # the shared page on disk, which every CLI writer also saves while the editor saves its own drafts of it
    (site / "shared.md").write_text(_page(0, "the team"), encoding="utf-8")
    cli_jobs = []
    for w in range(CLI_WRITERS):
        folder = site / f"cli-{w}"
        folder.mkdir()
        for n in range(CLI_FILES):
            (folder / f"page-{n}.md").write_text(_page(n, f"cli {w}"), encoding="utf-8")
        files = [*sorted(str(p.relative_to(tmp_path)) for p in folder.glob("*.md")), "site/shared.md"]
        cli_jobs.append([str(EXE), "check", "--save", "--fail-on", "error", *files])
    server, url = _start_server(tmp_path, env)
    try:
        clis = [subprocess.Popen(job, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for job in cli_jobs]  # fmt: skip
        counter, lock = itertools.count(), threading.Lock()
        deadline = time.monotonic() + 600

        def editor() -> list[tuple[int, str, str]]:  # saves until the CLI writers have all finished
            done = []
            while time.monotonic() < deadline:
                with lock:
                    i = next(counter)
                if i >= EDITOR_MIN and all(p.poll() is not None for p in clis):
                    return done
                done.append((i, *_editor_save(url, i)))
            raise AssertionError("the CLI writers did not finish in time")

        with ThreadPoolExecutor(max_workers=EDITOR_THREADS) as pool:
            editor_runs = [run for part in pool.map(lambda _: editor(), range(EDITOR_THREADS)) for run in part]
        outs = [p.communicate(timeout=60) for p in clis]
    finally:
        server.terminate()
        server.wait(timeout=30)
    for proc, (_out, err) in zip(clis, outs, strict=True):
        assert proc.returncode == 0, err
        assert f"saved {CLI_FILES + 1} runs to history" in err, err

    runs = _count(store_url, "SELECT uid, kind, path FROM runs ORDER BY id")
    editor_ids = {uid for _, uid, _ in editor_runs}
    writers = [uid in editor_ids for uid, _, _ in runs]
    switches = sum(a != b for a, b in zip(writers, writers[1:], strict=False))
    assert switches >= 2, "the CLI and the editor did not write at the same time"  # their commits interleave
    assert len(runs) == CLI_WRITERS * (CLI_FILES + 1) + len(editor_runs)
    stored = {uid for uid, _, _ in runs}
    assert editor_ids <= stored  # every save the editor was told of is there
    cli_paths = {p for _, kind, p in runs if p.startswith("site/cli-")}
    assert cli_paths == {f"site/cli-{w}/page-{n}.md" for w in range(CLI_WRITERS) for n in range(CLI_FILES)}
    # complete runs: every copy run has its version and its metrics, every call its participants
    assert _count(store_url, "SELECT count(*) FROM runs r WHERE kind = 'copy' AND (version_id IS NULL OR NOT EXISTS "
                             "(SELECT 1 FROM run_metrics m WHERE m.run_id = r.id))") == [(0,)]  # fmt: skip
    assert _count(store_url, "SELECT count(*) FROM runs r WHERE kind = 'call' AND NOT EXISTS "
                             "(SELECT 1 FROM call_participants p WHERE p.run_id = r.id)") == [(0,)]  # fmt: skip
    # the shared page, saved by two server processes and three CLI processes at once: each new content (the
    # editor's drafts, the file on disk) its own number, 1..n
    numbers = [n for (n,) in _count(store_url, "SELECT v.number FROM page_versions v JOIN pages p ON p.id = v.page_id "
                                               "WHERE p.path = 'site/shared.md' ORDER BY v.number")]  # fmt: skip
    shared_drafts = sum(i % 3 == 1 for i, _, _ in editor_runs)  # each a new content of the page
    assert numbers == list(range(1, shared_drafts + 2))
    if store_url.endswith(".sqlite3"):
        import sqlite3

        with sqlite3.connect(store_url) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    shown = subprocess.run([str(EXE), "history", "-f", "json"], env=env, capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    summary = json.loads(shown.stdout)["summary"]
    calls = sum(i % 3 == 2 for i, _, _ in editor_runs)
    assert (summary["copy_runs"], summary["call_runs"]) == (len(runs) - calls, calls)
