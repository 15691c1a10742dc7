"""throttle windows: login attempts and public form requests, counted in PostgreSQL (all replicas)

Revision ID: gateway_0004
Revises: gateway_0003
Create Date: 2026-12-02 20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "gateway_0004"
down_revision = "gateway_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "throttle_window",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("window_started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_throttle_window"),
    )
    op.create_index("ix_throttle_window_window_started_at", "throttle_window", ["window_started_at"])


def downgrade() -> None:
    op.drop_table("throttle_window")
