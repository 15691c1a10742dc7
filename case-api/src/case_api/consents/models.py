import uuid
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, SQLModel

CONSENT_STATUSES = ("given", "refused", "not_asked", "withdrawn")
CONSENT_METHODS = ("written", "verbal", "other")
CONSENT_PARTS = ("records", "plan", "consents", "safety_checks", "agencies")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Consent(SQLModel, table=True):
    """本人同意: one entry of a case's consent history (append-only; a correction is a new entry)."""

    __tablename__ = "consent"
    __table_args__ = (
        # The current consent is the latest entry: this index answers it for one case or a page.
        Index("ix_consent_case_id_latest", "case_id", text("recorded_at DESC"), text("created_at DESC")),
        CheckConstraint(_in("status", CONSENT_STATUSES), name="status"),
        CheckConstraint(f"method IS NULL OR {_in('method', CONSENT_METHODS)}", name="method"),
        CheckConstraint(
            f"scope_parts <@ ARRAY[{', '.join(repr(p) for p in CONSENT_PARTS)}]::varchar[]",
            name="scope_parts",
        ),
        # Only a given consent lets anyone see anything.
        CheckConstraint(
            "status = 'given' OR (cardinality(scope_agencies) = 0 AND cardinality(scope_parts) = 0)",
            name="scope_only_when_given",
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    case_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("support_case.id"), nullable=False))
    # Whose consent, within the household; persons live in another table of this service.
    person_id: uuid.UUID | None = None
    status: str = Field(max_length=20)
    recorded_at: date = Field(sa_column=Column(Date, nullable=False))
    method: str | None = Field(default=None, max_length=20)
    scope_agencies: list[str] = Field(
        default_factory=list,
        sa_column=Column(ARRAY(String(100)), nullable=False, server_default=text("'{}'::varchar[]")),
    )
    scope_parts: list[str] = Field(
        default_factory=list,
        sa_column=Column(ARRAY(String(20)), nullable=False, server_default=text("'{}'::varchar[]")),
    )
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    recorded_by: str = Field(max_length=100)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
