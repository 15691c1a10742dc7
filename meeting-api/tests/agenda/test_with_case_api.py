"""The agenda against the real case-api (in process, its own database): rights, consent, the law."""

import time

import httpx
import pytest
from fastapi import FastAPI
from meeting_support import World

MEETINGS = "/api/v1/meetings"


async def shien_meeting(world: World, confirmed: tuple[str, ...] | None = None) -> dict:
    body = await world.shien_body(("sup1", "csw-higashi", "csw-nishi"), confirmed=confirmed)
    return await world.meeting(
        body_id=body["id"], starts_at="2026-12-08T14:00:00+09:00", ends_at="2026-12-08T15:30:00+09:00"
    )


async def juusou_meeting(world: World) -> dict:
    return await world.meeting(
        title="重層的支援会議",
        body_type="juusou",
        participants=["csw-higashi"],
        starts_at="2026-12-22T14:00:00+09:00",
        ends_at="2026-12-22T15:30:00+09:00",
    )


async def test_a_case_without_consent_goes_to_the_shien_kaigi_with_its_recommendation(
    linked_world: World,
) -> None:
    world = linked_world
    case = await world.case(title="小金井さん世帯(8050)", between_systems=True, risk_flags=["self_neglect"])
    meeting = await shien_meeting(world)
    added = await world.agenda(meeting["id"], case["id"], note="長男との接触方法")
    assert added.status_code == 201, added.text
    item = added.json()
    assert item["case_title"] == "小金井さん世帯(8050)" and item["position"] == 1
    assert item["consent_status"] == "not_asked"
    assert item["recommendation"]["body"] == "shien"
    assert item["recommendation"]["body_label"] == "支援会議"
    assert "本人同意が未確認" in item["recommendation"]["reason"]
    assert item["recommendation"]["effective_body"] == "shien"

    listed = await world.client.get(f"{MEETINGS}/{meeting['id']}/agenda", headers=world.user("csw-nishi"))
    assert [i["id"] for i in listed.json()] == [item["id"]]
    material = await world.client.get(
        f"{MEETINGS}/{meeting['id']}/agenda/{item['id']}/material", headers=world.user("csw-nishi")
    )
    assert material.status_code == 200
    snapshot = material.json()
    assert snapshot["case"]["title"] == "小金井さん世帯(8050)"
    assert snapshot["case"]["area"] == "higashi" and snapshot["case"]["status"] == "intake"
    assert snapshot["case"]["risk_flags"] == ["self_neglect"]
    assert snapshot["consent_status"] == "not_asked"
    assert snapshot["recommendation"]["recommended"]["body"] == "shien"
    assert snapshot["captured_by"] == "sup1"
    # What the meeting was given stays as it was, even when the case changes afterwards.
    await world.case_client.post(
        f"/api/v1/cases/{case['id']}/consents",
        json={"status": "given", "recorded_at": "2026-11-25", "method": "written"},
        headers=world.user("sup1"),
    )
    again = await world.client.get(
        f"{MEETINGS}/{meeting['id']}/agenda/{item['id']}/material", headers=world.user("csw-nishi")
    )
    assert again.json()["consent_status"] == "not_asked"


async def test_the_material_is_for_confirmed_members_alone(linked_world: World) -> None:
    world = linked_world
    case = await world.case()
    meeting = await shien_meeting(world, confirmed=("sup1", "csw-higashi"))
    item = (await world.agenda(meeting["id"], case["id"])).json()
    url = f"{MEETINGS}/{meeting['id']}/agenda/{item['id']}/material"
    for outsider in ("sup2", "admin", "csw-kita"):
        response = await world.client.get(url, headers=world.user(outsider))
        assert response.status_code == 404
        assert "小金井" not in response.text
    unconfirmed = await world.client.get(url, headers=world.user("csw-nishi"))
    assert unconfirmed.status_code == 403
    assert unconfirmed.json()["type"] == "/problems/confidentiality-not-confirmed"


@pytest.mark.parametrize("consent", [None, "not_asked", "refused", "withdrawn"])
async def test_a_case_without_consent_is_refused_by_the_juusou_kaigi(
    linked_world: World, consent: str | None
) -> None:
    world = linked_world
    case = await world.case(consent=consent)
    meeting = await juusou_meeting(world)
    refused = await world.agenda(meeting["id"], case["id"])
    assert refused.status_code == 422
    problem = refused.json()
    assert problem["type"] == "/problems/body-not-allowed"
    assert problem["title"] == "本人同意のないケースは支援会議（社会福祉法106条の6）でのみ扱えます。"
    assert problem["allowed_body_types"] == ["shien"]
    assert (
        await world.client.get(f"{MEETINGS}/{meeting['id']}/agenda", headers=world.user("sup1"))
    ).json() == []


