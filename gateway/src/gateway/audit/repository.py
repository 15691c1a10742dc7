"""Every query of audit events (inserts and reads only: the table is append-only)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.audit.models import AuditEvent, AuditOutcome

# An event's columns with its status: from its outcome, or (older events) its own column.
AuditRow = Row[Any]


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if self.actor:
            conditions.append(AuditEvent.actor_username == self.actor)
        if self.resource_type:
            conditions.append(AuditEvent.resource_type == self.resource_type)
        if self.resource_id:
            conditions.append(AuditEvent.resource_id == self.resource_id)
        if self.since:
            conditions.append(AuditEvent.occurred_at >= self.since)
        if self.until:
            conditions.append(AuditEvent.occurred_at < self.until)
        return conditions


async def page(
    session: AsyncSession, where: AuditFilter, *, limit: int, offset: int
) -> tuple[list[AuditRow], int]:
    conditions = where.conditions()
    columns = [c for c in AuditEvent.__table__.c if c.name != "status"]  # type: ignore[attr-defined]
    status = func.coalesce(AuditOutcome.status, AuditEvent.status).label("status")
    rows = await session.execute(
        select(*columns, status)
        .outerjoin(AuditOutcome, AuditOutcome.event_id == AuditEvent.id)
        .where(*conditions)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())  # type: ignore[union-attr]
        .limit(limit)
        .offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(AuditEvent).where(*conditions))
    return list(rows.all()), int(total or 0)
