"""Every query of consultations."""

import uuid

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from intake_api.consultations.models import SEARCH_GRAMS, Consultation
from tsunagu_services.db import contains, has_bigrams_of, plan_for_these_values


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
    terms: list[str],
    oldest_first: bool,
    limit: int,
    offset: int,
) -> tuple[list[Consultation], int]:
    conditions = [where]
    if area:
        conditions.append(Consultation.area == area)
    if status:
        conditions.append(Consultation.status == status)
    if terms:
        await plan_for_these_values(session)
    for term in terms:  # a single character has no two-character piece: the LIKE alone decides
        if len(term) >= 2:
            conditions.append(has_bigrams_of(SEARCH_GRAMS, term))
        conditions.append(contains(Consultation.search_text, term))
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
