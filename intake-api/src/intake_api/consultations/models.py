import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, DateTime, Index, String, Text, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, SQLModel


class Consultation(SQLModel, table=True):
    """相談受付: one consultation as received, before or after triage."""

    __tablename__ = "consultation"
    __table_args__ = (
        Index("ix_consultation_area_received", "area", "received_at"),
        Index("ix_consultation_status_received", "status", "received_at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    channel: str = Field(max_length=30)
    received_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    received_by: str = Field(max_length=100)
    area: str = Field(max_length=30)
    summary: str = Field(sa_column=Column(Text, nullable=False))
    urgent: bool = False
    risks: list[str] = Field(default_factory=list, sa_column=Column(ARRAY(String(30)), nullable=False))
    concerns: list[str] = Field(default_factory=list, sa_column=Column(ARRAY(String(30)), nullable=False))
    main_concern: str | None = Field(default=None, max_length=30)
    person_name: str | None = Field(default=None, max_length=200)
    person_kana: str | None = Field(default=None, max_length=200)
    person_sex: str | None = Field(default=None, max_length=10)
    person_birth_date: date | None = None
    person_address: str | None = Field(default=None, max_length=300)
    person_phone: str | None = Field(default=None, max_length=30)
    person_email: str | None = Field(default=None, max_length=320)
    consulter_name: str | None = Field(default=None, max_length=200)
    consulter_phone: str | None = Field(default=None, max_length=30)
    consulter_relation: str | None = Field(default=None, max_length=20)
    consent: str = Field(default="not_asked", max_length=20)
    referrer: str | None = Field(default=None, max_length=300)
    external_ref: str | None = Field(default=None, max_length=100)
    status: str = Field(default="open", max_length=20)
    # Anonymous reports only: sha256 of the receipt code (the code itself is never stored).
    receipt_hash: str | None = Field(default=None, max_length=64, unique=True)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )

    @property
    def consulter(self) -> dict[str, Any] | None:
        if self.consulter_relation is None:
            return None
        return {
            "name": self.consulter_name,
            "phone": self.consulter_phone,
            "relation": self.consulter_relation,
        }
