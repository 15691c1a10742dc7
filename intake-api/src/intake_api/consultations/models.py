import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, Index, Text, func
from sqlmodel import Field, SQLModel


class Consultation(SQLModel, table=True):
    """相談受付: one consultation as received, before or after triage."""

    __tablename__ = "consultation"
    __table_args__ = (Index("ix_consultation_area_received", "area", "received_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    channel: str = Field(max_length=30)
    received_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    received_by: str = Field(max_length=100)
    area: str = Field(max_length=30)
    summary: str = Field(sa_column=Column(Text, nullable=False))
    person_name: str | None = Field(default=None, max_length=200)
    person_kana: str | None = Field(default=None, max_length=200)
    urgent: bool = False
    status: str = Field(default="open", max_length=20)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
