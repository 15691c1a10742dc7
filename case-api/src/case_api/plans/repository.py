"""Every query of support plans and their actions."""

import uuid
from datetime import date

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from case_api.cases.models import Case
from case_api.plans.models import PlanAction, SupportPlan


async def current(
    session: AsyncSession, case_id: uuid.UUID, *, for_update: bool = False
) -> SupportPlan | None:
    """The current version of the case's plan; locked when the caller is about to change it."""
    query = select(SupportPlan).where(SupportPlan.case_id == case_id, SupportPlan.status == "current")
    if for_update:
        # Two editors of one plan queue here; the second then sees the first one's ETag (412).
        query = query.with_for_update().execution_options(populate_existing=True)
    return (await session.execute(query)).scalar_one_or_none()


async def version(session: AsyncSession, case_id: uuid.UUID, number: int) -> SupportPlan | None:
    return (
        await session.execute(
            select(SupportPlan).where(SupportPlan.case_id == case_id, SupportPlan.version == number)
        )
    ).scalar_one_or_none()


async def versions(session: AsyncSession, case_id: uuid.UUID) -> list[SupportPlan]:
    """Every version of the case's plan, newest first."""
    rows = await session.execute(
        select(SupportPlan).where(SupportPlan.case_id == case_id).order_by(SupportPlan.version.desc())
    )
    return list(rows.scalars().all())


async def latest_version_number(session: AsyncSession, case_id: uuid.UUID) -> int:
    return int(
        await session.scalar(
            select(func.coalesce(func.max(SupportPlan.version), 0)).where(SupportPlan.case_id == case_id)
        )
        or 0
    )


async def actions(session: AsyncSession, plan_id: uuid.UUID) -> list[PlanAction]:
    """A plan version's actions in the order they were written."""
    rows = await session.execute(
        select(PlanAction).where(PlanAction.plan_id == plan_id).order_by(PlanAction.position, PlanAction.id)
    )
    return list(rows.scalars().all())


async def action_of_case(
    session: AsyncSession, case_id: uuid.UUID, action_id: uuid.UUID
) -> tuple[PlanAction, SupportPlan] | None:
    """An action of any version of the case's plan, with that version."""
    row = (
        await session.execute(
            select(PlanAction, SupportPlan)
            .join(SupportPlan, SupportPlan.id == PlanAction.plan_id)
            .where(PlanAction.id == action_id, SupportPlan.case_id == case_id)
        )
    ).first()
    return (row[0], row[1]) if row else None


async def source_ref_delivered(session: AsyncSession, case_id: uuid.UUID, source_ref: str) -> bool:
    """Whether actions with this source (a meeting decision) already reached any version of the plan."""
    return bool(
        await session.scalar(
            select(
                exists().where(
                    PlanAction.plan_id == SupportPlan.id,
                    SupportPlan.case_id == case_id,
                    PlanAction.source_ref == source_ref,
                )
            )
        )
    )


async def next_position(session: AsyncSession, plan_id: uuid.UUID) -> int:
    return int(
        await session.scalar(
            select(func.coalesce(func.max(PlanAction.position) + 1, 0)).where(PlanAction.plan_id == plan_id)
        )
        or 0
    )


async def due_actions(
    session: AsyncSession,
    where: ColumnElement[bool],
    *,
    due_before: date | None,
    owner: str | None,
    status: str,
    limit: int,
) -> list[tuple[PlanAction, SupportPlan, Case]]:
    """Actions of current plans on the cases `where` admits, earliest due first (undated last)."""
    conditions = [where, SupportPlan.status == "current", PlanAction.status == status]
    if due_before is not None:
        conditions.append(PlanAction.due_date < due_before)
    if owner is not None:
        conditions.append(PlanAction.owner == owner)
    rows = await session.execute(
        select(PlanAction, SupportPlan, Case)
        .join(SupportPlan, SupportPlan.id == PlanAction.plan_id)
        .join(Case, Case.id == SupportPlan.case_id)
        .where(*conditions)
        .order_by(PlanAction.due_date.asc().nulls_last(), PlanAction.created_at, PlanAction.id)
        .limit(limit)
    )
    return [(action, plan, case) for action, plan, case in rows.all()]


def add(session: AsyncSession, row: SupportPlan | PlanAction) -> None:
    session.add(row)