async def test_a_case_with_consent_goes_to_the_juusou_kaigi(linked_world: World) -> None:
    world = linked_world
    case = await world.case(consent="given", between_systems=True)
    meeting = await juusou_meeting(world)
    added = await world.agenda(meeting["id"], case["id"])
    assert added.status_code == 201, added.text
    assert added.json()["consent_status"] == "given"
    assert added.json()["recommendation"]["body"] == "juusou"
    duplicate = await world.agenda(meeting["id"], case["id"])
    assert duplicate.status_code == 409
    assert duplicate.json()["type"] == "/problems/agenda-duplicate"


async def test_an_unknown_or_invisible_case_is_not_found(linked_world: World) -> None:
    world = linked_world
    west_case = await world.case(title="西の世帯", area="nishi")
    meeting = await world.meeting(by="csw-higashi", title="ケース会議", participants=["csw-higashi"])
    unknown = await world.agenda(meeting["id"], "6a1e0c52-0000-4000-8000-000000000001", by="csw-higashi")
    assert unknown.status_code == 404
    assert unknown.json()["type"] == "/problems/case-not-found"
    # The east CSW may not see a west case in case-api: the same answer, with the caller's rights.
    hidden = await world.agenda(meeting["id"], west_case["id"], by="csw-higashi")
    assert hidden.status_code == 404
    assert hidden.json()["type"] == "/problems/case-not-found"
    assert "西の世帯" not in hidden.text


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("csw-higashi", 201),  # a participating CSW brings a case
        ("sup2", 201),  # a supervisor runs any meeting they see
        ("sc-higashi", 403),  # takes part, brings no cases
        ("agency-houkatsu-higashi", 403),
        ("csw-kita", 404),  # sees no west-area meeting
    ],
)
async def test_who_may_put_a_case_on_the_agenda(linked_world: World, who: str, status: int) -> None:
    world = linked_world
    case = await world.case(consent="given")
    meeting = await world.meeting(
        title="ケース会議",
        area="higashi",
        participants=["csw-higashi", "sc-higashi", "agency-houkatsu-higashi"],
    )
    assert (await world.agenda(meeting["id"], case["id"], by=who)).status_code == status


async def test_popup_booths_take_no_cases(linked_world: World) -> None:
    world = linked_world
    case = await world.case(consent="given")
    booth = await world.meeting(title="出張相談（図書館）", body_type="popup")
    refused = await world.agenda(booth["id"], case["id"])
    assert refused.status_code == 422
    assert refused.json()["title"] == "出張相談では個別のケースを扱いません。"


async def test_remove_an_agenda_item(linked_world: World) -> None:
    world = linked_world
    case = await world.case()
    meeting = await shien_meeting(world)
    item = (await world.agenda(meeting["id"], case["id"], by="csw-higashi")).json()
    url = f"{MEETINGS}/{meeting['id']}/agenda/{item['id']}"
    assert (await world.client.delete(url, headers=world.user("csw-nishi"))).status_code == 403
    assert (await world.client.delete(url, headers=world.user("csw-higashi"))).status_code == 204
    history = (
        await world.client.get(f"{MEETINGS}/{meeting['id']}/history", headers=world.user("sup1"))
    ).json()
    assert [e["kind"] for e in history] == ["scheduled", "agenda_added", "agenda_removed"]


async def test_case_api_down_is_a_503_and_no_hang(world: World, app: FastAPI) -> None:
    meeting = await world.meeting()
    app.state.settings.case_url = "http://127.0.0.1:9"  # nothing listens there
    started = time.monotonic()
    response = await world.agenda(meeting["id"], "6a1e0c52-0000-4000-8000-000000000001")
    assert time.monotonic() - started < 6
    assert response.status_code == 503
    assert response.json()["type"] == "/problems/case-api-unavailable"
    assert (
        await world.client.get(f"{MEETINGS}/{meeting['id']}/agenda", headers=world.user("sup1"))
    ).json() == []


async def test_case_api_too_slow_is_a_503(world: World, app: FastAPI) -> None:
    async def slow(request: httpx.Request) -> httpx.Response:
        import asyncio

        await asyncio.sleep(5)
        return httpx.Response(200, json={})

    meeting = await world.meeting()
    app.state.settings.case_timeout_seconds = 0.2
    own_http = app.state.http
    app.state.http = httpx.AsyncClient(transport=httpx.MockTransport(slow))
    try:
        started = time.monotonic()
        response = await world.agenda(meeting["id"], "6a1e0c52-0000-4000-8000-000000000001")
        assert time.monotonic() - started < 2
        assert response.status_code == 503
    finally:
        await app.state.http.aclose()
        app.state.http = own_http
