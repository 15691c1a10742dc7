"""Meeting bodies (会議体) and members (構成員) through meeting-api's HTTP interface."""

import pytest
from meeting_support import World

BODIES = "/api/v1/meeting-bodies"


async def test_admin_sets_up_a_body_and_everyone_on_staff_reads_it(world: World) -> None:
    body = await world.body(
        members=[
            {"kind": "staff", "username": "sup1", "role": "chair"},
            {
                "kind": "agency",
                "agency_id": "houkatsu-higashi",
                "name": "東地域包括支援センター 林",
                "username": "agency-houkatsu-higashi",
            },
        ]
    )
    assert body["type_label"] == "支援調整会議" and body["confidential"] is False
    assert body["default_rrule"] == "FREQ=MONTHLY;BYDAY=2TU"
    assert body["default_start_time"] == "14:00:00" and body["default_duration_minutes"] == 90
    assert [(m["kind"], m["username"], m["role"]) for m in body["members"]] == [
        ("staff", "sup1", "chair"),
        ("agency", "agency-houkatsu-higashi", "member"),
    ]
    assert body["my_membership"] is None  # admin is not a member

    for username in ("sup2", "csw-kita", "sc-higashi"):
        read = await world.client.get(f"{BODIES}/{body['id']}", headers=world.user(username))
        assert read.status_code == 200
        assert read.headers["etag"] == '"1"'
    mine = await world.client.get(BODIES, headers=world.user("sup1"))
    assert mine.json()["items"][0]["my_membership"]["role"] == "chair"
    # An agency contact sees the bodies they belong to, and no other.
    other = await world.body(name="自立支援協議会", type="jiritsu_shien")
    agency = await world.client.get(BODIES, headers=world.user("agency-houkatsu-higashi"))
    assert [b["id"] for b in agency.json()["items"]] == [body["id"]]
    assert (
        await world.client.get(f"{BODIES}/{other['id']}", headers=world.user("agency-houkatsu-higashi"))
    ).status_code == 404


@pytest.mark.parametrize(
    ("who", "create"),
    [
        ("admin", 201),
        ("sup1", 201),
        ("csw-higashi", 403),
        ("sc-higashi", 403),
        ("agency-houkatsu-higashi", 403),
    ],
)
async def test_who_sets_up_bodies(world: World, who: str, create: int) -> None:
    response = await world.client.post(
        BODIES, json={"name": "ケース会議", "type": "case_conference"}, headers=world.user(who)
    )
    assert response.status_code == create


async def test_system_clients_read_with_their_scope_and_never_write(world: World) -> None:
    await world.body()
    assert (await world.client.get(BODIES, headers=world.system("meetings:read"))).json()["total"] == 1
    assert (await world.client.get(BODIES, headers=world.system())).status_code == 403  # no scope
    created = await world.client.post(
        BODIES, json={"name": "x", "type": "popup"}, headers=world.system("meetings:read", "service")
    )
    assert created.status_code == 403


async def test_update_needs_if_match_and_refuses_a_stale_one(world: World) -> None:
    body = await world.body()
    url = f"{BODIES}/{body['id']}"
    change = {"default_rrule": "freq=monthly;byday=3tu", "place": None}
    assert (await world.client.patch(url, json=change, headers=world.user("admin"))).status_code == 428
    updated = await world.client.patch(url, json=change, headers={**world.user("admin"), "If-Match": '"1"'})
    assert updated.status_code == 200, updated.text
    assert updated.json()["default_rrule"] == "FREQ=MONTHLY;BYDAY=3TU"
    assert updated.json()["place"] is None
    assert updated.headers["etag"] == '"2"'
    stale = await world.client.patch(
        url, json={"name": "別名"}, headers={**world.user("admin"), "If-Match": '"1"'}
    )
    assert stale.status_code == 412
    assert (await world.client.get(url, headers=world.user("admin"))).json()["name"] == "支援調整会議"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"name": "x", "type": "shien", "default_rrule": "FREQ=HOURLY"}, "default_rrule"),
        ({"name": "x", "type": "shien", "default_rrule": "every second tuesday"}, "default_rrule"),
        (
            {"name": "x", "type": "shien", "default_rrule": "FREQ=MONTHLY;COUNT=2;UNTIL=20270101T000000Z"},
            "default_rrule",
        ),
        ({"name": "x", "type": "bogus"}, "type"),
        ({"name": " ", "type": "shien"}, "name"),
        ({"name": "x", "type": "shien", "default_start_time": "14:00+09:00"}, "default_start_time"),
        ({"name": "x", "type": "shien", "default_duration_minutes": 0}, "default_duration_minutes"),
        ({"name": "x", "type": "shien", "area": "東"}, "area"),
        ({"name": "x", "type": "shien", "members": [{"kind": "staff"}]}, "username"),
        ({"name": "x", "type": "shien", "members": [{"kind": "agency", "agency_id": "h"}]}, "name"),
        (
            {"name": "x", "type": "shien", "members": [{"kind": "staff", "username": "a", "role": "boss"}]},
            "role",
        ),
        ({"name": "x", "type": "shien", "secret": True}, "secret"),
    ],
)
async def test_bad_body_is_a_422_and_writes_nothing(world: World, payload: dict, field: str) -> None:
    response = await world.client.post(BODIES, json=payload, headers=world.user("admin"))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert any(field in err["loc"] for err in response.json()["errors"])
    assert (await world.client.get(BODIES, headers=world.user("admin"))).json()["total"] == 0


