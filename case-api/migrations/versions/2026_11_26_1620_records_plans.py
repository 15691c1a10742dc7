"""records and plans: the support timeline (支援経過記録) and the support plan (支援プラン)

Revision ID: case_0004_records_plans
Revises: case_0003_case_core
Create Date: 2026-11-26 16:20
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "case_0004_records_plans"
down_revision = "case_0003_case_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "support_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("minutes_spent", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("amends_id", sa.Uuid(), nullable=True),
        sa.Column("amendment_reason", sa.String(500), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("clock_timestamp()"),
            nullable=False,
        ),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_support_record"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name="fk_support_record_case_id_support_case"
        ),
        sa.ForeignKeyConstraint(
            ["amends_id"], ["support_record.id"], name="fk_support_record_amends_id_support_record"
        ),
        sa.UniqueConstraint("amends_id", name="uq_support_record_amends_id"),
        sa.CheckConstraint("minutes_spent BETWEEN 0 AND 1440", name="ck_support_record_minutes_spent"),
        sa.CheckConstraint("char_length(text) BETWEEN 1 AND 10000", name="ck_support_record_text_length"),
        sa.CheckConstraint(
            "kind IN ('visit', 'call', 'office', 'accompaniment', 'safety_check', "
            "'meeting', 'email', 'other')",
            name="ck_support_record_kind",
        ),
        sa.CheckConstraint("source IN ('staff', 'meeting', 'intake')", name="ck_support_record_source"),
        sa.CheckConstraint(
            "(amends_id IS NULL) = (amendment_reason IS NULL)", name="ck_support_record_amendment_has_reason"
        ),
    )
    op.create_index(
        "ix_support_record_case_occurred", "support_record", ["case_id", sa.text("occurred_at DESC")]
    )
    op.create_index("ix_support_record_author_occurred", "support_record", ["author", "occurred_at"])

    op.create_table(
        "support_plan",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("goals", postgresql.JSONB(), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("clock_timestamp()"),
            nullable=False,
        ),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_support_plan"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name="fk_support_plan_case_id_support_case"
        ),
        sa.UniqueConstraint("case_id", "version", name="uq_support_plan_case_id_version"),
        sa.CheckConstraint("status IN ('current', 'superseded')", name="ck_support_plan_status"),
        sa.CheckConstraint("version >= 1", name="ck_support_plan_version_positive"),
    )
    op.create_index(
        "uq_support_plan_case_id_current",
        "support_plan",
        ["case_id"],
        unique=True,
        postgresql_where=sa.text("status = 'current'"),
    )

    op.create_table(
        "plan_action",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(500), nullable=False),
        sa.Column("owner_kind", sa.String(20), nullable=False),
        sa.Column("owner", sa.String(100), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("source_ref", sa.String(100), nullable=True),
        sa.Column("source_item", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("clock_timestamp()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name="pk_plan_action"),
        sa.ForeignKeyConstraint(["plan_id"], ["support_plan.id"], name="fk_plan_action_plan_id_support_plan"),
        sa.UniqueConstraint("plan_id", "source_ref", "source_item", name="uq_plan_action_plan_id_source_ref"),
        sa.CheckConstraint("owner_kind IN ('staff', 'agency')", name="ck_plan_action_owner_kind"),
        sa.CheckConstraint("status IN ('open', 'done', 'dropped')", name="ck_plan_action_status"),
        sa.CheckConstraint("source IN ('staff', 'meeting')", name="ck_plan_action_source"),
        sa.CheckConstraint(
            "(status = 'done') = (done_at IS NOT NULL)", name="ck_plan_action_done_at_when_done"
        ),
    )
    op.create_index("ix_plan_action_owner_due", "plan_action", ["owner", "due_date"])


def downgrade() -> None:
    op.drop_index("ix_plan_action_owner_due", table_name="plan_action")
    op.drop_table("plan_action")
    op.drop_index("uq_support_plan_case_id_current", table_name="support_plan")
    op.drop_table("support_plan")
    op.drop_index("ix_support_record_author_occurred", table_name="support_record")
    op.drop_index("ix_support_record_case_occurred", table_name="support_record")
    op.drop_table("support_record")
