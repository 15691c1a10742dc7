import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Index, UniqueConstraint, Uuid, func, text
from sqlmodel import Field, SQLModel


class Household(SQLModel, table=True):
    """世帯: the persons a case supports together (the 8050 household is one case, two members)."""

    __tablename__ = "household"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str = Field(max_length=200)
    address: str | None = Field(default=None, max_length=300)
    area: str | None = Field(default=None, max_length=30)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: datetime = Field(
        sa_column=Column(
            DateTime(timezone=True), nullable=False, server_default=func.now(), onupdate=func.now()
        )
    )
    # Bumped when members join or leave.
    version: int = Field(default=1)


class HouseholdMember(SQLModel, table=True):
    """One person in a household, with their relationship (続柄) to the person at its centre."""

    __tablename__ = "household_member"
    __table_args__ = (
        UniqueConstraint("household_id", "person_id", name="uq_household_member_household_id"),
        Index("ix_household_member_person_id", "person_id"),
        # At most one person the consultation is mainly about (主たる対象者) per household.
        Index(
            "uq_household_member_primary", "household_id", unique=True, postgresql_where=text("is_primary")
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    household_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("household.id", ondelete="CASCADE"), nullable=False)
    )
    person_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("person.id"), nullable=False))
    relationship: str = Field(max_length=30)
    is_primary: bool = Field(default=False)
    note: str | None = Field(default=None, max_length=500)
    # Order of joining; timestamps cannot tell apart members written in one transaction.
    position: int = Field(default=0)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
