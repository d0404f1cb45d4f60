"""Export and import (JSON and CSV, including a CRM's deals export), and forgetting."""

from __future__ import annotations

import json

from click.testing import CliRunner

from history_data import call_record, copy_record, week
from plainpitch.cli import main
from plainpitch.history.deals import DealInput, add_deal
from plainpitch.history.records import Participant
from plainpitch.history.runs import save_run
from plainpitch.history.settings import HistorySettings, normalise_url
from plainpitch.history.store import open_store


def cli(url, *args, input=None):
    return CliRunner().invoke(main, list(args), env={"PLAINPITCH_HISTORY_URL": url, "NO_COLOR": "1"}, input=input)


def fill(url):
    store = open_store(HistorySettings(normalise_url(url)))
    with store.write() as conn:
        deal = add_deal(conn, DealInput("Acme", company="Acme Inc", contacts=(("Sam Okafor", "sam@acme.com"),)))
        people = (Participant("Ana", "seller"), Participant("Sam Okafor", "buyer", "sam@acme.com"))
        save_run(conn, call_record("Ana", week(0), 60, 5, 90, 1, 1, participants=people), deal_id=deal, link="matched",
                 reason="contact sam@acme.com")  # fmt: skip
        save_run(conn, copy_record("site/a.md", "1" * 64, 60.0, week(0)))
        save_run(conn, copy_record("site/a.md", "2" * 64, 70.0, week(1)))
    store.close()


def exported(url):
    data = json.loads(cli(url, "history", "export").output)
    data.pop("exported_at")
    for d in data["deals"]:
        d.pop("created_at")
    return data


def test_json_round_trip_between_stores(store_url, tmp_path):
    fill(store_url)
    out = tmp_path / "export.json"
    assert cli(store_url, "history", "export", "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "plainpitch-history" and data["version"] == 1 and len(data["runs"]) == 3
    call = next(r for r in data["runs"] if r["kind"] == "call")
    assert call["deal"] == "Acme" and call["metrics"]["call.talk_share.seller"] == 60.0
    assert call["participants"][1] == {"name": "Sam Okafor", "role": "buyer", "email": "sam@acme.com"}
    assert [r["page_version"] for r in data["runs"] if r["kind"] == "copy"] == [1, 2]
    other = str(tmp_path / "other.sqlite3")
    first = cli(other, "history", "import", str(out))
    assert first.exit_code == 0 and "1 deals added" in first.output and "3 runs added" in first.output, first.output
    assert exported(other) == exported(store_url)
    again = cli(other, "history", "import", str(out))
    assert "0 runs added, 3 already there" in again.output


def test_a_bad_item_imports_nothing_and_names_the_item(store_url, tmp_path):
    fill(store_url)
    data = json.loads(cli(store_url, "history", "export").output)
    data["runs"][2]["kind"] = "podcast"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    target = str(tmp_path / "t.sqlite3")
    result = cli(target, "history", "import", str(bad))
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "bad.json: runs[2]: kind must be copy or call" in result.output
    assert json.loads(cli(target, "history", "-f", "json").output)["summary"]["call_runs"] == 0  # all or nothing
    (tmp_path / "x.json").write_text("{not json", encoding="utf-8")
    assert "not valid JSON" in cli(target, "history", "import", str(tmp_path / "x.json")).output
    (tmp_path / "y.json").write_text('{"format": "plainpitch-history", "version": 99}', encoding="utf-8")
    assert "newer than this plainpitch reads" in cli(target, "history", "import", str(tmp_path / "y.json")).output


def test_csv_exports_and_a_crm_deals_export(store_url, tmp_path):
    fill(store_url)
    runs_csv = cli(store_url, "history", "export", "-f", "csv").output
    assert runs_csv.splitlines()[0].startswith("id,kind,path") and len(runs_csv.splitlines()) == 4
    deals_csv = cli(store_url, "history", "export", "-f", "csv", "--table", "deals").output
    assert "Acme,Acme Inc" in deals_csv and "Sam Okafor <sam@acme.com>" in deals_csv
    crm = tmp_path / "crm.csv"
    crm.write_text("Deal Name,Account Name,Deal Stage,Amount,Close Date,Contact Email\n"
                   "Globex pilot,Globex,Qualified,\"12,000\",2026-12-01,lee@globex.com\n"
                   "Acme,,Negotiation,50000,,\n", encoding="utf-8")  # fmt: skip
    result = cli(store_url, "history", "import", str(crm))
    assert result.exit_code == 0 and "1 deals added, 1 updated" in result.output, result.output
    deals = {d["name"]: d for d in json.loads(cli(store_url, "deal", "list", "-f", "json").output)}
    assert deals["Acme"]["stage"] == "Negotiation" and deals["Acme"]["company"] == "Acme Inc"
    assert deals["Globex pilot"]["amount"] == 12000.0 and deals["Globex pilot"]["contacts"] == [
        {"name": None, "email": "lee@globex.com"}]
    runs_file = tmp_path / "runs.csv"
    runs_file.write_text(runs_csv, encoding="utf-8")
    other = str(tmp_path / "o.sqlite3")
    assert "3 runs added" in cli(other, "history", "import", str(runs_file)).output
    trend = json.loads(cli(other, "history", "-f", "json").output)
    assert trend["sellers"][0]["overall"]["talk_share"] == 60.0


def test_forget_by_deal_file_and_all(store_url):
    fill(store_url)
    refused = cli(store_url, "history", "forget", "--all")  # no terminal, no --yes: refuse, change nothing
    assert refused.exit_code == 2 and "--yes" in refused.output
    assert cli(store_url, "history", "forget").exit_code == 2
    deal = cli(store_url, "history", "forget", "--deal", "Acme", "--yes")
    assert deal.exit_code == 0 and "forgot 1 runs and 1 deals" in deal.output
    page = cli(store_url, "history", "forget", "--file", "site/a.md", "--yes")
    assert "forgot 2 runs" in page.output
    summary = json.loads(cli(store_url, "history", "-f", "json").output)["summary"]
    assert (summary["call_runs"], summary["copy_runs"], summary["deals"], summary["pages"]) == (0, 0, 0, 0)
    assert cli(store_url, "history", "forget", "--file", "nope.md", "--yes").exit_code == 2


def test_forgotten_text_is_gone_from_the_sqlite_file(tmp_path):
    db = tmp_path / "h.sqlite3"
    page = tmp_path / "secret.md"
    page.write_text("# Pricing\n\nOur secret discount SECRET-MARKER-42 for Acme. Book a call today.\n", encoding="utf-8")
    assert "saved 1 run" in cli(str(db), "check", str(page), "--keep-text").output
    assert b"SECRET-MARKER-42" in db.read_bytes() + (db.with_name(db.name + "-wal").read_bytes()
                                                      if db.with_name(db.name + "-wal").exists() else b"")  # fmt: skip
    assert cli(str(db), "history", "forget", "--all", "--yes").exit_code == 0
    wal = db.with_name(db.name + "-wal")
    assert b"SECRET-MARKER-42" not in db.read_bytes()
    assert not wal.exists() or b"SECRET-MARKER-42" not in wal.read_bytes()
