import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    Uuid,
    func,
    literal_column,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field, SQLModel

# Mirrors of the StrEnums in schemas.py, as database CHECKs: a row written by hand or by a
# future bug still cannot hold a status or flag the code does not know.
STATUSES = ("intake", "assessment", "planning", "supporting", "evaluation", "closed", "watching")
RISK_FLAGS = ("suicide_risk", "violence", "self_neglect", "visit_caution")
EXISTING_SYSTEMS = ("none", "seikatsu_konkyu", "kaigo", "jidou", "shougai", "other_system")
CLOSURE_REASONS = ("goal_met", "moved", "deceased", "transferred", "refused", "other")
BODIES = ("shien_chousei", "juusou", "shien", "chiiki_care", "youhogo", "jiritsu_shien")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Case(SQLModel, table=True):
    """ケース: a person or household under continuing support (個別支援・伴走的支援)."""

    __tablename__ = "support_case"
    __table_args__ = (
        Index("ix_support_case_area_opened", "area", "opened_at"),
        Index("ix_support_case_lead_username", "lead_username"),
        Index("ix_support_case_status", "status"),
        Index("ix_support_case_risk_flags", "risk_flags", postgresql_using="gin"),
        CheckConstraint(_in("status", STATUSES), name="status"),
        CheckConstraint(
            f"risk_flags <@ ARRAY[{', '.join(repr(f) for f in RISK_FLAGS)}]::varchar[]", name="risk_flags"
        ),
        CheckConstraint(_in("existing_system", EXISTING_SYSTEMS), name="existing_system"),
        CheckConstraint(
            f"closure_reason IS NULL OR {_in('closure_reason', CLOSURE_REASONS)}", name="closure_reason"
        ),
        CheckConstraint(f"override_body IS NULL OR {_in('override_body', BODIES)}", name="override_body"),
        # A closed case always says why; an open one carries no stale closure.
        CheckConstraint(
            "(status = 'closed') = (closure_reason IS NOT NULL AND closed_at IS NOT NULL)",
            name="closure_when_closed",
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    title: str = Field(max_length=200)
    area: str = Field(max_length=30)
    lead_username: str | None = Field(default=None, max_length=100)
    # The subject: a household of one or more persons (the 8050 household is one case).
    household_id: uuid.UUID | None = Field(default=None, index=False)
    # The consultation triage opened this case from (one case per consultation).
    consultation_id: uuid.UUID | None = Field(default=None, unique=True)
    status: str = Field(default="intake", max_length=20)
    opened_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    created_by: str = Field(max_length=100)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: datetime = Field(
        sa_column=Column(
            DateTime(timezone=True), nullable=False, server_default=func.now(), onupdate=func.now()
        )
    )
    # Bumped on every change of what a case response shows; it is the ETag (If-Match, 412).
    version: int = Field(default=1)

    risk_flags: list[str] = Field(
        default_factory=list,
        sa_column=Column(ARRAY(String(30)), nullable=False, server_default=text("'{}'::varchar[]")),
    )
    # The facts the meeting recommendation reads (DOMAIN.md step 5); consent comes from `consent`.
    existing_system: str = Field(default="none", max_length=30)
    between_systems: bool = False
    difficult: bool = False

    # A supervisor's override of the recommended body, with the reason they gave.
    override_body: str | None = Field(default=None, max_length=30)
    override_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    override_by: str | None = Field(default=None, max_length=100)
    override_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))

    # The current closure (終結); cleared on reopening, kept for ever in case_event.
    closure_reason: str | None = Field(default=None, max_length=30)
    closure_detail: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # The meeting-api decision that agreed the closure of a 重層事業 case (not checked here).
    closure_decision_id: uuid.UUID | None = None
    closed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


# The lower-cased title's two-character pieces: a column PostgreSQL generates (migration
# case_0010), GIN-indexed for the title search's terms of two characters (佐藤), which pg_trgm
# cannot serve. Not mapped, so the ORM never writes it; the search names it.
TITLE_GRAMS = literal_column("support_case.title_grams")


class CaseEvent(SQLModel, table=True):
    """One change of a case (status, flags, consent, shares, lead, override …): the case's history."""

    __tablename__ = "case_event"
    __table_args__ = (Index("ix_case_event_case_id_at", "case_id", "at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    case_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("support_case.id"), nullable=False))
    at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    actor: str = Field(max_length=100)
    kind: str = Field(max_length=40)
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
    reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
