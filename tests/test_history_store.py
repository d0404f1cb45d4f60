"""The history store on SQLite and on a real PostgreSQL server: schema and migrations, saving runs and page
versions, what is (not) stored, and one-line errors for stores that cannot be used."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from history_data import LANDING, copy_record, week
from plainpitch.cli import main
from plainpitch.history.errors import HistoryError
from plainpitch.history.runs import previous_score, save_run
from plainpitch.history.schema import SCHEMA_HEAD, metadata
from plainpitch.history.settings import HistorySettings, normalise_url, settings_for
from plainpitch.history.store import Store, open_store

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "src" / "plainpitch" / "history" / "migrations"


def settings(url: str) -> HistorySettings:
    return HistorySettings(normalise_url(url))


def cli(*args, url: str, cwd: Path | None = None, input: str | None = None):
    env = {"PLAINPITCH_HISTORY_URL": url, "NO_COLOR": "1"}
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args), env=env, input=input)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(main, list(args), env=env, input=input)


# -- schema --------------------------------------------------------------------------------------------------
def test_migrations_build_exactly_the_declared_schema(store_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    store = open_store(settings(store_url))
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    store.close()
    assert diff == []


def test_schema_head_is_the_newest_shipped_migration(tmp_path):
    from alembic.script import ScriptDirectory

    store = Store(settings(str(tmp_path / "h.db")))
    script = ScriptDirectory.from_config(store._alembic_config())
    assert script.get_heads() == [SCHEMA_HEAD]
    store.close()


def _newer_migrations(tmp_path: Path) -> str:
    """The shipped migrations plus a next one (adds a column), as a future plainpitch would ship them."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "0002_next.py").write_text(
        'import sqlalchemy as sa\nfrom alembic import op\n\nrevision = "0002"\ndown_revision = "0001"\n'
        "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n"
        '    op.add_column("deals", sa.Column("owner", sa.String(100)))\n\n\ndef downgrade():\n'
        '    op.drop_column("deals", "owner")\n', encoding="utf-8")  # fmt: skip
    return str(folder)


def test_an_older_store_is_migrated_and_keeps_its_data(store_url, tmp_path):
    from sqlalchemy import inspect

    old = open_store(settings(store_url))
    with old.write() as conn:
        save_run(conn, copy_record("docs/page.md", "a" * 64, 70.0, week(0)))
    old.close()
    new = open_store(settings(store_url), migrations=_newer_migrations(tmp_path), head="0002")
    assert new.revision() == "0002"
    with new.read() as conn:
        assert "owner" in {c["name"] for c in inspect(conn).get_columns("deals")}
        assert conn.exec_driver_sql("SELECT count(*) FROM runs").scalar() == 1
    new.close()


def test_a_store_at_every_shipped_revision_upgrades_to_the_head(store_url):
    """A store left at any revision a plainpitch ever shipped is migrated to this version's schema, data kept."""
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    probe = Store(settings(store_url))
    revisions = [r.revision for r in reversed(list(ScriptDirectory.from_config(probe._alembic_config()).walk_revisions()))]
    probe.close()
    assert revisions[-1] == SCHEMA_HEAD
    for rev in revisions:
        old = Store(settings(store_url), head=rev)  # as the plainpitch that shipped `rev` would have left it
        old.migrate()
        assert old.revision() == rev
        with old.write() as conn:
            conn.exec_driver_sql("INSERT INTO deals (name, status, created_at) VALUES ('Kept', 'open', '2026-01-05')")
        old.close()
        new = open_store(settings(store_url))
        assert new.revision() == SCHEMA_HEAD
        with new.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
            assert conn.exec_driver_sql("SELECT name FROM deals").scalars().all() == ["Kept"]
        with new.write() as conn:  # back to an empty database for the next revision
            cfg = new._alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        new.close()


