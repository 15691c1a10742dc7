"""RRULE checks and expansion (dateutil), as a table."""

from datetime import UTC, date, datetime

import pytest

from meeting_api.recurrence import TOKYO, InvalidRule, normalise_rrule, occurrences

DEC_1_14H = datetime(2026, 12, 1, 14, 0, tzinfo=TOKYO)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYDAY=2TU"),
        ("rrule:freq=monthly;byday=2tu", "FREQ=MONTHLY;BYDAY=2TU"),
        ("  FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4 ", "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4"),
        ("FREQ=MONTHLY;INTERVAL=2;BYDAY=3FR", "FREQ=MONTHLY;INTERVAL=2;BYDAY=3FR"),
        ("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270301T000000Z", "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270301T000000Z"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"),
    ],
)
def test_valid_rules_are_kept_upper_cased(given: str, kept: str) -> None:
    assert normalise_rrule(given) == kept


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "x",
        "FREQ=BOGUS",
        "FREQ=HOURLY",
        "FREQ=MINUTELY;COUNT=3",
        "BYDAY=2TU",
        "FREQ=MONTHLY;COUNT=2;UNTIL=20270101T000000Z",  # both bounds (RFC 5545 forbids)
        "FREQ=MONTHLY;UNTIL=20270101",  # a floating UNTIL against an aware start
        "DTSTART:20260101T000000\nRRULE:FREQ=DAILY",
        "FREQ=DAILY\nEXDATE:20261202T000000",
        "FREQ=MONTHLY;BYMONTHDAY=40",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",  # never occur
        "FREQ=MONTHLY;BYDAY=9TU",
    ],
)
def test_invalid_rules_are_refused(bad: str) -> None:
    with pytest.raises(InvalidRule):
        normalise_rrule(bad)


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("rule", "kwargs", "expected"),
    [
        # The second Tuesday at 14:00 in Tokyo is 05:00 UTC; 1 December itself is no second Tuesday.
        (
            "FREQ=MONTHLY;BYDAY=2TU",
            {"count": 3},
            [_utc(2026, 12, 8, 5), _utc(2027, 1, 12, 5), _utc(2027, 2, 9, 5)],
        ),
        (
            "FREQ=MONTHLY;BYDAY=2TU",
            {"until": date(2027, 1, 12)},
            [_utc(2026, 12, 8, 5), _utc(2027, 1, 12, 5)],
        ),
        ("FREQ=MONTHLY;BYDAY=2TU;COUNT=2", {}, [_utc(2026, 12, 8, 5), _utc(2027, 1, 12, 5)]),
        ("FREQ=MONTHLY;BYDAY=2TU;COUNT=9", {"count": 1}, [_utc(2026, 12, 8, 5)]),  # given bound wins
        ("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270201T000000Z", {}, [_utc(2026, 12, 8, 5), _utc(2027, 1, 12, 5)]),
        (
            "FREQ=WEEKLY;BYDAY=TU,TH",
            {"count": 3},
            [_utc(2026, 12, 1, 5), _utc(2026, 12, 3, 5), _utc(2026, 12, 8, 5)],
        ),
    ],
)
def test_occurrences_in_tokyo_answered_in_utc(rule: str, kwargs: dict, expected: list[datetime]) -> None:
    assert occurrences(rule, DEC_1_14H, **kwargs) == expected


@pytest.mark.parametrize(
    ("rule", "kwargs"),
    [
        ("FREQ=MONTHLY;BYDAY=2TU", {}),  # endless
        ("FREQ=DAILY", {"count": 61}),  # more than a series may hold
        ("FREQ=DAILY", {"until": date(2027, 6, 1)}),
        ("FREQ=MONTHLY;BYDAY=2TU", {"until": date(2026, 12, 7)}),  # nothing before the end
        ("FREQ=MONTHLY;BYDAY=2TU", {"count": 2, "until": date(2027, 1, 1)}),
    ],
)
def test_series_that_cannot_be_materialised(rule: str, kwargs: dict) -> None:
    with pytest.raises(InvalidRule):
        occurrences(rule, DEC_1_14H, **kwargs)


def test_naive_start_is_refused() -> None:
    with pytest.raises(InvalidRule):
        occurrences("FREQ=DAILY;COUNT=2", datetime(2026, 12, 1, 14, 0))
