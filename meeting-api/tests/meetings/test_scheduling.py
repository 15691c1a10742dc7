"""Clashes, series, reschedule, cancel, history and notifications through the HTTP interface."""

import uuid

import pytest
from meeting_support import World

MEETINGS = "/api/v1/meetings"


async def notifications(world: World, username: str) -> list[dict]:
    response = await world.client.get(f"{MEETINGS}/notifications", headers=world.user(username))
    assert response.status_code == 200
    return response.json()["items"]


async def test_a_participant_clash_is_refused_naming_the_meeting_unless_confirmed(world: World) -> None:
    first = await world.meeting(title="ケース会議 A", participants=["csw-higashi", "sup1"])
    clash = {
        "title": "ケース会議 B",
        "body_type": "case_conference",
        "participants": ["csw-higashi"],
        "starts_at": "2026-12-10T15:00:00+09:00",
        "ends_at": "2026-12-10T16:00:00+09:00",
    }
    refused = await world.client.post(MEETINGS, json=clash, headers=world.user("sup2"))
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["type"] == "/problems/meeting-clash"
    assert problem["clashes"] == [
        {
            "meeting_id": first["id"],
            "title": "ケース会議 A",
            "starts_at": "2026-12-10T05:00:00+00:00",
            "ends_at": "2026-12-10T06:30:00+00:00",
            "participants": ["csw-higashi"],
            "same_place": False,
            "occurrence_starts_at": "2026-12-10T06:00:00+00:00",
        }
    ]
    assert (await world.client.get(MEETINGS, headers=world.user("sup2"))).json()["total"] == 1

    confirmed = await world.client.post(
        MEETINGS, json={**clash, "confirm_clash": True}, headers=world.user("sup2")
    )
    assert confirmed.status_code == 201
    history = await world.client.get(
        f"{MEETINGS}/{confirmed.json()['id']}/history", headers=world.user("sup2")
    )
    assert history.json()[0]["after"]["confirmed_clashes"] == [first["id"]]


async def test_a_room_clash_is_refused_and_back_to_back_is_fine(world: World) -> None:
    await world.meeting(place="801会議室")
    room = await world.client.post(
        MEETINGS,
        json={
            "title": "出張相談打合せ",
            "body_type": "case_conference",
            "place": "８０１ 会議室",
            "starts_at": "2026-12-10T15:00:00+09:00",
            "ends_at": "2026-12-10T16:00:00+09:00",
        },
        headers=world.user("csw-kita"),
    )
    assert room.status_code == 409
    assert room.json()["clashes"][0]["same_place"] is True
    after = await world.client.post(
        MEETINGS,
        json={
            "title": "出張相談打合せ",
            "body_type": "case_conference",
            "place": "801会議室",
            "starts_at": "2026-12-10T15:30:00+09:00",
            "ends_at": "2026-12-10T16:00:00+09:00",
        },
        headers=world.user("csw-kita"),
    )
    assert after.status_code == 201


async def test_a_clash_with_a_meeting_the_caller_cannot_see_hides_its_title(world: World) -> None:
    body = await world.shien_body(("sup1", "csw-higashi"))
    secret = await world.meeting(
        body_id=body["id"],
        title="支援会議（山田さん世帯）",
        starts_at="2026-12-08T14:00:00+09:00",
        ends_at="2026-12-08T15:30:00+09:00",
    )
    refused = await world.client.post(
        MEETINGS,
        json={
            "title": "地域ケア会議",
            "body_type": "chiiki_care",
            "participants": ["csw-higashi"],
            "starts_at": "2026-12-08T14:30:00+09:00",
            "ends_at": "2026-12-08T15:00:00+09:00",
        },
        headers=world.user("sup2"),
    )
    assert refused.status_code == 409
    [clash] = refused.json()["clashes"]
    assert clash["meeting_id"] == secret["id"]
    assert clash["title"] == "非公開の会議"
    assert "山田" not in refused.text


