"""iCalendar output, parsed back with the icalendar library; the personal feed behind a token."""

from datetime import UTC, datetime

import httpx
from fastapi import FastAPI
from icalendar import Calendar
from meeting_support import World
from sqlalchemy import select

from tsunagu_services.models import IdempotencyRecord

MEETINGS = "/api/v1/meetings"


def events(response: httpx.Response) -> list:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return [c for c in calendar.walk("VEVENT")]


async def ics(world: World, meeting_id: str, username: str = "sup1") -> list:
    return events(await world.client.get(f"{MEETINGS}/{meeting_id}.ics", headers=world.user(username)))


async def test_every_change_raises_sequence_under_the_same_uid(world: World) -> None:
    meeting = await world.meeting(title="ケース会議(東)", place="801会議室", participants=["csw-higashi"])
    [event] = await ics(world, meeting["id"])
    uid = f"{meeting['id']}@tsunagu"
    assert str(event["UID"]) == uid
    assert int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTART") == datetime(2026, 12, 10, 5, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2026, 12, 10, 6, 30, tzinfo=UTC)
    assert str(event["SUMMARY"]) == "ケース会議(東)"
    assert str(event["LOCATION"]) == "801会議室"
    assert str(event["STATUS"]) == "CONFIRMED"

    url = f"{MEETINGS}/{meeting['id']}"
    moved = await world.client.patch(
        url,
        json={"starts_at": "2026-12-10T15:00:00+09:00", "ends_at": "2026-12-10T16:00:00+09:00"},
        headers={**world.user("sup1"), "If-Match": '"0"'},
    )
    assert moved.status_code == 200
    [event] = await ics(world, meeting["id"], "csw-higashi")
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == datetime(2026, 12, 10, 6, 0, tzinfo=UTC)

    await world.client.post(f"{url}/cancel", json={"reason": "中止"}, headers=world.user("sup1"))
    [event] = await ics(world, meeting["id"])
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) == 2
    assert str(event["STATUS"]) == "CANCELLED"


async def test_a_shien_kaigi_calendar_names_no_case(world: World) -> None:
    body = await world.shien_body(("sup1", "csw-higashi"))
    meeting = await world.meeting(
        body_id=body["id"], title="支援会議（山田太郎さん世帯）", online_url="https://meet.example.jp/abc"
    )
    response = await world.client.get(f"{MEETINGS}/{meeting['id']}.ics", headers=world.user("csw-higashi"))
    [event] = events(response)
    assert str(event["SUMMARY"]) == "支援会議"
    assert str(event["CLASS"]) == "CONFIDENTIAL"
    assert "山田" not in response.content.decode()
    assert (
        await world.client.get(f"{MEETINGS}/{meeting['id']}.ics", headers=world.user("sup2"))
    ).status_code == 404


async def test_the_personal_feed_lives_behind_a_revocable_token(world: World) -> None:
    mine = await world.meeting(title="東のケース会議", participants=["csw-higashi"])
    organised = await world.meeting(
        by="csw-higashi",
        title="出張相談",
        body_type="popup",
        starts_at="2026-12-12T10:00:00+09:00",
        ends_at="2026-12-12T12:00:00+09:00",
    )
    await world.meeting(
        title="他人の会議",
        participants=["csw-nishi"],
        starts_at="2026-12-13T10:00:00+09:00",
        ends_at="2026-12-13T11:00:00+09:00",
    )
    issued = await world.client.post("/api/v1/calendar/feed-token", headers=world.user("csw-higashi"))
    assert issued.status_code == 201
    feed = issued.json()
    assert feed["url"] == f"http://127.0.0.1:8000{feed['path']}"
    assert feed["path"] == f"/api/v1/calendar/feed/{feed['token']}.ics"

    subscribed = await world.client.get(feed["path"])  # no bearer: calendar clients cannot send one
    uids = sorted(str(e["UID"]) for e in events(subscribed))
    assert uids == sorted([f"{mine['id']}@tsunagu", f"{organised['id']}@tsunagu"])

    rotated = (
        await world.client.post("/api/v1/calendar/feed-token", headers=world.user("csw-higashi"))
    ).json()
    assert (await world.client.get(feed["path"])).status_code == 404
    assert (await world.client.get(rotated["path"])).status_code == 200
    assert (
        await world.client.delete("/api/v1/calendar/feed-token", headers=world.user("csw-higashi"))
    ).status_code == 204
    assert (await world.client.get(rotated["path"])).status_code == 404
    assert (
        await world.client.delete("/api/v1/calendar/feed-token", headers=world.user("csw-higashi"))
    ).status_code == 404
    assert (await world.client.get("/api/v1/calendar/feed/not-a-token.ics")).status_code == 404
    assert (
        await world.client.post("/api/v1/calendar/feed-token", headers=world.system("meetings:read"))
    ).status_code == 403


async def test_the_feed_shows_a_shien_kaigi_only_after_confirmation(world: World) -> None:
    body = await world.shien_body(("sup1", "csw-higashi"), confirmed=("sup1",))
    meeting = await world.meeting(body_id=body["id"], title="支援会議（山田さん）")
    path = (await world.client.post("/api/v1/calendar/feed-token", headers=world.user("csw-higashi"))).json()[
        "path"
    ]
    assert events(await world.client.get(path)) == []
    await world.confirm(body["id"], "csw-higashi")
    response = await world.client.get(path)
    [event] = events(response)
    assert str(event["UID"]) == f"{meeting['id']}@tsunagu" and str(event["SUMMARY"]) == "支援会議"
    assert "山田" not in response.content.decode()


async def test_the_feed_token_is_never_stored_in_clear(world: World, app: FastAPI) -> None:
    headers = {**world.user("csw-higashi"), "Idempotency-Key": "feed-1"}
    issued = await world.client.post("/api/v1/calendar/feed-token", headers=headers)
    token = issued.json()["token"]
    async with app.state.sessionmaker() as session:
        stored = (await session.execute(select(IdempotencyRecord))).scalars().all()
        hashes = (await session.execute(select(IdempotencyRecord.response_body))).scalars().all()
    assert all(token.encode() not in (body or b"") for body in hashes)
    assert all(r.key != "feed-1" or r.response_body is None for r in stored)