def test_a_newer_store_is_refused_with_a_clear_message(store_url, tmp_path):
    future = open_store(settings(store_url), migrations=_newer_migrations(tmp_path), head="0002")
    future.close()
    with pytest.raises(HistoryError, match=r"revision 0002.*newer plainpitch"):
        open_store(settings(store_url))
    result = cli("history", url=store_url)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "newer plainpitch" in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_two_processes_creating_a_store_at_once_migrate_it_once(store_url, tmp_path):
    code = ("import sys; from plainpitch.history.settings import HistorySettings, normalise_url; "
            "from plainpitch.history.store import open_store; "
            "s = open_store(HistorySettings(normalise_url(sys.argv[1]))); print(s.revision())")  # fmt: skip
    procs = [subprocess.Popen([sys.executable, "-c", code, store_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]  # fmt: skip
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    assert {o.strip() for o, _ in outs} == {SCHEMA_HEAD}



def test_a_new_store_opens_while_another_connection_writes_to_its_file(tmp_path):
    """Opening a new store puts its file in WAL mode, a change SQLite refuses at once (no busy timeout) while
    another connection is writing to the file; the open waits for it instead of failing with 'database is locked'
    (seen when the CLI and the editor created a store together)."""
    import sqlite3
    import threading

    path = tmp_path / "history.sqlite3"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE held (x)")
    other.execute("BEGIN IMMEDIATE")  # a writer's lock on the file, still in its first journal mode (as another
    other.execute("INSERT INTO held VALUES (1)")  # process's own change to WAL takes it)
    threading.Timer(0.4, other.rollback).start()
    store = open_store(HistorySettings(normalise_url(f"sqlite:///{path}")))
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert store.revision() == SCHEMA_HEAD
    store.close()
    other.close()

# -- saving ----------------------------------------------------------------------------------------------------
def test_page_versions_follow_content_and_show_the_previous_score(store_url):
    store = open_store(settings(store_url))
    with store.write() as conn:
        first = save_run(conn, copy_record("site/landing.md", "1" * 64, 60.0, week(0)))
        again = save_run(conn, copy_record("site/landing.md", "1" * 64, 60.0, week(1)))
        second = save_run(conn, copy_record("site/landing.md", "2" * 64, 75.0, week(2)))
        other = save_run(conn, copy_record("site/pricing.md", "2" * 64, 50.0, week(2)))
        assert (first["version"], again["version"], second["version"], other["version"]) == (1, 1, 2, 1)
        assert previous_score(conn, second["page_id"], 2) == (1, 60.0)
    store.close()


def test_check_save_stores_the_run_and_keep_text_the_text(tmp_path, store_url):
    page = tmp_path / "landing.md"
    page.write_text(LANDING.read_text(encoding="utf-8") + "\nKEEP-ME-MARKER\n", encoding="utf-8")
    result = cli("check", str(page), "--save", "--all", url=store_url)  # every rule: findings to store
    assert result.exit_code in (0, 1), result.output
    assert "saved 1 run to history" in result.output and "version 1" in result.output
    page.write_text(page.read_text(encoding="utf-8") + "\nA second version. Book a demo today.\n", encoding="utf-8")
    result = cli("check", str(page), "--keep-text", "--all", url=store_url)
    assert "version 2" in result.output and "(version 1:" in result.output
    store = open_store(settings(store_url))
    with store.read() as conn:
        rows = conn.exec_driver_sql("SELECT kind, text, score, findings FROM runs ORDER BY id").all()
        codes = conn.exec_driver_sql("SELECT count(*) FROM run_findings").scalar()
        metrics = conn.exec_driver_sql("SELECT count(*) FROM run_metrics").scalar()
    store.close()
    assert [r.kind for r in rows] == ["copy", "copy"]
    assert rows[0].text is None and "KEEP-ME-MARKER" in rows[1].text
    assert all(r.score is not None for r in rows) and codes > 0 and metrics > 0


@pytest.mark.parametrize("command", ["check", "call review"])
def test_nothing_is_stored_or_imported_without_save(tmp_path, command):
    """`check` and `call review` without --save never open a store, nor import the database libraries."""
    db = tmp_path / "never.sqlite3"
    target = LANDING if command == "check" else Path(__file__).parent / "data" / "transcripts" / "zoom_prefix.vtt"
    code = ("import sys\nfrom plainpitch.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n"
            "    pass\nprint('LOADED', sorted(m for m in ('sqlalchemy', 'alembic', 'psycopg') if m in sys.modules))")  # fmt: skip
    env = {**os.environ, "PLAINPITCH_HISTORY_URL": str(db)}
    out = subprocess.run([sys.executable, "-c", code, *command.split(), str(target)], capture_output=True, text=True,
                         env=env, cwd=tmp_path)  # fmt: skip
    assert target.name in out.stdout, out.stdout + out.stderr  # the command ran and reported
    assert "LOADED []" in out.stdout, out.stdout + out.stderr
    assert not db.exists()


def test_history_true_in_config_saves_to_a_project_local_store(tmp_path):
    (tmp_path / "plainpitch.toml").write_text('[history]\nsave = true\npath = ".plainpitch/h.sqlite3"\n', encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(LANDING.read_text(encoding="utf-8"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PLAINPITCH_HISTORY_URL"}
    result = CliRunner().invoke(main, ["check", str(page)], env={**env, "PLAINPITCH_HISTORY_URL": ""})
    assert "saved 1 run" in result.output, result.output
    assert (tmp_path / ".plainpitch" / "h.sqlite3").is_file()


def test_settings_precedence_and_bad_values(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.plainpitch]\nhistory = true\n', encoding="utf-8")
    s = settings_for(tmp_path, env={})
    assert s.save and s.source == "default" and s.url.endswith("history.sqlite3")
    s = settings_for(tmp_path, env={"PLAINPITCH_HISTORY_URL": "postgres://u:secret@db.example/pp"})
    assert s.url == "postgresql+psycopg://u:secret@db.example/pp" and "secret" not in s.where
    (tmp_path / "pyproject.toml").write_text('[tool.plainpitch.history]\nkeep-text = "yes"\n', encoding="utf-8")
    with pytest.raises(HistoryError, match=r"pyproject.toml: history keep-text must be a bool"):
        settings_for(tmp_path, env={})
    with pytest.raises(HistoryError, match="not supported"):
        normalise_url("mysql://x/y")


# -- stores that cannot be used ------------------------------------------------------------------------------
def test_a_corrupt_store_is_one_line_and_never_blocks_check(tmp_path):
    db = tmp_path / "broken.sqlite3"
    garbage = b"this is not a database\n" * 400
    db.write_bytes(garbage)
    for args in (["history"], ["deal", "list"], ["history", "export"]):
        result = cli(*args, url=str(db))
        assert result.exit_code == 2, (args, result.output)
        assert result.output.count("\n") == 1 and "not a database" in result.output, result.output
    plain = cli("check", str(LANDING), url=str(db))
    assert plain.exit_code in (0, 1) and "plainpitch: error" not in plain.output and "history store" not in plain.output
    saving = cli("check", str(LANDING), "--save", url=str(db))
    assert saving.exit_code == 1
    assert "JRG" in saving.output or "score" in saving.output.lower()  # the report still came out
    assert saving.output.strip().splitlines()[-1].startswith("plainpitch: error: history store")
    assert db.read_bytes() == garbage  # never overwritten


def test_an_unreachable_server_is_one_line(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    url = f"postgresql://nobody:pw@127.0.0.1:{port}/none"
    result = cli("history", url=url)
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert "history store postgresql://nobody:***@127.0.0.1" in result.output and "pw@" not in result.output
    review = cli("call", "review", str(Path(__file__).parent / "data" / "transcripts" / "zoom_prefix.vtt"), url=url)
    assert review.exit_code in (0, 1) and "history store" not in review.output


def test_history_on_a_missing_store_creates_nothing(tmp_path):
    db = tmp_path / "sub" / "none.sqlite3"
    result = cli("history", "-f", "json", url=str(db))
    assert result.exit_code == 0
    assert json.loads(result.output)["summary"]["call_runs"] == 0
    chart = cli("history", "--chart", str(tmp_path / "c.png"), url=str(db))
    assert chart.exit_code == 0 and "nothing to chart yet" in chart.output and not (tmp_path / "c.png").exists()
    assert not db.exists() and not db.parent.exists()
