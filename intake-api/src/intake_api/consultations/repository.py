"""Every query of consultations."""

import uuid

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from intake_api.consultations.models import Consultation


async def get(
    session: AsyncSession, consultation_id: uuid.UUID, *, for_update: bool = False
) -> Consultation | None:
    return await session.get(Consultation, consultation_id, with_for_update=for_update)


async def page(
    session: AsyncSession,
    where: ColumnElement[bool],
    *,
    area: str | None,
    status: str | None,
    oldest_first: bool,
    limit: int,
    offset: int,
) -> tuple[list[Consultation], int]:
    conditions = [where]
    if area:
        conditions.append(Consultation.area == area)
    if status:
        conditions.append(Consultation.status == status)
    received = Consultation.received_at.asc() if oldest_first else Consultation.received_at.desc()
    rows = await session.execute(
        select(Consultation)
        .where(*conditions)
        .order_by(Consultation.urgent.desc(), received)
        .limit(limit)
        .offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(Consultation).where(*conditions))
    return list(rows.scalars().all()), int(total or 0)


def add(session: AsyncSession, consultation: Consultation) -> None:
    session.add(consultation)