async def test_series_from_the_bodys_rule_and_defaults(world: World) -> None:
    body = await world.body(
        members=[
            {"kind": "staff", "username": "sup1", "role": "chair"},
            {"kind": "staff", "username": "csw-higashi"},
        ]
    )
    created = await world.client.post(
        f"{MEETINGS}/series",
        json={"body_id": body["id"], "starts_on": "2026-12-01", "count": 3},
        headers=world.user("sup1"),
    )
    assert created.status_code == 201, created.text
    series = created.json()
    assert series["rrule"] == "FREQ=MONTHLY;BYDAY=2TU" and series["count"] == 3
    starts = [m["starts_at"] for m in series["occurrences"]]
    assert starts == ["2026-12-08T05:00:00Z", "2027-01-12T05:00:00Z", "2027-02-09T05:00:00Z"]
    first = series["occurrences"][0]
    assert first["ends_at"] == "2026-12-08T06:30:00Z"  # the body's 90 minutes
    assert first["title"] == "支援調整会議" and first["place"] == "市役所第二庁舎 801会議室"
    assert first["participants"] == ["sup1", "csw-higashi"]
    assert {m["series_id"] for m in series["occurrences"]} == {series["id"]}
    assert [m["recurrence_id"] for m in series["occurrences"]] == starts
    # One notice for the series, not one per occurrence; the organiser gets none.
    [notice] = await notifications(world, "csw-higashi")
    assert "全3回" in notice["text"] and "2026年12月8日(火) 14:00" in notice["text"]
    assert await notifications(world, "sup1") == []
    read = await world.client.get(f"{MEETINGS}/series/{series['id']}", headers=world.user("csw-higashi"))
    assert [m["id"] for m in read.json()["occurrences"]] == [m["id"] for m in series["occurrences"]]


async def test_a_clash_on_one_occurrence_refuses_the_whole_series(world: World) -> None:
    taken = await world.meeting(
        title="地域ケア会議",
        body_type="chiiki_care",
        participants=["csw-higashi"],
        starts_at="2027-01-12T14:30:00+09:00",
        ends_at="2027-01-12T15:00:00+09:00",
    )
    series = {
        "title": "ケース会議",
        "body_type": "case_conference",
        "participants": ["csw-higashi"],
        "starts_at": "2026-12-01T14:00:00+09:00",
        "ends_at": "2026-12-01T15:30:00+09:00",
        "rrule": "FREQ=MONTHLY;BYDAY=2TU",
        "until": "2027-03-31",
    }
    refused = await world.client.post(f"{MEETINGS}/series", json=series, headers=world.user("sup1"))
    assert refused.status_code == 409
    [clash] = refused.json()["clashes"]
    assert clash["meeting_id"] == taken["id"]
    assert clash["occurrence_starts_at"] == "2027-01-12T05:00:00+00:00"  # the second occurrence
    assert (await world.client.get(MEETINGS, headers=world.user("sup1"))).json()["total"] == 1
    confirmed = await world.client.post(
        f"{MEETINGS}/series", json={**series, "confirm_clash": True}, headers=world.user("sup1")
    )
    assert confirmed.status_code == 201
    assert len(confirmed.json()["occurrences"]) == 4


async def test_a_retried_series_request_creates_nothing_twice(world: World) -> None:
    headers = {**world.user("sup1"), "Idempotency-Key": "series-2026-12"}
    series = {
        "title": "ケース会議",
        "body_type": "case_conference",
        "rrule": "FREQ=WEEKLY;BYDAY=FR",
        "starts_at": "2026-12-04T10:00:00+09:00",
        "ends_at": "2026-12-04T11:00:00+09:00",
        "count": 3,
    }
    first = await world.client.post(f"{MEETINGS}/series", json=series, headers=headers)
    again = await world.client.post(f"{MEETINGS}/series", json=series, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"
    assert (await world.client.get(MEETINGS, headers=world.user("sup1"))).json()["total"] == 3


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"rrule": "FREQ=MONTHLY;BYDAY=2TU"}, "rrule"),  # endless
        ({"rrule": "FREQ=DAILY", "count": 61}, "count"),
        ({"rrule": "FREQ=HOURLY", "count": 3}, "rrule"),
        ({"rrule": "FREQ=DAILY", "count": 2, "until": "2027-01-01"}, "until"),
        ({"count": 3}, "rrule"),  # no rule and no body
        ({"rrule": "FREQ=DAILY", "count": 3, "starts_at": None}, "starts_at"),
        ({"rrule": "FREQ=DAILY", "count": 3, "starts_at": None, "ends_at": None}, "ends_at"),
    ],
)
async def test_bad_series_is_a_422_and_writes_nothing(world: World, fields: dict, field: str) -> None:
    payload = {
        "title": "ケース会議",
        "body_type": "case_conference",
        "starts_at": "2026-12-01T14:00:00+09:00",
        "ends_at": "2026-12-01T15:00:00+09:00",
        **fields,
    }
    response = await world.client.post(f"{MEETINGS}/series", json=payload, headers=world.user("sup1"))
    assert response.status_code == 422, response.text
    assert any(field in e["loc"] for e in response.json()["errors"])
    assert (await world.client.get(MEETINGS, headers=world.user("sup1"))).json()["total"] == 0


