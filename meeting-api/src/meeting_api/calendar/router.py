import uuid

from fastapi import APIRouter, Path, Request, Response, status

from meeting_api.calendar import service
from meeting_api.calendar.schemas import FeedTokenRead
from meeting_api.problems import CONFIDENTIAL
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.idempotency import not_stored
from tsunagu_services.openapi import PROBLEM_RESPONSES
from tsunagu_services.scopes import scoped

ICS = "text/calendar; charset=utf-8"
ICS_RESPONSE = {200: {"description": "An iCalendar file (RFC 5545).", "content": {"text/calendar": {}}}}

# Registered before the meetings router: "<id>.ics" would otherwise be read as a meeting id.
router = APIRouter(
    dependencies=[scoped("meetings:read", "meetings:write")],
    tags=["calendar"],
    responses={**PROBLEM_RESPONSES, **CONFIDENTIAL},
)
# The feed has no bearer token: calendar clients cannot send one. The token in the path is the key.
public_router = APIRouter(tags=["calendar"])


@router.get("/api/v1/meetings/{meeting_id}.ics", response_class=Response, responses=ICS_RESPONSE)
async def meeting_ics(meeting_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> Response:
    """One meeting as iCalendar: UID `<id>@tsunagu` never changes, SEQUENCE grows with every change."""
    body = await service.meeting_ics(session, principal, meeting_id)
    return Response(
        body,
        media_type=ICS,
        headers={"Content-Disposition": f'attachment; filename="meeting-{meeting_id}.ics"'},
    )


@router.post("/api/v1/calendar/feed-token", response_model=FeedTokenRead, status_code=status.HTTP_201_CREATED)
async def issue_feed_token(request: Request, principal: CurrentPrincipal) -> FeedTokenRead:
    """Create (or rotate) the caller's personal calendar feed URL; the old one stops working."""
    # The answer holds the secret: an Idempotency-Key must not make the kit store it in clear.
    not_stored(request)
    async with request.app.state.sessionmaker() as session, session.begin():
        return await service.issue_feed_token(session, principal, request.app.state.settings.feed_base_url)


@router.delete("/api/v1/calendar/feed-token", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_feed_token(session: SessionDep, principal: CurrentPrincipal) -> None:
    """Revoke the caller's feed URL."""
    await service.revoke_feed_token(session, principal)


@public_router.get(
    "/api/v1/calendar/feed/{token}.ics",
    response_class=Response,
    responses={**ICS_RESPONSE, 404: PROBLEM_RESPONSES[404]},
)
async def calendar_feed(token: str = Path(max_length=100), *, session: SessionDep) -> Response:
    """Public (no bearer): the token owner's meetings as iCalendar; an unknown or revoked token is 404."""
    return Response(
        await service.feed(session, token), media_type=ICS, headers={"Cache-Control": "private, max-age=300"}
    )
