"""The due-time and overdue rules of safety checks, as tables."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from case_api.safety_checks.rules import OfficeHours, default_due, is_overdue, needs_escalation

JST = ZoneInfo("Asia/Tokyo")
HOURS = OfficeHours()
# 2026-12-04 is a Friday; 2026-12-07 a Monday.
HOLIDAY_MONDAY = OfficeHours(holidays=frozenset({date(2026, 12, 7)}))


def jst(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=JST)


DUE_TABLE = [
    # (received, office hours, due, why)
    ("2026-12-01 10:10", HOURS, "2026-12-01 12:10", "scenario 2: an email at 10:10 is due the same day"),
    ("2026-12-01 08:30", HOURS, "2026-12-01 10:30", "opening minute counts as office hours"),
    ("2026-12-01 16:00", HOURS, "2026-12-01 17:15", "capped at closing time"),
    ("2026-12-01 17:14", HOURS, "2026-12-01 17:15", "one minute before closing: due at closing"),
    ("2026-12-01 17:15", HOURS, "2026-12-02 10:00", "closing minute is after hours"),
    ("2026-12-01 07:00", HOURS, "2026-12-01 10:00", "before opening on a weekday: that morning"),
    ("2026-12-01 23:50", HOURS, "2026-12-02 10:00", "late evening: next morning"),
    ("2026-12-04 18:00", HOURS, "2026-12-07 10:00", "Friday evening: Monday 10:00"),
    ("2026-12-05 11:00", HOURS, "2026-12-07 10:00", "Saturday: Monday 10:00"),
    ("2026-12-06 09:00", HOURS, "2026-12-07 10:00", "Sunday: Monday 10:00"),
    ("2026-12-04 18:00", HOLIDAY_MONDAY, "2026-12-08 10:00", "Monday a holiday: Tuesday"),
    ("2026-12-07 10:00", HOLIDAY_MONDAY, "2026-12-08 10:00", "received on a holiday: next business day"),
    ("2026-12-07 06:00", HOLIDAY_MONDAY, "2026-12-08 10:00", "early on a holiday: next business day"),
]


@pytest.mark.parametrize(("received", "hours", "due", "why"), DUE_TABLE, ids=[row[3] for row in DUE_TABLE])
def test_default_due(received: str, hours: OfficeHours, due: str, why: str) -> None:
    assert default_due(jst(received), hours) == jst(due), why


def test_default_due_reads_any_time_zone_and_answers_in_it() -> None:
    received = datetime(2026, 12, 1, 1, 10, tzinfo=UTC)  # 10:10 JST
    answer = default_due(received, HOURS)
    assert answer == jst("2026-12-01 12:10")
    assert answer.utcoffset() == timedelta(0)


def test_default_due_honours_configured_hours() -> None:
    short = OfficeHours(same_day_within=timedelta(minutes=30), next_day_at=time(9, 0))
    assert default_due(jst("2026-12-01 10:10"), short) == jst("2026-12-01 10:40")
    assert default_due(jst("2026-12-01 20:00"), short) == jst("2026-12-02 09:00")


def test_naive_received_at_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        default_due(datetime(2026, 12, 1, 10, 10), HOURS)  # naive: the point of the test


NOW = jst("2026-12-01 12:00")
OVERDUE_TABLE = [
    # (status, due, escalated_at, overdue, escalate)
    ("open", "2026-12-01 11:59", None, True, True),
    ("open", "2026-12-01 11:59", "2026-12-01 11:59:30", True, False),
    ("open", "2026-12-01 12:00", None, False, False),
    ("open", "2026-12-01 17:15", None, False, False),
    ("done", "2026-12-01 09:00", None, False, False),
]


@pytest.mark.parametrize(("status", "due", "escalated", "overdue", "escalate"), OVERDUE_TABLE)
def test_overdue_and_escalation(
    status: str, due: str, escalated: str | None, overdue: bool, escalate: bool
) -> None:
    escalated_at = jst(escalated) if escalated else None
    assert is_overdue(status, jst(due), NOW) is overdue
    assert needs_escalation(status, jst(due), escalated_at, NOW) is escalate
