"""Every query of meetings."""

import uuid
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api.meetings.models import Meeting


async def get(session: AsyncSession, meeting_id: uuid.UUID) -> Meeting | None:
    return await session.get(Meeting, meeting_id)


async def page(session: AsyncSession, where: ColumnElement[bool], *, starts_from: datetime | None,
               starts_before: datetime | None, limit: int, offset: int) -> tuple[list[Meeting], int]:
    conditions = [where]
    if starts_from is not None:
        conditions.append(Meeting.starts_at >= starts_from)
    if starts_before is not None:
        conditions.append(Meeting.starts_at < starts_before)
    rows = await session.execute(
        select(Meeting).where(*conditions)
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit).offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(Meeting).where(*conditions))
    return list(rows.scalars().all()), int(total or 0)


def add(session: AsyncSession, meeting: Meeting) -> None:
    session.add(meeting)
