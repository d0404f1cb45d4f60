"""The store: one interface over a SQLite file or a PostgreSQL database (SQLAlchemy 2 Core for both).

- Every write is one transaction (``Store.write()``): a run killed mid-write leaves the store as it was before it.
  On SQLite the transaction starts with ``BEGIN IMMEDIATE`` (the write lock is taken up front, so two writers
  queue on the busy timeout instead of one failing on a lock upgrade), in WAL mode (readers never wait for a
  writer). On PostgreSQL, the database's own transactions.
- The schema is migrated by Alembic on open, under a lock (SQLite's write lock, PostgreSQL's advisory lock), so
  two processes opening a new or older store at once migrate it once. A store written by a newer plainpitch (a
  revision this version does not know) is refused with a message saying so.
- Anything the database or the driver raises leaves here as a one-line ``HistoryError`` naming the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from plainpitch.history.errors import HistoryError
from plainpitch.history.settings import HistorySettings

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

BUSY_TIMEOUT_S = 30.0  # how long a SQLite writer waits for another (the CLI and the editor may write at once)
CONNECT_TIMEOUT_S = 5  # an unreachable PostgreSQL server is an error after this long, not a hang
MIGRATIONS = "plainpitch.history:migrations"  # shipped in the package
_ADVISORY_LOCK = 0x706C6E70  # "plnp": one PostgreSQL migration at a time


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip() or type(orig).__name__
    return text.splitlines()[0].strip()


@contextmanager
def translated(where: str) -> Iterator[None]:
    """Database and file-system errors -> one-line HistoryError naming the store."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        yield
    except HistoryError:
        raise
    except SQLAlchemyError as exc:
        reason = _first_line(exc)
        if "not a database" in reason or "malformed" in reason:
            reason += " (the file is damaged or not a plainpitch store: move it away to start a new one)"
        raise HistoryError(f"history store {where}: {reason}") from None
    except (OSError, ImportError) as exc:
        raise HistoryError(f"history store {where}: {exc}") from None


def _into_wal(cur: Any) -> None:
    """Put the file in WAL mode (it stays so). Asked first: a store already in WAL answers at once. Changing the
    mode does not wait on SQLite's busy timeout, and processes opening a new store at once all try it, so a change
    refused for a lock is tried again (by then another process has usually made it). A file system without WAL
    keeps its mode, as SQLite decides."""
    import sqlite3
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.005
    while cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not ("locked" in str(exc) or "busy" in str(exc)) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _engine(settings: HistorySettings) -> Engine:
    from sqlalchemy import create_engine, event

    if settings.is_sqlite:
        engine = create_engine(settings.url, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below), pysqlite must not
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            _into_wal(cur)
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA secure_delete = ON")  # forgotten text is overwritten, not left in free pages
            cur.execute("PRAGMA cache_size = -32000")  # up to 32 MB of pages: the trends reread their indexes
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("writing") else "BEGIN")

        return engine
    try:
        import psycopg  # noqa: F401  (a clear message when the PostgreSQL driver is not installed)
    except ImportError:
        raise HistoryError(
            f"history store {settings.where}: PostgreSQL needs the psycopg driver: pip install 'plainpitch[postgres]'"
        ) from None
    return create_engine(settings.url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}, pool_pre_ping=True)


class Store:
    """An open history store. Use ``open_store`` (it migrates); ``write()`` and ``read()`` give connections."""

    def __init__(self, settings: HistorySettings, *, migrations: str = MIGRATIONS, head: str | None = None) -> None:
        from plainpitch.history.schema import SCHEMA_HEAD

        self.settings = settings
        self.where = settings.where
        self.migrations = migrations
        self.head = head or SCHEMA_HEAD
        with translated(self.where):
            self.engine = _engine(settings)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back when it raises."""
        with translated(self.where), self.engine.connect() as conn:
            conn = conn.execution_options(writing=True)
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with translated(self.where), self.engine.connect() as conn, conn.begin():
            yield conn

    def checkpoint(self) -> None:
        """After forgetting: fold the SQLite write-ahead log into the file, so deleted rows leave no copy behind."""
        if self.dialect == "sqlite":
            with translated(self.where), self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.engine.dispose()

    # -- schema --------------------------------------------------------------------------------------------------
    def revision(self, conn: Connection | None = None) -> str | None:
        """The store's schema revision (None: no plainpitch tables yet)."""
        from sqlalchemy import inspect, text

        if conn is None:
            with self.read() as c:
                return self.revision(c)
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def _alembic_config(self) -> Any:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", self.migrations)
        return cfg

    def known_revisions(self) -> set[str]:
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(self._alembic_config())
        return {rev.revision for rev in script.walk_revisions()}

    def _refuse_if_newer(self, rev: str | None) -> None:
        if rev is not None and rev not in self.known_revisions():
            raise HistoryError(
                f"history store {self.where} has schema revision {rev}, which this plainpitch does not know (it knows "
                f"up to {self.head}): it was written by a newer plainpitch; upgrade plainpitch to use it"
            )

    def migrate(self) -> str | None:
        """Bring the schema to this version's head; returns the revision it started from (None: a new store).
        Fast when there is nothing to do (one query, Alembic not imported)."""
        rev = self.revision()
        if rev == self.head:
            return rev
        self._refuse_if_newer(rev)
        with self.write() as conn:
            if self.dialect == "postgresql":
                from sqlalchemy import text

                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
            rev = self.revision(conn)  # again, under the lock: another process may have migrated meanwhile
            if rev == self.head:
                return rev
            self._refuse_if_newer(rev)
            from alembic import command

            cfg = self._alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, self.head)
        return rev


def open_store(settings: HistorySettings, *, create: bool = True, **kwargs: Any) -> Store | None:
    """The store, migrated to this version's schema. With ``create=False`` (reading), a SQLite store that does not
    exist yet is None rather than a new empty file."""
    path = settings.sqlite_path
    if path is not None:
        if not create and not path.exists():
            return None
        if create:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise HistoryError(f"history store {settings.where}: cannot create its folder: {exc.strerror}") from None
        elif path.is_dir():
            raise HistoryError(f"history store {settings.where}: is a folder, not a file")
    store = Store(settings, **kwargs)
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store


