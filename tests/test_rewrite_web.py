"""The editor's Rewrite action: the API route over HTTP, and the button, the diff and accept in a real Chromium
(Debian's, driven by Playwright; never a downloaded browser)."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest
from starlette.testclient import TestClient

from plainpitch.config import Config
from plainpitch.web.app import create_app

TEXT = ("# Acme\n\nAcme syncs your orders with your books every night. We utilize your existing accounting system in order to "
        "keep every invoice current.\n\n[CTA: Start my free trial](https://acme.io/signup)\n")  # fmt: skip


@pytest.fixture(scope="module")
def app():
    return create_app(Config(profile="business", all=True))  # CLR001 (off by default) is the finding rewritten here


def test_rewrite_route_for_one_finding_and_for_a_selection(app):
    client = TestClient(app, base_url="http://localhost")
    report = client.post("/api/v1/check", json={"text": TEXT, "filename": "page.md"}).json()
    clr = next(f for f in report["documents"][0]["findings"] if f["code"] == "CLR001")
    loc = clr["location"]
    out = client.post("/api/v1/rewrite", json={"text": TEXT, "filename": "page.md",
                                                "finding": {"code": "CLR001", "start": loc["start"], "end": loc["end"]}})  # fmt: skip
    assert out.status_code == 200, out.text
    rewrites = out.json()["rewrites"]
    assert len(rewrites) == 1 and rewrites[0]["status"] == "offered"
    assert clr["text"] not in rewrites[0]["text"] and rewrites[0]["text"].startswith("# Acme\n\nAcme syncs your orders")
    start = TEXT.index("We utilize")
    sel = client.post("/api/v1/rewrite", json={"text": TEXT, "filename": "page.md", "selection": {"start": start, "end": len(TEXT)}})
    kinds = {r["finding"]["code"] for r in sel.json()["rewrites"]}
    assert {"CLR001"} <= kinds
    bad = client.post("/api/v1/rewrite", json={"text": TEXT, "selection": {"start": -5, "end": 1}})
    assert bad.status_code == 422 and "whole number" in bad.json()["error"]["message"]
    neither = client.post("/api/v1/rewrite", json={"text": TEXT})
    assert neither.status_code == 422


CHROMIUM = "/usr/bin/chromium"


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is not installed")
def test_rewrite_button_shows_the_diff_and_accept_updates_the_score(app):
    sync_api = pytest.importorskip("playwright.sync_api")
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    problems: list[str] = []
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.goto(url)
            page.select_option("#profile", "business")
            page.fill("#input", TEXT)
            page.wait_for_function("() => window.plainpitchEditor && window.plainpitchEditor.timing.upToDate")
            page.wait_for_selector("#panel li[data-code='CLR001'] .rewrite-btn:visible")
            before = float(page.text_content("#score-value"))
            page.click("#panel li[data-code='CLR001'] .rewrite-btn:visible")
            page.wait_for_selector("#rewrites li.rewrite[data-status='offered']")
            assert "utilize" in page.text_content("#rewrites li.rewrite del")
            assert "utilize" not in page.text_content("#rewrites li.rewrite ins")
            page.click("#rewrites li.rewrite[data-status='offered'] .rewrite-accept")
            page.wait_for_function("() => !document.getElementById('input').value.includes('utilize')")
            page.wait_for_function("() => window.plainpitchEditor.timing.upToDate")
            page.wait_for_function(f"() => Number(document.getElementById('score-value').textContent) !== {before}")
            assert float(page.text_content("#score-value")) > before
            # a selected passage: the findings inside it get their rewrites or questions
            page.evaluate("() => { const t = document.getElementById('input'); t.focus(); t.setSelectionRange(0, t.value.length); "
                          "t.dispatchEvent(new Event('select')); }")  # fmt: skip
            page.click("#rewrite-selection")
            page.wait_for_selector("#rewrites li.rewrite")
            page.screenshot(path=str(os.path.join(os.path.dirname(__file__), "..", "artifacts", "rewrite-panel.png")) if os.path.isdir(
                os.path.join(os.path.dirname(__file__), "..", "artifacts")) else "/tmp/rewrite-panel.png")
            browser.close()
    finally:
        srv.should_exit = True
        thread.join(10)
        sock.close()
    assert not problems, problems
