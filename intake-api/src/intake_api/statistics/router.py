"""Intake's figures for the gateway's monthly statistics (internal: the gateway composes them)."""

from typing import Annotated

from fastapi import APIRouter, Query

from intake_api.statistics import service
from intake_api.statistics.schemas import IntakeAttention, IntakeStatistics
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
AreaQuery = Annotated[str | None, Query(max_length=30, pattern=r"^[a-z][a-z0-9_-]{0,29}$")]


@router.get("/intake", response_model=IntakeStatistics)
async def intake_figures(
    session: SessionDep,
    principal: CurrentPrincipal,
    month: Annotated[Month | None, Query(description="One month, YYYY-MM (Asia/Tokyo).")] = None,
    first: Annotated[Month | None, Query(alias="from", description="First month of a span.")] = None,
    last: Annotated[Month | None, Query(alias="to", description="Last month (at most 12).")] = None,
    area: AreaQuery = None,
) -> IntakeStatistics:
    """Consultations by channel, main concern and area, and triage outcomes, per month (statistics:read)."""
    first, last = resolve_span(month, first, last, max_months=service.MAX_MONTHS)
    return await service.figures(session, principal, first=first, last=last, area=area)


@router.get("/intake/attention", response_model=IntakeAttention)
async def intake_attention(
    session: SessionDep,
    principal: CurrentPrincipal,
    oldest: Annotated[int, Query(ge=0, le=50)] = 5,
) -> IntakeAttention:
    """Untriaged consultations by age (<1 day, 1-3 days, >3 days) and the oldest few (supervisors)."""
    return await service.attention(session, principal, oldest=oldest)
