"""meeting bookings: each participant's and room's time, with an exclusion constraint against doubles

Revision ID: meeting_0004
Revises: meeting_0003
Create Date: 2026-12-02 17:00

Existing scheduled meetings are booked as they stand; where two already overlap
(a clash an organiser confirmed), both keep their time without excluding.
"""

import unicodedata

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "meeting_0004"
down_revision = "meeting_0003"
branch_labels = None
depends_on = None


def _place_key(place: str | None) -> str | None:
    # As meeting_api.meetings.rules.place_key at the time of writing (a migration does not import the app).
    if place is None:
        return None
    key = "".join(unicodedata.normalize("NFKC", place).strip().casefold().split())
    return key or None


def upgrade() -> None:
    # Trusted since PostgreSQL 13: the database owner may create it.
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    op.create_table(
        "meeting_booking",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("resource", sa.String(300), nullable=False),
        sa.Column("during", postgresql.TSTZRANGE(), nullable=False),
        sa.Column("exclusive", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", "resource", name="pk_meeting_booking"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name="fk_meeting_booking_meeting_id_meeting", ondelete="CASCADE"
        ),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, starts_at, ends_at, place, participants FROM meeting WHERE status = 'scheduled'")
    ).all()
    bookings = []
    for meeting_id, starts_at, ends_at, place, participants in rows:
        resources = {f"participant:{p}" for p in participants}
        if (key := _place_key(place)) is not None:
            resources.add(f"place:{key}")
        bookings += [
            {"meeting_id": meeting_id, "resource": r, "starts_at": starts_at, "ends_at": ends_at}
            for r in resources
        ]
    if bookings:
        bind.execute(
            sa.text(
                "INSERT INTO meeting_booking (meeting_id, resource, during, exclusive) "
                "VALUES (:meeting_id, :resource, tstzrange(:starts_at, :ends_at, '[)'), false)"
            ),
            bookings,
        )
        op.execute(
            """
            UPDATE meeting_booking b SET exclusive = true
            WHERE NOT EXISTS (
                SELECT 1 FROM meeting_booking o
                WHERE o.resource = b.resource AND o.during && b.during AND o.meeting_id <> b.meeting_id
            )
            """
        )
    op.execute(
        "ALTER TABLE meeting_booking ADD CONSTRAINT ex_meeting_booking_overlap "
        "EXCLUDE USING gist (resource WITH =, during WITH &&) WHERE (exclusive)"
    )


def downgrade() -> None:
    op.drop_table("meeting_booking")
