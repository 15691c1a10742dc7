"""The inbox: events from the services filed once per recipient, each person reading only their own."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.identity.models import StaffUser
from gateway.notifications.models import StaffNotification
from gateway.notifications.schemas import NoticeDelivery
from tsunagu_services.problems import Forbidden, NotFound
from tsunagu_services.scopes import SERVICE_SCOPE
from tsunagu_services.tokens import Principal


async def file(session: AsyncSession, principal: Principal, source: str, event: NoticeDelivery) -> int:
    """One notice per active recipient; an event seen before files nothing (the outbox may retry)."""
    if not (principal.is_system and principal.has_scope(SERVICE_SCOPE)):
        raise Forbidden()
    to = event.to
    wanted = [
        condition
        for condition in (
            StaffUser.username.in_(to.usernames) if to.usernames else None,
            StaffUser.role.in_(to.roles) if to.roles else None,
            StaffUser.agency_id.in_(to.agency_ids) if to.agency_ids else None,
        )
        if condition is not None
    ]
    if not wanted:
        return 0
    query = select(StaffUser.username).where(StaffUser.active.is_(True), or_(*wanted))
    recipients = sorted(set((await session.execute(query)).scalars()) - {to.except_username})
    if not recipients:
        return 0
    rows = [
        {
            "id": uuid.uuid4(),
            "recipient": username,
            "kind": event.kind,
            "text": event.text,
            "link": event.link,
            "source": source,
            "event_key": event.event_key,
        }
        for username in recipients
    ]
    statement = (
        insert(StaffNotification)
        .values(rows)
        .on_conflict_do_nothing(constraint="uq_staff_notification_recipient_event_key")
    )
    result = await session.execute(statement.returning(StaffNotification.id))
    return len(result.all())


def _own(principal: Principal):
    if principal.is_system:
        raise Forbidden()
    return StaffNotification.recipient == principal.username


async def inbox(
    session: AsyncSession, principal: Principal, *, unread_only: bool, limit: int, offset: int
) -> tuple[list[StaffNotification], int, int]:
    """The caller's notices, newest first; how many in all (as filtered) and how many unread."""
    own = _own(principal)
    query = select(StaffNotification).where(own)
    if unread_only:
        query = query.where(StaffNotification.read_at.is_(None))
    total = await session.scalar(select(func.count()).select_from(query.subquery()))
    unread = await session.scalar(
        select(func.count()).select_from(StaffNotification).where(own, StaffNotification.read_at.is_(None))
    )
    rows = await session.execute(
        query.order_by(StaffNotification.created_at.desc(), StaffNotification.id).limit(limit).offset(offset)
    )
    return list(rows.scalars().all()), int(total or 0), int(unread or 0)


async def mark_read(
    session: AsyncSession, principal: Principal, notification_id: uuid.UUID
) -> StaffNotification:
    """Mark one of the caller's notices read (anyone else's: not found)."""
    notice = await session.scalar(
        select(StaffNotification)
        .where(_own(principal), StaffNotification.id == notification_id)
        .with_for_update()
    )
    if notice is None:
        raise NotFound()
    if notice.read_at is None:
        notice.read_at = datetime.now(UTC)
        await session.flush()
    return notice


async def mark_all_read(session: AsyncSession, principal: Principal) -> int:
    result = await session.execute(
        update(StaffNotification)
        .where(_own(principal), StaffNotification.read_at.is_(None))
        .values(read_at=datetime.now(UTC))
        .returning(StaffNotification.id)
    )
    return len(result.all())
