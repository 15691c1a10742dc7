"""Tables the kit adds to every service's own database (each service migrates them)."""

from datetime import datetime
from typing import Any

from sqlalchemy import Column, DateTime, Index, LargeBinary, Text, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel


class IdempotencyRecord(SQLModel, table=True):
    """One Idempotency-Key of one caller: claimed inside the request's transaction."""

    __tablename__ = "idempotency_record"

    principal: str = Field(primary_key=True, max_length=200)
    key: str = Field(primary_key=True, max_length=255)
    method: str = Field(max_length=10)
    path: str = Field(max_length=500)
    request_hash: str = Field(max_length=64)
    status_code: int | None = None
    response_headers: dict[str, str] | None = Field(default=None, sa_column=Column(JSONB))
    response_body: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class OutboxMessage(SQLModel, table=True):
    """A call to another service, written in the caller's transaction and delivered until confirmed."""

    __tablename__ = "outbox_message"
    __table_args__ = (
        Index(
            "ix_outbox_message_pending",
            "next_attempt_at",
            postgresql_where=text("delivered_at IS NULL AND failed_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    destination: str = Field(max_length=50)
    method: str = Field(max_length=10)
    path: str = Field(max_length=500)
    body: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    idempotency_key: str = Field(max_length=255, unique=True)
    attempts: int = 0
    last_status: int | None = None
    response_body: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))
    created_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    next_attempt_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    delivered_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    # Set when the receiver refused for good (a 4xx that no retry can change): a dead letter, shown
    # to supervisors until someone retries it (after a fix) or resolves it with a reason.
    failed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    retried_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    retried_by: str | None = Field(default=None, max_length=200)
    resolved_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    resolved_by: str | None = Field(default=None, max_length=200)
    resolution: str | None = Field(default=None, sa_column=Column(Text))
