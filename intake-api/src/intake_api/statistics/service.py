"""Intake's monthly figures and its part of the supervisors' attention view (no commit, no HTTP)."""

import datetime as dt
from collections import defaultdict

from sqlalchemy.ext.asyncio import AsyncSession

from intake_api import access
from intake_api.consultations.schemas import Channel, Concern
from intake_api.statistics import repository
from intake_api.statistics.schemas import (
    UNSPECIFIED,
    IntakeAttention,
    IntakeMonth,
    IntakeStatistics,
    UntriagedByAge,
    WaitingConsultation,
)
from intake_api.triage.schemas import TriageOutcome
from tsunagu_services.months import months_between, tokyo_bounds
from tsunagu_services.tokens import Principal

MAX_MONTHS = 12


async def figures(
    session: AsyncSession, principal: Principal, *, first: str, last: str, area: str | None
) -> IntakeStatistics:
    """Consultations received (by channel, main concern, area) and triage outcomes, month by month."""
    area = access.statistics_area(principal, area)
    since, until = tokyo_bounds(first, last)
    counts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for row in await repository.monthly(session, since=since, until=until, area=area):
        counts[row.month][row.metric][row.key] = row.n
    return IntakeStatistics(
        area=area, months=[_month(month, counts[month]) for month in months_between(first, last)]
    )


def _month(month: str, counts: dict[str, dict[str, int]]) -> IntakeMonth:
    by_channel = {channel: counts["channel"].get(channel, 0) for channel in Channel}
    return IntakeMonth(
        month=month,
        new_consultations=counts["total"].get("", 0),
        urgent=counts["urgent"].get("true", 0),
        anonymous_reports=by_channel[Channel.anonymous],
        outreach=by_channel[Channel.outreach],
        by_channel=by_channel,
        by_main_concern={key: counts["concern"].get(key, 0) for key in [*Concern, UNSPECIFIED]},
        by_area=dict(sorted(counts["area"].items())),
        triage={outcome: counts["triage"].get(outcome, 0) for outcome in TriageOutcome},
    )


async def attention(session: AsyncSession, principal: Principal, *, oldest: int) -> IntakeAttention:
    """Consultations still waiting for triage, by age, with the oldest few (supervisors)."""
    access.ensure_may_see_attention(principal)
    counts, rows = await repository.untriaged(session, now=dt.datetime.now(dt.UTC), oldest=oldest)
    return IntakeAttention(
        untriaged=counts.untriaged,
        urgent=counts.urgent,
        by_age=UntriagedByAge(
            under_1_day=counts.under_1_day,
            from_1_to_3_days=counts.from_1_to_3_days,
            over_3_days=counts.over_3_days,
        ),
        oldest=[WaitingConsultation.model_validate(row, from_attributes=True) for row in rows],
    )
