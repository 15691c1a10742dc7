from datetime import datetime

from pydantic import BaseModel, ConfigDict


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
