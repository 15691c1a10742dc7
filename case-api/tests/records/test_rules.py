"""The pure rules of the support timeline, as tables."""

from datetime import UTC, datetime, timedelta

import pytest

from case_api.records import rules
from case_api.records.rules import editable, editable_until, occurred_at_plausible
from tsunagu_services.etag import if_match_satisfied

WRITTEN = datetime(2026, 11, 26, 1, 10, tzinfo=UTC)  # 10:10 in Tokyo


@pytest.mark.parametrize(
    ("age", "author", "editor", "expected"),
    [
        (timedelta(0), "csw-higashi", "csw-higashi", True),
        (timedelta(hours=23, minutes=59), "csw-higashi", "csw-higashi", True),
        (timedelta(hours=23, minutes=59, seconds=59), "csw-higashi", "csw-higashi", True),
        (timedelta(hours=24), "csw-higashi", "csw-higashi", False),
        (timedelta(hours=24, minutes=1), "csw-higashi", "csw-higashi", False),
        (timedelta(days=400), "csw-higashi", "csw-higashi", False),
        (timedelta(minutes=1), "csw-higashi", "sup1", False),  # a supervisor amends, never rewrites
        (timedelta(minutes=1), "csw-higashi", "csw-nishi", False),
        (timedelta(hours=24, minutes=1), "csw-higashi", "sup1", False),
        (timedelta(minutes=-2), "csw-higashi", "csw-higashi", True),  # server clock slightly behind
    ],
)
def test_editable_by_the_author_within_24_hours(
    age: timedelta, author: str, editor: str, expected: bool
) -> None:
    assert editable(WRITTEN, WRITTEN + age, author, editor) is expected


def test_editable_until_is_24_hours_after_writing() -> None:
    assert editable_until(WRITTEN) == datetime(2026, 11, 27, 1, 10, tzinfo=UTC)


NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("occurred_at", "expected"),
    [
        (NOW, True),
        (NOW - timedelta(days=3650), True),  # a paper record typed in years later
        (NOW + timedelta(minutes=10), True),  # a device clock a little ahead
        (NOW + timedelta(minutes=11), False),
        (NOW + timedelta(days=1), False),  # a planned visit is not a record
        (datetime(1949, 12, 31, 23, 59, tzinfo=UTC), False),
        (datetime(1950, 1, 1, tzinfo=UTC), True),
    ],
)
def test_occurred_at_is_a_plausible_past(occurred_at: datetime, expected: bool) -> None:
    assert occurred_at_plausible(occurred_at, NOW) is expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('"3"', True),
        ('W/"3"', True),
        ('"2", "3"', True),
        ("*", True),
        ('"2"', False),
        ('"33"', False),
        ("3", False),
        ("", False),
    ],
)
def test_if_match(header: str, expected: bool) -> None:
    assert if_match_satisfied(header, '"3"') is expected


@pytest.mark.parametrize(
    ("client", "source"),
    [
        (None, "staff"),
        ("meeting-api", "meeting"),
        ("intake-api", "intake"),
        ("city-system", "staff"),
    ],
)
def test_source_of_a_record(client: str | None, source: str) -> None:
    assert rules.source_of(client) == source
