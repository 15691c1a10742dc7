"""notifications: the staff's inbox, filed once per recipient and event

Revision ID: gateway_0008
Revises: gateway_0007
Create Date: 2026-12-03 12:00
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0008"
down_revision = "gateway_0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_notification",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("recipient", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("link", sa.String(300), nullable=True),
        sa.Column("source", sa.String(30), nullable=False),
        sa.Column("event_key", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_staff_notification"),
        sa.UniqueConstraint("recipient", "event_key", name="uq_staff_notification_recipient_event_key"),
    )
    op.create_index(
        "ix_staff_notification_recipient_created_at", "staff_notification", ["recipient", "created_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_staff_notification_recipient_created_at", table_name="staff_notification")
    op.drop_table("staff_notification")
