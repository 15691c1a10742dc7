import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, Column, Date, DateTime, Index, func
from sqlmodel import Field, SQLModel


class CommunityActivity(SQLModel, table=True):
    """地域づくり活動: a CSW's community work, not tied to a case; its minutes feed the workload split."""

    __tablename__ = "community_activity"
    __table_args__ = (
        CheckConstraint("minutes_spent BETWEEN 1 AND 1440", name="minutes_spent"),
        CheckConstraint("participants IS NULL OR participants >= 0", name="participants"),
        Index("ix_community_activity_date_csw", "date", "csw"),
        Index("ix_community_activity_area_date", "area", "date"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    csw: str = Field(max_length=100)
    area: str = Field(max_length=30)
    kind: str = Field(max_length=20)
    date: dt.date = Field(sa_column=Column(Date, nullable=False))
    minutes_spent: int
    title: str = Field(max_length=200)
    note: str | None = Field(default=None, max_length=4000)
    participants: int | None = None
    created_by: str = Field(max_length=100)
    created_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: dt.datetime = Field(
        sa_column=Column(
            DateTime(timezone=True), nullable=False, server_default=func.now(), onupdate=func.now()
        )
    )
    version: int = Field(default=1)
