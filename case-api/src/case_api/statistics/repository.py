"""The queries of case-api's statistics: aggregates computed in PostgreSQL, never rows."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Row,
    String,
    Subquery,
    and_,
    case,
    column,
    func,
    literal,
    or_,
    select,
    true,
    union_all,
    values,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from case_api.agencies.models import Agency, AgencyInvolvement
from case_api.cases.models import Case, CaseEvent
from case_api.outcomes.models import CaseOutcome
from case_api.plans.models import SupportPlan
from case_api.records.models import SupportRecord
from case_api.safety_checks.models import SafetyCheck

WORKING_STATUSES = ("assessment", "planning", "supporting")


def _month(column_: Any) -> ColumnElement[str]:
    """The Tokyo month (YYYY-MM) of a timestamptz column."""
    return func.to_char(func.timezone("Asia/Tokyo", column_), "YYYY-MM")


def _in_area(area: str | None) -> ColumnElement[bool]:
    return Case.area == area if area else true()


def _counted(src: Subquery, metric: str, *, distinct: bool = False) -> Any:
    """(month, metric, key, n) from a subquery of (month, key[, case_id])."""
    n = func.count(func.distinct(src.c.case_id)) if distinct else func.count()
    return select(src.c.month, literal(metric).label("metric"), src.c.key, n.label("n")).group_by(
        src.c.month, src.c.key
    )


async def monthly(
    session: AsyncSession,
    *,
    months: list[tuple[str, dt.date, dt.date]],
    since: dt.datetime,
    until: dt.datetime,
    area: str | None,
    now: dt.datetime,
) -> Sequence[Row[Any]]:
    """(month, metric, key, n) of every month in [since, until), in one statement.

    metric: opened (key area), plans (first | revised), closures (key reason), safety (key: how it
    went), records (key kind), employment and participation (distinct cases, key '').
    `months` are (YYYY-MM, first day, first day after) for the involvement overlap.
    """
    in_area = _in_area(area)
    opened = col(Case.opened_at)
    parts = [
        _counted(
            select(_month(opened).label("month"), Case.area.label("key"))
            .where(opened >= since, opened < until, in_area)
            .subquery(),
            "opened",
        )
    ]

    written = col(SupportPlan.created_at)
    parts.append(
        _counted(
            select(
                _month(written).label("month"),
                case((SupportPlan.version == 1, "first"), else_="revised").label("key"),
            )
            .join(Case, Case.id == SupportPlan.case_id)
            .where(written >= since, written < until, in_area)
            .subquery(),
            "plans",
        )
    )

    # From the history, not the case row: a case reopened since still counts its closure.
    at = col(CaseEvent.at)
    parts.append(
        _counted(
            select(_month(at).label("month"), CaseEvent.after["closure_reason"].astext.label("key"))
            .join(Case, Case.id == CaseEvent.case_id)
            .where(
                CaseEvent.kind == "status",
                CaseEvent.after["status"].astext == "closed",
                at >= since,
                at < until,
                in_area,
            )
            .subquery(),
            "closures",
        )
    )

    due = col(SafetyCheck.due_at)
    how = case(
        (and_(SafetyCheck.status == "done", col(SafetyCheck.done_at) <= due), "done_on_time"),
        (SafetyCheck.status == "done", "done_late"),
        (due < now, "open_overdue"),
        else_="open_not_yet_due",
    )
    parts.append(
        _counted(
            select(_month(due).label("month"), how.label("key"))
            .where(due >= since, due < until, SafetyCheck.area == area if area else true())
            .subquery(),
            "safety",
        )
    )

    occurred = col(SupportRecord.occurred_at)
    parts.append(
        _counted(
            select(_month(occurred).label("month"), SupportRecord.kind.label("key"))
            .join(Case, Case.id == SupportRecord.case_id)
            # A correction repeats the record it amends: count each contact once.
            .where(occurred >= since, occurred < until, col(SupportRecord.amends_id).is_(None), in_area)
            .subquery(),
            "records",
        )
    )

    span = values(column("month", String), column("starts", Date), column("ends", Date), name="span").data(
        months
    )
    # Outcomes recorded on the case, by the month they happened (a withdrawn one never counts).
    outcome_month = func.to_char(col(CaseOutcome.occurred_on), "YYYY-MM")
    first_day, after_last = months[0][1], months[-1][2]

    def outcomes(*kinds: str) -> Any:
        return (
            select(
                outcome_month.label("month"), literal("").label("key"), CaseOutcome.case_id.label("case_id")
            )
            .join(Case, Case.id == CaseOutcome.case_id)
            .where(
                col(CaseOutcome.kind).in_(kinds),
                col(CaseOutcome.withdrawn_at).is_(None),
                col(CaseOutcome.occurred_on) >= first_day,
                col(CaseOutcome.occurred_on) < after_last,
                in_area,
            )
        )

    for metric, kind in (("employed", "employment"), ("increased_income", "income_increase")):
        parts.append(_counted(outcomes(kind).subquery(), metric, distinct=True))

    # 就労支援・参加支援: a partner agency involved during the month, or the support's start recorded.
    for metric, partner, started in (
        ("employment", Agency.partner_employment_prep, "employment_support"),
        ("participation", Agency.partner_participation, "participation"),
    ):
        involved = (
            select(span.c.month, literal("").label("key"), AgencyInvolvement.case_id.label("case_id"))
            .select_from(span)
            .join(
                AgencyInvolvement,
                and_(
                    col(AgencyInvolvement.since) < span.c.ends,
                    or_(
                        col(AgencyInvolvement.until).is_(None), col(AgencyInvolvement.until) >= span.c.starts
                    ),
                ),
            )
            .join(Agency, and_(Agency.id == AgencyInvolvement.agency_id, col(partner).is_(True)))
            .join(Case, Case.id == AgencyInvolvement.case_id)
            .where(in_area)
        )
        parts.append(_counted(union_all(involved, outcomes(started)).subquery(), metric, distinct=True))
    return (await session.execute(union_all(*parts))).all()


async def overdue_safety_checks(
    session: AsyncSession, *, now: dt.datetime, limit: int
) -> tuple[int, list[Row[Any]]]:
    """Open checks past due, the longest overdue first, and how many there are."""
    overdue = and_(SafetyCheck.status == "open", col(SafetyCheck.due_at) < now)
    total = await session.scalar(select(func.count()).select_from(SafetyCheck).where(overdue))
    rows = await session.execute(
        select(
            SafetyCheck.id,
            SafetyCheck.due_at,
            SafetyCheck.area,
            SafetyCheck.case_id,
            SafetyCheck.consultation_id,
        )
        .where(overdue)
        .order_by(SafetyCheck.due_at, SafetyCheck.id)
        .limit(limit)
    )
    return int(total or 0), list(rows.all())


async def cases_without_contact(
    session: AsyncSession, *, since: dt.datetime, limit: int
) -> tuple[int, list[Row[Any]]]:
    """Cases in work whose latest support record (or opening, if none) is before `since`."""
    latest = (
        select(SupportRecord.occurred_at)
        .where(SupportRecord.case_id == Case.id)
        .order_by(col(SupportRecord.occurred_at).desc())
        .limit(1)
        .correlate(Case)
        .scalar_subquery()
    )
    quiet = (
        select(
            Case.id,
            Case.area,
            Case.status,
            Case.lead_username,
            Case.opened_at,
            latest.label("last_contact_at"),
        ).where(col(Case.status).in_(WORKING_STATUSES))
    ).subquery()
    stale = func.coalesce(quiet.c.last_contact_at, quiet.c.opened_at) < since
    total = await session.scalar(select(func.count()).select_from(quiet).where(stale))
    rows = await session.execute(
        select(quiet)
        .where(stale)
        .order_by(func.coalesce(quiet.c.last_contact_at, quiet.c.opened_at), quiet.c.id)
        .limit(limit)
    )
    return int(total or 0), list(rows.all())
