"""Every query of safety checks."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from case_api.cases.models import Case
from case_api.safety_checks.models import SafetyCheck


def visible_where(*, area: str | None, username: str, cases: ColumnElement[bool]) -> ColumnElement[bool]:
    """Checks of the caller's area, assigned to them, or on a case they may see (`cases` on Case)."""
    conditions: list[ColumnElement[bool]] = [
        SafetyCheck.assigned_to == username,
        col(SafetyCheck.case_id).in_(select(Case.id).where(cases)),
    ]
    if area is not None:
        conditions.append(SafetyCheck.area == area)
    return or_(*conditions)


async def get(
    session: AsyncSession, check_id: uuid.UUID, where: ColumnElement[bool], *, lock: bool = False
) -> SafetyCheck | None:
    """One check, if `where` admits it; `lock` when the caller is about to change it."""
    query = select(SafetyCheck).where(SafetyCheck.id == check_id, where)
    if lock:
        query = query.with_for_update(of=SafetyCheck)
    return (await session.execute(query)).scalars().first()


async def by_source_key(session: AsyncSession, source_key: str) -> SafetyCheck | None:
    rows = await session.execute(select(SafetyCheck).where(SafetyCheck.source_key == source_key))
    return rows.scalars().first()


async def insert_once(session: AsyncSession, values: dict[str, Any]) -> uuid.UUID | None:
    """Insert a check; None when one with the same source_key exists (even one committed meanwhile)."""
    inserted = await session.execute(
        insert(SafetyCheck)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["source_key"])
        .returning(SafetyCheck.id)
    )
    return inserted.scalar_one_or_none()


async def load(session: AsyncSession, check_id: uuid.UUID) -> SafetyCheck:
    check = await session.get(SafetyCheck, check_id, populate_existing=True)
    assert check is not None
    return check


def _status_condition(status: str | None, now: datetime) -> list[ColumnElement[bool]]:
    if status in ("due", "open"):
        return [SafetyCheck.status == "open"]
    if status == "overdue":
        return [SafetyCheck.status == "open", col(SafetyCheck.due_at) < now]
    if status == "done":
        return [SafetyCheck.status == "done"]
    return []


async def page(
    session: AsyncSession,
    where: ColumnElement[bool],
    *,
    status: str | None,
    area: str | None,
    case_id: uuid.UUID | None,
    now: datetime,
    limit: int,
    offset: int,
) -> tuple[list[SafetyCheck], int]:
    """Open checks first by due time, then done ones, most recently closed first."""
    conditions = [where, *_status_condition(status, now)]
    if area:
        conditions.append(SafetyCheck.area == area)
    if case_id is not None:
        conditions.append(SafetyCheck.case_id == case_id)
    rows = await session.execute(
        select(SafetyCheck)
        .where(*conditions)
        .order_by(
            case((SafetyCheck.status == "open", 0), else_=1),
            case((SafetyCheck.status == "open", SafetyCheck.due_at)),
            col(SafetyCheck.done_at).desc().nulls_last(),
            SafetyCheck.id,
        )
        .limit(limit)
        .offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(SafetyCheck).where(*conditions))
    return list(rows.scalars().all()), int(total or 0)


async def mark_escalated(session: AsyncSession, check_ids: list[uuid.UUID], now: datetime) -> None:
    """Record the first time these overdue checks surfaced (later sightings keep the first time).

    The version is not bumped: escalation is the system's note, and bumping it would turn
    the ETag a user holds stale just because someone looked at the list.
    """
    if not check_ids:
        return
    # RETURNING with populate_existing refreshes the loaded rows (updated_at is set by the server).
    await session.scalars(
        update(SafetyCheck)
        .where(col(SafetyCheck.id).in_(check_ids), col(SafetyCheck.escalated_at).is_(None))
        .values(escalated_at=now)
        .returning(SafetyCheck),
        execution_options={"populate_existing": True, "synchronize_session": False},
    )
