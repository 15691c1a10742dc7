import uuid

from fastapi import APIRouter, Response, status

from case_api.households import service
from case_api.households.schemas import HouseholdCreate, HouseholdRead, MemberCreate
from case_api.persons.rules import etag
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("cases:read", "cases:write")],
    prefix="/api/v1/households",
    tags=["households"],
    responses=PROBLEM_RESPONSES,
)

_CONFLICT = {409: {"description": "The household's members do not allow this change.", "model": Problem}}


@router.post("", response_model=HouseholdRead, status_code=status.HTTP_201_CREATED)
async def create_household(
    data: HouseholdCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> HouseholdRead:
    """Record a household with its members: new persons inline, or existing ones by id."""
    household = await service.create(session, principal, data)
    response.headers["ETag"] = etag(household.version)
    return household


@router.get("/{household_id}", response_model=HouseholdRead)
async def get_household(
    household_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> HouseholdRead:
    """Read one household with its members."""
    household = await service.read(session, principal, household_id)
    response.headers["ETag"] = etag(household.version)
    return household


@router.post(
    "/{household_id}/members",
    response_model=HouseholdRead,
    status_code=status.HTTP_201_CREATED,
    responses=_CONFLICT,
)
async def add_member(
    household_id: uuid.UUID,
    data: MemberCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> HouseholdRead:
    """Add one member to a household; answers the household as it now is."""
    household = await service.add_member(session, principal, household_id, data)
    response.headers["ETag"] = etag(household.version)
    return household


@router.delete(
    "/{household_id}/members/{person_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_CONFLICT
)
async def remove_member(
    household_id: uuid.UUID, person_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """Take a person out of a household (the person's record stays)."""
    await service.remove_member(session, principal, household_id, person_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
