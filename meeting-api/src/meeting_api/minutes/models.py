import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Column, DateTime, ForeignKey, Index, String, Text, Uuid, func, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field, SQLModel

DECISION_TYPES = ("plan_approved", "role_division", "closure", "replan", "continue")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Minutes(SQLModel, table=True):
    """会議録: a draft edited with If-Match until finalised; then locked (amendments only).

    The draft's per-item discussion and decisions live in `items`; finalising turns each
    decision into a Decision row with a stable id.
    """

    __tablename__ = "minutes"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'final')", name="status"),
        CheckConstraint("(status = 'final') = (finalised_at IS NOT NULL)", name="final_when_finalised"),
    )

    meeting_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("meeting.id"), primary_key=True))
    version: int = 1
    status: str = Field(default="draft", max_length=10)
    attendees: list[str] = Field(
        default_factory=list,
        sa_column=Column(ARRAY(String(100)), nullable=False, server_default=text("'{}'::varchar[]")),
    )
    agency_attendees: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSONB, nullable=False)
    )
    general_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    items: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    updated_by: str = Field(max_length=100)
    updated_at: datetime = Field(
        sa_column=Column(
            DateTime(timezone=True), nullable=False, server_default=func.now(), onupdate=func.now()
        )
    )
    finalised_by: str | None = Field(default=None, max_length=100)
    finalised_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )


class MinutesAmendment(SQLModel, table=True):
    """A correction added to finalised minutes; it may bring decisions the minutes missed."""

    __tablename__ = "minutes_amendment"
    __table_args__ = (Index("ix_minutes_amendment_meeting_id", "meeting_id"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    meeting_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("meeting.id"), nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    reason: str = Field(sa_column=Column(Text, nullable=False))
    added_by: str = Field(max_length=100)
    added_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class Decision(SQLModel, table=True):
    """決定事項 of finalised minutes (or of an amendment), delivered to the case through the outbox."""

    __tablename__ = "decision"
    __table_args__ = (
        Index("ix_decision_meeting_id", "meeting_id"),
        Index("ix_decision_case_id", "case_id"),
        CheckConstraint(_in("type", DECISION_TYPES), name="type"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    meeting_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("meeting.id"), nullable=False))
    agenda_item_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("agenda_item.id"), nullable=False))
    case_id: uuid.UUID
    position: int
    type: str = Field(max_length=20)
    text: str = Field(sa_column=Column(Text, nullable=False))
    actions: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    amendment_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid, ForeignKey("minutes_amendment.id"), nullable=True)
    )
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
