from datetime import datetime

from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, Identity, Index, LargeBinary, Text, func
from sqlmodel import Field, SQLModel


class AuditEvent(SQLModel, table=True):
    """One authenticated request through the gateway: who, what, when.

    Written (durably) before the request reaches a service; how it ended is an
    AuditOutcome written after. Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE.
    """

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_occurred_at", "occurred_at"),
        Index("ix_audit_event_actor_username", "actor_username"),
        Index("ix_audit_event_resource", "resource_type", "resource_id"),
    )

    id: int | None = Field(default=None, sa_column=Column(BigInteger, Identity(), primary_key=True))
    occurred_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    request_id: str = Field(max_length=64)
    actor_sub: str = Field(max_length=200)
    actor_username: str = Field(max_length=200)
    actor_role: str = Field(max_length=20)
    method: str = Field(max_length=10)
    # Concrete path (ids only); never the query string, which can hold names or search terms.
    path: str = Field(sa_column=Column(Text, nullable=False))
    resource_type: str | None = Field(default=None, max_length=100)
    resource_id: str | None = Field(default=None, max_length=200)
    # Events before the outcome table carry their status here; newer ones have an AuditOutcome.
    status: int | None = None
    # Set by the database (trigger audit_event_link): SHA-256 of the previous event's hash and this
    # event's content, a chain that gateway.audit.chain verifies.
    chain_seq: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=False, unique=True))
    prev_hash: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=False))
    hash: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=False))


class AuditOutcome(SQLModel, table=True):
    """How an audited request ended (its HTTP status), written once the answer is out. Append-only."""

    __tablename__ = "audit_outcome"

    event_id: int = Field(sa_column=Column(BigInteger, ForeignKey("audit_event.id"), primary_key=True))
    status: int
    recorded_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    # A chain of its own, as for events (trigger audit_outcome_link).
    chain_seq: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=False, unique=True))
    prev_hash: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=False))
    hash: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=False))
