"""Queries of anonymous reports and consultation messages."""

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from intake_api.consultations.models import Consultation
from intake_api.public_reports.models import ConsultationMessage


async def by_receipt_hash(
    session: AsyncSession, receipt_hash: str, *, for_update: bool = False
) -> Consultation | None:
    query = select(Consultation).where(Consultation.receipt_hash == receipt_hash)
    return (await session.execute(query.with_for_update() if for_update else query)).scalar_one_or_none()


async def follow_up_summary(
    session: AsyncSession, consultation_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[int, datetime]]:
    """How many follow-ups each consultation has, and when the last came (one query for a page)."""
    if not consultation_ids:
        return {}
    rows = await session.execute(
        select(ConsultationMessage.consultation_id, func.count(), func.max(ConsultationMessage.created_at))
        .where(ConsultationMessage.consultation_id.in_(consultation_ids))
        .group_by(ConsultationMessage.consultation_id)
    )
    return {cid: (count, last) for cid, count, last in rows.all()}


async def messages(session: AsyncSession, consultation_id: uuid.UUID) -> list[ConsultationMessage]:
    return list(
        (
            await session.execute(
                select(ConsultationMessage)
                .where(ConsultationMessage.consultation_id == consultation_id)
                .order_by(ConsultationMessage.created_at)
            )
        )
        .scalars()
        .all()
    )
