import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, DateTime, Index, Text, UniqueConstraint
from sqlalchemy import text as sql  # the models have a field called text
from sqlmodel import Field, SQLModel


class SupportRecord(SQLModel, table=True):
    """支援経過記録: one entry of a case's timeline; evidence that stays readable for years.

    Never deleted. After 24 hours it is corrected by a new record that `amends` it, and
    the original stays visible (superseded). `author` and `minutes_spent` feed the workload
    split (individual support time per CSW), so an amendment carries 0 minutes.
    """

    __tablename__ = "support_record"
    __table_args__ = (
        Index("ix_support_record_case_occurred", "case_id", sql("occurred_at DESC")),
        Index("ix_support_record_author_occurred", "author", "occurred_at"),
        # One amendment per record keeps the chain linear: the next correction amends the latest.
        UniqueConstraint("amends_id", name="uq_support_record_amends_id"),
        CheckConstraint("minutes_spent BETWEEN 0 AND 1440", name="minutes_spent"),
        CheckConstraint("char_length(text) BETWEEN 1 AND 10000", name="text_length"),
        CheckConstraint(
            "kind IN ('visit', 'call', 'office', 'accompaniment', 'safety_check', "
            "'meeting', 'email', 'other')",
            name="kind",
        ),
        CheckConstraint("source IN ('staff', 'meeting', 'intake')", name="source"),
        CheckConstraint("(amends_id IS NULL) = (amendment_reason IS NULL)", name="amendment_has_reason"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    case_id: uuid.UUID = Field(foreign_key="support_case.id")
    kind: str = Field(max_length=20)
    occurred_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    minutes_spent: int
    author: str = Field(max_length=100)
    text: str = Field(sa_column=Column(Text, nullable=False))
    source: str = Field(default="staff", max_length=20)
    amends_id: uuid.UUID | None = Field(default=None, foreign_key="support_record.id")
    amendment_reason: str | None = Field(default=None, max_length=500)
    # clock_timestamp, not now(): the moment of writing, even late in a long transaction.
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=sql("clock_timestamp()"))
    )
    edited_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    version: int = Field(default=1)
