"""case outcomes: 就労支援の開始, 就労開始, 増収, 参加支援の開始, dated, for the 支援状況調査

Revision ID: case_0008_outcomes
Revises: case_0007_dead_letters
Create Date: 2026-12-03 13:00
"""

import sqlalchemy as sa
from alembic import op

revision = "case_0008_outcomes"
down_revision = "case_0007_dead_letters"
branch_labels = None
depends_on = None

KINDS = "('employment_support', 'employment', 'income_increase', 'participation')"


def upgrade() -> None:
    op.create_table(
        "case_outcome",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("detail", sa.String(200), nullable=True),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("clock_timestamp()"),
            nullable=False,
        ),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_by", sa.String(100), nullable=True),
        sa.Column("withdrawn_reason", sa.String(500), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_case_outcome"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name="fk_case_outcome_case_id_support_case"
        ),
        sa.CheckConstraint(f"kind IN {KINDS}", name="ck_case_outcome_kind"),
        sa.CheckConstraint(
            "(withdrawn_at IS NULL) = (withdrawn_reason IS NULL)", name="ck_case_outcome_withdrawn_has_reason"
        ),
    )
    op.create_index("ix_case_outcome_occurred_on", "case_outcome", ["occurred_on"])
    op.create_index("ix_case_outcome_case_id", "case_outcome", ["case_id"])


def downgrade() -> None:
    op.drop_table("case_outcome")
