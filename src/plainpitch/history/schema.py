"""The history tables (SQLAlchemy Core), the same on SQLite and PostgreSQL. docs/history.md describes them.

The migrations in ``migrations/versions`` create exactly these tables (a test compares them on both databases).
Change a table here only together with a new migration, and move ``SCHEMA_HEAD`` to it.

The call measures the trends read (talk share, questions, longest monologue, next steps, asks) are columns of
``runs`` as well as rows of ``run_metrics``: ``plainpitch history`` aggregates them over 100,000 runs without
touching the three million metric rows.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_HEAD = "0001"  # the newest migration this version of plainpitch knows
TREND_COLUMNS = ("talk_share", "questions", "longest_monologue_s", "next_steps", "asks")

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

deals = Table(
    "deals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("company", String(200)),
    Column("domain", String(255)),  # the buyer's e-mail domain, e.g. acme.com: links calls to the deal
    Column("stage", String(60)),
    Column("amount", Numeric(16, 2)),
    Column("currency", String(3)),
    Column("close_date", Date),
    Column("status", String(8), nullable=False, server_default="open"),  # open | won | lost
    Column("closed_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

deal_contacts = Table(
    "deal_contacts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("deal_id", Integer, ForeignKey("deals.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String(200)),
    Column("email", String(320), index=True),
)

pages = Table(
    "pages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("path", String(1000), nullable=False, unique=True),  # relative to the project (git) root
)

page_versions = Table(
    "page_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("page_id", Integer, ForeignKey("pages.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),  # 1, 2, 3... in the order the contents were first saved
    Column("content_hash", String(64), nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    UniqueConstraint("page_id", "number"),
    UniqueConstraint("page_id", "content_hash"),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(32), nullable=False, unique=True),  # stable across export and import
    Column("kind", String(8), nullable=False),  # copy | call
    Column("path", String(1000), nullable=False),
    Column("content_hash", String(64), nullable=False),  # sha256 of the file's bytes
    Column("created_at", DateTime(timezone=True), nullable=False),  # when the run was saved
    Column("occurred_at", DateTime(timezone=True), nullable=False),  # a call: its transcript's file time
    Column("week", Date, nullable=False),  # the Monday of occurred_at's week (UTC): trends group by it
    Column("tool_version", String(40)),
    Column("profile", String(20)),
    Column("context", String(20)),
    Column("medium", String(20)),
    Column("format", String(20)),
    Column("score", Float),
    Column("findings", Integer, nullable=False, server_default="0"),
    Column("seller", String(200)),  # calls: --me, else the speakers taken for the seller
    Column("deal_id", Integer, ForeignKey("deals.id", ondelete="SET NULL")),
    Column("deal_link", String(8)),  # flag | matched
    Column("deal_reason", String(300)),  # why a matched call was linked: "e-mail domain acme.com"
    Column("page_id", Integer, ForeignKey("pages.id", ondelete="SET NULL")),
    Column("version_id", Integer, ForeignKey("page_versions.id", ondelete="SET NULL")),
    Column("call_type", String(20)),
    Column("duration_s", Float),
    Column("talk_share", Float),  # the seller's share of talk time, %
    Column("questions", Integer),  # questions the seller asked
    Column("longest_monologue_s", Float),
    Column("next_steps", Integer),
    Column("asks", Integer),
    Column("text", Text),  # only with --keep-text
    Index(None, "kind", "occurred_at"),
    # covering indexes: the trends read only these columns, in this order, so a query never touches the table
    Index("ix_runs_seller_trend", "kind", "seller", "week", *TREND_COLUMNS),
    Index("ix_runs_deal_trend", "kind", "deal_id", "week", *TREND_COLUMNS),
    Index(None, "deal_id", "occurred_at"),
    Index(None, "version_id", "score"),
    Index(None, "page_id"),
    Index(None, "path"),
)

run_scores = Table(
    "run_scores",
    metadata,
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
    Column("part", String(40), primary_key=True),
    Column("value", Float, nullable=False),
)

run_metrics = Table(
    "run_metrics",
    metadata,
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
    Column("name", String(120), primary_key=True),
    Column("value", Float),
    Column("text", String(200)),  # a metric whose value is a word (call.type: discovery)
    Column("unit", String(30)),
)

run_findings = Table(
    "run_findings",
    metadata,
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
    Column("code", String(20), primary_key=True),
    Column("severity", String(12), nullable=False),
    Column("count", Integer, nullable=False),
)

call_participants = Table(
    "call_participants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("role", String(10)),  # seller | buyer | unknown
    Column("email", String(320)),
)
