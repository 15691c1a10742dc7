"""triage decisions

Revision ID: intake_0003
Revises: intake_0002
Create Date: 2026-11-26 15:45
"""

import sqlalchemy as sa
from alembic import op

revision = "intake_0003"
down_revision = "intake_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "triage_decision",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("consultation_id", sa.Uuid(), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(100), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("agency_id", sa.String(64), nullable=True),
        sa.Column("agency_name", sa.String(300), nullable=True),
        sa.Column("referral_outcome", sa.String(20), nullable=True),
        sa.Column("referral_outcome_note", sa.Text(), nullable=True),
        sa.Column("referral_outcome_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("case_id", sa.String(64), nullable=True),
        sa.Column("new_case_requested", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            ondelete="CASCADE",
            name="fk_triage_decision_consultation_id_consultation",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_triage_decision"),
        sa.UniqueConstraint("consultation_id", name="uq_triage_decision_consultation_id"),
    )


def downgrade() -> None:
    op.drop_table("triage_decision")
