"""The statistics composer: each service counts its own figures; the gateway puts them side by side.

It never sees a row of any service, only counts (and, for the attention view, a few ids to link to).
"""

import datetime as dt
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.dead_letters import service as dead_letters
from gateway.identity import repository as identity
from gateway.proxy.calls import Upstream, gather
from gateway.settings import Settings
from gateway.statistics import rules
from gateway.statistics.schemas import (
    Attention,
    AttentionItem,
    AttentionList,
    CaseFigures,
    IntakeFigures,
    MeetingFigures,
    MonthlyStatistics,
    StatisticsRange,
    UntriagedAttention,
)
from tsunagu_services.months import TOKYO
from tsunagu_services.problems import BadGateway, Forbidden
from tsunagu_services.tokens import Principal

MAX_MONTHS = 12
ATTENTION_ROLES = {"admin", "supervisor"}
# The services' figures, by the name the composed answer uses: (service, path). Meetings are not
# part of the national survey: when meeting-api does not answer, the rest still comes back.
SOURCES = {
    "intake": ("intake-api", "/api/v1/statistics/intake"),
    "cases": ("case-api", "/api/v1/statistics/cases"),
    "meetings": ("meeting-api", "/api/v1/statistics/meetings"),
}
PLAN_ACTIONS_CAP = 100
SHOWN = 10


async def months(
    upstream: Upstream, session: AsyncSession, settings: Settings, *, first: str, last: str, area: str | None
) -> tuple[str | None, list[MonthlyStatistics]]:
    """The area counted, and every month from `first` to `last`: one call per service for the span."""
    span = {"from": first, "to": last, "area": area}
    intake, cases, meetings = await gather(
        upstream.get(*SOURCES["intake"], span),
        upstream.get(*SOURCES["cases"], span),
        upstream.maybe(*SOURCES["meetings"], span),
    )
    answers = {"intake": intake, "cases": cases, **({"meetings": meetings} if meetings is not None else {})}
    try:
        # The area the services counted: a CSW who asked for none gets their own.
        counted = {answer["area"] for answer in answers.values()}
        if len(counted) != 1:
            raise BadGateway("サービスごとに集計した圏域が異なります。")
        [area] = counted
        population = await identity.population(session, area, settings.statistics_population)
        by_month = {name: {m["month"]: m for m in answer["months"]} for name, answer in answers.items()}
        result = []
        for month in sorted(by_month["intake"]):
            intake = IntakeFigures.model_validate(by_month["intake"][month])
            cases = CaseFigures.model_validate(by_month["cases"][month])
            meetings = (
                MeetingFigures.model_validate(by_month["meetings"][month]) if "meetings" in by_month else None
            )
            result.append(
                MonthlyStatistics(
                    month=month,
                    area=area,
                    population=population,
                    intake=intake,
                    cases=cases,
                    meetings=meetings,
                    national=rules.national_figures(intake, cases, population),
                    unavailable=[] if meetings is not None else ["meetings"],
                )
            )
    except (KeyError, TypeError, ValidationError) as exc:
        raise BadGateway("統計の応答の形式が想定と異なります。") from exc
    await _name_staff(session, result)
    return area, result


async def _name_staff(session: AsyncSession, result: list[MonthlyStatistics]) -> None:
    """Put the staff's display names beside their usernames (the gateway knows who is who)."""
    rows = [row for month in result for row in month.cases.workload.by_csw]
    names = await identity.display_names(session, sorted({row.csw for row in rows}))
    for row in rows:
        row.display_name = names.get(row.csw)


async def monthly(
    upstream: Upstream, session: AsyncSession, settings: Settings, *, month: str, area: str | None
) -> MonthlyStatistics:
    """One month's figures."""
    _, [figures] = await months(upstream, session, settings, first=month, last=month, area=area)
    return figures


async def span(
    upstream: Upstream, session: AsyncSession, settings: Settings, *, first: str, last: str, area: str | None
) -> StatisticsRange:
    """Months side by side (at most 12), for charts."""
    counted, figures = await months(upstream, session, settings, first=first, last=last, area=area)
    return StatisticsRange(first=first, last=last, area=counted, months=figures)


async def csv_names(session: AsyncSession) -> dict[str, str]:
    """Area code → name, for the CSV."""
    return {area.code: area.name for area in await identity.areas(session)}


