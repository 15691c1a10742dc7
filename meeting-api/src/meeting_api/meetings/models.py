import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, DateTime, Index, func
from sqlmodel import Field, SQLModel


class Meeting(SQLModel, table=True):
    """会議: one meeting of a body, or a pop-up consultation booth (出張相談)."""

    __tablename__ = "meeting"
    __table_args__ = (
        Index("ix_meeting_starts_at", "starts_at"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    title: str = Field(max_length=200)
    body_type: str = Field(max_length=30)
    starts_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    ends_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    place: str | None = Field(default=None, max_length=200)
    area: str | None = Field(default=None, max_length=30)
    organiser: str = Field(max_length=100)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
