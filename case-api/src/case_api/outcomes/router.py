import uuid

from fastapi import APIRouter, status

from case_api.outcomes import service
from case_api.outcomes.schemas import CaseOutcomeCreate, CaseOutcomeRead, CaseOutcomeWithdraw
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("cases:read", "cases:write")],
    prefix="/api/v1/cases/{case_id}/outcomes",
    tags=["outcomes"],
    responses=PROBLEM_RESPONSES,
)


@router.get("", response_model=list[CaseOutcomeRead])
async def list_outcomes(
    case_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[CaseOutcomeRead]:
    """The case's outcomes (就労支援の開始, 就労開始, 増収, 参加支援), newest first; withdrawn ones marked."""
    return [
        CaseOutcomeRead.model_validate(o) for o in await service.list_outcomes(session, principal, case_id)
    ]


@router.post("", response_model=CaseOutcomeRead, status_code=status.HTTP_201_CREATED)
async def record_outcome(
    case_id: uuid.UUID, data: CaseOutcomeCreate, session: SessionDep, principal: CurrentPrincipal
) -> CaseOutcomeRead:
    """Record an outcome with its date (counted in that month's 支援状況調査)."""
    return CaseOutcomeRead.model_validate(await service.record(session, principal, case_id, data))


@router.post(
    "/{outcome_id}/withdraw",
    response_model=CaseOutcomeRead,
    responses={409: {"model": Problem, "description": "Already withdrawn."}},
)
async def withdraw_outcome(
    case_id: uuid.UUID,
    outcome_id: uuid.UUID,
    data: CaseOutcomeWithdraw,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> CaseOutcomeRead:
    """Withdraw an outcome recorded by mistake, with the reason (it stays, marked, and no longer counts)."""
    return CaseOutcomeRead.model_validate(
        await service.withdraw(session, principal, case_id, outcome_id, data.reason)
    )
