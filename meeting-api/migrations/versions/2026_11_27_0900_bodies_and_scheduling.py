"""bodies and scheduling: 会議体 and 構成員, series, participants, history, notifications, feeds

Revision ID: meeting_0002
Revises: meeting_0001
Create Date: 2026-11-27 09:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "meeting_0002"
down_revision = "meeting_0001"
branch_labels = None
depends_on = None

BODY_TYPES = (
    "shien_chousei",
    "juusou",
    "shien",
    "case_conference",
    "coordinators",
    "first_tier",
    "popup",
    "chiiki_care",
    "youhogo",
    "jiritsu_shien",
)
EVENT_KINDS = (
    "scheduled",
    "rescheduled",
    "updated",
    "cancelled",
    "agenda_added",
    "agenda_removed",
    "minutes_finalised",
    "minutes_amended",
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "meeting_body",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("type", sa.String(30), nullable=False),
        sa.Column("area", sa.String(30), nullable=True),
        sa.Column("default_rrule", sa.String(500), nullable=True),
        sa.Column("default_start_time", sa.Time(), nullable=True),
        sa.Column("default_duration_minutes", sa.Integer(), nullable=True),
        sa.Column("place", sa.String(200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_body"),
        sa.CheckConstraint(_in("type", BODY_TYPES), name="ck_meeting_body_type"),
        sa.CheckConstraint(
            "default_duration_minutes IS NULL OR default_duration_minutes BETWEEN 5 AND 1440",
            name="ck_meeting_body_default_duration",
        ),
    )
    op.create_table(
        "body_member",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("body_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("username", sa.String(100), nullable=True),
        sa.Column("agency_id", sa.String(100), nullable=True),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("confidentiality_confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confidentiality_confirmed_by", sa.String(100), nullable=True),
        sa.Column("added_by", sa.String(100), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("removed_by", sa.String(100), nullable=True),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_body_member"),
        sa.ForeignKeyConstraint(["body_id"], ["meeting_body.id"], name="fk_body_member_body_id_meeting_body"),
        sa.CheckConstraint("kind IN ('staff', 'agency')", name="ck_body_member_kind"),
        sa.CheckConstraint("role IN ('chair', 'member', 'secretariat')", name="ck_body_member_role"),
        sa.CheckConstraint(
            "kind <> 'staff' OR username IS NOT NULL", name="ck_body_member_staff_has_username"
        ),
        sa.CheckConstraint(
            "kind <> 'agency' OR (agency_id IS NOT NULL AND name IS NOT NULL)",
            name="ck_body_member_agency_contact_named",
        ),
        sa.CheckConstraint(
            "(confidentiality_confirmed_at IS NULL) = (confidentiality_confirmed_by IS NULL)",
            name="ck_body_member_confirmation_has_author",
        ),
    )
    op.create_index(
        "uq_body_member_active_username",
        "body_member",
        ["body_id", "username"],
        unique=True,
        postgresql_where=sa.text("removed_at IS NULL AND username IS NOT NULL"),
    )
    op.create_index("ix_body_member_username", "body_member", ["username"])

    op.create_table(
        "meeting_series",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("body_id", sa.Uuid(), nullable=True),
        sa.Column("rrule", sa.String(500), nullable=False),
        sa.Column("dtstart", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_series"),
        sa.ForeignKeyConstraint(
            ["body_id"], ["meeting_body.id"], name="fk_meeting_series_body_id_meeting_body"
        ),
    )

    op.add_column("meeting", sa.Column("body_id", sa.Uuid(), nullable=True))
    op.add_column("meeting", sa.Column("series_id", sa.Uuid(), nullable=True))
    op.add_column("meeting", sa.Column("recurrence_id", sa.DateTime(timezone=True), nullable=True))
    op.add_column("meeting", sa.Column("online_url", sa.String(500), nullable=True))
    op.add_column(
        "meeting",
        sa.Column(
            "participants",
            postgresql.ARRAY(sa.String(100)),
            server_default=sa.text("'{}'::varchar[]"),
            nullable=False,
        ),
    )
    op.add_column("meeting", sa.Column("status", sa.String(20), server_default="scheduled", nullable=False))
    op.alter_column("meeting", "status", server_default=None)
    op.add_column("meeting", sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("meeting", sa.Column("cancel_reason", sa.Text(), nullable=True))
    op.add_column("meeting", sa.Column("sequence", sa.Integer(), server_default="0", nullable=False))
    op.alter_column("meeting", "sequence", server_default=None)
    op.add_column(
        "meeting",
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )
    op.create_foreign_key("fk_meeting_body_id_meeting_body", "meeting", "meeting_body", ["body_id"], ["id"])
    op.create_foreign_key(
        "fk_meeting_series_id_meeting_series", "meeting", "meeting_series", ["series_id"], ["id"]
    )
    op.create_index("ix_meeting_body_id_starts_at", "meeting", ["body_id", "starts_at"])
    op.create_index("ix_meeting_series_id", "meeting", ["series_id"])
    op.create_index("ix_meeting_participants", "meeting", ["participants"], postgresql_using="gin")
    op.create_check_constraint("ck_meeting_status", "meeting", "status IN ('scheduled', 'cancelled')")
    op.create_check_constraint(
        "ck_meeting_cancelled_when_cancelled",
        "meeting",
        "(status = 'cancelled') = (cancelled_at IS NOT NULL)",
    )
    op.create_check_constraint(
        "ck_meeting_occurrence_has_recurrence_id", "meeting", "(series_id IS NULL) = (recurrence_id IS NULL)"
    )

    op.create_table(
        "meeting_event",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column(
            "at", sa.DateTime(timezone=True), server_default=sa.text("clock_timestamp()"), nullable=False
        ),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("before", postgresql.JSONB(), nullable=True),
        sa.Column("after", postgresql.JSONB(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_event"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name="fk_meeting_event_meeting_id_meeting"),
        sa.CheckConstraint(_in("kind", EVENT_KINDS), name="ck_meeting_event_kind"),
    )
    op.create_index("ix_meeting_event_meeting_id_at", "meeting_event", ["meeting_id", "at"])

    op.create_table(
        "notification",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("clock_timestamp()"),
            nullable=False,
        ),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_notification"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name="fk_notification_meeting_id_meeting"),
    )
    op.create_index("ix_notification_username_created_at", "notification", ["username", "created_at"])

    op.create_table(
        "calendar_feed_token",
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("username", name="pk_calendar_feed_token"),
        sa.UniqueConstraint("token_hash", name="uq_calendar_feed_token_token_hash"),
    )


def downgrade() -> None:
    op.drop_table("calendar_feed_token")
    op.drop_index("ix_notification_username_created_at", table_name="notification")
    op.drop_table("notification")
    op.drop_index("ix_meeting_event_meeting_id_at", table_name="meeting_event")
    op.drop_table("meeting_event")
    op.drop_constraint("ck_meeting_occurrence_has_recurrence_id", "meeting", type_="check")
    op.drop_constraint("ck_meeting_cancelled_when_cancelled", "meeting", type_="check")
    op.drop_constraint("ck_meeting_status", "meeting", type_="check")
    op.drop_index("ix_meeting_participants", table_name="meeting")
    op.drop_index("ix_meeting_series_id", table_name="meeting")
    op.drop_index("ix_meeting_body_id_starts_at", table_name="meeting")
    op.drop_constraint("fk_meeting_series_id_meeting_series", "meeting", type_="foreignkey")
    op.drop_constraint("fk_meeting_body_id_meeting_body", "meeting", type_="foreignkey")
    for column in (
        "updated_at",
        "sequence",
        "cancel_reason",
        "cancelled_at",
        "status",
        "participants",
        "online_url",
        "recurrence_id",
        "series_id",
        "body_id",
    ):
        op.drop_column("meeting", column)
    op.drop_table("meeting_series")
    op.drop_index("ix_body_member_username", table_name="body_member")
    op.drop_index("uq_body_member_active_username", table_name="body_member")
    op.drop_table("body_member")
    op.drop_table("meeting_body")
