"""Fixtures for the history tests: a real PostgreSQL server (tests/pg_cluster.py) and a store URL for each
database. Imported by conftest.py.

``make test`` starts one server for the whole run and passes its URL in PLAINPITCH_TEST_PG_URL; a bare ``pytest``
starts one per worker here (and stops it at the end). Each test gets a database of its own. Where PostgreSQL
cannot be had, the tests that need it skip and the summary says so in capitals.
"""

from __future__ import annotations

import os
import uuid

import pytest

from pg_cluster import ENV, UNAVAILABLE, Cluster, find_bin

_SKIP_REASON = "PostgreSQL is not available on this machine (see tests/pg_cluster.py)"


@pytest.fixture(scope="session")
def pg_server():
    url = os.environ.get(ENV)
    if url == UNAVAILABLE:
        pytest.skip(_SKIP_REASON)
    if url:
        yield url
        return
    bindir = find_bin()
    if bindir is None:
        pytest.skip(_SKIP_REASON)
    cluster = Cluster(bindir)
    try:
        yield cluster.start()
    finally:
        cluster.stop()


def _admin(server: str):
    import psycopg

    return psycopg.connect(server, autocommit=True, connect_timeout=10)


@pytest.fixture
def pg_url(pg_server):
    """A fresh database on the test server, dropped afterwards: postgresql://postgres@127.0.0.1:PORT/t_..."""
    name = "t_" + uuid.uuid4().hex[:16]
    with _admin(pg_server) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield pg_server.rsplit("/", 1)[0] + "/" + name
    with _admin(pg_server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The same test on a SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "history.sqlite3")
    return request.getfixturevalue("pg_url")


def pytest_terminal_summary(terminalreporter):
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if _SKIP_REASON in str(r.longrepr)]
    if skipped:
        bar = "=" * 100
        terminalreporter.write_line(bar, red=True, bold=True)
        terminalreporter.write_line(f"WARNING: {len(skipped)} POSTGRESQL TESTS WERE SKIPPED: {_SKIP_REASON}",
                                    red=True, bold=True)  # fmt: skip
        terminalreporter.write_line(bar, red=True, bold=True)
