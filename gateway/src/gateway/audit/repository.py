"""Every query of audit events (inserts and reads only: the table is append-only)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.audit.models import AuditEvent


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


def add(session: AsyncSession, event: AuditEvent) -> None:
    session.add(event)


async def page(
    session: AsyncSession, where: AuditFilter, *, limit: int, offset: int
) -> tuple[list[AuditEvent], int]:
    conditions = where.conditions()
    rows = await session.execute(
        select(AuditEvent)
        .where(*conditions)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())  # type: ignore[union-attr]
        .limit(limit)
        .offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(AuditEvent).where(*conditions))
    return list(rows.scalars().all()), int(total or 0)
