"""agencies, role division, safety checks, community activities

Revision ID: case_0005_network
Revises: case_0004_records_plans
Create Date: 2026-11-26 16:30
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "case_0005_network"
down_revision = "case_0004_records_plans"
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "agency",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("area", sa.String(30), nullable=True),
        sa.Column("functions", postgresql.ARRAY(sa.String(50)), server_default="{}", nullable=False),
        sa.Column("can_do", sa.Text(), server_default="", nullable=False),
        sa.Column("contacts", postgresql.JSONB(), server_default="[]", nullable=False),
        sa.Column("partner_employment_prep", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("partner_participation", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        *_timestamps(),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_agency"),
    )
    op.create_index("ix_agency_kind_area", "agency", ["kind", "area"])

    op.create_table(
        "agency_involvement",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("agency_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("contact_person", sa.String(100), nullable=True),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("created_by", sa.String(100), nullable=False),
        *_timestamps(),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_agency_involvement"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name="fk_agency_involvement_case_id_support_case"
        ),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"], name="fk_agency_involvement_agency_id_agency"),
        sa.CheckConstraint("until IS NULL OR until >= since", name="ck_agency_involvement_until_after_since"),
    )
    op.create_index("ix_agency_involvement_case_id", "agency_involvement", ["case_id"])
    op.create_index("ix_agency_involvement_agency_id", "agency_involvement", ["agency_id"])

    op.create_table(
        "safety_check",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("consultation_id", sa.Uuid(), nullable=True),
        sa.Column("area", sa.String(30), nullable=False),
        sa.Column("reason", sa.String(1000), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("assigned_to", sa.String(100), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("outcome_note", sa.String(2000), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.String(100), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(100), nullable=False),
        *_timestamps(),
        sa.Column("source_key", sa.String(255), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_safety_check"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name="fk_safety_check_case_id_support_case"
        ),
        sa.UniqueConstraint("source_key", name="uq_safety_check_source_key"),
        sa.CheckConstraint("status IN ('open', 'done')", name="ck_safety_check_status"),
        sa.CheckConstraint(
            "status = 'open' OR (outcome IS NOT NULL AND done_by IS NOT NULL AND done_at IS NOT NULL)",
            name="ck_safety_check_done_has_outcome",
        ),
    )
    op.create_index(
        "ix_safety_check_open_due", "safety_check", ["due_at"], postgresql_where=sa.text("status = 'open'")
    )
    op.create_index("ix_safety_check_case_id", "safety_check", ["case_id"])
    op.create_index("ix_safety_check_area_status", "safety_check", ["area", "status"])

    op.create_table(
        "community_activity",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("csw", sa.String(100), nullable=False),
        sa.Column("area", sa.String(30), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("minutes_spent", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("note", sa.String(4000), nullable=True),
        sa.Column("participants", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(100), nullable=False),
        *_timestamps(),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_community_activity"),
        sa.CheckConstraint("minutes_spent BETWEEN 1 AND 1440", name="ck_community_activity_minutes_spent"),
        sa.CheckConstraint(
            "participants IS NULL OR participants >= 0", name="ck_community_activity_participants"
        ),
    )
    op.create_index("ix_community_activity_date_csw", "community_activity", ["date", "csw"])
    op.create_index("ix_community_activity_area_date", "community_activity", ["area", "date"])


def downgrade() -> None:
    op.drop_index("ix_community_activity_area_date", table_name="community_activity")
    op.drop_index("ix_community_activity_date_csw", table_name="community_activity")
    op.drop_table("community_activity")
    op.drop_index("ix_safety_check_area_status", table_name="safety_check")
    op.drop_index("ix_safety_check_case_id", table_name="safety_check")
    op.drop_index("ix_safety_check_open_due", table_name="safety_check")
    op.drop_table("safety_check")
    op.drop_index("ix_agency_involvement_agency_id", table_name="agency_involvement")
    op.drop_index("ix_agency_involvement_case_id", table_name="agency_involvement")
    op.drop_table("agency_involvement")
    op.drop_index("ix_agency_kind_area", table_name="agency")
    op.drop_table("agency")
