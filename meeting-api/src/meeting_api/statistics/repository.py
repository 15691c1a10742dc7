"""The queries of meeting-api's statistics: aggregates computed in PostgreSQL, never rows."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, case, func, literal, select, true, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from meeting_api.agenda.models import AgendaItem
from meeting_api.meetings.models import Meeting


def _month(column: Any) -> ColumnElement[str]:
    """The Tokyo month (YYYY-MM) of a timestamptz column."""
    return func.to_char(func.timezone("Asia/Tokyo", column), "YYYY-MM")


async def monthly(
    session: AsyncSession, *, since: dt.datetime, until: dt.datetime, area: str | None, now: dt.datetime
) -> Sequence[Row[Any]]:
    """(month, metric, key, n) of every month in [since, until), in one statement.

    metric: meetings (key: body type, or `cancelled`), discussed (distinct cases, key ''),
    discussions (agenda items, key '').
    """
    starts = col(Meeting.starts_at)
    in_area = Meeting.area == area if area else true()
    held = (Meeting.status != "cancelled") & (starts < now)
    meetings = (
        select(
            _month(starts).label("month"),
            case((Meeting.status == "cancelled", "cancelled"), else_=Meeting.body_type).label("key"),
        )
        .where(starts >= since, starts < until, in_area, (Meeting.status == "cancelled") | held)
        .subquery()
    )
    agenda = (
        select(_month(starts).label("month"), AgendaItem.case_id.label("case_id"))
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(starts >= since, starts < until, in_area, held)
    ).subquery()
    return (
        await session.execute(
            union_all(
                select(
                    meetings.c.month,
                    literal("meetings").label("metric"),
                    meetings.c.key,
                    func.count().label("n"),
                ).group_by(meetings.c.month, meetings.c.key),
                select(
                    agenda.c.month,
                    literal("discussed").label("metric"),
                    literal("").label("key"),
                    func.count(func.distinct(agenda.c.case_id)).label("n"),
                ).group_by(agenda.c.month),
                select(
                    agenda.c.month,
                    literal("discussions").label("metric"),
                    literal("").label("key"),
                    func.count().label("n"),
                ).group_by(agenda.c.month),
            )
        )
    ).all()
