import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status

from meeting_api.bodies import service
from meeting_api.bodies.schemas import (
    BodyCreate,
    BodyDetail,
    BodyPage,
    BodyUpdate,
    MemberCreate,
    MemberRead,
    MemberUpdate,
)
from meeting_api.problems import PRECONDITIONS, STALE, problem
from meeting_api.vocabulary import BodyType
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.etag import etag, parse_if_match, required_if_match
from tsunagu_services.openapi import PROBLEM_RESPONSES
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("meetings:read", "meetings:write")],
    prefix="/api/v1/meeting-bodies",
    tags=["meeting-bodies"],
    responses=PROBLEM_RESPONSES,
)

IfMatchHeader = Annotated[
    str | None, Header(alias="If-Match", max_length=200, description='The body\'s ETag, e.g. "3".')
]
MEMBER_EXISTS = {409: problem("That user is already an active member (/problems/member-exists).")}


def _with_etag(response: Response, body: BodyDetail) -> BodyDetail:
    response.headers["ETag"] = etag(body.version)
    return body


@router.get("", response_model=BodyPage)
async def list_bodies(
    session: SessionDep,
    principal: CurrentPrincipal,
    body_type: Annotated[BodyType | None, Query(alias="type")] = None,
    include_inactive: bool = False,
) -> BodyPage:
    """List meeting bodies (会議体) by type and name, with the caller's own membership of each."""
    items = await service.list_visible(
        session, principal, body_type=body_type, include_inactive=include_inactive
    )
    return BodyPage(items=items, total=len(items))


@router.post("", response_model=BodyDetail, status_code=status.HTTP_201_CREATED, responses=MEMBER_EXISTS)
async def create_body(
    data: BodyCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> BodyDetail:
    """Set up a body with its defaults and members (admins, supervisors). Send Idempotency-Key."""
    return _with_etag(response, await service.create(session, principal, data))


@router.get("/{body_id}", response_model=BodyDetail)
async def get_body(
    body_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> BodyDetail:
    """Read one body with its active members (its ETag is needed to change it)."""
    return _with_etag(response, await service.read(session, principal, body_id))


@router.patch("/{body_id}", response_model=BodyDetail, responses=PRECONDITIONS)
async def update_body(
    body_id: uuid.UUID,
    data: BodyUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatchHeader = None,
) -> BodyDetail:
    """Change name, area, default RRULE, time, duration or place (If-Match required)."""
    expected = required_if_match(if_match)
    return _with_etag(response, await service.update(session, principal, body_id, data, expected))


@router.delete("/{body_id}", status_code=status.HTTP_204_NO_CONTENT, responses=STALE)
async def deactivate_body(
    body_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, if_match: IfMatchHeader = None
) -> None:
    """Retire a body (its meetings and minutes stay; If-Match checked when sent)."""
    await service.deactivate(session, principal, body_id, parse_if_match(if_match))


@router.get("/{body_id}/members", response_model=list[MemberRead])
async def list_members(
    body_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, include_removed: bool = False
) -> list[MemberRead]:
    """A body's members (構成員), with each one's 守秘義務 confirmation."""
    members = await service.list_members(session, principal, body_id, include_removed=include_removed)
    return [MemberRead.model_validate(m) for m in members]


@router.post(
    "/{body_id}/members",
    response_model=MemberRead,
    status_code=status.HTTP_201_CREATED,
    responses=MEMBER_EXISTS,
)
async def add_member(
    body_id: uuid.UUID, data: MemberCreate, session: SessionDep, principal: CurrentPrincipal
) -> MemberRead:
    """Add a member: staff by username or an agency contact (支援会議: admins or member supervisors)."""
    return MemberRead.model_validate(await service.add_member(session, principal, body_id, data))


@router.patch("/{body_id}/members/{member_id}", response_model=MemberRead)
async def change_member(
    body_id: uuid.UUID,
    member_id: uuid.UUID,
    data: MemberUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> MemberRead:
    """Change a member's role (chair, member, secretariat)."""
    member = await service.change_member(session, principal, body_id, member_id, data)
    return MemberRead.model_validate(member)


@router.delete("/{body_id}/members/{member_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_member(
    body_id: uuid.UUID, member_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> None:
    """Remove a member (kept on record with who removed them and when)."""
    await service.remove_member(session, principal, body_id, member_id)


@router.post(
    "/{body_id}/confidentiality",
    response_model=MemberRead,
    responses={403: problem("The caller is not a member of this body (/problems/not-a-member).")},
)
async def confirm_confidentiality(
    body_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> MemberRead:
    """Confirm the duty of confidentiality (守秘義務, 社会福祉法106条の6) as a member; recorded once."""
    return MemberRead.model_validate(await service.confirm_confidentiality(session, principal, body_id))


@router.post(
    "/{body_id}/members/{member_id}/confidentiality",
    response_model=MemberRead,
    responses={409: problem("A member who signs in confirms in person (/problems/confirms-in-person).")},
)
async def record_confirmation_for(
    body_id: uuid.UUID, member_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> MemberRead:
    """Record the written 守秘義務 confirmation of an agency contact who does not sign in."""
    member = await service.record_confirmation_for(session, principal, body_id, member_id)
    return MemberRead.model_validate(member)
