"""meeting-api's figures for the gateway's monthly statistics (internal: the gateway composes them)."""

from typing import Annotated

from fastapi import APIRouter, Query

from meeting_api.statistics import service
from meeting_api.statistics.schemas import MeetingStatistics
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


@router.get("/meetings", response_model=MeetingStatistics)
async def meeting_figures(
    session: SessionDep,
    principal: CurrentPrincipal,
    month: Annotated[Month | None, Query(description="One month, YYYY-MM (Asia/Tokyo).")] = None,
    first: Annotated[Month | None, Query(alias="from", description="First month of a span.")] = None,
    last: Annotated[Month | None, Query(alias="to", description="Last month (at most 12).")] = None,
    area: Annotated[str | None, Query(pattern=r"^[a-z][a-z0-9_-]{0,29}$")] = None,
) -> MeetingStatistics:
    """Meetings held by body type and cases discussed, per month (statistics:read; a CSW their area)."""
    first, last = resolve_span(month, first, last, max_months=service.MAX_MONTHS)
    return await service.figures(session, principal, first=first, last=last, area=area)
