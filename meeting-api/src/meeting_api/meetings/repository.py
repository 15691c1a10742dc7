"""Every query of meetings, series and their history."""

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, delete, false, func, insert, or_, select
from sqlalchemy.dialects.postgresql import Range
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api.meetings.models import Meeting, MeetingBooking, MeetingEvent, MeetingSeries
from meeting_api.meetings.rules import booked_resources

EXCLUSION_VIOLATION = "23P01"


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


async def get_series(
    session: AsyncSession, series_id: uuid.UUID, *, for_update: bool = False
) -> MeetingSeries | None:
    return await session.get(MeetingSeries, series_id, with_for_update=for_update)


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


async def hold(session: AsyncSession, meetings: Sequence[Meeting], *, exclusive: bool) -> bool:
    """Book the participants and room of each meeting for its time (replacing what it held).

    False when an exclusive booking that another request committed holds one of them:
    the database refused, inside a savepoint, so the caller's transaction can still answer.
    """
    rows = [
        {
            "meeting_id": meeting.id,
            "resource": resource,
            "during": Range(meeting.starts_at, meeting.ends_at, bounds="[)"),
            "exclusive": exclusive,
        }
        for meeting in meetings
        for resource in sorted(booked_resources(meeting.participants, meeting.place))
    ]
    try:
        async with session.begin_nested():
            await release(session, [m.id for m in meetings])
            if rows:
                await session.execute(insert(MeetingBooking), rows)
    except IntegrityError as exc:
        if getattr(exc.orig, "sqlstate", None) == EXCLUSION_VIOLATION:
            return False
        raise
    return True


async def release(session: AsyncSession, meeting_ids: Sequence[uuid.UUID]) -> None:
    """A cancelled meeting holds no one's time."""
    await session.execute(delete(MeetingBooking).where(MeetingBooking.meeting_id.in_(list(meeting_ids))))
