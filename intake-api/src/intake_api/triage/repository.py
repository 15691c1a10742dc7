"""Queries of triage decisions."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from intake_api.triage.models import TriageDecision


async def by_consultation(session: AsyncSession, consultation_id: uuid.UUID) -> TriageDecision | None:
    return (
        await session.execute(select(TriageDecision).where(TriageDecision.consultation_id == consultation_id))
    ).scalar_one_or_none()


def add(session: AsyncSession, decision: TriageDecision) -> None:
    session.add(decision)
