"""The rules of community activities (地域づくり活動) and the workload split (no commit, no HTTP)."""

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.activities import repository
from case_api.activities.models import CommunityActivity
from case_api.activities.schemas import (
    ActivityCreate,
    ActivityKind,
    ActivityUpdate,
    AreaWorkload,
    CswWorkload,
    Workload,
)
from tsunagu_services.etag import required_if_match
from tsunagu_services.months import date_bounds
from tsunagu_services.problems import NotFound, ValidationFailed
from tsunagu_services.tokens import Principal

TOKYO = ZoneInfo("Asia/Tokyo")


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).astimezone(TOKYO).date()


def _check_date(day: dt.date) -> None:
    # A log of work done: not tomorrow's event, not a typo from another century.
    if not dt.date(2000, 1, 1) <= day <= _today():
        raise ValidationFailed.for_field("date", "must be a day between 2000-01-01 and today")


async def log_activity(
    session: AsyncSession, principal: Principal, data: ActivityCreate
) -> CommunityActivity:
    """Log an activity: a CSW their own in their area; supervisors on behalf of a named CSW."""
    own = access.activity_logged_as(principal, data.csw, data.area)
    if own is not None:
        csw, area = own
    else:
        if data.csw is None or data.area is None:
            raise ValidationFailed.for_field(
                "csw" if data.csw is None else "area", "required when logging for a CSW"
            )
        csw, area = data.csw, data.area
    _check_date(data.date)
    activity = CommunityActivity(
        **data.model_dump(exclude={"csw", "area"}), csw=csw, area=area, created_by=principal.username
    )
    repository.add(session, activity)
    await session.flush()
    await session.refresh(activity)
    return activity


async def list_activities(
    session: AsyncSession,
    principal: Principal,
    *,
    month: str | None,
    area: str | None,
    csw: str | None,
    kind: ActivityKind | None,
    limit: int,
    offset: int,
) -> tuple[list[CommunityActivity], int]:
    """Activities the caller may see (supervisors all; a CSW their own and their area's), newest first."""
    start, end = date_bounds(month, month) if month else (None, None)
    return await repository.page(
        session,
        access.activities_visible(principal),
        start=start,
        end=end,
        area=area,
        csw=csw,
        kind=kind,
        limit=limit,
        offset=offset,
    )


async def read_activity(
    session: AsyncSession, principal: Principal, activity_id: uuid.UUID
) -> CommunityActivity:
    """One activity the caller may see."""
    activity = await repository.get(session, activity_id)
    if activity is None or not access.can_see_activity(principal, activity):
        raise NotFound()
    return activity


async def update_activity(
    session: AsyncSession,
    principal: Principal,
    activity_id: uuid.UUID,
    data: ActivityUpdate,
    if_match: str | None,
) -> CommunityActivity:
    """Change an activity: its CSW, or a supervisor; needs If-Match."""
    activity = await repository.get(session, activity_id, lock=True)
    if activity is None or not access.can_see_activity(principal, activity):
        raise NotFound()
    access.ensure_may_change_activity(principal, activity)
    required_if_match(if_match).ensure(activity.version)
    changes = data.model_dump(exclude_unset=True)
    if "date" in changes:
        _check_date(changes["date"])
    for field, value in changes.items():
        setattr(activity, field, value)
    activity.version += 1
    await session.flush()
    await session.refresh(activity)
    return activity


async def workload(session: AsyncSession, principal: Principal, *, month: str, area: str | None) -> Workload:
    """Individual support vs community minutes per CSW and per area in a month; a CSW sees their own."""
    own = access.workload_limited_to(principal)
    start, end = date_bounds(month, month)
    with_timeline = await repository.timeline_installed(session)
    rows = await repository.workload(
        session,
        since=dt.datetime.combine(start, dt.time(), TOKYO),
        until=dt.datetime.combine(end, dt.time(), TOKYO),
        start=start,
        end=end,
        area=area,
        csw=own,
        with_timeline=with_timeline,
    )
    by_csw, by_area = split_workload(rows)
    # A CSW gets their own row only: the area rows would show colleagues' time.
    return Workload(
        month=month,
        area=area,
        individual_source=with_timeline,
        by_csw=by_csw,
        by_area=by_area if own is None else [],
    )


def split_workload(rows: Sequence[Row[Any]]) -> tuple[list[CswWorkload], list[AreaWorkload]]:
    """Rows of `repository.workload` (one month's) as per-CSW and per-area figures."""
    by_csw: list[CswWorkload] = []
    by_area: list[AreaWorkload] = []
    for row in rows:
        figures = {
            "individual_minutes": row.individual,
            "community_minutes": row.community,
            "total_minutes": row.individual + row.community,
            "community_ratio": None if row.ratio is None else round(row.ratio, 4),
        }
        if row.by_area:
            by_area.append(AreaWorkload(area=row.area, **figures))
        else:
            by_csw.append(CswWorkload(csw=row.csw, **figures))
    return by_csw, by_area
