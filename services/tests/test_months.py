"""Calendar months as the desk counts them: Tokyo bounds and spans (pure, table-driven)."""

import datetime as dt
import re

import pytest

from tsunagu_services.months import (
    MONTH_PATTERN,
    current_month,
    date_bounds,
    months_before,
    months_between,
    next_month,
    resolve_span,
    tokyo_bounds,
)
from tsunagu_services.problems import ValidationFailed

JST = dt.timezone(dt.timedelta(hours=9))


@pytest.mark.parametrize(
    ("month", "expected"), [("2026-11", "2026-12"), ("2026-12", "2027-01"), ("2027-01", "2027-02")]
)
def test_next_month(month: str, expected: str) -> None:
    assert next_month(month) == expected


@pytest.mark.parametrize(
    ("month", "count", "expected"),
    [
        ("2026-03", 11, "2025-04"),
        ("2026-12", 11, "2026-01"),
        ("2026-01", 1, "2025-12"),
        ("2026-05", 0, "2026-05"),
    ],
)
def test_months_before(month: str, count: int, expected: str) -> None:
    assert months_before(month, count) == expected


def test_months_between_crosses_the_year() -> None:
    assert months_between("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert months_between("2026-05", "2026-05") == ["2026-05"]


def test_bounds_are_midnight_in_tokyo() -> None:
    since, until = tokyo_bounds("2026-12", "2026-12")
    assert since == dt.datetime(2026, 11, 30, 15, 0, tzinfo=dt.UTC)
    assert until == dt.datetime(2026, 12, 31, 15, 0, tzinfo=dt.UTC)
    assert date_bounds("2026-11", "2027-01") == (dt.date(2026, 11, 1), dt.date(2027, 2, 1))


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (dt.datetime(2026, 11, 30, 15, 0, tzinfo=dt.UTC), "2026-12"),  # 00:00 on 1 December in Tokyo
        (dt.datetime(2026, 11, 30, 14, 59, tzinfo=dt.UTC), "2026-11"),
    ],
)
def test_current_month_is_tokyos(now: dt.datetime, expected: str) -> None:
    assert current_month(now) == expected


@pytest.mark.parametrize(
    ("month", "first", "last", "expected"),
    [
        ("2026-11", None, None, ("2026-11", "2026-11")),
        (None, "2026-01", None, ("2026-01", "2026-01")),
        (None, "2025-12", "2026-11", ("2025-12", "2026-11")),
    ],
)
def test_resolve_span(month, first, last, expected) -> None:
    assert resolve_span(month, first, last, max_months=12) == expected


@pytest.mark.parametrize(
    ("month", "first", "last", "field"),
    [
        (None, None, None, "from"),
        ("2026-11", "2026-11", None, "month"),
        (None, "2026-11", "2026-10", "to"),
        (None, "2025-11", "2026-11", "to"),  # 13 months
    ],
)
def test_resolve_span_refuses(month, first, last, field) -> None:
    with pytest.raises(ValidationFailed) as raised:
        resolve_span(month, first, last, max_months=12)
    assert raised.value.errors[0]["loc"] == ["query", field]


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2026-12", True),
        ("1900-01", True),
        ("2199-12", True),
        ("0000-01", False),
        ("9999-12", False),
        ("2026-13", False),
        ("2026-1", False),
        ("26-01", False),
    ],
)
def test_a_month_is_one_a_date_can_hold(value: str, valid: bool) -> None:
    """Found by schemathesis: 0000-01 passed the pattern and became a 500 on date(0, 1, 1)."""
    assert (re.fullmatch(MONTH_PATTERN, value) is not None) is valid
