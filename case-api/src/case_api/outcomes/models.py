import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, Date, DateTime, Index
from sqlalchemy import text as sql
from sqlmodel import Field, SQLModel

KINDS = ("employment_support", "employment", "income_increase", "participation")


class CaseOutcome(SQLModel, table=True):
    """An outcome of support, dated, for the 支援状況調査: 就労支援の開始, 就労開始, 増収, 参加支援の開始.

    Never edited: a mistake is withdrawn (with a reason) and recorded again, so the months already
    reported can be explained.
    """

    __tablename__ = "case_outcome"
    __table_args__ = (
        Index("ix_case_outcome_occurred_on", "occurred_on"),
        Index("ix_case_outcome_case_id", "case_id"),
        CheckConstraint(f"kind IN {KINDS}", name="kind"),
        CheckConstraint("(withdrawn_at IS NULL) = (withdrawn_reason IS NULL)", name="withdrawn_has_reason"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    case_id: uuid.UUID = Field(foreign_key="support_case.id")
    kind: str = Field(max_length=30)
    occurred_on: date = Field(sa_column=Column(Date, nullable=False))
    # What kind of work or activity (e.g. 一般就労（パート）, 就労体験, 居場所): no names of employers needed.
    detail: str | None = Field(default=None, max_length=200)
    recorded_by: str = Field(max_length=100)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=sql("clock_timestamp()"))
    )
    withdrawn_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    withdrawn_by: str | None = Field(default=None, max_length=100)
    withdrawn_reason: str | None = Field(default=None, max_length=500)
