"""RFC 5545 recurrence rules, parsed and expanded by dateutil (pure functions).

Occurrences are computed in Asia/Tokyo, where the desk lives, so that "the second Tuesday
at 14:00" stays 14:00 local time, and answered in UTC for storage.
"""

from datetime import UTC, date, datetime, time
from itertools import islice
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

TOKYO = ZoneInfo("Asia/Tokyo")
# A series is materialised as meetings: five years of a monthly body is plenty.
MAX_OCCURRENCES = 60
# Meetings recur by day at most often; HOURLY and finer are refused as mistakes.
ALLOWED_FREQUENCIES = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
# Any aware start will do for checking a rule on its own; UNTIL must then be in UTC (RFC 5545 §3.3.10).
_CHECK_START = datetime(2000, 1, 1, 9, 0, tzinfo=TOKYO)


class InvalidRule(ValueError):
    """The rule is not a usable RFC 5545 RRULE value, or its series cannot be materialised."""


def _parts(normalised: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in normalised.split(";"))


def normalise_rrule(value: str) -> str:
    """Check an RRULE value (e.g. "FREQ=MONTHLY;BYDAY=2TU") with dateutil; answer it upper-cased.

    The value is kept as given rather than as dateutil prints it: dateutil drops the Z of a UTC
    UNTIL, and the printed rule would no longer parse against an aware start.
    """
    raw = value.strip().upper()
    if raw.upper().startswith("RRULE:"):
        raw = raw[len("RRULE:") :]
    # Only the rule itself: DTSTART, EXDATE or a second rule would not be one RRULE value.
    if not raw or any(c in raw for c in ":\r\n"):
        raise InvalidRule("must be a single RRULE value such as FREQ=MONTHLY;BYDAY=2TU")
    # Checked before dateutil, which only warns about it (and will refuse it one day).
    names = {part.split("=", 1)[0] for part in raw.split(";")}
    if {"COUNT", "UNTIL"} <= names:
        raise InvalidRule("COUNT and UNTIL may not both be given (RFC 5545)")
    try:
        rule = rrulestr(raw, dtstart=_CHECK_START)
    except (ValueError, TypeError, IndexError, KeyError) as exc:
        raise InvalidRule(f"not a valid RRULE: {exc}") from None
    if not isinstance(rule, rrule):
        raise InvalidRule("must be a single RRULE value")
    printed = next(line for line in str(rule).splitlines() if line.startswith("RRULE:"))
    parts = _parts(printed[len("RRULE:") :])
    if parts.get("FREQ") not in ALLOWED_FREQUENCIES:
        raise InvalidRule("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")
    # dateutil accepts rules that never match (BYMONTHDAY=40), which would then search to year
    # 9999, and some it cannot expand at all (BYDAY=9TU): try the first five years.
    probe = rule.replace(count=None, until=_CHECK_START.replace(year=_CHECK_START.year + 5))
    try:
        first = next(iter(probe), None)
    except (ValueError, IndexError, OverflowError):
        first = None
    if first is None:
        raise InvalidRule("the rule never gives a date")
    return raw


def is_bounded(normalised: str) -> bool:
    """Whether a rule checked by `normalise_rrule` ends by itself (COUNT or UNTIL)."""
    parts = _parts(normalised)
    return "COUNT" in parts or "UNTIL" in parts


def occurrences(
    rule_value: str,
    first_start: datetime,
    *,
    count: int | None = None,
    until: date | None = None,
    limit: int = MAX_OCCURRENCES,
) -> list[datetime]:
    """The starts (UTC) of a series: the rule's matches from `first_start` on, at its time of day.

    `count` or `until` (a day in Asia/Tokyo, included) bound the series when the rule does not;
    given, they replace the rule's own bound.
    """
    if first_start.tzinfo is None:
        raise InvalidRule("the first start must carry a time zone")
    normalised = normalise_rrule(rule_value)
    if count is not None and until is not None:
        raise InvalidRule("give count or until, not both")
    if count is None and until is None and not is_bounded(normalised):
        raise InvalidRule("an endless rule needs count or until")
    rule = rrulestr(normalised, dtstart=first_start.astimezone(TOKYO))
    assert isinstance(rule, rrule)
    if count is not None:
        rule = rule.replace(count=count, until=None)
    elif until is not None:
        rule = rule.replace(until=datetime.combine(until, time.max, TOKYO), count=None)
    try:
        starts = list(islice(rule, limit + 1))
    except (ValueError, IndexError, OverflowError):
        raise InvalidRule("the rule cannot be expanded") from None
    if len(starts) > limit:
        raise InvalidRule(f"the series would have more than {limit} meetings")
    if not starts:
        raise InvalidRule("the rule gives no meeting in that period")
    return [start.astimezone(UTC) for start in starts]
