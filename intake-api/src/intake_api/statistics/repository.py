"""The queries of intake's statistics: aggregates computed in PostgreSQL, never rows."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, String, case, cast, func, literal, select, true, tuple_, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from intake_api.consultations.models import Consultation
from intake_api.statistics.schemas import UNSPECIFIED
from intake_api.triage.models import TriageDecision
from tsunagu_services.months import TOKYO


def _month(column: Any) -> ColumnElement[str]:
    """The Tokyo month (YYYY-MM) of a timestamptz column."""
    return func.to_char(func.timezone(str(TOKYO), column), "YYYY-MM")


async def monthly(
    session: AsyncSession, *, since: dt.datetime, until: dt.datetime, area: str | None
) -> Sequence[Row[Any]]:
    """(month, metric, key, n) for every month in [since, until), in one statement.

    metric: total | urgent | channel | concern | area (consultations received, one scan with
    GROUPING SETS) and triage (decisions made in the month, by outcome).
    """
    received = col(Consultation.received_at)
    in_area: ColumnElement[bool] = Consultation.area == area if area else true()
    # A subquery first, so that GROUPING SETS and GROUPING() name plain columns.
    src = (
        select(
            _month(received).label("month"),
            Consultation.channel.label("channel"),
            func.coalesce(Consultation.main_concern, UNSPECIFIED).label("concern"),
            Consultation.area.label("area"),
            cast(Consultation.urgent, String).label("urgent"),
        )
        .where(received >= since, received < until, in_area)
        .subquery("src")
    )
    grouped = [src.c.channel, src.c.concern, src.c.area, src.c.urgent]
    metric = case(*((func.grouping(g) == 0, g.name) for g in grouped), else_="total")
    consultations = select(
        src.c.month, metric.label("metric"), func.coalesce(*grouped, "").label("key"), func.count().label("n")
    ).group_by(func.grouping_sets(tuple_(src.c.month), *(tuple_(src.c.month, g) for g in grouped)))
    decided = col(TriageDecision.decided_at)
    decisions = (
        select(_month(decided).label("month"), TriageDecision.outcome.label("outcome"))
        .join(Consultation, Consultation.id == TriageDecision.consultation_id)
        .where(decided >= since, decided < until, in_area)
    ).subquery("decisions")
    triage = select(
        decisions.c.month,
        literal("triage").label("metric"),
        decisions.c.outcome.label("key"),
        func.count().label("n"),
    ).group_by(decisions.c.month, decisions.c.outcome)
    return (await session.execute(union_all(consultations, triage))).all()


async def untriaged(
    session: AsyncSession, *, now: dt.datetime, oldest: int
) -> tuple[Row[Any], list[Row[Any]]]:
    """Open consultations counted by age, and the `oldest` of them (no personal fields)."""
    received = col(Consultation.received_at)
    day, three_days = now - dt.timedelta(days=1), now - dt.timedelta(days=3)
    waiting = Consultation.status == "open"
    counts = (
        await session.execute(
            select(
                func.count().label("untriaged"),
                func.count().filter(Consultation.urgent).label("urgent"),
                func.count().filter(received > day).label("under_1_day"),
                func.count().filter(received <= day, received > three_days).label("from_1_to_3_days"),
                func.count().filter(received <= three_days).label("over_3_days"),
            ).where(waiting)
        )
    ).one()
    rows = (
        await session.execute(
            select(
                Consultation.id,
                Consultation.received_at,
                Consultation.area,
                Consultation.urgent,
                Consultation.channel,
            )
            .where(waiting)
            .order_by(received, Consultation.id)
            .limit(oldest)
        )
    ).all()
    return counts, list(rows)
