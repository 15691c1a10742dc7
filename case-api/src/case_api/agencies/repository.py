"""Every query of agencies and of their involvement in cases."""

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, false, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from case_api.agencies.models import Agency, AgencyInvolvement


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def get(session: AsyncSession, agency_id: uuid.UUID, *, lock: bool = False) -> Agency | None:
    return await session.get(Agency, agency_id, with_for_update=True if lock else None)


async def page(
    session: AsyncSession,
    *,
    kind: str | None,
    area: str | None,
    q: str | None,
    partner: str | None,
    include_inactive: bool,
    limit: int,
    offset: int,
) -> tuple[list[Agency], int]:
    conditions: list[ColumnElement[bool]] = []
    if not include_inactive:
        conditions.append(col(Agency.active).is_(True))
    if kind:
        conditions.append(Agency.kind == kind)
    if area:
        # An area's directory includes the agencies that serve the whole city.
        conditions.append(or_(Agency.area == area, col(Agency.area).is_(None)))
    if partner == "employment_prep":
        conditions.append(col(Agency.partner_employment_prep).is_(True))
    elif partner == "participation":
        conditions.append(col(Agency.partner_participation).is_(True))
    elif partner is not None:
        conditions.append(false())
    if q:
        pattern = _like(q)
        conditions.append(
            or_(
                col(Agency.name).ilike(pattern),
                col(Agency.can_do).ilike(pattern),
                func.array_to_string(Agency.functions, " ").ilike(pattern),
            )
        )
    rows = await session.execute(
        select(Agency)
        .where(*conditions)
        .order_by(Agency.kind, col(Agency.area).nulls_first(), Agency.name, Agency.id)
        .limit(limit)
        .offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(Agency).where(*conditions))
    return list(rows.scalars().all()), int(total or 0)


def add(session: AsyncSession, row: Agency | AgencyInvolvement) -> None:
    session.add(row)


_INVOLVEMENT_COLUMNS = (AgencyInvolvement, Agency.name, Agency.kind)


async def involvements_of(session: AsyncSession, case_id: uuid.UUID) -> Sequence[Row[Any]]:
    """The case's involvements with their agency's name and kind (one query): current ones first."""
    rows = await session.execute(
        select(*_INVOLVEMENT_COLUMNS)
        .join(Agency, Agency.id == AgencyInvolvement.agency_id)
        .where(AgencyInvolvement.case_id == case_id)
        .order_by(col(AgencyInvolvement.until).is_not(None), AgencyInvolvement.since, AgencyInvolvement.id)
    )
    return rows.all()


async def involvement(
    session: AsyncSession, case_id: uuid.UUID, involvement_id: uuid.UUID, *, lock: bool = False
) -> Row[Any] | None:
    """One involvement of the case, with its agency's name and kind; `lock` before changing it."""
    query = (
        select(*_INVOLVEMENT_COLUMNS)
        .join(Agency, Agency.id == AgencyInvolvement.agency_id)
        .where(AgencyInvolvement.case_id == case_id, AgencyInvolvement.id == involvement_id)
    )
    if lock:
        query = query.with_for_update(of=AgencyInvolvement)
    return (await session.execute(query)).first()
