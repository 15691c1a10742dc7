import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, Index, Text, UniqueConstraint, func
from sqlmodel import Field, SQLModel


class StaffNotification(SQLModel, table=True):
    """One notice in a staff member's inbox (お知らせ): a case assigned to them, a share with their
    agency, a new anonymous report, a meeting moved. The services send events; the gateway, which
    knows who is who, files one per recipient."""

    __tablename__ = "staff_notification"
    __table_args__ = (
        # An event delivered twice (the outbox retries) is filed once per person.
        UniqueConstraint("recipient", "event_key", name="uq_staff_notification_recipient_event_key"),
        Index("ix_staff_notification_recipient_created_at", "recipient", "created_at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    recipient: str = Field(max_length=100)
    kind: str = Field(max_length=40)
    text: str = Field(sa_column=Column(Text, nullable=False))
    link: str | None = Field(default=None, max_length=300)
    source: str = Field(max_length=30)
    event_key: str = Field(max_length=200)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    read_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
