import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response, status

from case_api.plans import service
from case_api.plans.schemas import (
    ActionsAppend,
    ActionStatus,
    ActionStatusUpdate,
    DueActionList,
    PlanRead,
    PlanSummary,
    PlanWrite,
)
from case_api.plans.service import NoPlan, PlanCreatedConcurrently, PlanVersionReadOnly
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("cases:read", "cases:write")], tags=["plans"], responses=PROBLEM_RESPONSES
)

PLAN = "/api/v1/cases/{case_id}/plan"
IfMatch = Annotated[
    str | None, Header(max_length=200, description='The plan\'s ETag, "<version>.<revision>".')
]
_PRECONDITIONS = {
    412: {"model": Problem, "description": "If-Match is stale: someone changed the plan."},
    428: {"model": Problem, "description": "If-Match is missing."},
}
_CONFLICT = {409: {"model": Problem, "description": f"{PlanCreatedConcurrently.type}: retry."}}


@router.get(PLAN, response_model=PlanRead, responses={404: {"model": Problem, "description": NoPlan.type}})
async def read_plan(
    case_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> PlanRead:
    """The case's current support plan (支援プラン) with its actions; its ETag is needed to change it."""
    view = await service.read_current(session, principal, case_id)
    response.headers["ETag"] = view.etag
    return view.read()


@router.put(
    PLAN,
    response_model=PlanRead,
    responses={201: {"model": PlanRead}, **_PRECONDITIONS},
    # The first plan is written without If-Match; every later version needs it (428 otherwise).
    openapi_extra={"x-if-match": "after-the-first-version"},
)
async def write_plan(
    case_id: uuid.UUID,
    data: PlanWrite,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> PlanRead:
    """Write the plan: the first makes version 1 (201), each later one a new version (再プラン, If-Match)."""
    view, first = await service.write_plan(session, principal, case_id, data, if_match)
    response.status_code = status.HTTP_201_CREATED if first else status.HTTP_200_OK
    response.headers["ETag"] = view.etag
    return view.read()


@router.get(f"{PLAN}/versions", response_model=list[PlanSummary])
async def list_plan_versions(
    case_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[PlanSummary]:
    """Every version of the case's plan, newest first; earlier versions are read-only."""
    return [PlanSummary.model_validate(p) for p in await service.list_versions(session, principal, case_id)]


@router.get(f"{PLAN}/versions/{{number}}", response_model=PlanRead)
async def read_plan_version(
    case_id: uuid.UUID,
    number: Annotated[int, Path(ge=1, le=100_000)],
    session: SessionDep,
    principal: CurrentPrincipal,
) -> PlanRead:
    """One version of the case's plan, as it was written."""
    return (await service.read_version(session, principal, case_id, number)).read()


@router.patch(
    f"{PLAN}/actions/{{action_id}}",
    response_model=PlanRead,
    responses={**_PRECONDITIONS, 409: {"model": Problem, "description": PlanVersionReadOnly.type}},
)
async def set_action_status(
    case_id: uuid.UUID,
    action_id: uuid.UUID,
    data: ActionStatusUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> PlanRead:
    """Mark an action done, dropped or open again (If-Match: the plan's ETag, which then changes)."""
    view = await service.set_action_status(session, principal, case_id, action_id, data, if_match)
    response.headers["ETag"] = view.etag
    return view.read()


@router.post(
    f"{PLAN}/actions",
    response_model=PlanRead,
    status_code=status.HTTP_201_CREATED,
    responses={200: {"model": PlanRead, "description": "Already delivered: nothing added."}, **_CONFLICT},
)
async def append_actions(
    case_id: uuid.UUID,
    data: ActionsAppend,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> PlanRead:
    """Add a meeting decision's actions to the plan (v1 if none yet); a repeated source_ref adds nothing."""
    view, added = await service.append_actions(session, principal, case_id, data)
    response.status_code = status.HTTP_201_CREATED if added else status.HTTP_200_OK
    response.headers["ETag"] = view.etag
    return view.read()


@router.get("/api/v1/plan-actions", response_model=DueActionList)
async def list_due_actions(
    session: SessionDep,
    principal: CurrentPrincipal,
    due_before: date | None = None,
    owner: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    action_status: Annotated[ActionStatus, Query(alias="status")] = ActionStatus.open,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> DueActionList:
    """Plan actions across every case the caller may see, earliest due first (the "my work" home)."""
    return DueActionList(
        items=await service.due_actions(
            session, principal, due_before=due_before, owner=owner, status=action_status, limit=limit
        )
    )
