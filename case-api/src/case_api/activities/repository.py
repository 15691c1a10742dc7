"""Every query of community activities, and the monthly workload split."""

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Row,
    cast,
    func,
    literal,
    or_,
    select,
    text,
    tuple_,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from case_api.activities.models import CommunityActivity
from case_api.cases.models import Case
from case_api.records.models import SupportRecord


def add(session: AsyncSession, activity: CommunityActivity) -> None:
    session.add(activity)


async def get(
    session: AsyncSession, activity_id: uuid.UUID, *, lock: bool = False
) -> CommunityActivity | None:
    return await session.get(CommunityActivity, activity_id, with_for_update=True if lock else None)


def visible_where(*, all_areas: bool, area: str | None, username: str) -> ColumnElement[bool]:
    """All activities, or a CSW's own and their area's."""
    if all_areas:
        return literal(True)
    own = CommunityActivity.csw == username
    return or_(own, CommunityActivity.area == area) if area is not None else own


async def page(
    session: AsyncSession,
    where: ColumnElement[bool],
    *,
    start: dt.date | None,
    end: dt.date | None,
    area: str | None,
    csw: str | None,
    kind: str | None,
    limit: int,
    offset: int,
) -> tuple[list[CommunityActivity], int]:
    """Newest first."""
    conditions = [where]
    if start is not None and end is not None:
        conditions += [col(CommunityActivity.date) >= start, col(CommunityActivity.date) < end]
    if area:
        conditions.append(CommunityActivity.area == area)
    if csw:
        conditions.append(CommunityActivity.csw == csw)
    if kind:
        conditions.append(CommunityActivity.kind == kind)
    rows = await session.execute(
        select(CommunityActivity)
        .where(*conditions)
        .order_by(
            col(CommunityActivity.date).desc(), col(CommunityActivity.created_at).desc(), CommunityActivity.id
        )
        .limit(limit)
        .offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(CommunityActivity).where(*conditions))
    return list(rows.scalars().all()), int(total or 0)


async def timeline_installed(session: AsyncSession) -> bool:
    """Whether the support timeline's table exists (it comes with another migration branch)."""
    return bool(await session.scalar(text("SELECT to_regclass('support_record') IS NOT NULL")))


def _tokyo_month(column: Any) -> ColumnElement[str]:
    return func.to_char(func.timezone("Asia/Tokyo", column), "YYYY-MM")


async def workload(
    session: AsyncSession,
    *,
    since: dt.datetime,
    until: dt.datetime,
    start: dt.date,
    end: dt.date,
    area: str | None,
    csw: str | None,
    with_timeline: bool,
) -> Sequence[Row[Any]]:
    """Minutes per CSW and per area of each month in one query (GROUPING SETS): individual from the
    timeline, community from the activities. Rows: (month, by_area, csw, area, individual, community,
    ratio); one of csw and area is NULL. `month` is YYYY-MM in Tokyo; the statistics ask for spans."""
    community = select(
        func.to_char(col(CommunityActivity.date), "YYYY-MM").label("month"),
        col(CommunityActivity.csw).label("csw"),
        col(CommunityActivity.area).label("area"),
        literal(0).label("individual"),
        col(CommunityActivity.minutes_spent).label("community"),
    ).where(col(CommunityActivity.date) >= start, col(CommunityActivity.date) < end)
    if area:
        community = community.where(CommunityActivity.area == area)
    if csw:
        community = community.where(CommunityActivity.csw == csw)
    sources = [community]
    if with_timeline:
        # A record counts for its author, in the area of its case; amendments carry 0 minutes.
        individual = (
            select(
                _tokyo_month(col(SupportRecord.occurred_at)).label("month"),
                col(SupportRecord.author).label("csw"),
                col(Case.area).label("area"),
                col(SupportRecord.minutes_spent).label("individual"),
                literal(0).label("community"),
            )
            .join(Case, Case.id == SupportRecord.case_id)
            .where(col(SupportRecord.occurred_at) >= since, col(SupportRecord.occurred_at) < until)
        )
        if area:
            individual = individual.where(Case.area == area)
        if csw:
            individual = individual.where(SupportRecord.author == csw)
        sources.append(individual)
    src = union_all(*sources).subquery("src")
    individual_sum = cast(func.coalesce(func.sum(src.c.individual), 0), Integer)
    community_sum = cast(func.coalesce(func.sum(src.c.community), 0), Integer)
    ratio = cast(community_sum, Float) / func.nullif(individual_sum + community_sum, 0)
    query = (
        select(
            # GROUPING() tells the per-CSW rows (area is rolled up) from the per-area rows.
            src.c.month,
            func.grouping(src.c.csw).label("by_area"),
            src.c.csw,
            src.c.area,
            individual_sum.label("individual"),
            community_sum.label("community"),
            ratio.label("ratio"),
        )
        .group_by(func.grouping_sets(tuple_(src.c.month, src.c.csw), tuple_(src.c.month, src.c.area)))
        .order_by(src.c.month, text("by_area"), src.c.csw, src.c.area)
    )
    return (await session.execute(query)).all()
