"""What the editor's browser tests share: the app served by uvicorn on loopback, Debian's Chromium driven by
Playwright (never a downloaded browser), a page that fails the test on a script error, a CSP violation or a
request that leaves the machine, screenshots under artifacts/screenshots/, an overlap check on laid-out boxes
and an accessibility check with axe-core (the copy bundled in the axe-playwright-python package, never fetched).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
UP_TO_DATE = "() => window.plainpitchEditor && window.plainpitchEditor.timing.upToDate"
# phone, tablet, desktop (and the narrowest phone the layout promises)
WIDTHS = {"phone-360": (360, 740), "phone": (390, 844), "tablet": (768, 1024), "desktop": (1440, 900)}


def require_chromium() -> Any:
    """playwright.sync_api, or skip the module loudly when the browser or the driver is missing."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (`make browser` installs Debian's chromium)", allow_module_level=True)
    return pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def serve(app_factory: Any = None) -> Iterator[str]:
    """The editor app on a free loopback port, for the length of a module; yields its base URL."""
    import uvicorn

    from plainpitch.web.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    srv = uvicorn.Server(uvicorn.Config((app_factory or create_app)(), log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        srv.should_exit = True
        thread.join(10)
        sock.close()


def serve_with_history(history_url: str) -> Iterator[str]:
    """The editor app (as ``serve``) reading and writing the history store at ``history_url``: the variable set and
    the server's open stores dropped for the module, the caller's environment put back after."""
    from plainpitch.web import history_api

    before = os.environ.get("PLAINPITCH_HISTORY_URL")
    os.environ["PLAINPITCH_HISTORY_URL"] = history_url
    history_api._STORES.clear()
    try:
        yield from serve()
    finally:
        for store in history_api._STORES.values():
            store.close()
        history_api._STORES.clear()
        if before is None:
            os.environ.pop("PLAINPITCH_HISTORY_URL", None)
        else:
            os.environ["PLAINPITCH_HISTORY_URL"] = before


def launch(sync_api: Any) -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def fixtures(app_factory: Any = None) -> tuple[Any, Any, Any]:
    """The fixtures a browser test module uses, made for that module: ``server, browser, page = fixtures()``
    (the app on loopback and Chromium, once per module; a fresh, checked editor page per test)."""

    @pytest.fixture(scope="module", name="server")
    def _server() -> Iterator[str]:
        yield from serve(app_factory)

    @pytest.fixture(scope="module", name="browser")
    def _browser() -> Iterator[Any]:
        yield from launch(require_chromium())

    @pytest.fixture(name="page")
    def _page(browser: Any, server: str) -> Iterator[Any]:
        with editor_page(browser, server) as pg:
            yield pg

    return _server, _browser, _page


@contextmanager
def editor_page(browser: Any, server: str, width: int = 1280, height: int = 820, touch: bool = False) -> Iterator[Any]:
    """A fresh editor page; afterwards: no request left the server, no dialog, no script error, no CSP violation.
    ``touch``: a phone or tablet (touch events, no hover, a mobile viewport)."""
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                  is_mobile=touch, has_touch=touch)  # fmt: skip
    pg = context.new_page()
    requests: list[str] = []
    problems: list[str] = []
    dialogs: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']")
    try:
        yield pg
    finally:
        foreign = [u for u in requests if not u.startswith((server + "/", "blob:", "data:"))]
        context.close()
    assert foreign == [], f"requests left the machine: {foreign}"
    assert dialogs == [], f"a dialog opened: {dialogs}"
    assert not [p for p in problems if "Content Security Policy" in p or p.startswith("page error")], problems


def shot(page: Any, name: str, full_page: bool = False) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def type_copy(page: Any, text: str) -> None:
    page.click("#input")
    page.keyboard.type(text, delay=2)
    page.wait_for_function(UP_TO_DATE)


def fill_copy(page: Any, text: str) -> None:
    page.fill("#input", text)
    page.wait_for_function(UP_TO_DATE)


def drop(page: Any, selector: str, name: str, content: bytes, mime: str = "text/plain") -> None:
    page.evaluate(
        """([selector, name, bytes, mime]) => {
            const dt = new DataTransfer();
            dt.items.add(new File([new Uint8Array(bytes)], name, {type: mime}));
            document.querySelector(selector).dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
        }""",
        [selector, name, list(content), mime],
    )


def paste(page: Any, text: str) -> None:
    page.focus("#input")
    page.evaluate(
        """t => { const dt = new DataTransfer(); dt.setData('text/plain', t);
           document.querySelector('#input').dispatchEvent(
             new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true})); }""",
        text,
    )


def open_call(page: Any, name: str, content: bytes, mime: str = "text/vtt") -> None:
    """Drop a transcript on the page and wait for its review to be on screen."""
    renders = page.evaluate("() => window.__callRenders || 0")
    page.evaluate("() => { if (!window.__counting) { window.__counting = 1; window.__callRenders = 0;"
                  " document.addEventListener('plainpitch:call-rendered', () => { window.__callRenders += 1; }); } }")  # fmt: skip
    drop(page, "#input", name, content, mime)
    page.wait_for_function(f"() => (window.__callRenders || 0) > {renders}", timeout=60_000)


# Boxes that must never cover one another where they are shown (a selector per box; each may match several).
def boxes(page: Any, selectors: list[str]) -> list[dict[str, Any]]:
    """The laid-out boxes of the visible elements that match ``selectors`` (page coordinates)."""
    return page.evaluate(
        """sels => sels.flatMap(sel => Array.from(document.querySelectorAll(sel)).map(n => {
             const r = n.getBoundingClientRect(); const s = getComputedStyle(n);
             return {sel, id: n.id || n.className || n.tagName, x: r.left + scrollX, y: r.top + scrollY,
                     w: r.width, h: r.height, visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden'};
           }).filter(b => b.visible))""",
        selectors,
    )


def overlaps(page: Any, selectors: list[str], tolerance: float = 0.5) -> list[str]:
    """Every pair of visible boxes (from different selectors, or the same selector's different elements) that
    overlap by more than ``tolerance`` px each way."""
    found = boxes(page, selectors)
    out = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > tolerance and dy > tolerance:
                out.append(f"{a['sel']} ({a['id']}) overlaps {b['sel']} ({b['id']}) by {dx:.0f}x{dy:.0f}px")
    return out


def outside(page: Any, selectors: list[str]) -> list[str]:
    """Visible boxes that stick out of the viewport sideways (a page that scrolls sideways on a phone)."""
    width = page.evaluate("() => document.documentElement.clientWidth")
    return [f"{b['sel']} ({b['id']}) spans {b['x']:.0f}..{b['x'] + b['w']:.0f} of {width}px"
            for b in boxes(page, selectors) if b["x"] < -0.5 or b["x"] + b["w"] > width + 0.5]  # fmt: skip


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's violations of the given impacts on the page as it is now, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
            for v in results.response["violations"] if v.get("impact") in impacts]  # fmt: skip


