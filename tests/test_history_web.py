"""The history API the editor's history view builds on: real app, real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import warnings

import pytest

from history_data import call_record, copy_record, week
from plainpitch.history.deals import DealInput, add_deal
from plainpitch.history.runs import save_run
from plainpitch.history.settings import HistorySettings, normalise_url
from plainpitch.history.store import open_store
from plainpitch.web import history_api
from plainpitch.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


@pytest.fixture
def client(monkeypatch, tmp_path):
    def make(url):
        monkeypatch.setenv("PLAINPITCH_HISTORY_URL", url)
        history_api._STORES.clear()
        return TestClient(create_app(), base_url="http://localhost")

    yield make
    for store in history_api._STORES.values():
        store.close()
    history_api._STORES.clear()


def fill(url):
    store = open_store(HistorySettings(normalise_url(url)))
    with store.write() as conn:
        deal = add_deal(conn, DealInput("Acme", stage="demo"))
        save_run(conn, call_record("Ana", week(0), 70, 3, 150, 0, 1), deal_id=deal, link="flag")
        save_run(conn, call_record("Ana", week(1), 55, 9, 60, 1, 1), deal_id=deal, link="flag")
        save_run(conn, call_record("Bo", week(1), 40, 5, 30, 1, 0))
        save_run(conn, copy_record("site/a.md", "1" * 64, 50.0, week(0)))
    store.close()


def test_trends_deals_timeline_and_pages(client, store_url):
    fill(store_url)
    c = client(store_url)
    sellers = c.get("/api/v1/history/trends").json()
    assert sellers["by"] == "seller" and [g["seller"] for g in sellers["groups"]] == ["Ana", "Bo"]
    assert [p["talk_share"] for p in sellers["groups"][0]["series"]] == [70.0, 55.0]
    deals = c.get("/api/v1/history/trends", params={"by": "deal"}).json()["groups"]
    assert deals[0]["deal"] == "Acme" and deals[0]["overall"]["next_step_rate"] == 50.0
    assert c.get("/api/v1/history/deals").json()["deals"][0]["calls"] == 2
    timeline = c.get("/api/v1/history/timeline", params={"deal": "Acme"}).json()
    assert [call["questions"] for call in timeline["calls"]] == [3, 9]
    assert timeline["calls"][0]["time"] < timeline["calls"][1]["time"]
    assert c.get("/api/v1/history/pages").json()["pages"][0]["versions"][0]["score"] == 50.0
    assert c.get("/api/v1/history/trends", params={"since": "2026-03-09"}).json()["groups"][0]["series"][0]["calls"] == 1


def test_errors_are_one_line_json(client, store_url, tmp_path):
    fill(store_url)
    c = client(store_url)
    missing = c.get("/api/v1/history/timeline", params={"deal": "Nope"})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    for params in ({"by": "week"}, {"since": "March"}, {"seller": "x" * 201}, {"seller": "  "}):
        bad = c.get("/api/v1/history/trends", params=params)
        assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid", params
    assert c.get("/api/v1/history/timeline").status_code == 422


def test_a_missing_store_answers_empty_and_a_corrupt_one_503(client, tmp_path):
    db = tmp_path / "none.sqlite3"
    c = client(str(db))
    assert c.get("/api/v1/history/trends").json() == {"by": "seller", "groups": []}
    assert c.get("/api/v1/history/deals").json() == {"deals": []}
    assert c.get("/api/v1/history/timeline", params={"deal": "x"}).status_code == 404
    assert not db.exists()
    db.write_bytes(b"garbage" * 1000)
    broken = client(str(db)).get("/api/v1/history/pages")
    assert broken.status_code == 503 and "not a database" in broken.json()["error"]["message"]
    assert "\n" not in broken.json()["error"]["message"]
