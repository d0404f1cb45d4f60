"""`plainpitch serve` analyses in worker processes (one per core by default), so throughput scales with cores: the
workers are real processes on one listening socket, each answers, and none outlives the server."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from test_jargon_concurrency import Server

httpx = pytest.importorskip("httpx")

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process tree from /proc")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _gone(pids: list[int], seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while any(_alive(p) for p in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _served_by(server: Server, requests: int) -> set[str]:
    """Send requests from many threads at once; the analyses run on the workers' cores (CPU time spent shows it)."""
    body = {"text": "# Faster checkout\n\nOur SDK cuts latency for every order. Book a demo.", "format": "markdown"}

    def one(_: int) -> str:
        r = httpx.post(f"{server.url}/api/v1/check", json=body, timeout=60)
        assert r.status_code == 200, r.text
        return r.text

    with ThreadPoolExecutor(max_workers=8) as pool:
        return set(pool.map(one, range(requests)))


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


@pytest.mark.slow
def test_workers_are_processes_that_share_the_load_and_stop_with_the_server():
    with Server(workers=3) as server:
        workers = _children(server.proc.pid)
        assert len(workers) == 2  # the first process serves too
        before = {p: _cpu_ticks(p) for p in [server.proc.pid, *workers]}
        answers = _served_by(server, 60)
        assert len(answers) == 1  # every process gives the same report
        used = [p for p, ticks in before.items() if _cpu_ticks(p) > ticks]
        assert len(used) >= 2, "only one process did the work"
    assert _gone([server.proc.pid, *workers])


def test_workers_die_with_a_killed_server():
    server = Server(workers=2).__enter__()
    workers = _children(server.proc.pid)
    assert len(workers) == 1
    os.kill(server.proc.pid, signal.SIGKILL)
    server.proc.wait(timeout=10)
    assert _gone(workers), "a worker outlived its server"


def test_one_worker_is_one_process():
    with Server(workers=1) as server:
        assert _children(server.proc.pid) == []
        assert len(_served_by(server, 4)) == 1


# SIGTERM while the first process is still starting (a worker already answered the client): the server must stop,
# stop its workers and end by the signal. Run as a script: the server's last act is to re-raise SIGTERM.
_EARLY_TERM = """
import signal, subprocess, sys
import uvicorn
from plainpitch.web import server

worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
server._fork_workers = lambda *args, **kwargs: [worker.pid]
serve = uvicorn.Server.run

def signalled_before_uvicorn_handles_it(self, sockets=None):
    signal.raise_signal(signal.SIGTERM)
    return serve(self, sockets=sockets)

uvicorn.Server.run = signalled_before_uvicorn_handles_it
server.run(port=0)
"""


def test_a_sigterm_before_uvicorn_starts_still_stops_the_server_and_its_workers():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _EARLY_TERM], capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGTERM, done.stderr
