"""Calendar months as the desk counts them: `YYYY-MM`, bounded in Asia/Tokyo (no domain rules here).

Figures "for November" mean what happened between 1 November 00:00 and 1 December 00:00
Tokyo time, whatever the server's zone; timestamps are stored in UTC.
"""

import datetime as dt
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import StringConstraints

from tsunagu_services.problems import ValidationFailed

TOKYO = ZoneInfo("Asia/Tokyo")
# 1900 to 2199: enough for any figure the desk asks for, and never a year a date cannot hold.
MONTH_PATTERN = r"^(19|20|21)\d{2}-(0[1-9]|1[0-2])$"
Month = Annotated[str, StringConstraints(pattern=MONTH_PATTERN)]


def _parts(month: str) -> tuple[int, int]:
    year, number = month.split("-")
    return int(year), int(number)


def first_day(month: str) -> dt.date:
    """`2026-11` → 2026-11-01."""
    year, number = _parts(month)
    return dt.date(year, number, 1)


def next_month(month: str) -> str:
    """`2026-12` → `2027-01`."""
    year, number = _parts(month)
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def months_before(month: str, count: int) -> str:
    """The month `count` months before `month`: (`2026-03`, 11) → `2025-04`."""
    year, number = _parts(month)
    index = year * 12 + number - 1 - count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, both included, in order."""
    months = [first]
    while months[-1] < last:
        months.append(next_month(months[-1]))
    return months


def current_month(now: dt.datetime | None = None) -> str:
    """This month in Tokyo."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(TOKYO).strftime("%Y-%m")


def date_bounds(first: str, last: str) -> tuple[dt.date, dt.date]:
    """The first day of `first` and the first day after `last` (half-open, for DATE columns)."""
    return first_day(first), first_day(next_month(last))


def tokyo_bounds(first: str, last: str) -> tuple[dt.datetime, dt.datetime]:
    """Midnight Tokyo at the start of `first` and after `last` (half-open, for timestamptz columns)."""
    start, end = date_bounds(first, last)
    return dt.datetime.combine(start, dt.time(), TOKYO), dt.datetime.combine(end, dt.time(), TOKYO)


def _error(field: str, msg: str) -> ValidationFailed:
    return ValidationFailed(errors=[{"loc": ["query", field], "type": "value_error", "msg": msg}])


def resolve_span(
    month: str | None, first: str | None, last: str | None, *, max_months: int
) -> tuple[str, str]:
    """`month`, or `from` … `to` (to defaults to from): the span asked for, at most `max_months` long."""
    if month is not None:
        if first is not None or last is not None:
            raise _error("month", "give either month or from/to, not both")
        return month, month
    if first is None:
        raise _error("from", "month or from is required")
    last = last or first
    if last < first:
        raise _error("to", "must not be before from")
    if len(months_between(first, last)) > max_months:
        raise _error("to", f"at most {max_months} months at a time")
    return first, last
