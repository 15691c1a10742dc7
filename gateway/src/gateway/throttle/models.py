from datetime import datetime

from sqlalchemy import Column, DateTime, Text
from sqlmodel import Field, SQLModel


class ThrottleWindow(SQLModel, table=True):
    """How often one key (an account, a hashed client address, everyone) was seen in its current window.

    In PostgreSQL, not in a process: every gateway replica counts the same attempts.
    """

    __tablename__ = "throttle_window"

    key: str = Field(sa_column=Column(Text, primary_key=True))
    window_started_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    hits: int
