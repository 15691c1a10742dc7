import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, DateTime, ForeignKey, Text, UniqueConstraint, Uuid, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel


class AgendaItem(SQLModel, table=True):
    """議題: a case to discuss, with what case-api said of it when it was put on the agenda.

    `material` is the snapshot of the case summary given to the meeting; for a 支援会議 only
    the meeting's members read it.
    """

    __tablename__ = "agenda_item"
    __table_args__ = (UniqueConstraint("meeting_id", "case_id", name="uq_agenda_item_meeting_case"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    meeting_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("meeting.id"), nullable=False))
    position: int
    case_id: uuid.UUID
    case_title: str = Field(max_length=200)
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    consent_status: str = Field(max_length=20)
    recommended_body: str | None = Field(default=None, max_length=30)
    recommendation_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    effective_body: str | None = Field(default=None, max_length=30)
    material: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    added_by: str = Field(max_length=100)
    added_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
