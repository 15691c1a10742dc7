import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import AwareDatetime

from meeting_api.meetings import service
from meeting_api.meetings.schemas import MeetingCreate, MeetingPage, MeetingRead
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES

router = APIRouter(prefix="/api/v1/meetings", tags=["meetings"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=MeetingPage)
async def list_meetings(
    session: SessionDep,
    principal: CurrentPrincipal,
    starts_from: Annotated[AwareDatetime | None, Query(alias="from", description="Starts at/after.")] = None,
    starts_before: Annotated[AwareDatetime | None, Query(alias="to", description="Starts before.")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> MeetingPage:
    """List the meetings the caller may see, earliest first."""
    items, total = await service.list_visible(session, principal, starts_from=starts_from,
                                              starts_before=starts_before, limit=limit, offset=offset)
    return MeetingPage(items=[MeetingRead.model_validate(m) for m in items], total=total)


@router.post("", response_model=MeetingRead, status_code=status.HTTP_201_CREATED)
async def schedule_meeting(
    data: MeetingCreate, session: SessionDep, principal: CurrentPrincipal
) -> MeetingRead:
    """Schedule a meeting; the caller is its organiser. Send Idempotency-Key."""
    return MeetingRead.model_validate(await service.schedule(session, principal, data))


@router.get("/{meeting_id}", response_model=MeetingRead)
async def get_meeting(
    meeting_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> MeetingRead:
    """Read one meeting."""
    return MeetingRead.model_validate(await service.read(session, principal, meeting_id))
