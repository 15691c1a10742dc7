"""Every query of consultations."""

import uuid

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from intake_api.consultations.models import Consultation


async def get(session: AsyncSession, consultation_id: uuid.UUID) -> Consultation | None:
    return await session.get(Consultation, consultation_id)


async def page(session: AsyncSession, where: ColumnElement[bool], *, area: str | None,
               limit: int, offset: int) -> tuple[list[Consultation], int]:
    conditions = [where] + ([Consultation.area == area] if area else [])
    rows = await session.execute(
        select(Consultation).where(*conditions)
        .order_by(Consultation.urgent.desc(), Consultation.received_at.desc())
        .limit(limit).offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(Consultation).where(*conditions))
    return list(rows.scalars().all()), int(total or 0)


def add(session: AsyncSession, consultation: Consultation) -> None:
    session.add(consultation)
