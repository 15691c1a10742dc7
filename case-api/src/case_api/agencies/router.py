import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response, status

from case_api.agencies import service
from case_api.agencies.models import Agency
from case_api.agencies.schemas import (
    AgencyCreate,
    AgencyKind,
    AgencyPage,
    AgencyRead,
    AgencyUpdate,
    InvolvementCreate,
    InvolvementRead,
    InvolvementUpdate,
    Partner,
)
from case_api.cases.etag import etag
from case_api.cases.schemas import AreaCode
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.scopes import scoped

router = APIRouter(responses=PROBLEM_RESPONSES)
AGENCIES = scoped("agencies:read")
CASES = scoped("cases:read", "cases:write")


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "model": Problem, "content": {"application/problem+json": {}}}


PRECONDITIONS: dict[int | str, dict[str, Any]] = {
    412: _problem("If-Match names a version that is no longer current."),
    428: _problem("If-Match is required."),
}

IfMatch = Annotated[str | None, Header(alias="If-Match", max_length=200)]


def _agency(response: Response, agency: Agency) -> AgencyRead:
    response.headers["ETag"] = etag(agency.version)
    return AgencyRead.model_validate(agency)


def _involvement(response: Response, involvement: service.Involvement) -> InvolvementRead:
    response.headers["ETag"] = etag(involvement.row.version)
    return involvement.read()


@router.get("/api/v1/agencies", dependencies=[AGENCIES], response_model=AgencyPage, tags=["agencies"])
async def list_agencies(
    session: SessionDep,
    principal: CurrentPrincipal,
    kind: AgencyKind | None = None,
    area: Annotated[AreaCode | None, Query(description="Also lists the city-wide agencies.")] = None,
    q: Annotated[str | None, Query(max_length=100, description="Name, functions or できること.")] = None,
    partner: Annotated[Partner | None, Query(description="Partners for 就労準備支援 or 参加支援.")] = None,
    include_inactive: bool = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> AgencyPage:
    """The agency directory (関係機関): who can do what, and how far."""
    items, total = await service.list_agencies(
        session,
        principal,
        kind=kind,
        area=area,
        q=q,
        partner=partner,
        include_inactive=include_inactive,
        limit=limit,
        offset=offset,
    )
    return AgencyPage(items=[AgencyRead.model_validate(a) for a in items], total=total)


@router.post(
    "/api/v1/agencies",
    dependencies=[AGENCIES],
    response_model=AgencyRead,
    status_code=status.HTTP_201_CREATED,
    tags=["agencies"],
)
async def create_agency(
    data: AgencyCreate, response: Response, session: SessionDep, principal: CurrentPrincipal
) -> AgencyRead:
    """Add an agency to the directory (administrators and supervisors)."""
    return _agency(response, await service.create_agency(session, principal, data))


@router.get(
    "/api/v1/agencies/{agency_id}", dependencies=[AGENCIES], response_model=AgencyRead, tags=["agencies"]
)
async def get_agency(
    agency_id: uuid.UUID, response: Response, session: SessionDep, principal: CurrentPrincipal
) -> AgencyRead:
    """Read one agency."""
    return _agency(response, await service.read_agency(session, principal, agency_id))


@router.patch(
    "/api/v1/agencies/{agency_id}",
    dependencies=[AGENCIES],
    response_model=AgencyRead,
    tags=["agencies"],
    responses=PRECONDITIONS,
)
async def update_agency(
    agency_id: uuid.UUID,
    data: AgencyUpdate,
    response: Response,
    session: SessionDep,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> AgencyRead:
    """Change an agency (administrators and supervisors); needs If-Match."""
    return _agency(response, await service.update_agency(session, principal, agency_id, data, if_match))


@router.get(
    "/api/v1/cases/{case_id}/agencies",
    dependencies=[CASES],
    response_model=list[InvolvementRead],
    tags=["cases"],
)
async def list_case_agencies(
    case_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[InvolvementRead]:
    """The agencies involved in a case and each one's role (役割分担), current ones first."""
    return [i.read() for i in await service.list_involvements(session, principal, case_id)]


@router.post(
    "/api/v1/cases/{case_id}/agencies",
    dependencies=[CASES],
    response_model=InvolvementRead,
    status_code=status.HTTP_201_CREATED,
    tags=["cases"],
)
async def add_case_agency(
    case_id: uuid.UUID,
    data: InvolvementCreate,
    response: Response,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> InvolvementRead:
    """Add an agency's role to a case."""
    return _involvement(response, await service.add_involvement(session, principal, case_id, data))


@router.patch(
    "/api/v1/cases/{case_id}/agencies/{involvement_id}",
    dependencies=[CASES],
    response_model=InvolvementRead,
    tags=["cases"],
    responses=PRECONDITIONS,
)
async def update_case_agency(
    case_id: uuid.UUID,
    involvement_id: uuid.UUID,
    data: InvolvementUpdate,
    response: Response,
    session: SessionDep,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> InvolvementRead:
    """Change an agency's role in a case, or end it by setting `until`; needs If-Match."""
    return _involvement(
        response,
        await service.update_involvement(session, principal, case_id, involvement_id, data, if_match),
    )
