"""Statistics (統計): composed here from every service's own figures, not proxied to any one of them."""

from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response

from gateway.deps import SettingsDep
from gateway.proxy.calls import Services
from gateway.statistics import rules, service
from gateway.statistics.schemas import Attention, MonthlyStatistics, StatisticsRange
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
from tsunagu_services.months import Month, current_month, months_before, resolve_span
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem
from tsunagu_services.scopes import scoped

router = APIRouter(
    dependencies=[scoped("statistics:read")],
    prefix="/api/v1/statistics",
    tags=["statistics"],
    responses=PROBLEM_RESPONSES,
)

AreaQuery = Annotated[
    str | None, Query(pattern=r"^[a-z][a-z0-9_-]{0,29}$", description="One area (圏域); all when omitted.")
]
UPSTREAM_PROBLEMS = {
    502: {"model": Problem, "description": "A service did not answer."},
    504: {"model": Problem, "description": "A service did not answer in time."},
}
CSV_RESPONSE = {
    200: {
        "description": "JSON, or CSV for Excel with `Accept: text/csv` (UTF-8 with BOM; `encoding=cp932`).",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
}


def _wants_csv(request: Request) -> bool:
    return "text/csv" in request.headers.get("accept", "").lower()


def _no_store(response: Response) -> None:
    response.headers["Cache-Control"] = "no-store"
    response.headers["Vary"] = "Accept"


@router.get(
    "/monthly",
    response_model=MonthlyStatistics,
    responses={**CSV_RESPONSE, **UPSTREAM_PROBLEMS},
)
async def monthly_statistics(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
    upstream: Services,
    month: Annotated[
        Month | None, Query(description="YYYY-MM (Asia/Tokyo); this month when omitted.")
    ] = None,
    area: AreaQuery = None,
    encoding: Annotated[Literal["utf-8", "cp932"], Query(description="CSV only.")] = "utf-8",
) -> MonthlyStatistics | Response:
    """The month's figures from every service (supervisors; a CSW their area; systems: statistics:read)."""
    month = month or current_month()
    figures = await service.monthly(upstream, session, settings, month=month, area=area)
    if not _wants_csv(request):
        _no_store(response)
        return figures
    rows = rules.monthly_rows(figures, area_names=await service.csv_names(session))
    body = rules.to_csv(rules.CSV_HEADER, rows, encoding=encoding)
    charset = "Windows-31J" if encoding == "cp932" else "utf-8"
    name = f"tsunagu-statistics-{month}{'-' + area if area else ''}.csv"
    japanese = f"統計_{month}{'_' + area if area else ''}.csv"
    csv_response = Response(
        body,
        media_type=f"text/csv; charset={charset}",
        headers={
            "Content-Disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(japanese)}"
        },
    )
    _no_store(csv_response)
    return csv_response


@router.get("/monthly/range", response_model=StatisticsRange, responses=UPSTREAM_PROBLEMS)
async def monthly_statistics_range(
    response: Response,
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
    upstream: Services,
    first: Annotated[
        Month | None, Query(alias="from", description="First month; 11 months ago if omitted.")
    ] = None,
    last: Annotated[Month | None, Query(alias="to", description="Last month (this one if omitted).")] = None,
    area: AreaQuery = None,
) -> StatisticsRange:
    """Up to 12 months side by side, for charts: one call per service for the whole span."""
    last = last or current_month()
    first, last = resolve_span(
        None, first or months_before(last, service.MAX_MONTHS - 1), last, max_months=service.MAX_MONTHS
    )
    _no_store(response)
    return await service.span(upstream, session, settings, first=first, last=last, area=area)


@router.get("/attention", response_model=Attention, responses=UPSTREAM_PROBLEMS)
async def attention(
    response: Response, principal: CurrentPrincipal, settings: SettingsDep, upstream: Services
) -> Attention:
    """What needs a supervisor now: untriaged consultations by age, overdue checks, quiet cases, due
    actions, this week's meetings; each item links to the thing itself (supervisors, admins)."""
    _no_store(response)
    return await service.attention(upstream, principal, settings)
