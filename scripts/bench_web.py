"""Benchmark `plainpitch serve`: the check API under load, and how fast the editor catches up with the writer.

    python scripts/bench_web.py [--requests 400] [--clients 20] [--workers 0] [--no-browser]

``run() -> dict`` is what scripts/bench.py (``make bench``) calls. It

1. starts `plainpitch serve` in a subprocess on a free loopback port, with one worker process per core (and,
   for the scaling figure, first with one process under the same saturating load);
2. sends load from a second process (asyncio + httpx): ``clients`` concurrent clients share a bounded number of
   ``POST /api/v1/check`` requests on the same 1,000-word page (the app keeps no result cache, so every request is
   analysed afresh), and reports p50/p95/p99; one client alone gives the service time for comparison;
3. drives the editor in Debian's Chromium: types into a 1,000-word page and measures, after the last keystroke,
   the time until the highlights are updated. Two figures: *after the pause* (includes the debounce) and *after
   the debounce* (request sent -> highlights drawn). The issue's target ("the editor updates within 150 ms of a
   pause in typing") is held against the first: the debounce counts.

Targets: /api/v1/check p95 < 50 ms with 20 concurrent clients; editor update < 150 ms after the pause.
All processes share this machine's cores, so the figures include the load generator's own CPU use.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLAINPITCH_SHARED", ROOT.parent / "shared"))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]  # fmt: skip
CHECK_TARGET_P95_MS = 50
EDITOR_TARGET_MS = 150


def page_1000_words() -> str:
    """The same 1,000-word page scripts/bench.py uses."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench import page_1000_words as page

    return page()


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)

    def pick(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {"p50_ms": pick(0.50), "p95_ms": pick(0.95), "p99_ms": pick(0.99), "max_ms": round(ordered[-1], 1)}


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the server ---------------------------------------------------------------------------------------------------
def start_server(port: int, workers: int = 0) -> subprocess.Popen:
    """The real `plainpitch serve` (``workers`` processes; 0: one per core)."""
    cmd = [str(Path(sys.executable).with_name("plainpitch")), "serve", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    import httpx

    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"the server did not start: {proc.stderr.read()[-500:]}")
        if time.monotonic() > deadline:
            proc.terminate()
            raise RuntimeError("the server did not answer within 60 s")
        time.sleep(0.1)


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


# -- load, from a second process ----------------------------------------------------------------------------------
async def _load(url: str, body: dict, requests: int, clients: int, warmup: int, think: float = 0.0) -> dict:
    import httpx

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        for _ in range(warmup):
            await client.post(url, json=body)
        latencies: list[float] = []
        server_ms: list[float] = []
        errors = 0
        remaining = requests

        async def one_client(index: int) -> None:
            nonlocal remaining, errors
            if think:  # paced clients start spread over one pause, like people who did not all type at once
                await asyncio.sleep(think * index / clients)
            while remaining > 0:
                remaining -= 1
                start = time.perf_counter()
                r = await client.post(url, json=body)
                latencies.append((time.perf_counter() - start) * 1000)
                timing = r.headers.get("server-timing", "")
                if "dur=" in timing:
                    server_ms.append(float(timing.split("dur=")[1].split(",")[0]))
                if r.status_code != 200:
                    errors += 1
                if think:
                    await asyncio.sleep(think)

        began = time.perf_counter()
        await asyncio.gather(*(one_client(i) for i in range(clients)))
        wall = time.perf_counter() - began
    return {"latencies_ms": latencies, "server_ms": server_ms, "errors": errors, "wall_s": wall}


def load_worker(args: argparse.Namespace) -> None:
    """Entry point of the load process: prints its measurements as JSON."""
    body = json.loads(Path(args.body).read_text(encoding="utf-8"))
    result = asyncio.run(_load(args.url, body, args.requests, args.clients, args.warmup, args.think))
    print(json.dumps(result))


def send_load(port: int, body: dict, requests: int, clients: int, warmup: int = 20, think: float = 0.0) -> dict:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(body, fh)
        body_path = fh.name
    try:
        cmd = [sys.executable, __file__, "--load-worker", "--url", f"http://127.0.0.1:{port}/api/v1/check",
               "--body", body_path, "--requests", str(requests), "--clients", str(clients), "--warmup", str(warmup),
               "--think", str(think)]  # fmt: skip
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=600).stdout
    finally:
        os.unlink(body_path)
    raw = json.loads(out)
    return {
        "clients": clients,
        "think_s": think,
        "requests": len(raw["latencies_ms"]),
        "errors": raw["errors"],
        **percentiles(raw["latencies_ms"]),
        "throughput_rps": round(len(raw["latencies_ms"]) / raw["wall_s"], 1),
        # the analysis alone (Server-Timing): the rest of the latency is waiting for the CPU
        "analysis_ms": percentiles(raw["server_ms"]),
    }


