import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Text, func
from sqlmodel import Field, SQLModel


class TriageDecision(SQLModel, table=True):
    """振り分け: how a consultation ended at intake. One per consultation."""

    __tablename__ = "triage_decision"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    consultation_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("consultation.id", ondelete="CASCADE"), nullable=False, unique=True)
    )
    outcome: str = Field(max_length=20)
    note: str | None = Field(default=None, sa_column=Column(Text))
    decided_by: str = Field(max_length=100)
    decided_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    # つなぎ (referral): the agency from case-api's directory, and what came of it later.
    agency_id: str | None = Field(default=None, max_length=64)
    agency_name: str | None = Field(default=None, max_length=300)
    referral_outcome: str | None = Field(default=None, max_length=20)
    referral_outcome_note: str | None = Field(default=None, sa_column=Column(Text))
    referral_outcome_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    # Linked to an existing case, or the case case-api opened for us (filled on delivery).
    case_id: str | None = Field(default=None, max_length=64)
    new_case_requested: bool = False
