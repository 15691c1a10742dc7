import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request, Response, status

from case_api.cases import service
from case_api.cases.etag import PRECONDITIONS, STALE, etag
from case_api.cases.schemas import (
    CaseCreate,
    CasePage,
    CaseRead,
    CaseStatus,
    CaseUpdate,
    HistoryPage,
    OverrideCreate,
    RecommendationRead,
    RiskFlag,
    StatusChange,
    Username,
)
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.etag import parse_if_match, required_if_match
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("cases:read", "cases:write")],
    prefix="/api/v1/cases",
    tags=["cases"],
    responses=PROBLEM_RESPONSES,
)

IfMatchHeader = Annotated[
    str | None, Header(alias="If-Match", max_length=200, description='The ETag read last, e.g. W/"3".')
]


CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {
        "description": "The case's status does not allow this move.",
        "model": Problem,
        "content": {"application/problem+json": {}},
    }
}


def _with_etag(response: Response, case: CaseRead) -> CaseRead:
    response.headers["ETag"] = etag(case.version)
    return case


@router.get("", response_model=CasePage)
async def list_cases(
    session: SessionDep,
    principal: CurrentPrincipal,
    area: Annotated[str | None, Query(max_length=30)] = None,
    case_status: Annotated[CaseStatus | None, Query(alias="status")] = None,
    risk: Annotated[RiskFlag | None, Query(description="Only cases with this risk flag.")] = None,
    lead: Annotated[Username | None, Query(description="Only cases this user leads.")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=100, description="Title contains.")] = None,
    overdue: Annotated[
        bool, Query(description="Only cases with an overdue safety check or a plan action past due.")
    ] = False,
    open_only: Annotated[bool, Query(alias="open", description="Only cases not closed (終結).")] = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> CasePage:
    """List the cases the caller may see (closed ones too, unless `open`), most recently opened first."""
    items, total = await service.list_visible(
        session,
        principal,
        area=area,
        status=case_status,
        open_only=open_only,
        risk=risk,
        lead=lead,
        q=q,
        overdue=overdue,
        limit=limit,
        offset=offset,
    )
    return CasePage(items=items, total=total)


@router.post("", response_model=CaseRead, status_code=status.HTTP_201_CREATED)
async def open_case(
    data: CaseCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> CaseRead:
    """Open a case (supervisors in any area, a CSW in their own). Send Idempotency-Key."""
    return _with_etag(response, await service.open_case(session, principal, data))


@router.get("/{case_id}", response_model=CaseRead)
async def get_case(
    case_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> CaseRead:
    """Read one case (its ETag is the version to send back in If-Match)."""
    return _with_etag(response, await service.read_summary(session, principal, case_id))


@router.patch("/{case_id}", response_model=CaseRead, responses=PRECONDITIONS)
async def update_case(
    case_id: uuid.UUID,
    data: CaseUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatchHeader = None,
) -> CaseRead:
    """Change title, lead, risk flags or the recommendation's facts (If-Match required)."""
    expected = required_if_match(if_match)
    return _with_etag(response, await service.update(session, principal, case_id, data, expected))


@router.post("/{case_id}/status", response_model=CaseRead, responses={**PRECONDITIONS, **CONFLICT})
async def change_status(
    case_id: uuid.UUID,
    data: StatusChange,
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatchHeader = None,
) -> CaseRead:
    """Move the case to another status, close it (reason; for 重層事業 the 終結 decision, checked with
    meeting-api: 503 while it cannot be asked) or reopen it (If-Match)."""
    expected = required_if_match(if_match)
    decisions, authorization = request.app.state.meeting_decisions, request.headers["authorization"]
    return _with_etag(
        response,
        await service.change_status(session, principal, case_id, data, expected, decisions, authorization),
    )


@router.get("/{case_id}/history", response_model=HistoryPage)
async def case_history(
    case_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HistoryPage:
    """Every change of the case (status, flags, consent, shares, lead, override), oldest first."""
    return await service.history(session, principal, case_id, limit=limit, offset=offset)


@router.get("/{case_id}/recommendation", response_model=RecommendationRead)
async def get_recommendation(
    case_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> RecommendationRead:
    """The meeting body recommended from the case's facts, with the reason, and any override."""
    result, version = await service.recommendation(session, principal, case_id)
    response.headers["ETag"] = etag(version)
    return result


@router.post("/{case_id}/recommendation/override", response_model=RecommendationRead, responses=STALE)
async def override_recommendation(
    case_id: uuid.UUID,
    data: OverrideCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatchHeader = None,
) -> RecommendationRead:
    """Supervisors: send the case to another body, with a reason (If-Match checked when sent)."""
    result, version = await service.override(session, principal, case_id, data, parse_if_match(if_match))
    response.headers["ETag"] = etag(version)
    return result