async def test_a_member_twice_is_a_409_and_writes_nothing(world: World) -> None:
    twice = [{"kind": "staff", "username": "sup1"}, {"kind": "staff", "username": "sup1"}]
    response = await world.client.post(
        BODIES, json={"name": "x", "type": "juusou", "members": twice}, headers=world.user("admin")
    )
    assert response.status_code == 409
    assert response.json()["type"] == "/problems/member-exists"
    assert (await world.client.get(BODIES, headers=world.user("admin"))).json()["total"] == 0


async def test_members_are_added_changed_and_removed_with_a_record(world: World) -> None:
    body = await world.body(members=[{"kind": "staff", "username": "csw-higashi"}])
    url = f"{BODIES}/{body['id']}/members"
    added = await world.client.post(
        url,
        json={"kind": "staff", "username": "sc-higashi", "role": "secretariat"},
        headers=world.user("sup2"),
    )
    assert added.status_code == 201
    again = await world.client.post(
        url, json={"kind": "staff", "username": "sc-higashi"}, headers=world.user("sup2")
    )
    assert again.status_code == 409
    member_id = added.json()["id"]
    changed = await world.client.patch(
        f"{url}/{member_id}", json={"role": "member"}, headers=world.user("sup2")
    )
    assert changed.json()["role"] == "member"
    assert (await world.client.delete(f"{url}/{member_id}", headers=world.user("sup2"))).status_code == 204
    active = await world.client.get(url, headers=world.user("sup2"))
    assert [m["username"] for m in active.json()] == ["csw-higashi"]
    everyone = await world.client.get(url, params={"include_removed": True}, headers=world.user("sup2"))
    removed = next(m for m in everyone.json() if m["username"] == "sc-higashi")
    assert removed["removed_by"] == "sup2" and removed["removed_at"] is not None
    # Re-adding after removal is allowed: the old row stays as history.
    assert (
        await world.client.post(
            url, json={"kind": "staff", "username": "sc-higashi"}, headers=world.user("sup2")
        )
    ).status_code == 201
    assert (
        await world.client.post(
            url, json={"kind": "staff", "username": "x"}, headers=world.user("csw-higashi")
        )
    ).status_code == 403


async def test_shien_kaigi_membership_is_not_any_supervisors_to_change(world: World) -> None:
    body = await world.body(by="sup1", name="支援会議", type="shien")
    # The supervisor who set it up is its chair; sup2 is no member and may not make themself one.
    assert [(m["username"], m["role"]) for m in body["members"]] == [("sup1", "chair")]
    url = f"{BODIES}/{body['id']}/members"
    joining = await world.client.post(
        url, json={"kind": "staff", "username": "sup2"}, headers=world.user("sup2")
    )
    assert joining.status_code == 403
    assert (
        await world.client.patch(
            f"{BODIES}/{body['id']}", json={"name": "x"}, headers={**world.user("sup2"), "If-Match": '"1"'}
        )
    ).status_code == 403
    assert (
        await world.client.post(
            url, json={"kind": "staff", "username": "csw-higashi"}, headers=world.user("sup1")
        )
    ).status_code == 201
    assert (
        await world.client.post(url, json={"kind": "staff", "username": "sup2"}, headers=world.user("admin"))
    ).status_code == 201


async def test_confidentiality_is_confirmed_once_by_the_member(world: World) -> None:
    body = await world.shien_body(confirmed=())
    first = await world.confirm(body["id"], "csw-higashi")
    assert first["confidentiality_confirmed_by"] == "csw-higashi"
    again = await world.confirm(body["id"], "csw-higashi")
    assert again["confidentiality_confirmed_at"] == first["confidentiality_confirmed_at"]
    outsider = await world.client.post(f"{BODIES}/{body['id']}/confidentiality", headers=world.user("sup2"))
    assert outsider.status_code == 403
    assert outsider.json()["type"] == "/problems/not-a-member"
    listed = await world.client.get(BODIES, headers=world.user("csw-higashi"))
    assert listed.json()["items"][0]["my_membership"]["confidentiality_confirmed_at"] is not None


async def test_the_secretariat_records_a_contacts_written_confirmation(world: World) -> None:
    body = await world.shien_body()
    url = f"{BODIES}/{body['id']}/members"
    contact = (
        await world.client.post(
            url,
            json={"kind": "agency", "agency_id": "hospital-1", "name": "市民病院 医療相談室 佐藤"},
            headers=world.user("sup1"),
        )
    ).json()
    login = (
        await world.client.post(
            url, json={"kind": "staff", "username": "csw-kita"}, headers=world.user("sup1")
        )
    ).json()
    assert (
        await world.client.post(f"{url}/{contact['id']}/confidentiality", headers=world.user("csw-higashi"))
    ).status_code == 403  # a plain member
    recorded = await world.client.post(f"{url}/{contact['id']}/confidentiality", headers=world.user("sup1"))
    assert recorded.status_code == 200
    assert recorded.json()["confidentiality_confirmed_by"] == "sup1"
    in_person = await world.client.post(f"{url}/{login['id']}/confidentiality", headers=world.user("sup1"))
    assert in_person.status_code == 409


async def test_a_retired_body_takes_no_new_meetings(world: World) -> None:
    body = await world.body()
    assert (
        await world.client.delete(f"{BODIES}/{body['id']}", headers=world.user("admin"))
    ).status_code == 204
    assert (await world.client.get(BODIES, headers=world.user("admin"))).json()["total"] == 0
    assert (
        await world.client.get(BODIES, params={"include_inactive": True}, headers=world.user("admin"))
    ).json()["total"] == 1
    response = await world.client.post(
        "/api/v1/meetings",
        json={"body_id": body["id"], "starts_at": "2026-12-08T14:00:00+09:00"},
        headers=world.user("sup1"),
    )
    assert response.status_code == 422
    assert any("body_id" in e["loc"] for e in response.json()["errors"])
