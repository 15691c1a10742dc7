"""Pure rules of scheduling: clashes of participants or rooms, and how times read in Japanese."""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from meeting_api.recurrence import TOKYO
from tsunagu_services.japanese import nfkc

WEEKDAYS_JA = "月火水木金土日"


@dataclass(frozen=True)
class Slot:
    """A meeting as clash detection sees it: when, who, where."""

    id: uuid.UUID | None
    starts_at: datetime
    ends_at: datetime
    participants: frozenset[str]
    place: str | None
    cancelled: bool = False


@dataclass(frozen=True)
class Clash:
    """`other` overlaps the candidate starting at `candidate_starts_at`, sharing people or the room."""

    candidate_starts_at: datetime
    other: Slot
    participants: tuple[str, ...]
    same_place: bool


def place_key(place: str | None) -> str | None:
    """A room compared as staff type it: width, case and spaces do not matter."""
    if place is None:
        return None
    key = "".join(nfkc(place).casefold().split())
    return key or None


def booked_resources(participants: Iterable[str], place: str | None) -> set[str]:
    """What a meeting holds for its time: each participant, and the room as staff type it."""
    resources = {f"participant:{p}" for p in participants}
    if (room := place_key(place)) is not None:
        resources.add(f"place:{room}")
    return resources


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Half-open intervals: a meeting ending at 15:00 does not clash with one starting at 15:00."""
    return a_start < b_end and b_start < a_end


def find_clashes(candidates: Sequence[Slot], others: Iterable[Slot]) -> list[Clash]:
    """Every (candidate, other) pair that overlaps in time and shares a participant or the room.

    Cancelled meetings and the candidate itself (same id: a reschedule) never clash.
    """
    others = [o for o in others if not o.cancelled]
    found: list[Clash] = []
    for candidate in candidates:
        room = place_key(candidate.place)
        for other in others:
            if other.id is not None and other.id == candidate.id:
                continue
            if not overlaps(candidate.starts_at, candidate.ends_at, other.starts_at, other.ends_at):
                continue
            shared = tuple(sorted(candidate.participants & other.participants))
            same_place = room is not None and room == place_key(other.place)
            if shared or same_place:
                found.append(Clash(candidate.starts_at, other, shared, same_place))
    return found


def format_jst(moment: datetime) -> str:
    """「2026年12月8日(火) 14:00」: a time as the desk reads it (Asia/Tokyo)."""
    local = moment.astimezone(TOKYO)
    return f"{local.year}年{local.month}月{local.day}日({WEEKDAYS_JA[local.weekday()]}) {local:%H:%M}"


def format_jst_date(moment: datetime) -> str:
    """「2026年12月8日」 in Asia/Tokyo."""
    local = moment.astimezone(TOKYO)
    return f"{local.year}年{local.month}月{local.day}日"
