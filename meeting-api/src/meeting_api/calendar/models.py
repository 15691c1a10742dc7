from datetime import datetime

from sqlalchemy import Column, DateTime, func
from sqlmodel import Field, SQLModel


class FeedToken(SQLModel, table=True):
    """A user's personal calendar feed token, stored as its SHA-256 (one per user; rotate or revoke)."""

    __tablename__ = "calendar_feed_token"

    username: str = Field(primary_key=True, max_length=100)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
