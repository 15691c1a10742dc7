"""ETag and If-Match: each resource's tag as it is sent, and weak comparison of what comes back."""

import pytest

from tsunagu_services.etag import (
    check_if_match,
    etag,
    if_match_satisfied,
    parse_if_match,
    required_if_match,
)
from tsunagu_services.problems import PreconditionFailed, PreconditionRequired


@pytest.mark.parametrize(
    ("version", "weak", "expected"),
    [
        (3, True, 'W/"3"'),  # cases, persons, agencies, safety checks, activities
        (3, False, '"3"'),  # records, meetings, bodies, minutes
        (0, False, '"0"'),  # minutes before the first save
        ("2.3", False, '"2.3"'),  # a plan: version and revision
    ],
)
def test_etag_format(version: int | str, weak: bool, expected: str) -> None:
    assert etag(version, weak=weak) == expected


@pytest.mark.parametrize(
    ("header", "current", "expected"),
    [
        ('"3"', '"3"', True),
        ('W/"3"', '"3"', True),  # W/ is ignored both ways
        ('"3"', 'W/"3"', True),
        ('W/"3"', 'W/"3"', True),
        ('"2", "3"', '"3"', True),
        (' W/"2" ,W/"3" ', 'W/"3"', True),
        ("*", '"3"', True),
        ('"2", *', '"3"', True),
        ('"2"', '"3"', False),
        ('"33"', '"3"', False),
        ("3", '"3"', False),  # not a quoted entity tag
        ('W/"03x"', 'W/"3"', False),
        ('"2.3"', '"2.3"', True),
        ('"2.2"', '"2.3"', False),
        ("2.3", '"2.3"', False),
        ("", '"3"', False),
        ("   ", '"3"', False),
        (None, '"3"', False),
    ],
)
def test_if_match_satisfied(header: str | None, current: str, expected: bool) -> None:
    assert if_match_satisfied(header, current) is expected


@pytest.mark.parametrize(
    ("header", "version", "expected"),
    [
        ('W/"3"', 3, True),
        ('"3"', 3, True),
        ('"0"', 0, True),
        ("*", 7, True),
        ('"2"', 3, False),
        ('"3.0"', 3, False),
    ],
)
def test_if_match_names_a_version(header: str, version: int, expected: bool) -> None:
    parsed = parse_if_match(header)
    assert parsed is not None and parsed.matches(version) is expected


@pytest.mark.parametrize(
    ("header", "current", "raised"),
    [
        (None, 3, PreconditionRequired),
        ("", 3, PreconditionRequired),
        ("  ", '"2.3"', PreconditionRequired),
        ('"2"', 3, PreconditionFailed),
        ("3", 3, PreconditionFailed),  # the client tried: 412, not 428
        ('"2.2"', '"2.3"', PreconditionFailed),
        ('W/"3"', 3, None),
        ("*", '"2.3"', None),
    ],
)
def test_check_if_match(header: str | None, current: int | str, raised: type[Exception] | None) -> None:
    if raised is None:
        check_if_match(header, current)
    else:
        with pytest.raises(raised):
            check_if_match(header, current)


def test_optional_if_match_is_none_when_not_sent() -> None:
    assert parse_if_match(None) is None
    assert parse_if_match(" ") is None


def test_failed_precondition_carries_extensions() -> None:
    with pytest.raises(PreconditionFailed) as failed:
        required_if_match('"1"').ensure(2, current_version=2)
    assert failed.value.extensions == {"current_version": 2}
