import uuid
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Header, Query, Request, Response, status

from meeting_api.minutes import service
from meeting_api.minutes.schemas import (
    AmendmentCreate,
    AmendmentRead,
    DecisionDetail,
    MinutesRead,
    MinutesWrite,
)
from meeting_api.problems import CONFIDENTIAL, PRECONDITIONS, STALE, problem
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.etag import etag, parse_if_match, required_if_match
from tsunagu_services.openapi import PROBLEM_RESPONSES
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("meetings:read", "meetings:write")],
    prefix="/api/v1/meetings/{meeting_id}",
    tags=["minutes"],
    responses={**PROBLEM_RESPONSES, **CONFIDENTIAL},
)
# Registered before the meetings router: "decisions" is not a meeting id.
decisions_router = APIRouter(
    dependencies=[scoped("meetings:read", "meetings:write")],
    prefix="/api/v1/meetings/decisions",
    tags=["minutes"],
    responses={**PROBLEM_RESPONSES, **CONFIDENTIAL},
)

IfMatchHeader = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description='The minutes\' ETag, "<version>" ("0" before the first save).',
    ),
]
LOCKED = {
    409: problem(
        "The minutes are final (/problems/minutes-finalised: add an amendment instead), "
        "not written yet (/problems/minutes-not-written), or the meeting is cancelled."
    )
}


def _with_etag(response: Response, minutes: MinutesRead) -> MinutesRead:
    response.headers["ETag"] = etag(minutes.version)
    return minutes


def _wake_outbox(request: Request) -> None:
    # Runs after the response, so after the commit: deliver now rather than at the next poll.
    dispatcher = getattr(request.app.state, "outbox", None)
    if dispatcher is not None:
        dispatcher.wake()


@router.get("/minutes", response_model=MinutesRead)
async def read_minutes(
    meeting_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> MinutesRead:
    """The minutes (会議録): the draft (version 0 when empty) or the final text with its amendments."""
    return _with_etag(response, await service.read(session, principal, meeting_id))


@router.put("/minutes", response_model=MinutesRead, responses={**PRECONDITIONS, **LOCKED})
async def write_minutes(
    meeting_id: uuid.UUID,
    data: MinutesWrite,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatchHeader = None,
) -> MinutesRead:
    """Save the whole draft: attendance, discussion and decisions per agenda item (If-Match required)."""
    expected = required_if_match(if_match)
    return _with_etag(response, await service.write(session, principal, meeting_id, data, expected))


@router.post("/minutes/finalise", response_model=MinutesRead, responses={**STALE, **LOCKED})
async def finalise_minutes(
    meeting_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    request: Request,
    background: BackgroundTasks,
    if_match: IfMatchHeader = None,
) -> MinutesRead:
    """Lock the minutes and send each decision to its case (plan actions, timeline) exactly once."""
    minutes = await service.finalise(session, principal, meeting_id, parse_if_match(if_match))
    background.add_task(_wake_outbox, request)
    return _with_etag(response, minutes)


@router.post(
    "/minutes/amendments",
    response_model=AmendmentRead,
    status_code=status.HTTP_201_CREATED,
    responses={409: problem("The minutes are not final yet (/problems/minutes-not-finalised).")},
)
async def amend_minutes(
    meeting_id: uuid.UUID,
    data: AmendmentCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    request: Request,
    background: BackgroundTasks,
) -> AmendmentRead:
    """Correct final minutes (追記); decisions it adds are delivered to their cases like the others."""
    amendment = await service.amend(session, principal, meeting_id, data)
    background.add_task(_wake_outbox, request)
    return amendment


@router.get("/decisions", response_model=list[DecisionDetail])
async def list_decisions(
    meeting_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[DecisionDetail]:
    """The meeting's decisions (決定事項) with their ids and delivery to case-api (pending or delivered)."""
    return await service.decisions(session, principal, meeting_id)


@decisions_router.get("", response_model=list[DecisionDetail])
async def decisions_of_case(
    session: SessionDep,
    principal: CurrentPrincipal,
    case_id: Annotated[uuid.UUID, Query(description="The case.")],
) -> list[DecisionDetail]:
    """Every decision about one case in the meetings the caller may see (e.g. the closure's id)."""
    return await service.decisions_of_case(session, principal, case_id)
