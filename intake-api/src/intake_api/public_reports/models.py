import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Index, Text, func
from sqlmodel import Field, SQLModel


class ConsultationMessage(SQLModel, table=True):
    """A later addition to a consultation: an anonymous reporter's follow-up (追加情報)."""

    __tablename__ = "consultation_message"
    __table_args__ = (Index("ix_consultation_message_consultation", "consultation_id", "created_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    consultation_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("consultation.id", ondelete="CASCADE"), nullable=False)
    )
    source: str = Field(max_length=20)  # reporter
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class SpentChallenge(SQLModel, table=True):
    """A proof-of-work challenge already used once; kept until it would have expired anyway."""

    __tablename__ = "spent_challenge"

    key: str = Field(primary_key=True, max_length=64)
    expires_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
