"""The rules of opening and reading cases (no commit, no HTTP)."""

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.cases import repository
from case_api.cases.models import Case
from case_api.cases.schemas import CaseCreate, CaseStatus
from tsunagu_services.problems import NotFound
from tsunagu_services.tokens import Principal


async def open_case(session: AsyncSession, principal: Principal, data: CaseCreate) -> Case:
    """Open a case in status intake (受付), now unless a time is given."""
    access.ensure_may_open(principal, data.area)
    case = Case(
        **data.model_dump(exclude={"opened_at"}),
        opened_at=data.opened_at or datetime.now(UTC),
        status=CaseStatus.intake,
        created_by=principal.username,
    )
    repository.add(session, case)
    await session.flush()
    await session.refresh(case)
    return case


async def read(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> Case:
    """One case the caller may see; anything else is not found."""
    case = await repository.get(session, case_id)
    if case is None or not access.can_see(principal, case):
        raise NotFound()
    return case


async def list_visible(session: AsyncSession, principal: Principal, *, area: str | None,
                       status: CaseStatus | None, limit: int, offset: int) -> tuple[list[Case], int]:
    """The cases the caller may see, most recently opened first."""
    return await repository.page(session, access.visible(principal), area=area, status=status,
                                 limit=limit, offset=offset)
