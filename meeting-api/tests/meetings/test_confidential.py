"""The 支援会議 (社会福祉法106条の6): its members alone, after confirming 守秘義務, see its meetings."""

import pytest
from meeting_support import World

MEETINGS = "/api/v1/meetings"


async def shien_meeting(
    world: World, *, confirmed: tuple[str, ...] = ("sup1", "csw-higashi")
) -> tuple[dict, dict]:
    body = await world.shien_body(("sup1", "csw-higashi", "csw-nishi"), confirmed=confirmed)
    meeting = await world.meeting(
        body_id=body["id"],
        title="支援会議（山田さん世帯の件）",
        starts_at="2026-12-08T14:00:00+09:00",
        ends_at="2026-12-08T15:30:00+09:00",
    )
    return body, meeting


def paths(meeting_id: str) -> list[str]:
    base = f"{MEETINGS}/{meeting_id}"
    return [base, f"{base}/agenda", f"{base}/minutes", f"{base}/decisions", f"{base}/history", f"{base}.ics"]


@pytest.mark.parametrize("outsider", ["sup2", "admin", "csw-kita", "sc-higashi", "agency-houkatsu-higashi"])
async def test_non_members_get_404_whatever_their_role(world: World, outsider: str) -> None:
    _, meeting = await shien_meeting(world)
    minutes = await world.client.put(
        f"{MEETINGS}/{meeting['id']}/minutes",
        json={"attendees": ["sup1"]},
        headers={**world.user("sup1"), "If-Match": '"0"'},
    )
    assert minutes.status_code == 200
    for path in paths(meeting["id"]):
        response = await world.client.get(path, headers=world.user(outsider))
        assert response.status_code == 404, path
        assert "山田" not in response.text
    listed = await world.client.get(MEETINGS, headers=world.user(outsider))
    assert meeting["id"] not in [m["id"] for m in listed.json()["items"]]
    assert (
        await world.client.put(
            f"{MEETINGS}/{meeting['id']}/minutes",
            json={},
            headers={**world.user(outsider), "If-Match": '"1"'},
        )
    ).status_code == 404


async def test_a_system_client_never_sees_a_shien_kaigi(world: World) -> None:
    _, meeting = await shien_meeting(world)
    reader = world.system("meetings:read")
    assert (await world.client.get(f"{MEETINGS}/{meeting['id']}", headers=reader)).status_code == 404
    assert (await world.client.get(MEETINGS, headers=reader)).json()["total"] == 0


async def test_a_member_confirms_confidentiality_before_first_access(world: World) -> None:
    body, meeting = await shien_meeting(world)  # csw-nishi has not confirmed
    for path in paths(meeting["id"]):
        response = await world.client.get(path, headers=world.user("csw-nishi"))
        assert response.status_code == 403, path
        assert response.json()["type"] == "/problems/confidentiality-not-confirmed"
        assert response.json()["body_id"] == body["id"]
    assert (await world.client.get(MEETINGS, headers=world.user("csw-nishi"))).json()["total"] == 0

    await world.confirm(body["id"], "csw-nishi")
    for path in paths(meeting["id"]):
        assert (await world.client.get(path, headers=world.user("csw-nishi"))).status_code == 200, path
    assert (await world.client.get(MEETINGS, headers=world.user("csw-nishi"))).json()["total"] == 1


async def test_a_removed_member_loses_access(world: World) -> None:
    body, meeting = await shien_meeting(world)
    members = (
        await world.client.get(f"/api/v1/meeting-bodies/{body['id']}/members", headers=world.user("sup1"))
    ).json()
    higashi = next(m for m in members if m["username"] == "csw-higashi")
    assert (
        await world.client.get(f"{MEETINGS}/{meeting['id']}", headers=world.user("csw-higashi"))
    ).status_code == 200
    removed = await world.client.delete(
        f"/api/v1/meeting-bodies/{body['id']}/members/{higashi['id']}", headers=world.user("sup1")
    )
    assert removed.status_code == 204
    assert (
        await world.client.get(f"{MEETINGS}/{meeting['id']}", headers=world.user("csw-higashi"))
    ).status_code == 404


async def test_only_confirmed_members_schedule_and_only_members_take_part(world: World) -> None:
    body = await world.shien_body(("sup1", "csw-higashi"), confirmed=("sup1",))
    when = {"body_id": body["id"], "starts_at": "2026-12-08T14:00:00+09:00"}
    unconfirmed = await world.client.post(MEETINGS, json=when, headers=world.user("csw-higashi"))
    assert unconfirmed.status_code == 403
    assert unconfirmed.json()["type"] == "/problems/confidentiality-not-confirmed"
    outsider = await world.client.post(MEETINGS, json=when, headers=world.user("sup2"))
    assert outsider.status_code == 403
    strangers = await world.client.post(
        MEETINGS, json={**when, "participants": ["sup1", "sc-higashi"]}, headers=world.user("sup1")
    )
    assert strangers.status_code == 422
    assert "sc-higashi" in strangers.json()["errors"][0]["msg"]
    made = await world.client.post(MEETINGS, json=when, headers=world.user("sup1"))
    assert made.status_code == 201
    assert made.json()["participants"] == ["sup1", "csw-higashi"]  # the body's members by default
    assert made.json()["confidential"] is True


async def test_notifications_of_a_shien_kaigi_never_carry_its_title(world: World) -> None:
    _, meeting = await shien_meeting(world)
    cancelled = await world.client.post(
        f"{MEETINGS}/{meeting['id']}/cancel",
        json={"reason": "山田さんの入院のため"},
        headers=world.user("sup1"),
    )
    assert cancelled.status_code == 200
    notices = (await world.client.get(f"{MEETINGS}/notifications", headers=world.user("csw-nishi"))).json()
    assert [n["kind"] for n in notices["items"]] == ["cancelled", "scheduled"]
    assert all("山田" not in n["text"] and n["text"].startswith("支援会議") for n in notices["items"])
