"""Every query of cases and their history."""

import uuid

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from case_api.cases.models import Case, CaseEvent
from tsunagu_services.japanese import nfkc


async def get(session: AsyncSession, case_id: uuid.UUID) -> Case | None:
    return await session.get(Case, case_id)


async def lock(session: AsyncSession, case: Case) -> None:
    """Re-read the case under a row lock, so the version compared is the one that gets bumped."""
    await session.refresh(case, with_for_update=True)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def page(
    session: AsyncSession,
    where: ColumnElement[bool],
    *,
    area: str | None,
    status: str | None,
    risk: str | None = None,
    lead: str | None = None,
    title_contains: str | None = None,
    limit: int,
    offset: int,
) -> tuple[list[Case], int]:
    conditions = [where]
    if area:
        conditions.append(Case.area == area)
    if status:
        conditions.append(Case.status == status)
    if risk:
        conditions.append(Case.risk_flags.contains([risk]))
    if lead:
        conditions.append(Case.lead_username == lead)
    if title_contains:
        # Titles are stored NFKC-folded; fold the query the same way (（ → (, ｱ → ア).
        conditions.append(Case.title.ilike(f"%{_escape_like(nfkc(title_contains))}%", escape="\\"))
    rows = await session.execute(
        select(Case).where(*conditions).order_by(Case.opened_at.desc(), Case.id).limit(limit).offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(Case).where(*conditions))
    return list(rows.scalars().all()), int(total or 0)


async def by_consultation(session: AsyncSession, consultation_id: uuid.UUID) -> Case | None:
    return (
        await session.execute(select(Case).where(Case.consultation_id == consultation_id))
    ).scalar_one_or_none()


async def set_consultation(session: AsyncSession, case_id: uuid.UUID, consultation_id: uuid.UUID) -> None:
    case = await session.get(Case, case_id)
    assert case is not None
    case.consultation_id = consultation_id
    await session.flush()  # before anything reloads the case with populate_existing


def add(session: AsyncSession, case: Case) -> None:
    session.add(case)


def add_event(session: AsyncSession, event: CaseEvent) -> None:
    session.add(event)


async def events(
    session: AsyncSession, case_id: uuid.UUID, *, limit: int, offset: int
) -> tuple[list[CaseEvent], int]:
    """A case's history, oldest first (it reads as a timeline)."""
    rows = await session.execute(
        select(CaseEvent)
        .where(CaseEvent.case_id == case_id)
        .order_by(CaseEvent.at, CaseEvent.id)
        .limit(limit)
        .offset(offset)
    )
    total = await session.scalar(
        select(func.count()).select_from(CaseEvent).where(CaseEvent.case_id == case_id)
    )
    return list(rows.scalars().all()), int(total or 0)