def pitch_call() -> bytes:
    """A WebVTT call with plenty to coach: the seller pitches for three minutes, the buyer asks the price and
    leaves with no next step (every speaker name and line is made up here)."""

    def stamp(s: float) -> str:
        return f"{int(s // 3600):02d}:{int(s % 3600 // 60):02d}:{s % 60:06.3f}"

    lines = ["WEBVTT", ""]

    def cue(start: float, end: float, who: str, text: str) -> None:
        lines.extend([f"{stamp(start)} --> {stamp(end)}", f"<v {who}>{text}</v>", ""])

    pitch = ("Our platform has a dashboard, an audit log, single sign-on, role based access, nightly exports, "
             "an API for every object, webhooks, a CLI, and a plugin system. ")  # fmt: skip
    cue(0, 6, "Priya Shah", "Hi Tom, thanks for joining. Let me walk you through the product.")
    cue(6.5, 9, "Tom Becker", "Sure, go ahead.")
    t = 9.5
    for _ in range(8):
        cue(t, t + 20, "Priya Shah", pitch)
        t += 20.2
    cue(t, t + 5, "Tom Becker", "Okay. That is a lot. What does it cost?")
    cue(t + 5.5, t + 25, "Priya Shah", "It is priced per seat. " + pitch)
    cue(t + 26, t + 30, "Tom Becker", "Thanks, I will think about it.")
    return "\n".join(lines).encode("utf-8")


def show_all(page) -> None:
    """Open the "Show all N" toggle: every finding listed and highlighted, not only the top three."""
    toggle = page.locator("#show-all")
    if not toggle.is_visible():  # no more findings than the top fixes: all of them are shown already
        return
    if toggle.get_attribute("aria-expanded") == "false":
        toggle.click()
    page.locator("#all-findings").wait_for(state="visible")
