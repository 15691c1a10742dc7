"""Clash detection and Japanese time formatting, as tables."""

import uuid
from datetime import UTC, datetime

import pytest

from meeting_api.meetings.rules import Slot, find_clashes, format_jst, overlaps, place_key

A, B = uuid.uuid4(), uuid.uuid4()


def at(hour: int, minute: int = 0, day: int = 10) -> datetime:
    return datetime(2026, 12, day, hour - 9, minute, tzinfo=UTC)  # hours given in Tokyo time


def slot(
    start: int,
    end: int,
    people: tuple[str, ...] = (),
    place: str | None = None,
    *,
    id: uuid.UUID | None = None,
    cancelled: bool = False,
    day: int = 10,
) -> Slot:
    return Slot(
        id=id,
        starts_at=at(start, day=day),
        ends_at=at(end, day=day),
        participants=frozenset(people),
        place=place,
        cancelled=cancelled,
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((14, 15), (15, 16), False),  # back to back
        ((14, 16), (15, 17), True),
        ((14, 17), (15, 16), True),  # contains
        ((15, 16), (14, 17), True),
        ((14, 15), (16, 17), False),
    ],
)
def test_overlaps_is_half_open(a: tuple[int, int], b: tuple[int, int], expected: bool) -> None:
    assert overlaps(at(a[0]), at(a[1]), at(b[0]), at(b[1])) is expected


@pytest.mark.parametrize(
    ("given", "key"),
    [
        ("801会議室", "801会議室"),
        ("８０１会議室", "801会議室"),
        (" 801 会議室 ", "801会議室"),
        ("Room A", "rooma"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_place_key_ignores_width_case_and_spaces(given: str | None, key: str | None) -> None:
    assert place_key(given) == key


CANDIDATE = slot(14, 16, ("sup1", "csw-higashi"), "801会議室")


@pytest.mark.parametrize(
    ("other", "people", "same_place"),
    [
        (slot(15, 17, ("csw-higashi",)), ("csw-higashi",), False),  # a participant is taken
        (slot(15, 17, ("sc-higashi",), "８０１ 会議室"), (), True),  # the room is taken
        (slot(15, 17, ("sup1", "csw-higashi"), "801会議室"), ("csw-higashi", "sup1"), True),
    ],
)
def test_clash_names_people_and_room(other: Slot, people: tuple[str, ...], same_place: bool) -> None:
    [clash] = find_clashes([CANDIDATE], [other])
    assert clash.participants == people
    assert clash.same_place is same_place
    assert clash.other == other
    assert clash.candidate_starts_at == CANDIDATE.starts_at


@pytest.mark.parametrize(
    "other",
    [
        slot(16, 17, ("sup1",), "801会議室"),  # afterwards
        slot(15, 17, ("sc-higashi",), "802会議室"),  # nothing shared
        slot(15, 17, ("sup1",), "801会議室", cancelled=True),  # cancelled
        slot(14, 16, ("sup1",), "801会議室", day=11),  # another day
        slot(15, 17, ("sup1",), "801会議室", id=A),  # itself (a reschedule): same id as the candidate
    ],
)
def test_no_clash(other: Slot) -> None:
    candidate = Slot(
        id=A if other.id == A else None,
        starts_at=CANDIDATE.starts_at,
        ends_at=CANDIDATE.ends_at,
        participants=CANDIDATE.participants,
        place=CANDIDATE.place,
    )
    assert find_clashes([candidate], [other]) == []


def test_online_meetings_clash_by_people_only() -> None:
    online = slot(14, 16, ("sup1",), None)
    assert find_clashes([online], [slot(14, 16, ("csw-kita",), None)]) == []
    assert len(find_clashes([online], [slot(14, 16, ("sup1",), None)])) == 1


def test_every_occurrence_of_a_series_is_checked() -> None:
    series = [slot(14, 16, ("sup1",), day=d) for d in (8, 15, 22)]
    others = [slot(15, 16, ("sup1",), id=A, day=15), slot(9, 10, ("sup1",), id=B, day=22)]
    [clash] = find_clashes(series, others)
    assert clash.candidate_starts_at == at(14, day=15)
    assert clash.other.id == A


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 12, 8, 5, 0, tzinfo=UTC), "2026年12月8日(火) 14:00"),
        (datetime(2026, 12, 31, 15, 30, tzinfo=UTC), "2027年1月1日(金) 00:30"),  # next day in Tokyo
    ],
)
def test_format_jst(moment: datetime, text: str) -> None:
    assert format_jst(moment) == text
