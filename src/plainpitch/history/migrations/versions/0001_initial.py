"""The first history schema: deals and contacts, pages and their versions, runs with scores, metrics, findings
and call participants.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "deals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("company", sa.String(200)),
        sa.Column("domain", sa.String(255)),
        sa.Column("stage", sa.String(60)),
        sa.Column("amount", sa.Numeric(16, 2)),
        sa.Column("currency", sa.String(3)),
        sa.Column("close_date", sa.Date),
        sa.Column("status", sa.String(8), nullable=False, server_default="open"),
        sa.Column("closed_at", TZ),
        sa.Column("created_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_deals"),
        sa.UniqueConstraint("name", name="uq_deals_name"),
    )
    op.create_table(
        "deal_contacts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("deal_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200)),
        sa.Column("email", sa.String(320)),
        sa.PrimaryKeyConstraint("id", name="pk_deal_contacts"),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], ondelete="CASCADE", name="fk_deal_contacts_deal_id_deals"),
    )
    op.create_index("ix_deal_contacts_deal_id", "deal_contacts", ["deal_id"])
    op.create_index("ix_deal_contacts_email", "deal_contacts", ["email"])
    op.create_table(
        "pages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("path", sa.String(1000), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_pages"),
        sa.UniqueConstraint("path", name="uq_pages_path"),
    )
    op.create_table(
        "page_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("page_id", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("first_seen", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_page_versions"),
        sa.ForeignKeyConstraint(["page_id"], ["pages.id"], ondelete="CASCADE", name="fk_page_versions_page_id_pages"),
        sa.UniqueConstraint("page_id", "number", name="uq_page_versions_page_id_number"),
        sa.UniqueConstraint("page_id", "content_hash", name="uq_page_versions_page_id_content_hash"),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("path", sa.String(1000), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("occurred_at", TZ, nullable=False),
        sa.Column("week", sa.Date, nullable=False),
        sa.Column("tool_version", sa.String(40)),
        sa.Column("profile", sa.String(20)),
        sa.Column("context", sa.String(20)),
        sa.Column("medium", sa.String(20)),
        sa.Column("format", sa.String(20)),
        sa.Column("score", sa.Float),
        sa.Column("findings", sa.Integer, nullable=False, server_default="0"),
        sa.Column("seller", sa.String(200)),
        sa.Column("deal_id", sa.Integer),
        sa.Column("deal_link", sa.String(8)),
        sa.Column("deal_reason", sa.String(300)),
        sa.Column("page_id", sa.Integer),
        sa.Column("version_id", sa.Integer),
        sa.Column("call_type", sa.String(20)),
        sa.Column("duration_s", sa.Float),
        sa.Column("talk_share", sa.Float),
        sa.Column("questions", sa.Integer),
        sa.Column("longest_monologue_s", sa.Float),
        sa.Column("next_steps", sa.Integer),
        sa.Column("asks", sa.Integer),
        sa.Column("text", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
        sa.UniqueConstraint("uid", name="uq_runs_uid"),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], ondelete="SET NULL", name="fk_runs_deal_id_deals"),
        sa.ForeignKeyConstraint(["page_id"], ["pages.id"], ondelete="SET NULL", name="fk_runs_page_id_pages"),
        sa.ForeignKeyConstraint(["version_id"], ["page_versions.id"], ondelete="SET NULL",
                                name="fk_runs_version_id_page_versions"),
    )
    trend = ["talk_share", "questions", "longest_monologue_s", "next_steps", "asks"]
    op.create_index("ix_runs_kind_occurred_at", "runs", ["kind", "occurred_at"])
    op.create_index("ix_runs_seller_trend", "runs", ["kind", "seller", "week", *trend])
    op.create_index("ix_runs_deal_trend", "runs", ["kind", "deal_id", "week", *trend])
    op.create_index("ix_runs_deal_id_occurred_at", "runs", ["deal_id", "occurred_at"])
    op.create_index("ix_runs_version_id_score", "runs", ["version_id", "score"])
    op.create_index("ix_runs_page_id", "runs", ["page_id"])
    op.create_index("ix_runs_path", "runs", ["path"])
    op.create_table(
        "run_scores",
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("part", sa.String(40), nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("run_id", "part", name="pk_run_scores"),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], ondelete="CASCADE", name="fk_run_scores_run_id_runs"),
    )
    op.create_table(
        "run_metrics",
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("text", sa.String(200)),
        sa.Column("unit", sa.String(30)),
        sa.PrimaryKeyConstraint("run_id", "name", name="pk_run_metrics"),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], ondelete="CASCADE", name="fk_run_metrics_run_id_runs"),
    )
    op.create_table(
        "run_findings",
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("severity", sa.String(12), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("run_id", "code", name="pk_run_findings"),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], ondelete="CASCADE", name="fk_run_findings_run_id_runs"),
    )
    op.create_table(
        "call_participants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(10)),
        sa.Column("email", sa.String(320)),
        sa.PrimaryKeyConstraint("id", name="pk_call_participants"),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], ondelete="CASCADE", name="fk_call_participants_run_id_runs"),
    )
    op.create_index("ix_call_participants_run_id", "call_participants", ["run_id"])


def downgrade() -> None:
    for table in ("call_participants", "run_findings", "run_metrics", "run_scores", "runs", "page_versions", "pages",
                  "deal_contacts", "deals"):  # fmt: skip
        op.drop_table(table)
