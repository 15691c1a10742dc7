"""initial: consultations and the kit tables

Revision ID: intake_0001
Revises:
Create Date: 2026-11-26 15:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from tsunagu_services.migrations import create_kit_tables_v1, drop_kit_tables_v1

revision = "intake_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consultation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("channel", sa.String(30), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_by", sa.String(100), nullable=False),
        sa.Column("area", sa.String(30), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("risks", postgresql.ARRAY(sa.String(30)), nullable=False),
        sa.Column("concerns", postgresql.ARRAY(sa.String(30)), nullable=False),
        sa.Column("main_concern", sa.String(30), nullable=True),
        sa.Column("person_name", sa.String(200), nullable=True),
        sa.Column("person_kana", sa.String(200), nullable=True),
        sa.Column("person_sex", sa.String(10), nullable=True),
        sa.Column("person_birth_date", sa.Date(), nullable=True),
        sa.Column("person_address", sa.String(300), nullable=True),
        sa.Column("person_phone", sa.String(30), nullable=True),
        sa.Column("person_email", sa.String(320), nullable=True),
        sa.Column("consulter_name", sa.String(200), nullable=True),
        sa.Column("consulter_phone", sa.String(30), nullable=True),
        sa.Column("consulter_relation", sa.String(20), nullable=True),
        sa.Column("consent", sa.String(20), nullable=False),
        sa.Column("referrer", sa.String(300), nullable=True),
        sa.Column("external_ref", sa.String(100), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_consultation"),
    )
    op.create_index("ix_consultation_area_received", "consultation", ["area", "received_at"])
    op.create_index("ix_consultation_status_received", "consultation", ["status", "received_at"])
    create_kit_tables_v1()


def downgrade() -> None:
    drop_kit_tables_v1()
    op.drop_index("ix_consultation_status_received", table_name="consultation")
    op.drop_index("ix_consultation_area_received", table_name="consultation")
    op.drop_table("consultation")
