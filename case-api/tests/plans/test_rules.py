"""The pure rules of the support plan, as tables."""

from datetime import UTC, datetime

import pytest

from case_api.plans.rules import done_at, etag
from tsunagu_services.etag import if_match_satisfied

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
EARLIER = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_etag_names_version_and_revision() -> None:
    assert etag(2, 3) == '"2.3"'
    assert etag(1, 1) != etag(1, 2)  # an action marked done changes it
    assert etag(1, 2) != etag(2, 1)  # and so does a 再プラン


@pytest.mark.parametrize(
    ("new", "old", "old_done_at", "expected"),
    [
        ("done", "open", None, NOW),
        ("done", "dropped", None, NOW),
        ("done", "done", EARLIER, EARLIER),  # carried over in a 再プラン: still done when it was
        ("done", "done", None, NOW),
        ("open", "done", EARLIER, None),  # reopened
        ("dropped", "done", EARLIER, None),
        ("open", "open", None, None),
        ("dropped", "open", None, None),
    ],
)
def test_done_at(new: str, old: str, old_done_at: datetime | None, expected: datetime | None) -> None:
    assert done_at(new, old, old_done_at, NOW) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('"2.3"', True),
        ('W/"2.3"', True),
        ('"1.1", "2.3"', True),
        ("*", True),
        ('"2.2"', False),
        ('"3.1"', False),
        ("2.3", False),
    ],
)
def test_if_match(header: str, expected: bool) -> None:
    assert if_match_satisfied(header, '"2.3"') is expected
