import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, DateTime, Index, String, Text, event, func, literal_column
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, SQLModel

from intake_api.consultations.rules import search_text


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
    # rules.search_text of the names, address and phones (kept by the listener below): the search.
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    # Anonymous reports only: sha256 of the receipt code (the code itself is never stored).
    receipt_hash: str | None = Field(default=None, max_length=64, unique=True)
    # The latest of a reporter's follow-ups after triage, until staff acknowledge reading up to it.
    follow_up_pending_since: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
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


@event.listens_for(Consultation, "before_insert")
@event.listens_for(Consultation, "before_update")
def _keep_search_text(mapper: object, connection: object, consultation: Consultation) -> None:
    consultation.search_text = search_text(
        person_name=consultation.person_name,
        person_kana=consultation.person_kana,
        person_address=consultation.person_address,
        person_phone=consultation.person_phone,
        consulter_name=consultation.consulter_name,
        consulter_phone=consultation.consulter_phone,
        external_ref=consultation.external_ref,
    )


# search_text's two-character pieces: a column PostgreSQL generates (migration intake_0007), GIN-
# indexed for terms of two characters (佐藤), which pg_trgm cannot serve. Not mapped, so the ORM
# never writes it; the search names it.
SEARCH_GRAMS = literal_column("consultation.search_grams")
