import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Index, Text, Uuid
from sqlalchemy import text as sql
from sqlmodel import Field, SQLModel


class Notification(SQLModel, table=True):
    """An in-app notice to one user about a meeting (scheduled, moved, cancelled)."""

    __tablename__ = "notification"
    __table_args__ = (Index("ix_notification_username_created_at", "username", "created_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    username: str = Field(max_length=100)
    kind: str = Field(max_length=30)
    meeting_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("meeting.id"), nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=sql("clock_timestamp()"))
    )
    read_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
