"""case-api's figures for the gateway's monthly statistics and attention view (internal)."""

from typing import Annotated

from fastapi import APIRouter, Query

from case_api.cases.schemas import AreaCode, Username
from case_api.statistics import service
from case_api.statistics.schemas import CaseAttention, CaseStatistics
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.months import Month, resolve_span
from tsunagu_services.openapi import PROBLEM_RESPONSES
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("statistics:read")],
    prefix="/api/v1/statistics",
    tags=["statistics"],
    responses=PROBLEM_RESPONSES,
)


@router.get("/cases", response_model=CaseStatistics)
async def case_figures(
    session: SessionDep,
    principal: CurrentPrincipal,
    month: Annotated[Month | None, Query(description="One month, YYYY-MM (Asia/Tokyo).")] = None,
    first: Annotated[Month | None, Query(alias="from", description="First month of a span.")] = None,
    last: Annotated[Month | None, Query(alias="to", description="Last month (at most 12).")] = None,
    area: Annotated[AreaCode | None, Query()] = None,
    csw: Annotated[Username | None, Query(description="One CSW's per-person rows only.")] = None,
) -> CaseStatistics:
    """Cases opened, plans, closures, safety checks, visits and the workload split, per month."""
    first, last = resolve_span(month, first, last, max_months=service.MAX_MONTHS)
    return await service.figures(session, principal, first=first, last=last, area=area, csw=csw)


@router.get("/cases/attention", response_model=CaseAttention)
async def case_attention(
    session: SessionDep,
    principal: CurrentPrincipal,
    no_contact_days: Annotated[int, Query(ge=1, le=365)] = 30,
    limit: Annotated[int, Query(ge=0, le=50)] = 10,
) -> CaseAttention:
    """Overdue safety checks and cases without a support record for N days (supervisors)."""
    return await service.attention(session, principal, no_contact_days=no_contact_days, limit=limit)