async def test_reschedule_needs_the_current_etag_and_keeps_history(world: World) -> None:
    meeting = await world.meeting(participants=["csw-higashi", "sc-higashi"])
    url = f"{MEETINGS}/{meeting['id']}"
    move = {"starts_at": "2026-12-10T15:00:00+09:00", "ends_at": "2026-12-10T16:30:00+09:00"}
    missing = await world.client.patch(url, json=move, headers=world.user("sup1"))
    assert missing.status_code == 428
    moved = await world.client.patch(url, json=move, headers={**world.user("sup1"), "If-Match": '"0"'})
    assert moved.status_code == 200, moved.text
    assert moved.json()["starts_at"] == "2026-12-10T06:00:00Z" and moved.json()["sequence"] == 1
    assert moved.headers["etag"] == '"1"'
    stale = await world.client.patch(
        url, json={"title": "別件"}, headers={**world.user("sup1"), "If-Match": '"0"'}
    )
    assert stale.status_code == 412
    assert stale.json()["type"] == "/problems/precondition-failed"

    history = (await world.client.get(f"{url}/history", headers=world.user("sup1"))).json()
    assert [e["kind"] for e in history] == ["scheduled", "rescheduled"]
    assert history[1]["before"] == {
        "starts_at": "2026-12-10T05:00:00+00:00",
        "ends_at": "2026-12-10T06:30:00+00:00",
    }
    assert history[1]["after"]["starts_at"] == "2026-12-10T06:00:00+00:00"
    [notice, _] = await notifications(world, "csw-higashi")
    assert notice["kind"] == "rescheduled"
    assert notice["text"] == (
        "ケース会議 の日時が 2026年12月10日(木) 14:00 から 2026年12月10日(木) 15:00 に変更されました。"
    )


async def test_reschedule_into_a_clash_is_refused_unless_confirmed(world: World) -> None:
    await world.meeting(
        title="A",
        participants=["csw-nishi"],
        starts_at="2026-12-11T10:00:00+09:00",
        ends_at="2026-12-11T11:00:00+09:00",
    )
    meeting = await world.meeting(title="B", participants=["csw-nishi"])
    url = f"{MEETINGS}/{meeting['id']}"
    move = {"starts_at": "2026-12-11T10:30:00+09:00", "ends_at": "2026-12-11T11:30:00+09:00"}
    headers = {**world.user("sup1"), "If-Match": '"0"'}
    assert (await world.client.patch(url, json=move, headers=headers)).status_code == 409
    assert (await world.client.get(url, headers=world.user("sup1"))).json()["sequence"] == 0
    assert (
        await world.client.patch(url, json={**move, "confirm_clash": True}, headers=headers)
    ).status_code == 200
    # Moving within its own time never clashes with itself.
    again = await world.client.patch(
        url,
        json={"ends_at": "2026-12-11T11:45:00+09:00", "confirm_clash": False},
        headers={**world.user("sup1"), "If-Match": '"1"'},
    )
    assert again.status_code == 409  # still overlapping A, which has csw-nishi
    assert all(c["meeting_id"] != meeting["id"] for c in again.json()["clashes"])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ends_at": "2026-12-10T13:00:00+09:00"}, "ends_at"),
        ({"title": None}, "title"),
        ({"starts_at": "2026-12-10T14:00:00"}, "starts_at"),
        ({"participants": ["x", "x"]}, "participants"),
        ({"organiser": "sup2"}, "organiser"),
    ],
)
async def test_bad_change_is_a_422_and_changes_nothing(world: World, change: dict, field: str) -> None:
    meeting = await world.meeting()
    url = f"{MEETINGS}/{meeting['id']}"
    response = await world.client.patch(url, json=change, headers={**world.user("sup1"), "If-Match": '"0"'})
    assert response.status_code == 422
    assert any(field in e["loc"] for e in response.json()["errors"])
    assert (await world.client.get(url, headers=world.user("sup1"))).json() == meeting


