"""The editor's "Save to history" in Debian's Chromium, through the real server (uvicorn on loopback) and a real
store (SQLite in a temporary folder): a page saved twice is its versions 1 and 2, as `check --save` numbers them;
a dropped call is saved with its file's date and linked to its deal; both then show in the History tab. Paths
and deal names are hostile user text: they show as text, never run. No overlapping boxes, and axe-core's check."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from browser import (
    WIDTHS,
    axe_violations,
    editor_page,
    fill_copy,
    launch,
    outside,
    overlaps,
    require_chromium,
    serve_with_history,
    shot,
)
from history_data import LANDING, call_vtt

pytestmark = pytest.mark.browser
sync_api = require_chromium()

XSS_PATH = 'site/<img src=x onerror="window.__pwned=1">.md'
XSS_DEAL = '<svg onload="window.__pwned=2">Globex'
CALL_TIME = datetime(2026, 3, 4, 10, 30, tzinfo=UTC)
BOXES = [".brand", ".tab", "#open-file", "#doc-name", "#save-copy summary", "#save-copy-path", "#save-copy-button",
         "#save-copy-status"]  # fmt: skip


@pytest.fixture(scope="module")
def history_url(tmp_path_factory):
    from plainpitch.history.deals import DealInput, add_deal
    from plainpitch.history.settings import HistorySettings, normalise_url
    from plainpitch.history.store import open_store

    url = str(tmp_path_factory.mktemp("history") / "history.sqlite3")
    store = open_store(HistorySettings(normalise_url(url)))
    with store.write() as conn:
        add_deal(conn, DealInput(XSS_DEAL, domain="globex.com", stage="demo"))
    store.close()
    return url


@pytest.fixture(scope="module")
def server(history_url):
    yield from serve_with_history(history_url)


@pytest.fixture(scope="module")
def browser():
    yield from launch(sync_api)


def _rows(url: str, sql: str) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(url) as conn:
        return conn.execute(sql).fetchall()


def _save(page, box: str) -> str:
    """Press Save in the box and wait for its status line to say how it went."""
    status = f"#{box}-status"
    page.evaluate(f"() => {{ document.querySelector('{status}').textContent = ''; }}")
    page.click(f"#{box}-button")
    page.wait_for_function(f"() => /Saved|error|not|must/i.test(document.querySelector('{status}').textContent)")
    return page.inner_text(status)


def _open_history(page) -> None:
    page.evaluate("() => { window.__hist = 0; document.addEventListener('plainpitch:history-rendered', () => { window.__hist += 1; }); }")
    page.click("#tab-history")
    page.wait_for_function("() => window.__hist > 0")


def test_a_page_saved_from_the_editor_is_its_next_version_in_the_history(browser, server, history_url):
    text = LANDING.read_text(encoding="utf-8")
    with editor_page(browser, server) as page:
        fill_copy(page, text)
        page.click("#save-copy summary")
        assert page.input_value("#save-copy-path") == ""  # an untitled text has no path to offer
        page.fill("#save-copy-path", XSS_PATH)
        said = _save(page, "save-copy")
        assert said.startswith(f"Saved {XSS_PATH}: version 1, score ") and "(version" not in said
        score = float(page.inner_text("#score-value"))
        assert f"score {round(score)}" in said  # the score the writer sees is the one saved
        fill_copy(page, text + "\n\nBook a 15-minute demo: [CTA: Book a demo]\n")
        said = _save(page, "save-copy")
        assert f"version 2, score {round(float(page.inner_text('#score-value')))} (version 1: {round(score)})" in said
        assert overlaps(page, BOXES) == [] and outside(page, BOXES) == []
        shot(page, "desktop-save-copy")
        _open_history(page)
        pages = page.inner_text("#history-pages")
        assert XSS_PATH in pages and "v1 " in pages and "v2 " in pages
        assert page.evaluate("() => window.__pwned === undefined")
        assert axe_violations(page) == []
    rows = _rows(history_url, "SELECT path, kind, text FROM runs WHERE kind = 'copy' ORDER BY id")
    assert rows == [(XSS_PATH, "copy", None), (XSS_PATH, "copy", None)]  # no text without "keep the text"


def test_a_call_saved_from_the_editor_lands_on_its_deal_with_its_date(browser, server, history_url):
    w, h = WIDTHS["phone-360"]
    with editor_page(browser, server, w, h, touch=True) as page:
        page.evaluate("() => { window.__calls = 0; document.addEventListener('plainpitch:call-rendered', () => { window.__calls += 1; }); }")
        page.evaluate(
            """([text, when]) => {
                const dt = new DataTransfer();
                dt.items.add(new File([text], 'globex-demo.vtt', {type: 'text/vtt', lastModified: when}));
                document.querySelector('#input').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
            }""",
            [call_vtt(buyer="sam@globex.com"), CALL_TIME.timestamp() * 1000],
        )
        page.wait_for_function("() => window.__calls > 0", timeout=60_000)
        page.evaluate("() => { window.__deals = 0; document.addEventListener('plainpitch:deals-loaded', () => { window.__deals += 1; }); }")
        page.click("#save-call summary")
        page.wait_for_function("() => window.__deals > 0")
        options = page.eval_on_selector_all("#save-call-deal option", "os => os.map(o => o.textContent)")
        assert options == ["match from the participants", XSS_DEAL]
        page.check("#save-call-text")
        said = _save(page, "save-call")
        assert said.startswith("Saved the call globex-demo.vtt by Ana Lopez on deal " + XSS_DEAL)
        assert "(matched: e-mail domain globex.com)" in said and "with its transcript" in said
        shot(page, "phone-360-save-call", full_page=True)
        call_boxes = ["#save-call summary", "#save-call-deal", "#save-call-button", "#save-call-status", "#call-me"]
        assert overlaps(page, call_boxes) == [] and outside(page, call_boxes) == []
        _open_history(page)
        page.select_option("#history-by", "deal")
        page.wait_for_function("() => window.__hist > 1")
        assert page.locator(".trend h4").all_inner_texts() == [XSS_DEAL]
        page.click("#deals li button")
        page.locator("#deal-timeline").wait_for(state="visible")
        dates = page.eval_on_selector_all("#deal-calls tbody tr", "rs => rs.map(r => r.cells[0].textContent)")
        assert dates == ["2026-03-04"]  # the file's date, as `call review --save` reads it
        assert page.evaluate("() => window.__pwned === undefined")
        assert axe_violations(page) == []
    rows = _rows(history_url, "SELECT seller, deal_link, occurred_at, text IS NOT NULL FROM runs WHERE kind = 'call'")
    assert len(rows) == 1 and rows[0][:2] == ("Ana Lopez", "matched") and rows[0][2].startswith("2026-03-04 10:30")
    assert rows[0][3] == 1


def test_a_bad_path_is_refused_in_one_line(browser, server):
    with editor_page(browser, server) as page:
        fill_copy(page, "Save two hours a week on reports. Book a demo.")
        page.click("#save-copy summary")
        page.fill("#save-copy-path", "../outside.md")
        said = _save(page, "save-copy")
        assert "path relative to the project folder" in said and "\n" not in said
        assert page.locator("#save-copy-status.error").count() == 1
        page.click("#tab-call")  # the disclosure is a selection: it does not outlive the view
        page.click("#tab-copy")
        assert page.locator("#save-copy[open]").count() == 0 and page.inner_text("#save-copy-status") == ""
