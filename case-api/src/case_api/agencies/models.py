import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
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
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field, SQLModel


class Agency(SQLModel, table=True):
    """関係機関: a partner agency in the directory, with what it can do (機能・できること)."""

    __tablename__ = "agency"
    __table_args__ = (Index("ix_agency_kind_area", "kind", "area"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str = Field(max_length=200)
    kind: str = Field(max_length=40)
    # None: the agency serves the whole city.
    area: str | None = Field(default=None, max_length=30)
    functions: list[str] = Field(
        default_factory=list, sa_column=Column(ARRAY(String(50)), nullable=False, server_default="{}")
    )
    can_do: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    contacts: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSONB, nullable=False, server_default="[]")
    )
    partner_employment_prep: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default="false")
    )
    partner_participation: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default="false")
    )
    active: bool = Field(default=True, sa_column=Column(Boolean, nullable=False, server_default="true"))
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: datetime = Field(
        sa_column=Column(
            DateTime(timezone=True), nullable=False, server_default=func.now(), onupdate=func.now()
        )
    )
    version: int = Field(default=1)


class AgencyInvolvement(SQLModel, table=True):
    """役割分担: one agency's part in one case, from `since` until `until` (ended, never deleted)."""

    __tablename__ = "agency_involvement"
    __table_args__ = (
        CheckConstraint("until IS NULL OR until >= since", name="until_after_since"),
        Index("ix_agency_involvement_case_id", "case_id"),
        Index("ix_agency_involvement_agency_id", "agency_id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    case_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("support_case.id"), nullable=False))
    agency_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("agency.id"), nullable=False))
    role: str = Field(sa_column=Column(Text, nullable=False))
    contact_person: str | None = Field(default=None, max_length=100)
    since: date = Field(sa_column=Column(Date, nullable=False))
    until: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    created_by: str = Field(max_length=100)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: datetime = Field(
        sa_column=Column(
            DateTime(timezone=True), nullable=False, server_default=func.now(), onupdate=func.now()
        )
    )
    version: int = Field(default=1)
