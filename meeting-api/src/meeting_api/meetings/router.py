import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status
from pydantic import AwareDatetime

from meeting_api.meetings import service
from meeting_api.meetings.models import Meeting, MeetingSeries
from meeting_api.meetings.schemas import (
    MeetingCancel,
    MeetingCreate,
    MeetingEventRead,
    MeetingPage,
    MeetingRead,
    MeetingUpdate,
    SeriesCancel,
    SeriesCreate,
    SeriesMove,
    SeriesRead,
)
from meeting_api.problems import CONFIDENTIAL, PRECONDITIONS, STALE, problem
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.etag import etag, parse_if_match, required_if_match
from tsunagu_services.openapi import PROBLEM_RESPONSES
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("meetings:read", "meetings:write")],
    prefix="/api/v1/meetings",
    tags=["meetings"],
    responses={**PROBLEM_RESPONSES, **CONFIDENTIAL},
)
# Registered before `router`: "series" is not a meeting id.
series_router = APIRouter(
    dependencies=[scoped("meetings:read", "meetings:write")],
    prefix="/api/v1/meetings/series",
    tags=["meetings"],
    responses={**PROBLEM_RESPONSES, **CONFIDENTIAL},
)

IfMatchHeader = Annotated[
    str | None, Header(alias="If-Match", max_length=200, description='The meeting\'s ETag, "<sequence>".')
]
CLASH = {
    409: problem(
        "A participant or the room is taken at that time (/problems/meeting-clash; "
        "`clashes` names each meeting). Send confirm_clash: true to schedule anyway."
    )
}
CANCELLED = {
    409: problem(
        "The meeting is cancelled (/problems/meeting-cancelled), or it clashes (/problems/meeting-clash)."
    )
}


def _read(response: Response, meeting: Meeting) -> MeetingRead:
    response.headers["ETag"] = etag(meeting.sequence)
    return MeetingRead.model_validate(meeting)


@router.get("", response_model=MeetingPage)
async def list_meetings(
    session: SessionDep,
    principal: CurrentPrincipal,
    starts_from: Annotated[AwareDatetime | None, Query(alias="from", description="Starts at/after.")] = None,
    starts_before: Annotated[AwareDatetime | None, Query(alias="to", description="Starts before.")] = None,
    body_id: Annotated[uuid.UUID | None, Query(description="Only this body's meetings.")] = None,
    include_cancelled: Annotated[bool, Query(description="Cancelled meetings too.")] = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> MeetingPage:
    """List the meetings the caller may see, earliest first (a calendar month: from/to)."""
    items, total = await service.list_visible(
        session,
        principal,
        starts_from=starts_from,
        starts_before=starts_before,
        body_id=body_id,
        include_cancelled=include_cancelled,
        limit=limit,
        offset=offset,
    )
    return MeetingPage(items=[MeetingRead.model_validate(m) for m in items], total=total)


@router.post("", response_model=MeetingRead, status_code=status.HTTP_201_CREATED, responses=CLASH)
async def schedule_meeting(
    data: MeetingCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> MeetingRead:
    """Schedule a meeting organised by the caller; a clash is refused unless confirmed. Idempotency-Key."""
    return _read(response, await service.schedule(session, principal, data))


@series_router.post("", response_model=SeriesRead, status_code=status.HTTP_201_CREATED, responses=CLASH)
async def schedule_series(
    data: SeriesCreate, response: Response, session: SessionDep, principal: CurrentPrincipal
) -> SeriesRead:
    """Schedule a recurring series from an RRULE (or the body's); every occurrence becomes a meeting."""
    return _series(response, *await service.schedule_series(session, principal, data))


def _series(response: Response, series: MeetingSeries, meetings: list[Meeting]) -> SeriesRead:
    response.headers["ETag"] = etag(series.version)
    return SeriesRead.model_validate(
        {**series.model_dump(), "occurrences": [MeetingRead.model_validate(m) for m in meetings]}
    )


@series_router.get("/{series_id}", response_model=SeriesRead)
async def get_series(
    series_id: uuid.UUID, response: Response, session: SessionDep, principal: CurrentPrincipal
) -> SeriesRead:
    """Read a series with the occurrences the caller may see (cancelled ones included)."""
    return _series(response, *await service.read_series(session, principal, series_id))


@series_router.post("/{series_id}/cancel", response_model=list[MeetingRead])
async def cancel_series(
    series_id: uuid.UUID, data: SeriesCancel, session: SessionDep, principal: CurrentPrincipal
) -> list[MeetingRead]:
    """Cancel every occurrence still to come (from `from_date` on), with a reason; answers those
    cancelled now."""
    meetings = await service.cancel_series(session, principal, series_id, data.reason, data.from_date)
    return [MeetingRead.model_validate(m) for m in meetings]


@series_router.post("/{series_id}/move", response_model=SeriesRead, responses={**PRECONDITIONS, **CLASH})
async def move_series(
    series_id: uuid.UUID,
    data: SeriesMove,
    response: Response,
    session: SessionDep,
    principal: CurrentPrincipal,
    if_match: IfMatchHeader = None,
) -> SeriesRead:
    """Move every occurrence still to come from `from_date` on by `shift_minutes`, all or none
    (a clash is 409 and moves nothing; If-Match: the series' ETag). Participants are told."""
    moved = await service.move_series(session, principal, series_id, data, required_if_match(if_match))
    return _series(response, *moved)


@router.get("/{meeting_id}", response_model=MeetingRead)
async def get_meeting(
    meeting_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> MeetingRead:
    """Read one meeting (its ETag is needed to change it)."""
    return _read(response, await service.read(session, principal, meeting_id))


@router.patch("/{meeting_id}", response_model=MeetingRead, responses={**PRECONDITIONS, **CANCELLED})
async def update_meeting(
    meeting_id: uuid.UUID,
    data: MeetingUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatchHeader = None,
) -> MeetingRead:
    """Reschedule or change a meeting (If-Match required); participants are notified, SEQUENCE grows."""
    expected = required_if_match(if_match)
    return _read(response, await service.update(session, principal, meeting_id, data, expected))


@router.post("/{meeting_id}/cancel", response_model=MeetingRead, responses={**STALE, **CANCELLED})
async def cancel_meeting(
    meeting_id: uuid.UUID,
    data: MeetingCancel,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatchHeader = None,
) -> MeetingRead:
    """Cancel a meeting with a reason (If-Match checked when sent); participants are notified."""
    return _read(
        response, await service.cancel(session, principal, meeting_id, data.reason, parse_if_match(if_match))
    )


@router.get("/{meeting_id}/history", response_model=list[MeetingEventRead])
async def meeting_history(
    meeting_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[MeetingEventRead]:
    """Every change of the meeting (scheduled, moved, cancelled, agenda, minutes), oldest first."""
    return [MeetingEventRead.model_validate(e) for e in await service.history(session, principal, meeting_id)]
