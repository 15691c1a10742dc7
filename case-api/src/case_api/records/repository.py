"""Every query of the support timeline."""

import uuid

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from case_api.records.models import SupportRecord

_amendment = aliased(SupportRecord)


def _with_amended_by() -> Select[SupportRecord, uuid.UUID | None]:
    # amends_id is unique, so the outer join yields at most one amendment per record.
    return select(SupportRecord, _amendment.id).outerjoin(
        _amendment, _amendment.amends_id == SupportRecord.id
    )


async def page(
    session: AsyncSession, case_id: uuid.UUID, *, kind: str | None, limit: int, offset: int
) -> tuple[list[tuple[SupportRecord, uuid.UUID | None]], int]:
    """A case's records newest first, each with the id of the amendment that corrects it."""
    conditions = [SupportRecord.case_id == case_id]
    if kind:
        conditions.append(SupportRecord.kind == kind)
    rows = await session.execute(
        _with_amended_by()
        .where(*conditions)
        .order_by(SupportRecord.occurred_at.desc(), SupportRecord.created_at.desc(), SupportRecord.id)
        .limit(limit)
        .offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(SupportRecord).where(*conditions))
    return [(record, amended_by) for record, amended_by in rows.all()], int(total or 0)


async def get_in_case(
    session: AsyncSession, case_id: uuid.UUID, record_id: uuid.UUID, *, for_update: bool = False
) -> tuple[SupportRecord, uuid.UUID | None] | None:
    """One record of the case with its amendment's id; locked for a change when asked."""
    if for_update:
        # Lock first, then read the amendment in a new statement: under READ COMMITTED it then
        # sees an amendment that a concurrent request committed while we waited for the lock.
        await session.execute(select(SupportRecord.id).where(SupportRecord.id == record_id).with_for_update())
    query = _with_amended_by().where(SupportRecord.id == record_id, SupportRecord.case_id == case_id)
    row = (await session.execute(query)).first()
    return (row[0], row[1]) if row else None


def add(session: AsyncSession, record: SupportRecord) -> None:
    session.add(record)
