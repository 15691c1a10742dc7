"""Every query of meetings, series and their history."""

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api.meetings.models import Meeting, MeetingEvent, MeetingSeries


async def get(session: AsyncSession, meeting_id: uuid.UUID, *, for_update: bool = False) -> Meeting | None:
    query = select(Meeting).where(Meeting.id == meeting_id)
    if for_update:
        query = query.with_for_update().execution_options(populate_existing=True)
    return (await session.execute(query)).scalar_one_or_none()


async def page(
    session: AsyncSession,
    where: ColumnElement[bool],
    *,
    starts_from: datetime | None,
    starts_before: datetime | None,
    body_id: uuid.UUID | None,
    include_cancelled: bool,
    limit: int,
    offset: int,
) -> tuple[list[Meeting], int]:
    conditions = [where]
    if starts_from is not None:
        conditions.append(Meeting.starts_at >= starts_from)
    if starts_before is not None:
        conditions.append(Meeting.starts_at < starts_before)
    if body_id is not None:
        conditions.append(Meeting.body_id == body_id)
    if not include_cancelled:
        conditions.append(Meeting.status == "scheduled")
    rows = await session.execute(
        select(Meeting).where(*conditions).order_by(Meeting.starts_at, Meeting.id).limit(limit).offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(Meeting).where(*conditions))
    return list(rows.scalars().all()), int(total or 0)


async def overlapping(
    session: AsyncSession,
    windows: Sequence[tuple[datetime, datetime]],
    *,
    participants: Sequence[str],
    place: str | None,
    exclude: Sequence[uuid.UUID] = (),
) -> list[Meeting]:
    """Scheduled meetings overlapping any window that share a participant or may share the room.

    The room is matched loosely here (any place at all) and exactly by the pure rule afterwards,
    since that compares places folded in Python.
    """
    if not windows:
        return []
    in_time = or_(*[and_(Meeting.starts_at < end, Meeting.ends_at > start) for start, end in windows])
    shared = [Meeting.participants.overlap(list(participants))] if participants else []
    if place is not None:
        shared.append(Meeting.place.is_not(None))
    conditions = [in_time, Meeting.status == "scheduled", or_(*shared) if shared else false()]
    if exclude:
        conditions.append(Meeting.id.not_in(list(exclude)))
    rows = await session.execute(select(Meeting).where(*conditions).order_by(Meeting.starts_at, Meeting.id))
    return list(rows.scalars().all())


async def in_series(session: AsyncSession, series_id: uuid.UUID, where: ColumnElement[bool]) -> list[Meeting]:
    rows = await session.execute(
        select(Meeting).where(Meeting.series_id == series_id, where).order_by(Meeting.starts_at, Meeting.id)
    )
    return list(rows.scalars().all())


async def get_series(session: AsyncSession, series_id: uuid.UUID) -> MeetingSeries | None:
    return await session.get(MeetingSeries, series_id)


async def history(session: AsyncSession, meeting_id: uuid.UUID) -> list[MeetingEvent]:
    rows = await session.execute(
        select(MeetingEvent)
        .where(MeetingEvent.meeting_id == meeting_id)
        .order_by(MeetingEvent.at, MeetingEvent.id)
    )
    return list(rows.scalars().all())


async def for_feed(
    session: AsyncSession, where: ColumnElement[bool], *, starts_from: datetime, limit: int
) -> list[Meeting]:
    rows = await session.execute(
        select(Meeting)
        .where(where, Meeting.ends_at >= starts_from)
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit)
    )
    return list(rows.scalars().all())


def add(session: AsyncSession, row: Meeting | MeetingSeries | MeetingEvent) -> None:
    session.add(row)
