from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class AuditEventRead(BaseModel):
    """One audit event as supervisors read it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    occurred_at: datetime
    request_id: str
    actor_sub: str
    actor_username: str
    actor_role: str
    method: str
    path: str
    resource_type: str | None
    resource_id: str | None
    # None while the request runs, or if the gateway stopped before its answer was out.
    status: int | None


class AuditEventPage(BaseModel):
    items: list[AuditEventRead]
    total: int


class ChainBreak(BaseModel):
    chain: str = Field(description="event or outcome")
    key: int = Field(description="The event id where the chain first breaks.")
    reason: str = Field(description="content-changed, link-broken, head-mismatch or anchor-mismatch")


class ChainReport(BaseModel):
    """Whether the audit trail is as it was written, and where it first breaks if not."""

    intact: bool
    events: int
    outcomes: int
    heads: dict[str, dict[str, Any]]
    first_break: ChainBreak | None
    anchors_checked: int
    checked_at: datetime


class AnchorRead(BaseModel):
    """A signed snapshot of the chains' heads: keep it elsewhere; it proves the trail up to there."""

    id: int
    created_at: str
    event_id: int | None
    event_hash: str
    outcome_event_id: int | None
    outcome_hash: str
    signature: str
