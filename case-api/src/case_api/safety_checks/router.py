import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request, Response, status

from case_api.cases.etag import etag
from case_api.cases.schemas import AreaCode
from case_api.safety_checks import service
from case_api.safety_checks.schemas import (
    OutcomeCreate,
    SafetyCheckCreate,
    SafetyCheckPage,
    SafetyCheckRead,
    SafetyCheckUpdate,
    StatusFilter,
)
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.scopes import scoped

router = APIRouter(tags=["safety-checks"], responses=PROBLEM_RESPONSES)
# Systems raise checks (safety-checks:write); reading them is for staff (no scope grants it).
CHECKS = scoped("cases:read", "safety-checks:write")
CASES = scoped("cases:read", "cases:write")


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "model": Problem, "content": {"application/problem+json": {}}}


PRECONDITIONS: dict[int | str, dict[str, Any]] = {
    412: _problem("If-Match names a version that is no longer current."),
    428: _problem("If-Match is required."),
}
CONFLICT: dict[int | str, dict[str, Any]] = {409: _problem("The check is closed, or the key is taken.")}

IfMatch = Annotated[str | None, Header(alias="If-Match", max_length=200)]
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


def _one(response: Response, view: service.CheckView) -> SafetyCheckRead:
    check, overdue = view
    response.headers["ETag"] = etag(check.version)
    return SafetyCheckRead.of(check, overdue)


def _page(views: list[service.CheckView], total: int) -> SafetyCheckPage:
    return SafetyCheckPage(items=[SafetyCheckRead.of(c, overdue) for c, overdue in views], total=total)


@router.get("/api/v1/safety-checks", dependencies=[CHECKS], response_model=SafetyCheckPage)
async def list_safety_checks(
    session: SessionDep,
    principal: CurrentPrincipal,
    check_status: Annotated[StatusFilter | None, Query(alias="status")] = None,
    area: Annotated[AreaCode | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> SafetyCheckPage:
    """Every safety check the caller may see, open ones by due time first; overdue ones are flagged."""
    views, total = await service.list_visible(
        session, principal, status=check_status, area=area, limit=limit, offset=offset
    )
    return _page(views, total)


@router.post(
    "/api/v1/safety-checks",
    dependencies=[CHECKS],
    response_model=SafetyCheckRead,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"description": "A check with this source_key exists: that one is returned."},
        **CONFLICT,
    },
)
async def raise_safety_check(
    data: SafetyCheckCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: CurrentPrincipal,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key", max_length=255)] = None,
) -> SafetyCheckRead:
    """Raise a safety check (staff; systems with safety-checks:write or service); due by office hours."""
    view, created = await service.raise_check(
        session, principal, data, settings=request.app.state.settings, idempotency_key=idempotency_key
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    return _one(response, view)


@router.get("/api/v1/safety-checks/{check_id}", dependencies=[CHECKS], response_model=SafetyCheckRead)
async def get_safety_check(
    check_id: uuid.UUID, response: Response, session: SessionDep, principal: CurrentPrincipal
) -> SafetyCheckRead:
    """Read one safety check."""
    return _one(response, await service.read(session, principal, check_id))


@router.patch(
    "/api/v1/safety-checks/{check_id}",
    dependencies=[CHECKS],
    response_model=SafetyCheckRead,
    responses={**CONFLICT, **PRECONDITIONS},
)
async def update_safety_check(
    check_id: uuid.UUID,
    data: SafetyCheckUpdate,
    response: Response,
    session: SessionDep,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> SafetyCheckRead:
    """Reassign, move the due time or link a case (supervisors, the area's CSW); needs If-Match."""
    return _one(response, await service.update(session, principal, check_id, data, if_match))


@router.post(
    "/api/v1/safety-checks/{check_id}/outcome",
    dependencies=[CHECKS],
    response_model=SafetyCheckRead,
    responses={**CONFLICT, **PRECONDITIONS},
)
async def record_safety_check_outcome(
    check_id: uuid.UUID,
    data: OutcomeCreate,
    response: Response,
    session: SessionDep,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> SafetyCheckRead:
    """Close a safety check with its outcome; it also goes on the case's timeline."""
    return _one(response, await service.record_outcome(session, principal, check_id, data, if_match))


@router.get(
    "/api/v1/cases/{case_id}/safety-checks",
    dependencies=[CASES],
    response_model=SafetyCheckPage,
    tags=["cases"],
)
async def list_case_safety_checks(
    case_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    check_status: Annotated[StatusFilter | None, Query(alias="status")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> SafetyCheckPage:
    """The safety checks of one case."""
    views, total = await service.list_of_case(
        session, principal, case_id, status=check_status, limit=limit, offset=offset
    )
    return _page(views, total)
