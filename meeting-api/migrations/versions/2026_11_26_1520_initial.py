"""initial: meetings and the kit tables

Revision ID: meeting_0001
Revises:
Create Date: 2026-11-26 15:20
"""

import sqlalchemy as sa
from alembic import op

from tsunagu_services.migrations import create_kit_tables_v1, drop_kit_tables_v1

revision = "meeting_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body_type", sa.String(30), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("place", sa.String(200), nullable=True),
        sa.Column("area", sa.String(30), nullable=True),
        sa.Column("organiser", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_meeting"),
        sa.CheckConstraint("ends_at > starts_at", name="ck_meeting_ends_after_start"),
    )
    op.create_index("ix_meeting_starts_at", "meeting", ["starts_at"])
    create_kit_tables_v1()


def downgrade() -> None:
    drop_kit_tables_v1()
    op.drop_index("ix_meeting_starts_at", table_name="meeting")
    op.drop_table("meeting")
