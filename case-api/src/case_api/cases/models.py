import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, Index, func
from sqlmodel import Field, SQLModel


class Case(SQLModel, table=True):
    """ケース: a person or household under continuing support (個別支援・伴走的支援)."""

    __tablename__ = "support_case"
    __table_args__ = (
        Index("ix_support_case_area_opened", "area", "opened_at"),
        Index("ix_support_case_lead_username", "lead_username"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    title: str = Field(max_length=200)
    area: str = Field(max_length=30)
    lead_username: str | None = Field(default=None, max_length=100)
    # The subject: a household of one or more persons (the 8050 household is one case).
    household_id: uuid.UUID | None = Field(default=None, index=False)
    status: str = Field(default="intake", max_length=20)
    opened_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    created_by: str = Field(max_length=100)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now(),
                         onupdate=func.now())
    )
    # Bumped on every change; becomes the ETag once cases can be updated (If-Match, 412).
    version: int = Field(default=1)
