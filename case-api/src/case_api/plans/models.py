import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Column, Date, DateTime, Index, Text, UniqueConstraint
from sqlalchemy import text as sql  # the models have a field called text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel


class SupportPlan(SQLModel, table=True):
    """支援プラン: one version of a case's plan. 再プラン adds a version; earlier ones stay read-only."""

    __tablename__ = "support_plan"
    __table_args__ = (
        UniqueConstraint("case_id", "version", name="uq_support_plan_case_id_version"),
        # At most one current version per case, whatever two editors do at once.
        Index(
            "uq_support_plan_case_id_current",
            "case_id",
            unique=True,
            postgresql_where=sql("status = 'current'"),
        ),
        CheckConstraint("status IN ('current', 'superseded')", name="status"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    case_id: uuid.UUID = Field(foreign_key="support_case.id")
    version: int
    status: str = Field(default="current", max_length=20)
    # A short list of {"text": …}, always read and written whole with the plan.
    goals: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    review_date: date | None = Field(default=None, sa_column=Column(Date))
    note: str | None = Field(default=None, sa_column=Column(Text))
    created_by: str = Field(max_length=100)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=sql("clock_timestamp()"))
    )
    # Bumped on every change of this version (an action marked done): with `version`, the ETag.
    revision: int = Field(default=1)


class PlanAction(SQLModel, table=True):
    """An action of a plan version, with its owner (staff or agency) and due date (役割分担)."""

    __tablename__ = "plan_action"
    __table_args__ = (
        Index("ix_plan_action_owner_due", "owner", "due_date"),
        # Also serves lookups by plan_id. A meeting decision delivered twice must not add its
        # actions twice; `source_item` is the action's position within the delivery, since one
        # decision may carry several actions.
        UniqueConstraint("plan_id", "source_ref", "source_item", name="uq_plan_action_plan_id_source_ref"),
        CheckConstraint("owner_kind IN ('staff', 'agency')", name="owner_kind"),
        CheckConstraint("status IN ('open', 'done', 'dropped')", name="status"),
        CheckConstraint("source IN ('staff', 'meeting')", name="source"),
        CheckConstraint("(status = 'done') = (done_at IS NOT NULL)", name="done_at_when_done"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    plan_id: uuid.UUID = Field(foreign_key="support_plan.id")
    position: int = Field(default=0)
    text: str = Field(max_length=500)
    owner_kind: str = Field(max_length=20)
    owner: str = Field(max_length=100)
    due_date: date | None = Field(default=None, sa_column=Column(Date))
    status: str = Field(default="open", max_length=20)
    done_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    source: str = Field(default="staff", max_length=20)
    source_ref: str | None = Field(default=None, max_length=100)
    source_item: int | None = None
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=sql("clock_timestamp()"))
    )
