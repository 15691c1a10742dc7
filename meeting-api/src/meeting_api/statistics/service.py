"""meeting-api's monthly figures for the gateway's statistics (no commit, no HTTP)."""

import datetime as dt
from collections import defaultdict

from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api import access
from meeting_api.statistics import repository
from meeting_api.statistics.schemas import MeetingMonth, MeetingStatistics
from meeting_api.vocabulary import BodyType
from tsunagu_services.months import months_between, tokyo_bounds
from tsunagu_services.tokens import Principal

MAX_MONTHS = 12


async def figures(
    session: AsyncSession, principal: Principal, *, first: str, last: str, area: str | None
) -> MeetingStatistics:
    """Meetings held by body type and the cases they discussed, month by month."""
    area = access.statistics_area(principal, area)
    since, until = tokyo_bounds(first, last)
    counts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    rows = await repository.monthly(session, since=since, until=until, area=area, now=dt.datetime.now(dt.UTC))
    for row in rows:
        counts[row.month][row.metric][row.key] = row.n
    months = []
    for month in months_between(first, last):
        meetings = counts[month]["meetings"]
        by_body = {body: meetings.get(body, 0) for body in BodyType}
        months.append(
            MeetingMonth(
                month=month,
                held=sum(by_body.values()),
                held_by_body=by_body,
                cases_discussed=counts[month]["discussed"].get("", 0),
                case_discussions=counts[month]["discussions"].get("", 0),
                cancelled=meetings.get("cancelled", 0),
            )
        )
    return MeetingStatistics(area=area, months=months)
