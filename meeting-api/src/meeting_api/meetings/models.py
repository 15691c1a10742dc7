import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Column, DateTime, ForeignKey, Index, String, Text, Uuid, func, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSTZRANGE, ExcludeConstraint, Range
from sqlmodel import Field, SQLModel

MEETING_STATUSES = ("scheduled", "cancelled")
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


class MeetingSeries(SQLModel, table=True):
    """A recurring series: the rule its occurrences were materialised from (each is a Meeting)."""

    __tablename__ = "meeting_series"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    body_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid, ForeignKey("meeting_body.id"), nullable=True)
    )
    rrule: str = Field(max_length=500)
    dtstart: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    # The bound given with the rule (else the rule's own COUNT or UNTIL applies).
    count: int | None = None
    until: date | None = None
    duration_minutes: int
    # Bumped when occurrences are moved together (If-Match on the series).
    version: int = 1
    created_by: str = Field(max_length=100)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class Meeting(SQLModel, table=True):
    """会議: one meeting of a body (or one occurrence of a series), or a pop-up booth (出張相談)."""

    __tablename__ = "meeting"
    __table_args__ = (
        Index("ix_meeting_starts_at", "starts_at"),
        Index("ix_meeting_body_id_starts_at", "body_id", "starts_at"),
        Index("ix_meeting_series_id", "series_id"),
        Index("ix_meeting_participants", "participants", postgresql_using="gin"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint(_in("status", MEETING_STATUSES), name="status"),
        CheckConstraint(
            "(status = 'cancelled') = (cancelled_at IS NOT NULL)", name="cancelled_when_cancelled"
        ),
        CheckConstraint("(series_id IS NULL) = (recurrence_id IS NULL)", name="occurrence_has_recurrence_id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    title: str = Field(max_length=200)
    body_type: str = Field(max_length=30)
    body_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid, ForeignKey("meeting_body.id"), nullable=True)
    )
    series_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid, ForeignKey("meeting_series.id"), nullable=True)
    )
    # The occurrence's original start (RFC 5545 RECURRENCE-ID); it stays when the meeting moves.
    recurrence_id: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    starts_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    ends_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    place: str | None = Field(default=None, max_length=200)
    online_url: str | None = Field(default=None, max_length=500)
    area: str | None = Field(default=None, max_length=30)
    organiser: str = Field(max_length=100)
    participants: list[str] = Field(
        default_factory=list,
        sa_column=Column(ARRAY(String(100)), nullable=False, server_default=text("'{}'::varchar[]")),
    )
    status: str = Field(default="scheduled", max_length=20)
    cancelled_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    cancel_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # Number of changes since scheduling: iCalendar SEQUENCE and the ETag (If-Match, 412).
    sequence: int = 0
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: datetime = Field(
        sa_column=Column(
            DateTime(timezone=True), nullable=False, server_default=func.now(), onupdate=func.now()
        )
    )


class MeetingEvent(SQLModel, table=True):
    """One change of a meeting (history): what it was, what it became, who, when, why."""

    __tablename__ = "meeting_event"
    __table_args__ = (
        Index("ix_meeting_event_meeting_id_at", "meeting_id", "at"),
        CheckConstraint(_in("kind", EVENT_KINDS), name="kind"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    meeting_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("meeting.id"), nullable=False))
    at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=text("clock_timestamp()"))
    )
    actor: str = Field(max_length=100)
    kind: str = Field(max_length=30)
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
    reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class MeetingBooking(SQLModel, table=True):
    """One participant's or one room's time held by a scheduled meeting.

    The exclusion constraint is the guarantee against double booking: two
    overlapping exclusive bookings of one resource cannot both commit, however
    many requests race. A meeting scheduled despite a clash the organiser
    confirmed holds its time without excluding others (`exclusive` false).
    """

    __tablename__ = "meeting_booking"
    __table_args__ = (
        ExcludeConstraint(
            (Column("resource"), "="),
            (Column("during"), "&&"),
            where=text("exclusive"),
            using="gist",
            name="ex_meeting_booking_overlap",
        ),
    )

    meeting_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    )
    # `participant:<username>` or `place:<folded room name>`.
    resource: str = Field(primary_key=True, max_length=300)
    during: Range[datetime] = Field(sa_column=Column(TSTZRANGE, nullable=False))
    exclusive: bool
