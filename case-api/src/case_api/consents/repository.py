"""Every query of the consent history."""

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.ext.asyncio import AsyncSession

from case_api.consents.models import Consent

# "Latest" is the latest consent event, then the latest entry for the same day (a correction).
_LATEST = (Consent.recorded_at.desc(), Consent.created_at.desc(), Consent.id.desc())


async def current(session: AsyncSession, case_id: uuid.UUID) -> Consent | None:
    """The case's current consent: its latest entry."""
    return await session.scalar(select(Consent).where(Consent.case_id == case_id).order_by(*_LATEST).limit(1))


async def current_for(session: AsyncSession, case_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Consent]:
    """The current consent of each of many cases, in one query (a list page)."""
    if not case_ids:
        return {}
    rows = await session.execute(
        select(Consent)
        .where(Consent.case_id.in_(case_ids))
        .order_by(Consent.case_id, *_LATEST)
        .ext(distinct_on(Consent.case_id))
    )
    return {c.case_id: c for c in rows.scalars().all()}


async def history(
    session: AsyncSession, case_id: uuid.UUID, *, limit: int, offset: int
) -> tuple[list[Consent], int]:
    """The consent history of a case, latest first."""
    rows = await session.execute(
        select(Consent).where(Consent.case_id == case_id).order_by(*_LATEST).limit(limit).offset(offset)
    )
    total = await session.scalar(select(func.count()).select_from(Consent).where(Consent.case_id == case_id))
    return list(rows.scalars().all()), int(total or 0)


def add(session: AsyncSession, consent: Consent) -> None:
    session.add(consent)
