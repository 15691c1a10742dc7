"""A series moved or cancelled from a date on: only the occurrences from that day, all or none, under
the series' If-Match."""

from datetime import datetime
from zoneinfo import ZoneInfo

from meeting_support import World

MEETINGS = "/api/v1/meetings"
WEEKLY = {
    "title": "コーディネーター連絡会",
    "body_type": "coordinators",
    "participants": ["sc-higashi"],
    "starts_at": "2027-01-06T15:00:00+09:00",
    "ends_at": "2027-01-06T16:00:00+09:00",
    "rrule": "FREQ=WEEKLY;BYDAY=WE",
    "count": 4,
}


async def series(world: World) -> dict:
    created = await world.client.post(f"{MEETINGS}/series", json=WEEKLY, headers=world.user("csw-higashi"))
    assert created.status_code == 201, created.text
    assert created.headers["etag"] == '"1"'
    return created.json()


def starts(read: dict) -> list[str]:
    return [
        datetime.fromisoformat(m["starts_at"]).astimezone(ZoneInfo("Asia/Tokyo")).strftime("%m-%d %H:%M")
        for m in read["occurrences"]
        if m["status"] != "cancelled"
    ]


async def test_moving_from_a_date_on_moves_only_those_and_needs_if_match(world: World) -> None:
    made = await series(world)
    url, csw = f"{MEETINGS}/series/{made['id']}", world.user("csw-higashi")
    body = {"from_date": "2027-01-20", "shift_minutes": 24 * 60 + 60}  # Thursdays, an hour later
    assert (await world.client.post(f"{url}/move", json=body, headers=csw)).status_code == 428
    stale = await world.client.post(f"{url}/move", json=body, headers=csw | {"If-Match": '"7"'})
    assert stale.status_code == 412
    moved = await world.client.post(f"{url}/move", json=body, headers=csw | {"If-Match": '"1"'})
    assert moved.status_code == 200, moved.text
    assert moved.headers["etag"] == '"2"'
    before = [datetime.fromisoformat(m["starts_at"]) for m in made["occurrences"]]
    after = [datetime.fromisoformat(m["starts_at"]) for m in moved.json()["occurrences"]]
    assert [(a - b).total_seconds() / 3600 for a, b in zip(after, before, strict=True)] == [0, 0, 25, 25]
    # The same move again with the old tag (a double click): refused, not moved twice.
    again = await world.client.post(f"{url}/move", json=body, headers=csw | {"If-Match": '"1"'})
    assert again.status_code == 412


async def test_a_move_that_clashes_moves_nothing(world: World) -> None:
    made = await series(world)
    url, csw = f"{MEETINGS}/series/{made['id']}", world.user("csw-higashi")
    # sc-higashi is busy on Thursday 21 January at 15:00.
    await world.meeting(
        participants=["sc-higashi"],
        starts_at="2027-01-21T15:00:00+09:00",
        ends_at="2027-01-21T16:00:00+09:00",
    )
    body = {"from_date": "2027-01-13", "shift_minutes": 24 * 60}
    clash = await world.client.post(f"{url}/move", json=body, headers=csw | {"If-Match": '"1"'})
    assert clash.status_code == 409, clash.text
    read = await world.client.get(url, headers=csw)
    assert read.headers["etag"] == '"1"'
    assert read.json()["occurrences"] == made["occurrences"]


async def test_bad_moves_are_422(world: World) -> None:
    made = await series(world)
    url, csw = f"{MEETINGS}/series/{made['id']}", world.user("csw-higashi")
    for body in (
        {"from_date": "2027-01-20", "shift_minutes": 0},
        {"from_date": "2027-01-20", "shift_minutes": 7 * 24 * 60},
        {"from_date": "2028-01-01", "shift_minutes": 60},  # nothing from that day on
        {"from_date": "not-a-date", "shift_minutes": 60},
    ):
        answer = await world.client.post(f"{url}/move", json=body, headers=csw | {"If-Match": '"1"'})
        assert answer.status_code == 422, body
    other = await world.client.post(
        f"{url}/move",
        json={"from_date": "2027-01-20", "shift_minutes": 60},
        headers=world.user("sc-higashi") | {"If-Match": '"1"'},
    )
    assert other.status_code == 403  # a participant, not the organiser


async def test_cancelling_from_a_date_on_keeps_the_earlier_ones(world: World) -> None:
    made = await series(world)
    url, csw = f"{MEETINGS}/series/{made['id']}", world.user("csw-higashi")
    cancelled = await world.client.post(
        f"{url}/cancel", json={"reason": "会場の改修のため", "from_date": "2027-01-20"}, headers=csw
    )
    assert cancelled.status_code == 200
    assert len(cancelled.json()) == 2
    assert starts((await world.client.get(url, headers=csw)).json()) == ["01-06 15:00", "01-13 15:00"]
