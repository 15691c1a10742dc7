"""initial: cases and the kit tables

Revision ID: case_0001
Revises:
Create Date: 2026-11-26 15:10
"""

import sqlalchemy as sa
from alembic import op

from tsunagu_services.migrations import create_kit_tables_v1, drop_kit_tables_v1

revision = "case_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "support_case",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("area", sa.String(30), nullable=False),
        sa.Column("lead_username", sa.String(100), nullable=True),
        sa.Column("household_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_support_case"),
    )
    op.create_index("ix_support_case_area_opened", "support_case", ["area", "opened_at"])
    op.create_index("ix_support_case_lead_username", "support_case", ["lead_username"])
    create_kit_tables_v1()


def downgrade() -> None:
    drop_kit_tables_v1()
    op.drop_index("ix_support_case_lead_username", table_name="support_case")
    op.drop_index("ix_support_case_area_opened", table_name="support_case")
    op.drop_table("support_case")
