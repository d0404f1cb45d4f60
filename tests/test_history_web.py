"""The history API the editor's history view builds on: real app, real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import warnings

import pytest
from click.testing import CliRunner

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


# -- saving from the editor ------------------------------------------------------------------------------------
def test_saving_copy_from_the_editor_is_the_run_check_save_stores(client, store_url, tmp_path, monkeypatch):
    from history_data import LANDING
    from plainpitch.cli import main

    monkeypatch.chdir(tmp_path)  # the server's folder: paths are stored as `check` run here would store them
    (tmp_path / ".git").mkdir()
    text = LANDING.read_text(encoding="utf-8")
    c = client(store_url)
    first = c.post("/api/v1/history/save/copy", json={"text": text, "filename": "landing.md", "path": "site/landing.md"})
    assert first.status_code == 200, first.text
    run = first.json()["run"]
    assert run["kind"] == "copy" and run["path"] == "site/landing.md" and run["version"] == 1
    assert run["previous"] is None and run["text_kept"] is False
    # the same page, edited on disk and saved by the CLI: its next version, scored beside the editor's
    page = tmp_path / "site" / "landing.md"
    page.parent.mkdir()
    page.write_text(text + "\nBook a 15-minute demo today.\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "site/landing.md", "--save"], env={"PLAINPITCH_HISTORY_URL": store_url})
    assert "site/landing.md: version 2" in out.output, out.output
    assert f"(version 1: {run['score']:.0f})" in out.output
    # and the editor saving the CLI's text again finds that version rather than making a third
    again = c.post("/api/v1/history/save/copy", json={"text": page.read_text(encoding="utf-8"), "filename": "landing.md",
                                                      "path": "site/landing.md", "keep_text": True})  # fmt: skip
    assert again.json()["run"]["version"] == 2 and again.json()["run"]["text_kept"] is True
    pages = c.get("/api/v1/history/pages").json()["pages"]
    assert [(v["version"], v["runs"]) for v in pages[0]["versions"]] == [(1, 1), (2, 2)]
    store = open_store(HistorySettings(normalise_url(store_url)))
    with store.read() as conn:
        kept = [r[0] for r in conn.exec_driver_sql("SELECT text FROM runs ORDER BY id")]
    store.close()
    assert kept[0] is None and kept[2] == page.read_text(encoding="utf-8")  # only the run asked to keep it


def test_saving_a_call_links_its_deal_by_flag_or_by_participants(client, store_url):
    from history_data import call_vtt

    store = open_store(HistorySettings(normalise_url(store_url)))
    with store.write() as conn:
        add_deal(conn, DealInput("Globex pilot", domain="globex.com"))
        add_deal(conn, DealInput("Initech", domain="initech.com"))
    store.close()
    c = client(store_url)
    vtt = call_vtt().encode("utf-8")
    matched = c.post("/api/v1/history/save/call", files={"file": ("globex.vtt", vtt, "text/vtt")},
                     data={"me": "Ana Lopez", "occurred_at": "2026-03-04T10:00:00+01:00"})  # fmt: skip
    assert matched.status_code == 200, matched.text
    run = matched.json()["run"]
    assert run["deal"] == "Globex pilot" and run["link"] == "matched" and "globex.com" in run["link_reason"]
    assert run["seller"] == "Ana Lopez" and run["occurred_at"] == "2026-03-04T09:00:00+00:00"
    flagged = c.post("/api/v1/history/save/call", json={"text": call_vtt(), "filename": "x.vtt", "deal": "initech"})
    assert flagged.json()["run"]["deal"] == "Initech" and flagged.json()["run"]["link"] == "flag"
    timeline = c.get("/api/v1/history/timeline", params={"deal": "Globex pilot"}).json()["calls"]
    assert [call["time"][:10] for call in timeline] == ["2026-03-04"] and timeline[0]["path"].endswith("globex.vtt")
    missing = c.post("/api/v1/history/save/call", json={"text": call_vtt(), "deal": "Nobody"})
    assert missing.status_code == 404 and "Nobody" in missing.json()["error"]["message"]


def test_keep_text_in_the_config_is_respected(client, tmp_path, monkeypatch):
    (tmp_path / "plainpitch.toml").write_text('[history]\nkeep-text = true\npath = "h.sqlite3"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLAINPITCH_HISTORY_URL", raising=False)
    history_api._STORES.clear()
    c = TestClient(create_app(), base_url="http://localhost")
    saved = c.post("/api/v1/history/save/copy", json={"text": "Save hours on every report. Book a demo.", "path": "a.md"})
    assert saved.status_code == 200, saved.text
    assert saved.json()["run"]["text_kept"] is True and saved.json()["store"] == str(tmp_path / "h.sqlite3")
    assert (tmp_path / "h.sqlite3").is_file()


def test_saving_refuses_bad_fields_and_says_why_a_store_cannot_be_written(client, tmp_path):
    c = client(str(tmp_path / "h.sqlite3"))
    for body in ({"text": "x", "path": "/etc/passwd"}, {"text": "x", "path": "../up.md"}, {"text": "x", "path": "a\x00b"},
                 {"text": "x", "keep_text": "yes"}, {"text": "x", "deal": "Acme"}):  # fmt: skip
        bad = c.post("/api/v1/history/save/copy", json=body)
        assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid", body
    for body in ({"text": "WEBVTT", "occurred_at": "yesterday"}, {"text": "WEBVTT", "occurred_at": "2026-03-04T10:00:00"}):
        assert c.post("/api/v1/history/save/call", json=body).status_code == 422, body
    assert not (tmp_path / "h.sqlite3").exists()  # nothing was saved, nothing created
    (tmp_path / "broken.sqlite3").write_bytes(b"garbage" * 1000)
    broken = client(str(tmp_path / "broken.sqlite3")).post("/api/v1/history/save/copy", json={"text": "Book a demo."})
    assert broken.status_code == 503 and "not a database" in broken.json()["error"]["message"]
    assert "\n" not in broken.json()["error"]["message"]
