"""Every query of cases."""

import uuid

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from case_api.cases.models import Case


async def get(session: AsyncSession, case_id: uuid.UUID) -> Case | None:
    return await session.get(Case, case_id)


async def page(session: AsyncSession, where: ColumnElement[bool], *, area: str | None,
               status: str | None, limit: int, offset: int) -> tuple[list[Case], int]:
    conditions = [where]
    if area:
        conditions.append(Case.area == area)
    if status:
        conditions.append(Case.status == status)
    rows = await session.execute(
        select(Case).where(*conditions)
        .order_by(Case.opened_at.desc(), Case.id)
        .limit(limit).offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(Case).where(*conditions))
    return list(rows.scalars().all()), int(total or 0)


def add(session: AsyncSession, case: Case) -> None:
    session.add(case)
