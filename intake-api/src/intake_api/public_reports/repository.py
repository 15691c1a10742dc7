"""Queries of anonymous reports and consultation messages."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from intake_api.consultations.models import Consultation
from intake_api.public_reports.models import ConsultationMessage


async def by_receipt_hash(session: AsyncSession, receipt_hash: str) -> Consultation | None:
    return (
        await session.execute(select(Consultation).where(Consultation.receipt_hash == receipt_hash))
    ).scalar_one_or_none()


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
