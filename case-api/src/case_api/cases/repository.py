"""Every query of cases and their history."""

import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from case_api.cases.models import TITLE_GRAMS, Case, CaseEvent
from case_api.plans.models import PlanAction, SupportPlan
from case_api.safety_checks.models import SafetyCheck
from tsunagu_services.db import escape_like, has_bigrams_of, plan_for_these_values
from tsunagu_services.japanese import nfkc

TOKYO = ZoneInfo("Asia/Tokyo")


async def get(session: AsyncSession, case_id: uuid.UUID) -> Case | None:
    return await session.get(Case, case_id)


async def lock(session: AsyncSession, case: Case) -> None:
    """Re-read the case under a row lock, so the version compared is the one that gets bumped."""
    await session.refresh(case, with_for_update=True)


def _overdue() -> ColumnElement[bool]:
    """An open safety check past its due time, or an open action of the current plan past its date."""
    now = datetime.now(UTC)
    today = now.astimezone(TOKYO).date()
    check = exists().where(
        SafetyCheck.case_id == Case.id, SafetyCheck.status == "open", SafetyCheck.due_at < now
    )
    action = exists().where(
        SupportPlan.case_id == Case.id,
        SupportPlan.status == "current",
        PlanAction.plan_id == SupportPlan.id,
        PlanAction.status == "open",
        PlanAction.due_date < today,
    )
    return or_(check, action)


async def page(
    session: AsyncSession,
    where: ColumnElement[bool],
    *,
    area: str | None,
    status: str | None,
    open_only: bool = False,
    risk: str | None = None,
    lead: str | None = None,
    title_contains: str | None = None,
    overdue: bool = False,
    limit: int,
    offset: int,
) -> tuple[list[Case], int]:
    conditions = [where]
    if overdue:
        conditions.append(_overdue())
    if area:
        conditions.append(Case.area == area)
    if status:
        conditions.append(Case.status == status)
    if open_only:
        conditions.append(Case.status != "closed")
    if risk:
        conditions.append(Case.risk_flags.contains([risk]))
    if lead:
        conditions.append(Case.lead_username == lead)
    if title_contains:
        # Titles are stored NFKC-folded; fold the query the same way (（ → (, ｱ → ア).
        term = nfkc(title_contains)
        await plan_for_these_values(session)
        if len(term) >= 2:  # a single character has no two-character piece: the ILIKE alone decides
            conditions.append(has_bigrams_of(TITLE_GRAMS, func.lower(term)))
        conditions.append(Case.title.ilike(f"%{escape_like(term)}%", escape="\\"))
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