# -- the editor in Chromium ---------------------------------------------------------------------------------------
def editor_latency(port: int, text: str, trials: int = 15) -> dict:
    if not os.path.exists(CHROMIUM):
        return {"skipped": f"{CHROMIUM} is not installed"}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "playwright is not installed"}
    total, after_debounce, round_trip, analysis = [], [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 820})
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_selector("body[data-ready='1']")
        debounce = page.evaluate("() => window.plainpitchEditor.timing.debounceMs")
        page.fill("#input", text)
        page.wait_for_function("() => window.plainpitchEditor.timing.upToDate", timeout=30_000)
        page.click("#input")
        for i in range(trials):
            page.keyboard.press("Control+End")
            page.keyboard.type(f" Teams ship {i} times faster, perhaps.", delay=25)  # a short burst of typing
            page.wait_for_function("() => window.plainpitchEditor.timing.upToDate", timeout=30_000)
            t = page.evaluate("() => Object.assign({}, window.plainpitchEditor.timing)")
            total.append(t["renderedAt"] - t["lastInputAt"])
            after_debounce.append(t["renderedAt"] - t["requestAt"])
            round_trip.append(t["responseAt"] - t["requestAt"])
            if t.get("serverMs") is not None:
                analysis.append(t["serverMs"])
            page.wait_for_timeout(200)
        marks = page.locator("#backdrop mark").count()
        browser.close()
    after_pause = percentiles(total)
    return {
        "page_words": len(text.split()),
        "trials": trials,
        "debounce_ms": debounce,
        "highlights_after_pause_ms": after_pause,
        "highlights_after_debounce_ms": percentiles(after_debounce),
        "request_round_trip_ms": percentiles(round_trip),
        "server_analysis_ms": percentiles(analysis),
        "highlights_on_page": marks,
        "target_ms": EDITOR_TARGET_MS,
        "target_held_against": "highlights_after_pause_ms p95 (from the last keystroke, so the debounce counts)",
        "meets_target": after_pause["p95_ms"] < EDITOR_TARGET_MS,
    }


def run(requests: int = 400, clients: int = 20, workers: int = 0, browser: bool = True) -> dict:
    text = page_1000_words()
    body = {"text": text, "filename": "page.md", "format": "markdown"}
    workers = workers or cores()
    port = _free_port()
    one = start_server(port, 1)  # the saturated load on one process first: the baseline of the scaling
    try:
        one_worker = send_load(port, body, requests, clients)
    finally:
        stop_server(one)
    port = _free_port()
    server = start_server(port, workers)
    try:
        loaded = send_load(port, body, requests, clients)
        loaded["target_p95_ms"] = CHECK_TARGET_P95_MS
        loaded["meets_target"] = loaded["p95_ms"] < CHECK_TARGET_P95_MS
        # The same 20 clients at an editor's pace: each sends one check per pause in typing (one a second),
        # instead of the saturating loop above where every client fires again the moment it has its answer.
        paced = send_load(port, body, requests // 2, clients, warmup=5, think=1.0)
        paced["target_p95_ms"] = CHECK_TARGET_P95_MS
        paced["meets_target"] = paced["p95_ms"] < CHECK_TARGET_P95_MS
        single = send_load(port, body, max(40, requests // 10), 1, warmup=5)
        editor = editor_latency(port, text) if browser else {"skipped": "--no-browser"}
    finally:
        stop_server(server)
    return {
        "page_words": len(text.split()),
        "server": f"plainpitch serve, {workers} worker process(es), on 127.0.0.1; load from a second process "
                  "(asyncio + httpx)",
        "cores": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "check_concurrent": loaded,
        "check_concurrent_one_worker": one_worker,
        "throughput_scaling": round(loaded["throughput_rps"] / one_worker["throughput_rps"], 2),
        "throughput_scaling_target": f"close to {workers}x (one worker process per core)",
        "check_concurrent_editor_paced": paced,
        "check_one_client": single,
        "editor": editor,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=0, help="server processes (0: one per core)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--load-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--body", help=argparse.SUPPRESS)
    parser.add_argument("--warmup", type=int, default=20, help=argparse.SUPPRESS)
    parser.add_argument("--think", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load_worker:
        load_worker(args)
        return
    print(json.dumps(run(args.requests, args.clients, args.workers, not args.no_browser), indent=2))


if __name__ == "__main__":
    main()
