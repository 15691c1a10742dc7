"""Every query of in-app notifications."""

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api.notifications.models import Notification


async def page(
    session: AsyncSession, username: str, *, unread_only: bool, limit: int, offset: int
) -> tuple[list[Notification], int, int]:
    """The user's notifications newest first; with the total and the unread count."""
    conditions = [Notification.username == username]
    if unread_only:
        conditions.append(Notification.read_at.is_(None))
    rows = await session.execute(
        select(Notification)
        .where(*conditions)
        .order_by(Notification.created_at.desc(), Notification.id)
        .limit(limit)
        .offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(Notification).where(*conditions))
    unread = await session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.username == username, Notification.read_at.is_(None))
    )
    return list(rows.scalars().all()), int(total or 0), int(unread or 0)


async def own(session: AsyncSession, username: str, notification_id: uuid.UUID) -> Notification | None:
    return (
        await session.execute(
            select(Notification)
            .where(Notification.id == notification_id, Notification.username == username)
            .with_for_update()
        )
    ).scalar_one_or_none()


def add_all(session: AsyncSession, notifications: list[Notification]) -> None:
    session.add_all(notifications)
