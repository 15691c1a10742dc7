import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response, status

from case_api.activities import service
from case_api.activities.models import CommunityActivity
from case_api.activities.schemas import (
    ActivityCreate,
    ActivityKind,
    ActivityPage,
    ActivityRead,
    ActivityUpdate,
    Workload,
)
from case_api.cases.etag import etag
from case_api.cases.schemas import AreaCode, Username
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.months import Month
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("statistics:read")],
    prefix="/api/v1/activities",
    tags=["activities"],
    responses=PROBLEM_RESPONSES,
)


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "model": Problem, "content": {"application/problem+json": {}}}


PRECONDITIONS: dict[int | str, dict[str, Any]] = {
    412: _problem("If-Match names a version that is no longer current."),
    428: _problem("If-Match is required."),
}


def _one(response: Response, activity: CommunityActivity) -> ActivityRead:
    response.headers["ETag"] = etag(activity.version)
    return ActivityRead.model_validate(activity)


@router.get("", response_model=ActivityPage)
async def list_activities(
    session: SessionDep,
    principal: CurrentPrincipal,
    month: Annotated[Month | None, Query(description="YYYY-MM")] = None,
    area: Annotated[AreaCode | None, Query()] = None,
    csw: Annotated[Username | None, Query()] = None,
    kind: ActivityKind | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> ActivityPage:
    """Community activities (地域づくり活動) the caller may see, newest first."""
    items, total = await service.list_activities(
        session, principal, month=month, area=area, csw=csw, kind=kind, limit=limit, offset=offset
    )
    return ActivityPage(items=[ActivityRead.model_validate(a) for a in items], total=total)


@router.post("", response_model=ActivityRead, status_code=status.HTTP_201_CREATED)
async def log_activity(
    data: ActivityCreate, response: Response, session: SessionDep, principal: CurrentPrincipal
) -> ActivityRead:
    """Log a community activity with the time spent (a CSW their own; supervisors for a CSW)."""
    return _one(response, await service.log_activity(session, principal, data))


@router.get("/workload", response_model=Workload)
async def get_workload(
    session: SessionDep,
    principal: CurrentPrincipal,
    month: Annotated[Month, Query(description="YYYY-MM")],
    area: Annotated[AreaCode | None, Query()] = None,
) -> Workload:
    """Individual support vs community work per CSW and per area for a month (a CSW: their own row)."""
    return await service.workload(session, principal, month=month, area=area)


@router.get("/{activity_id}", response_model=ActivityRead)
async def get_activity(
    activity_id: uuid.UUID, response: Response, session: SessionDep, principal: CurrentPrincipal
) -> ActivityRead:
    """Read one community activity."""
    return _one(response, await service.read_activity(session, principal, activity_id))


@router.patch("/{activity_id}", response_model=ActivityRead, responses=PRECONDITIONS)
async def update_activity(
    activity_id: uuid.UUID,
    data: ActivityUpdate,
    response: Response,
    session: SessionDep,
    principal: CurrentPrincipal,
    if_match: Annotated[str | None, Header(alias="If-Match", max_length=200)] = None,
) -> ActivityRead:
    """Change a community activity (its CSW, or a supervisor); needs If-Match."""
    return _one(response, await service.update_activity(session, principal, activity_id, data, if_match))