async def test_cancel_keeps_the_meeting_tells_participants_and_frees_the_time(world: World) -> None:
    meeting = await world.meeting(participants=["csw-higashi"], place="801会議室")
    url = f"{MEETINGS}/{meeting['id']}"
    assert (await world.client.post(f"{url}/cancel", json={}, headers=world.user("sup1"))).status_code == 422
    cancelled = await world.client.post(
        f"{url}/cancel", json={"reason": "台風接近のため"}, headers=world.user("sup1")
    )
    assert cancelled.status_code == 200
    body = cancelled.json()
    assert body["status"] == "cancelled" and body["sequence"] == 1
    assert body["cancel_reason"] == "台風接近のため"
    [notice, _] = await notifications(world, "csw-higashi")
    assert notice["kind"] == "cancelled" and "台風接近のため" in notice["text"]
    assert (
        await world.client.post(f"{url}/cancel", json={"reason": "x"}, headers=world.user("sup1"))
    ).json()["type"] == "/problems/meeting-cancelled"
    assert (
        await world.client.patch(url, json={"title": "x"}, headers={**world.user("sup1"), "If-Match": '"1"'})
    ).status_code == 409
    # The room and the people are free again; lists leave cancelled meetings out unless asked.
    await world.meeting(participants=["csw-higashi"], place="801会議室")
    assert (await world.client.get(MEETINGS, headers=world.user("sup1"))).json()["total"] == 1
    assert (
        await world.client.get(MEETINGS, params={"include_cancelled": True}, headers=world.user("sup1"))
    ).json()["total"] == 2


async def test_cancel_a_series_from_now_on(world: World) -> None:
    created = await world.client.post(
        f"{MEETINGS}/series",
        json={
            "title": "コーディネーター連絡会",
            "body_type": "coordinators",
            "participants": ["sc-higashi"],
            "starts_at": "2026-12-01T15:00:00+09:00",
            "ends_at": "2026-12-01T16:00:00+09:00",
            "rrule": "FREQ=MONTHLY;BYDAY=3WE",
            "count": 4,
        },
        headers=world.user("csw-higashi"),
    )
    series = created.json()
    cancelled = await world.client.post(
        f"{MEETINGS}/series/{series['id']}/cancel",
        json={"reason": "体制変更"},
        headers=world.user("csw-higashi"),
    )
    assert cancelled.status_code == 200
    assert len(cancelled.json()) == 4
    assert (await world.client.get(MEETINGS, headers=world.user("csw-higashi"))).json()["total"] == 0


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("csw-higashi", 200),  # the organiser
        ("sup2", 200),  # a supervisor
        ("admin", 200),
        ("csw-nishi", 403),  # a participant, not the organiser
        ("sc-higashi", 403),  # sees it (citywide), may not change it
        ("agency-houkatsu-higashi", 403),  # a participant
    ],
)
async def test_who_may_change_a_meeting(world: World, who: str, status: int) -> None:
    meeting = await world.meeting(by="csw-higashi", participants=["csw-nishi", "agency-houkatsu-higashi"])
    response = await world.client.patch(
        f"{MEETINGS}/{meeting['id']}", json={"title": "変更"}, headers={**world.user(who), "If-Match": '"0"'}
    )
    assert response.status_code == status


async def test_agency_contacts_see_only_the_meetings_they_attend(world: World) -> None:
    theirs = await world.meeting(participants=["agency-houkatsu-higashi"])
    other = await world.meeting(
        title="別の会議", starts_at="2026-12-11T14:00:00+09:00", ends_at="2026-12-11T15:00:00+09:00"
    )
    agency = world.user("agency-houkatsu-higashi")
    listed = await world.client.get(MEETINGS, headers=agency)
    assert [m["id"] for m in listed.json()["items"]] == [theirs["id"]]
    assert (await world.client.get(f"{MEETINGS}/{other['id']}", headers=agency)).status_code == 404


async def test_notifications_are_ones_own(world: World) -> None:
    await world.meeting(participants=["csw-higashi", "csw-nishi"])
    [mine] = await notifications(world, "csw-higashi")
    assert mine["kind"] == "scheduled"
    assert (
        await world.client.post(
            f"{MEETINGS}/notifications/{mine['id']}/read", headers=world.user("csw-nishi")
        )
    ).status_code == 404
    read = await world.client.post(
        f"{MEETINGS}/notifications/{mine['id']}/read", headers=world.user("csw-higashi")
    )
    assert read.status_code == 200 and read.json()["read_at"] is not None
    page = (
        await world.client.get(
            f"{MEETINGS}/notifications", params={"unread": True}, headers=world.user("csw-higashi")
        )
    ).json()
    assert page == {"items": [], "total": 0, "unread": 0}
    assert (
        await world.client.get(f"{MEETINGS}/notifications", headers=world.system("meetings:read"))
    ).status_code == 403
    assert (
        await world.client.post(
            f"{MEETINGS}/notifications/{uuid.uuid4()}/read", headers=world.user("csw-higashi")
        )
    ).status_code == 404
