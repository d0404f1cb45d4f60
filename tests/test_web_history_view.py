"""The editor's history view in Debian's Chromium, on a real store (SQLite in a temporary folder) filled with known
runs: the trends per seller and per deal as the history API gives them, a deal's calls on one timeline, pages by
version, an empty store's hint, nothing kept between visits, no overlapping boxes at phone and desktop widths,
and axe-core's accessibility check."""

from __future__ import annotations

import pytest

from browser import (
    WIDTHS,
    axe_violations,
    editor_page,
    launch,
    outside,
    overlaps,
    require_chromium,
    serve,
    serve_with_history,
    shot,
)
from history_data import call_record, copy_record, week

pytestmark = pytest.mark.browser
sync_api = require_chromium()

XSS_DEAL = '<img src=x onerror="window.__pwned=1">Acme'
BOXES = [".brand", ".tab", "#open-file", "#history-title", ".history-head label", "#history-status", ".trend",
         "#deals li", "#deal-title", "#deal-track", ".history-calls", "#history-pages li"]  # fmt: skip


def _fill(url: str) -> None:
    from plainpitch.history.deals import DealInput, add_deal
    from plainpitch.history.runs import save_run
    from plainpitch.history.settings import HistorySettings, normalise_url
    from plainpitch.history.store import open_store

    store = open_store(HistorySettings(normalise_url(url)))
    with store.write() as conn:
        deal = add_deal(conn, DealInput(XSS_DEAL, stage="demo"))
        save_run(conn, call_record("Ana", week(0), 70, 3, 150, 0, 1), deal_id=deal, link="flag")
        save_run(conn, call_record("Ana", week(1), 55, 9, 60, 1, 1), deal_id=deal, link="flag")
        save_run(conn, call_record("Ana", week(3), 48, 11, 45, 1, 1), deal_id=deal, link="flag")
        save_run(conn, call_record("Bo", week(1), 40, 5, 30, 1, 0))
        save_run(conn, copy_record("site/pricing.md", "1" * 64, 50.0, week(0)))
        save_run(conn, copy_record("site/pricing.md", "2" * 64, 64.0, week(2)))
    store.close()


@pytest.fixture(scope="module")
def history_url(tmp_path_factory):
    url = str(tmp_path_factory.mktemp("history") / "history.sqlite3")
    _fill(url)
    return url


@pytest.fixture(scope="module")
def server(history_url):
    yield from serve_with_history(history_url)


@pytest.fixture(scope="module")
def browser():
    yield from launch(sync_api)


def _open_history(page) -> None:
    page.evaluate("() => { window.__hist = 0; document.addEventListener('plainpitch:history-rendered', () => { window.__hist += 1; }); }")
    page.click("#tab-history")
    page.wait_for_function("() => window.__hist > 0")


def test_trends_deals_and_pages(browser, server):
    with editor_page(browser, server) as page:
        _open_history(page)
        cards = page.locator(".trend")
        assert cards.locator("h4").all_inner_texts() == ["Ana", "Bo"]
        ana = cards.first.inner_text()
        # the week-by-week figures, first to last, as `plainpitch history` reports them
        assert "70% → 48%" in ana and "3 → 11" in ana and "2:30 → 0:45" in ana and "0% → 100%" in ana
        assert cards.first.locator("svg polyline").count() == 5
        page.select_option("#history-by", "deal")
        page.wait_for_function("() => window.__hist > 1")
        assert page.locator(".trend h4").all_inner_texts() == [XSS_DEAL]  # a deal's name is text, never markup
        assert page.evaluate("() => window.__pwned === undefined")

        page.click("#deals li button")
        page.locator("#deal-timeline").wait_for(state="visible")
        assert page.inner_text("#deal-title") == f"{XSS_DEAL}: 3 calls"
        assert page.locator("#deal-track span").count() == 3
        lefts = page.eval_on_selector_all("#deal-track span", "s => s.map(d => parseFloat(d.style.left))")
        assert lefts[0] == 0 and lefts[-1] == 100 and lefts == sorted(lefts)  # one timeline, oldest first
        rows = page.eval_on_selector_all("#deal-calls tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
        assert [r[0] for r in rows] == ["2026-03-02", "2026-03-09", "2026-03-23"]
        assert [r[4] for r in rows] == ["70%", "55%", "48%"] and rows[0][3] == "30:00"
        assert "v1 50 → v2 64" in page.inner_text("#history-pages")
        shot(page, "desktop-history", full_page=True)

        # a visit keeps nothing: back to the copy and to the history, the chosen deal is gone
        page.click("#tab-copy")
        _open_history(page)
        assert page.locator("#deal-timeline").is_hidden()
        assert page.locator("#deals button[aria-pressed='true']").count() == 0
        assert overlaps(page, BOXES) == [] and outside(page, BOXES) == []
        assert axe_violations(page) == []


def test_history_on_a_phone(browser, server):
    w, h = WIDTHS["phone-360"]
    with editor_page(browser, server, w, h, touch=True) as page:
        _open_history(page)
        page.click("#deals li button")
        page.locator("#deal-timeline").wait_for(state="visible")
        shot(page, "phone-360-history", full_page=True)
        assert overlaps(page, BOXES) == []
        assert outside(page, [b for b in BOXES if b != ".history-calls"]) == []  # the calls table scrolls sideways
        assert axe_violations(page) == []


def test_an_empty_store_says_how_to_fill_it(browser, tmp_path, monkeypatch):
    from plainpitch.web import history_api

    monkeypatch.setenv("PLAINPITCH_HISTORY_URL", str(tmp_path / "none.sqlite3"))
    history_api._STORES.clear()
    for url in serve():
        with editor_page(browser, url) as page:
            _open_history(page)
            assert page.locator("#history-empty").is_visible() and page.locator("#history-body").is_hidden()
            assert "--save" in page.inner_text("#history-empty")
    assert not (tmp_path / "none.sqlite3").exists()  # looking never creates a store
