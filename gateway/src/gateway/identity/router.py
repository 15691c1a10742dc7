"""The staff directory (職員名簿) and the areas (圏域): everyone signed in reads, administrators change."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Response, status

from gateway.identity import service
from gateway.identity.models import Area, StaffUser
from gateway.identity.schemas import (
    AreaCode,
    AreaCreate,
    AreaRead,
    AreaUpdate,
    PasswordReset,
    Role,
    UserCreate,
    UserName,
    Username,
    UserPage,
    UserRead,
    UserUpdate,
)
from tsunagu_services.auth import CurrentPrincipal, Principal, require_roles
from tsunagu_services.db import SessionDep
from tsunagu_services.etag import etag
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.scopes import scoped

router = APIRouter(responses=PROBLEM_RESPONSES)
Admin = Annotated[Principal, Depends(require_roles("admin"))]
USERS = scoped("users:read")
IfMatch = Annotated[str | None, Header(alias="If-Match", max_length=200)]


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "model": Problem, "content": {"application/problem+json": {}}}


PRECONDITIONS: dict[int | str, dict[str, Any]] = {
    412: _problem("If-Match names a version that is no longer current."),
    428: _problem("If-Match is required."),
}
TAKEN = {409: _problem("The username (or area code) is taken.")}


def _user(response: Response, user: StaffUser) -> UserRead:
    response.headers["ETag"] = etag(user.version)
    return UserRead.model_validate(user)


def _area(response: Response, area: Area) -> AreaRead:
    response.headers["ETag"] = etag(area.version)
    return AreaRead.model_validate(area)


@router.get("/api/v1/areas", response_model=list[AreaRead], tags=["areas"])
async def list_areas(session: SessionDep, principal: CurrentPrincipal) -> list[AreaRead]:
    """Daily-life areas (圏域) of the municipality, in display order."""
    return [AreaRead.model_validate(area) for area in await service.list_areas(session)]


@router.post(
    "/api/v1/areas",
    response_model=AreaRead,
    status_code=status.HTTP_201_CREATED,
    tags=["areas"],
    responses=TAKEN,
)
async def create_area(
    data: AreaCreate, response: Response, session: SessionDep, principal: Admin
) -> AreaRead:
    """Add an area (administrators)."""
    return _area(response, await service.create_area(session, data))


@router.patch("/api/v1/areas/{code}", response_model=AreaRead, tags=["areas"], responses=PRECONDITIONS)
async def update_area(
    code: Annotated[AreaCode, Path()],
    data: AreaUpdate,
    response: Response,
    session: SessionDep,
    principal: Admin,
    if_match: IfMatch = None,
) -> AreaRead:
    """Rename or reorder an area (administrators; If-Match). Its code stays: records keep it."""
    return _area(response, await service.update_area(session, code, data, if_match))


@router.get("/api/v1/users", dependencies=[USERS], response_model=UserPage, tags=["users"])
async def list_users(
    session: SessionDep,
    principal: CurrentPrincipal,
    q: Annotated[
        str | None, Query(max_length=100, description="Name, kana (either script) or username.")
    ] = None,
    role: Role | None = None,
    area: AreaCode | None = None,
    include_inactive: Annotated[bool, Query(description="Former staff too (administrators).")] = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> UserPage:
    """The staff directory, by kana; agency members see their own colleagues only."""
    items, total = await service.list_users(
        session,
        principal,
        q=q,
        role=role,
        area=area,
        include_inactive=include_inactive,
        limit=limit,
        offset=offset,
    )
    return UserPage(items=[UserRead.model_validate(u) for u in items], total=total)


@router.get("/api/v1/users/names", dependencies=[USERS], response_model=list[UserName], tags=["users"])
async def user_names(
    session: SessionDep,
    principal: CurrentPrincipal,
    username: Annotated[list[Username], Query(min_length=1, max_length=200)],
) -> list[UserName]:
    """The names behind usernames that records keep (case lead, author, participants); unknown ones
    are left out. Everyone signed in, agency members too: it is how they know whom to call."""
    return [UserName.model_validate(u) for u in await service.user_names(session, principal, username)]


@router.get("/api/v1/users/{user_id}", dependencies=[USERS], response_model=UserRead, tags=["users"])
async def read_user(
    user_id: uuid.UUID, response: Response, session: SessionDep, principal: CurrentPrincipal
) -> UserRead:
    """One member of staff (agency members: their colleagues and themselves)."""
    return _user(response, await service.read_user(session, principal, user_id))


@router.post(
    "/api/v1/users",
    response_model=UserRead,
    status_code=status.HTTP_201_CREATED,
    tags=["users"],
    responses=TAKEN,
)
async def create_user(
    data: UserCreate, response: Response, session: SessionDep, principal: Admin
) -> UserRead:
    """Add a member of staff with a first password (administrators)."""
    user = await service.create_user(session, data)
    response.headers["Location"] = f"/api/v1/users/{user.id}"
    return _user(response, user)


@router.patch("/api/v1/users/{user_id}", response_model=UserRead, tags=["users"], responses=PRECONDITIONS)
async def update_user(
    user_id: uuid.UUID,
    data: UserUpdate,
    response: Response,
    session: SessionDep,
    principal: Admin,
    if_match: IfMatch = None,
) -> UserRead:
    """Change a member of staff (administrators; If-Match). Deactivating them, or changing their role
    or agency, ends their sessions: their access lapses within one access token (5 minutes)."""
    return _user(response, await service.update_user(session, principal, user_id, data, if_match))


@router.post("/api/v1/users/{user_id}/password", status_code=status.HTTP_204_NO_CONTENT, tags=["users"])
async def reset_password(
    user_id: uuid.UUID, data: PasswordReset, session: SessionDep, principal: Admin
) -> Response:
    """Set a new password (administrators); the member's sessions end."""
    await service.reset_password(session, principal, user_id, data.password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
