import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Index, Text, Uuid
from sqlmodel import Field, SQLModel


class LoginSession(SQLModel, table=True):
    """One sign-in of a staff member in one browser: refreshed until it ends (logout, admin, idle, age).

    Its refresh tokens form a family: each is used once, and a used one shown again
    (a stolen copy racing the real browser) ends the whole session.
    """

    __tablename__ = "login_session"
    __table_args__ = (Index("ix_login_session_user_id", "user_id"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("staff_user.id"), nullable=False))
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    last_used_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    # However active the user, a session ends this long after sign-in.
    expires_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    ended_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    # logout, revoked (by an admin: ended_by names them), reused (a refresh token shown twice), user_inactive
    end_reason: str | None = Field(default=None, max_length=30)
    ended_by: str | None = Field(default=None, max_length=100)
    # What the browser said it was (shortened), so that a person can tell their sessions apart.
    user_agent: str | None = Field(default=None, sa_column=Column(Text))


class RefreshToken(SQLModel, table=True):
    """One refresh token of a session, stored as its SHA-256 only."""

    __tablename__ = "refresh_token"
    __table_args__ = (Index("ix_refresh_token_session_id", "session_id"),)

    token_hash: str = Field(primary_key=True, max_length=64)
    session_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("login_session.id"), nullable=False))
    issued_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    # Unused after this: a browser left alone that long signs in again.
    idle_expires_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    used_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
