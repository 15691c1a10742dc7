"""public reports: receipt hashes, reporter follow-ups, spent challenges

Revision ID: intake_0002
Revises: intake_0001
Create Date: 2026-11-26 15:30
"""

import sqlalchemy as sa
from alembic import op

revision = "intake_0002"
down_revision = "intake_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("consultation", sa.Column("receipt_hash", sa.String(64), nullable=True))
    op.create_unique_constraint("uq_consultation_receipt_hash", "consultation", ["receipt_hash"])
    op.create_table(
        "consultation_message",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("consultation_id", sa.Uuid(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            ondelete="CASCADE",
            name="fk_consultation_message_consultation_id_consultation",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_consultation_message"),
    )
    op.create_index(
        "ix_consultation_message_consultation", "consultation_message", ["consultation_id", "created_at"]
    )
    op.create_table(
        "spent_challenge",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_spent_challenge"),
    )


def downgrade() -> None:
    op.drop_table("spent_challenge")
    op.drop_index("ix_consultation_message_consultation", table_name="consultation_message")
    op.drop_table("consultation_message")
    op.drop_constraint("uq_consultation_receipt_hash", "consultation", type_="unique")
    op.drop_column("consultation", "receipt_hash")
