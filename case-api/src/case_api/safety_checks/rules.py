"""Pure rules of safety checks (安否確認): when one is due, when it is overdue, when it escalates."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SATURDAY = 5


@dataclass(frozen=True)
class OfficeHours:
    """When the desk is open: weekdays between `opens` and `closes`, except `holidays`."""

    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Tokyo"))
    opens: time = time(8, 30)
    closes: time = time(17, 15)
    same_day_within: timedelta = timedelta(hours=2)
    next_day_at: time = time(10, 0)
    holidays: frozenset[date] = frozenset()

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < SATURDAY and day not in self.holidays


def default_due(received_at: datetime, office_hours: OfficeHours) -> datetime:
    """Due the same day when received during office hours, else at the next business morning.

    During office hours: received + `same_day_within`, but no later than closing time.
    Outside them: `next_day_at` of the next business day, or of the same day when it
    arrives before opening on a business day (that morning is the first chance).
    """
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    local = received_at.astimezone(office_hours.tz)
    day = local.date()
    if office_hours.is_business_day(day) and office_hours.opens <= local.time() < office_hours.closes:
        closing = datetime.combine(day, office_hours.closes, office_hours.tz)
        return min(local + office_hours.same_day_within, closing).astimezone(received_at.tzinfo)
    if not (office_hours.is_business_day(day) and local.time() < office_hours.opens):
        day = next_business_day(day, office_hours)
    return datetime.combine(day, office_hours.next_day_at, office_hours.tz).astimezone(received_at.tzinfo)


def next_business_day(day: date, office_hours: OfficeHours) -> date:
    """The first business day after `day` (a year of holidays at most is skipped)."""
    for offset in range(1, 367):
        candidate = day + timedelta(days=offset)
        if office_hours.is_business_day(candidate):
            return candidate
    raise ValueError("no business day within a year: check the holiday settings")


def is_overdue(status: str, due_at: datetime, now: datetime) -> bool:
    """An open check whose due time has passed."""
    return status == "open" and due_at < now


def needs_escalation(status: str, due_at: datetime, escalated_at: datetime | None, now: datetime) -> bool:
    """Overdue and not yet surfaced to the supervisors."""
    return escalated_at is None and is_overdue(status, due_at, now)


# Clocks of phones run a little ahead; a check "done" far in the future is a typo.
FUTURE_SLACK = timedelta(minutes=10)
EARLIEST = datetime.fromisoformat("1950-01-01T00:00:00+00:00")


def checked_at_plausible(checked_at: datetime, now: datetime) -> bool:
    """A check that happened: not in the future (beyond clock slack), not before 1950."""
    return EARLIEST <= checked_at <= now + FUTURE_SLACK


# A due time is a plan for the coming days; a year out (or before 1950) is a typo, and
# far-away dates would overflow when converted between time zones.
LATEST_DUE = timedelta(days=366)


def due_at_plausible(due_at: datetime, now: datetime) -> bool:
    """A due time between 1950 and a year from now."""
    return EARLIEST <= due_at <= now + LATEST_DUE
