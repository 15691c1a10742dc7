"""agenda and minutes: 議題 with the case's material, 会議録, amendments, 決定事項

Revision ID: meeting_0003
Revises: meeting_0002
Create Date: 2026-11-27 09:10
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "meeting_0003"
down_revision = "meeting_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("case_title", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("consent_status", sa.String(20), nullable=False),
        sa.Column("recommended_body", sa.String(30), nullable=True),
        sa.Column("recommendation_reason", sa.Text(), nullable=True),
        sa.Column("effective_body", sa.String(30), nullable=True),
        sa.Column("material", postgresql.JSONB(), nullable=False),
        sa.Column("added_by", sa.String(100), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_agenda_item"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name="fk_agenda_item_meeting_id_meeting"),
        sa.UniqueConstraint("meeting_id", "case_id", name="uq_agenda_item_meeting_case"),
    )
    op.create_table(
        "minutes",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column(
            "attendees",
            postgresql.ARRAY(sa.String(100)),
            server_default=sa.text("'{}'::varchar[]"),
            nullable=False,
        ),
        sa.Column("agency_attendees", postgresql.JSONB(), nullable=False),
        sa.Column("general_note", sa.Text(), nullable=True),
        sa.Column("items", postgresql.JSONB(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("finalised_by", sa.String(100), nullable=True),
        sa.Column("finalised_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("meeting_id", name="pk_minutes"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name="fk_minutes_meeting_id_meeting"),
        sa.CheckConstraint("status IN ('draft', 'final')", name="ck_minutes_status"),
        sa.CheckConstraint(
            "(status = 'final') = (finalised_at IS NOT NULL)", name="ck_minutes_final_when_finalised"
        ),
    )
    op.create_table(
        "minutes_amendment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("added_by", sa.String(100), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_minutes_amendment"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name="fk_minutes_amendment_meeting_id_meeting"
        ),
    )
    op.create_index("ix_minutes_amendment_meeting_id", "minutes_amendment", ["meeting_id"])
    op.create_table(
        "decision",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("agenda_item_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actions", postgresql.JSONB(), nullable=False),
        sa.Column("amendment_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_decision"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name="fk_decision_meeting_id_meeting"),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"], ["agenda_item.id"], name="fk_decision_agenda_item_id_agenda_item"
        ),
        sa.ForeignKeyConstraint(
            ["amendment_id"], ["minutes_amendment.id"], name="fk_decision_amendment_id_minutes_amendment"
        ),
        sa.CheckConstraint(
            "type IN ('plan_approved', 'role_division', 'closure', 'replan', 'continue')",
            name="ck_decision_type",
        ),
    )
    op.create_index("ix_decision_meeting_id", "decision", ["meeting_id"])
    op.create_index("ix_decision_case_id", "decision", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_decision_case_id", table_name="decision")
    op.drop_index("ix_decision_meeting_id", table_name="decision")
    op.drop_table("decision")
    op.drop_index("ix_minutes_amendment_meeting_id", table_name="minutes_amendment")
    op.drop_table("minutes_amendment")
    op.drop_table("minutes")
    op.drop_table("agenda_item")
