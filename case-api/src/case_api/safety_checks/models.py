import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, DateTime, ForeignKey, Index, Uuid, func, text
from sqlmodel import Field, SQLModel


class SafetyCheck(SQLModel, table=True):
    """安否確認: an urgent task with a due time and, once done, a recorded outcome."""

    __tablename__ = "safety_check"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'done')", name="status"),
        CheckConstraint(
            "status = 'open' OR (outcome IS NOT NULL AND done_by IS NOT NULL AND done_at IS NOT NULL)",
            name="done_has_outcome",
        ),
        Index("ix_safety_check_open_due", "due_at", postgresql_where=text("status = 'open'")),
        Index("ix_safety_check_case_id", "case_id"),
        Index("ix_safety_check_area_status", "area", "status"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    # None while intake has no case yet (the check comes first; the case may follow).
    case_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid, ForeignKey("support_case.id"), nullable=True)
    )
    # The consultation in intake-api it came from (another service: no foreign key).
    consultation_id: uuid.UUID | None = None
    area: str = Field(max_length=30)
    reason: str = Field(max_length=1000)
    due_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    assigned_to: str | None = Field(default=None, max_length=100)
    status: str = Field(default="open", max_length=10)
    outcome: str | None = Field(default=None, max_length=20)
    outcome_note: str | None = Field(default=None, max_length=2000)
    checked_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    done_by: str | None = Field(default=None, max_length=100)
    done_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    # Set the first time the check is seen overdue; supervisors' dashboards list these.
    escalated_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    # When the reminders told of it due within the hour, and of it overdue (each once, see reminders).
    due_soon_told_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    overdue_told_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    created_by: str = Field(max_length=100)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: datetime = Field(
        sa_column=Column(
            DateTime(timezone=True), nullable=False, server_default=func.now(), onupdate=func.now()
        )
    )
    # The sender's key (intake's outbox key): a retry finds this row instead of adding one.
    source_key: str | None = Field(default=None, max_length=255, unique=True)
    version: int = Field(default=1)
