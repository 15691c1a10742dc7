"""Every query of agenda items."""

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api.agenda.models import AgendaItem


async def items(session: AsyncSession, meeting_id: uuid.UUID) -> list[AgendaItem]:
    rows = await session.execute(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    )
    return list(rows.scalars().all())


async def get(session: AsyncSession, meeting_id: uuid.UUID, item_id: uuid.UUID) -> AgendaItem | None:
    return (
        await session.execute(
            select(AgendaItem).where(AgendaItem.id == item_id, AgendaItem.meeting_id == meeting_id)
        )
    ).scalar_one_or_none()


async def has_case(session: AsyncSession, meeting_id: uuid.UUID, case_id: uuid.UUID) -> bool:
    found = await session.scalar(
        select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id, AgendaItem.case_id == case_id)
    )
    return found is not None


async def next_position(session: AsyncSession, meeting_id: uuid.UUID) -> int:
    top = await session.scalar(
        select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting_id)
    )
    return int(top or 0) + 1


def add(session: AsyncSession, item: AgendaItem) -> None:
    session.add(item)


async def delete(session: AsyncSession, item: AgendaItem) -> None:
    await session.delete(item)
