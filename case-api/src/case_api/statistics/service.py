"""case-api's monthly figures and its part of the supervisors' attention view (no commit, no HTTP)."""

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.activities import repository as activities
from case_api.activities.service import split_workload
from case_api.cases.schemas import ClosureReason
from case_api.records.schemas import RecordKind
from case_api.statistics import repository
from case_api.statistics.schemas import (
    CaseAttention,
    CaseMonth,
    CaseStatistics,
    MonthWorkload,
    OverdueSafetyCheck,
    QuietCase,
    SafetyCheckFigures,
)
from tsunagu_services.months import date_bounds, months_between, tokyo_bounds
from tsunagu_services.tokens import Principal

MAX_MONTHS = 12
Counts = dict[str, dict[str, int]]


async def figures(
    session: AsyncSession, principal: Principal, *, first: str, last: str, area: str | None, csw: str | None
) -> CaseStatistics:
    """Cases opened, plans, closures, safety checks, visits, partner support and the workload split."""
    area = access.statistics_area(principal, area)
    csw = access.statistics_person(principal, csw)
    months = months_between(first, last)
    since, until = tokyo_bounds(first, last)
    start, end = date_bounds(first, last)
    spans = [(m, *date_bounds(m, m)) for m in months]
    counts: dict[str, Counts] = defaultdict(lambda: defaultdict(dict))
    now = dt.datetime.now(dt.UTC)
    for row in await repository.monthly(session, months=spans, since=since, until=until, area=area, now=now):
        counts[row.month][row.metric][row.key] = row.n
    with_timeline = await activities.timeline_installed(session)
    workload_rows: dict[str, list[Row[Any]]] = defaultdict(list)
    for row in await activities.workload(
        session,
        since=since,
        until=until,
        start=start,
        end=end,
        area=area,
        csw=csw,
        with_timeline=with_timeline,
    ):
        workload_rows[row.month].append(row)
    own_only = principal.role == "csw"
    result = []
    for month in months:
        by_csw, by_area = split_workload(workload_rows[month])
        workload = MonthWorkload(
            individual_source=with_timeline, by_csw=by_csw, by_area=[] if own_only else by_area
        )
        result.append(_month(month, counts[month], workload))
    return CaseStatistics(area=area, csw=csw, months=result)


def _month(month: str, counts: Counts, workload: MonthWorkload) -> CaseMonth:
    safety = counts["safety"]
    records = {kind: counts["records"].get(kind, 0) for kind in RecordKind}
    closures = {reason: counts["closures"].get(reason, 0) for reason in ClosureReason}
    return CaseMonth(
        month=month,
        cases_opened=sum(counts["opened"].values()),
        cases_opened_by_area=dict(sorted(counts["opened"].items())),
        plans_made=counts["plans"].get("first", 0),
        replans=counts["plans"].get("revised", 0),
        closures=sum(closures.values()),
        closures_by_reason=closures,
        safety_checks=SafetyCheckFigures(
            due=sum(safety.values()),
            **{
                key: safety.get(key, 0)
                for key in ("done_on_time", "done_late", "open_overdue", "open_not_yet_due")
            },
        ),
        outreach_visits=records[RecordKind.visit],
        records_by_kind=records,
        employment_support_cases=counts["employment"].get("", 0),
        employed_cases=counts["employed"].get("", 0),
        increased_income_cases=counts["increased_income"].get("", 0),
        participation_support_cases=counts["participation"].get("", 0),
        workload=workload,
    )


async def attention(
    session: AsyncSession, principal: Principal, *, no_contact_days: int, limit: int
) -> CaseAttention:
    """Overdue safety checks and cases out of touch for `no_contact_days`, across every area (supervisors)."""
    access.ensure_may_see_attention(principal)
    now = dt.datetime.now(dt.UTC)
    overdue, checks = await repository.overdue_safety_checks(session, now=now, limit=limit)
    quiet, cases = await repository.cases_without_contact(
        session, since=now - dt.timedelta(days=no_contact_days), limit=limit
    )
    return CaseAttention(
        overdue_safety_checks=overdue,
        oldest_overdue=[OverdueSafetyCheck.model_validate(c, from_attributes=True) for c in checks],
        no_contact_days=no_contact_days,
        cases_without_contact=quiet,
        quiet_cases=[QuietCase.model_validate(c, from_attributes=True) for c in cases],
    )
