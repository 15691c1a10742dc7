"""The rules of scheduling and reading meetings (no commit, no HTTP)."""

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api import access
from meeting_api.meetings import repository
from meeting_api.meetings.models import Meeting
from meeting_api.meetings.schemas import MeetingCreate
from tsunagu_services.problems import NotFound
from tsunagu_services.tokens import Principal


async def schedule(session: AsyncSession, principal: Principal, data: MeetingCreate) -> Meeting:
    """Schedule a meeting organised by `principal`."""
    access.ensure_may_schedule(principal)
    meeting = Meeting(**data.model_dump(), organiser=principal.username)
    repository.add(session, meeting)
    await session.flush()
    await session.refresh(meeting)
    return meeting


async def read(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> Meeting:
    """One meeting the caller may see; anything else is not found."""
    meeting = await repository.get(session, meeting_id)
    if meeting is None or not access.can_see(principal, meeting):
        raise NotFound()
    return meeting


async def list_visible(session: AsyncSession, principal: Principal, *, starts_from: datetime | None,
                       starts_before: datetime | None, limit: int, offset: int
                       ) -> tuple[list[Meeting], int]:
    """The meetings the caller may see that start in [from, to), earliest first."""
    return await repository.page(session, access.visible(principal), starts_from=starts_from,
                                 starts_before=starts_before, limit=limit, offset=offset)
