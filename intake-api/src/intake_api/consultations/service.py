"""The rules of recording and reading consultations (no commit, no HTTP)."""

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from intake_api import access
from intake_api.consultations import repository
from intake_api.consultations.models import Consultation
from intake_api.consultations.schemas import ConsultationCreate
from tsunagu_services.problems import NotFound
from tsunagu_services.tokens import Principal


async def record(session: AsyncSession, principal: Principal, data: ConsultationCreate) -> Consultation:
    """Record a consultation received by `principal` (now, unless a time is given)."""
    access.ensure_may_record(principal)
    consultation = Consultation(
        **data.model_dump(exclude={"received_at"}),
        received_at=data.received_at or datetime.now(UTC),
        received_by=principal.username,
    )
    repository.add(session, consultation)
    await session.flush()
    await session.refresh(consultation)
    return consultation


async def read(session: AsyncSession, principal: Principal, consultation_id: uuid.UUID) -> Consultation:
    """One consultation the caller may see; anything else is not found."""
    consultation = await repository.get(session, consultation_id)
    if consultation is None or not access.can_see(principal, consultation):
        raise NotFound()
    return consultation


async def list_visible(session: AsyncSession, principal: Principal, *, area: str | None,
                       limit: int, offset: int) -> tuple[list[Consultation], int]:
    """The consultations the caller may see, urgent first, newest first."""
    return await repository.page(session, access.visible(principal), area=area, limit=limit,
                                 offset=offset)
