"""The word tables load once, safely: concurrent first requests with different readers at a real `plainpitch
serve` give exactly the answers of a serial run (before the fix, the frequency stream was read by two threads at
once: requests raised, and words landed in the wrong frequency band)."""

import json
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")

TEXTS = [
    "# Faster checkout\n\nOur middleware cuts latency for every order, and goroutines keep the queue moving.",
    "Connect through our SDK and webhook endpoints. Kubernetes restarts your app; the dashboard shows it.",
    "We obviated the old servers. Pageviews and signups update live on one page for your team.",
    "The driver reports the XML schema version over TCP, with rate limiting on the command line.",
]
PROFILES = ["business", "technical", "consumer"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`plainpitch serve` in a subprocess on a free loopback port (``workers`` processes), stopped on exit."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers

    def __enter__(self):
        self.port = _free_port()
        exe = Path(sys.executable).with_name("plainpitch")
        self.proc = subprocess.Popen([str(exe), "serve", "--port", str(self.port), "--workers", str(self.workers)],
                                     stderr=subprocess.PIPE, text=True, env={**os.environ, "NO_COLOR": "1"})  # fmt: skip
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{self.url}/api/v1/health", timeout=1)
                return self
            except httpx.TransportError:
                assert self.proc.poll() is None, self.proc.stderr.read()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def check(self, text: str, profile: str) -> dict:
        r = httpx.post(f"{self.url}/api/v1/check", json={"text": text, "format": "markdown", "profile": profile}, timeout=60)
        assert r.status_code == 200, r.text
        doc = r.json()["documents"][0]
        findings = [(f["code"], f["text"], f["location"]["start"], f["message"]) for f in doc["findings"]]
        return {"findings": findings, "jargon": doc["details"].get("jargon"), "score": json.dumps(doc.get("score"), sort_keys=True)}

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.mark.slow
def test_concurrent_first_requests_with_different_readers_match_a_serial_run():
    jobs = [(text, profile) for _ in range(2) for text in TEXTS for profile in PROFILES]
    # two worker processes, each with its thread pool: the tables are built while requests race in both, and the
    # workers were forked from one process (a file it had open is shared with them, offset and all)
    with Server(workers=2) as fresh:  # nothing loaded yet: every table is built while requests race
        with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            concurrent = list(pool.map(lambda job: fresh.check(*job), jobs))
    with Server() as serial:
        expected = [serial.check(*job) for job in jobs]
    for job, got, want in zip(jobs, concurrent, expected, strict=True):
        assert got == want, job
    business = expected[jobs.index((TEXTS[0], "business"))]
    assert business["jargon"] and business["findings"]  # the comparison covers real terms and findings


def test_the_frequency_stream_read_from_many_threads_at_once_matches_a_serial_read():
    """In-process, on a fresh reader (the server warms up before its first request): threads asking for different
    depths of the stream at the same moment get every word in its own band."""
    import threading

    from plainpitch.text.lexicon import _band, _Frequencies

    depths = [_band(z) for z in (5.0, 3.8, 3.3, 2.5, 2.0, 1.5)] * 3
    for _ in range(3):
        racing = _Frequencies()
        start = threading.Barrier(len(depths))
        errors = []

        def ask(depth, racing=racing, start=start, errors=errors):
            start.wait()
            try:
                racing.load_to(depth)
            except Exception as exc:  # noqa: BLE001 (the failure being tested for)
                errors.append(exc)

        threads = [threading.Thread(target=ask, args=(d,)) for d in depths]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        serial = _Frequencies()
        serial.load_to(max(depths))
        assert errors == []
        assert {w: b for w, b in racing.table.items() if b <= max(depths)} == serial.table