def _week(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Monday 00:00 to the next Monday 00:00, in Tokyo."""
    today = now.astimezone(TOKYO).date()
    monday = dt.datetime.combine(today - dt.timedelta(days=today.weekday()), dt.time(), TOKYO)
    return monday, monday + dt.timedelta(days=7)


def _safety_check_link(item: dict[str, Any]) -> str:
    if item.get("case_id"):
        return f"/cases/{item['case_id']}"
    if item.get("consultation_id"):
        return f"/consultations/{item['consultation_id']}"
    return "/safety-checks"


async def attention(upstream: Upstream, principal: Principal, settings: Settings) -> Attention:
    """What waits too long, from every service at once; a service that does not answer is named."""
    if principal.is_system or principal.role not in ATTENTION_ROLES:
        raise Forbidden()
    now = dt.datetime.now(dt.UTC)
    monday, next_monday = _week(now)
    days = settings.attention_no_contact_days
    intake, cases, actions, meetings, refused = await gather(
        upstream.maybe("intake-api", "/api/v1/statistics/intake/attention", {"oldest": SHOWN}),
        upstream.maybe(
            "case-api", "/api/v1/statistics/cases/attention", {"no_contact_days": days, "limit": SHOWN}
        ),
        upstream.maybe(
            "case-api",
            "/api/v1/plan-actions",
            {"due_before": now.astimezone(TOKYO).date().isoformat(), "limit": PLAN_ACTIONS_CAP},
        ),
        upstream.maybe(
            "meeting-api",
            "/api/v1/meetings",
            {"from": monday.isoformat(), "to": next_monday.isoformat(), "limit": 50},
        ),
        dead_letters.listed(upstream),
    )
    unavailable = [
        name
        for name, answer in (
            ("intake", intake),
            ("cases", cases),
            ("plan_actions", actions),
            ("meetings", meetings),
        )
        if answer is None
    ]
    try:
        return Attention(
            untriaged=None
            if intake is None
            else UntriagedAttention(
                total=intake["untriaged"],
                urgent=intake["urgent"],
                **intake["by_age"],
                oldest=[
                    AttentionItem(
                        id=c["id"],
                        link=f"/consultations/{c['id']}",
                        area=c["area"],
                        at=c["received_at"],
                        urgent=c["urgent"],
                    )
                    for c in intake["oldest"]
                ],
            ),
            overdue_safety_checks=None
            if cases is None
            else AttentionList(
                total=cases["overdue_safety_checks"],
                items=[
                    AttentionItem(
                        id=c["id"],
                        link=_safety_check_link(c),
                        area=c["area"],
                        at=c["due_at"],
                        case_id=c["case_id"],
                    )
                    for c in cases["oldest_overdue"]
                ],
            ),
            no_contact_days=days,
            cases_without_contact=None
            if cases is None
            else AttentionList(
                total=cases["cases_without_contact"],
                items=[
                    AttentionItem(
                        id=c["id"],
                        link=f"/cases/{c['id']}",
                        area=c["area"],
                        status=c["status"],
                        at=c["last_contact_at"] or c["opened_at"],
                        owner=c["lead_username"],
                    )
                    for c in cases["quiet_cases"]
                ],
            ),
            plan_actions_overdue=None
            if actions is None
            else AttentionList(
                total=len(actions["items"]),
                more=len(actions["items"]) >= PLAN_ACTIONS_CAP,
                items=[
                    AttentionItem(
                        id=a["id"],
                        link=f"/cases/{a['case_id']}",
                        case_id=a["case_id"],
                        due_date=a["due_date"],
                        owner=a["owner"],
                        label=a["text"],
                    )
                    for a in actions["items"][:SHOWN]
                ],
            ),
            meetings_this_week=None if meetings is None else _meetings(meetings),
            dead_letters=refused,
            unavailable=unavailable,
        )
    except (KeyError, TypeError, ValidationError) as exc:
        raise BadGateway("注意事項の応答の形式が想定と異なります。") from exc


def _meetings(page: dict[str, Any]) -> AttentionList:
    held = [m for m in page["items"] if m.get("status") != "cancelled"]
    return AttentionList(
        total=len(held),
        more=page.get("total", 0) > len(page["items"]),
        items=[
            AttentionItem(
                id=m["id"],
                link=f"/meetings/{m['id']}",
                area=m.get("area"),
                at=m["starts_at"],
                kind=m.get("body_type_label"),
                label=m.get("title"),
            )
            for m in held[:SHOWN]
        ],
    )
