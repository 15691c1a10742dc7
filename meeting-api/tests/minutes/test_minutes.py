"""Minutes (会議録), finalising, amendments, and decisions that reach the case through the outbox."""

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from meeting_support import World
from sqlalchemy import select, update

from tsunagu_services.models import OutboxMessage
from tsunagu_services.outbox import OutboxDispatcher
from tsunagu_services.testing import TokenFactory

MEETINGS = "/api/v1/meetings"
TWO_ACTIONS = [
    {"text": "CSW が隔週で自宅訪問", "owner_kind": "staff", "owner": "csw-higashi", "due_date": "2026-12-22"},
    {"text": "地域包括が母を訪問", "owner_kind": "agency", "owner": "houkatsu-higashi"},
]


async def outbox(app: FastAPI) -> list[OutboxMessage]:
    """What meeting-api queued for case-api (the inbox notices for the gateway are tested elsewhere)."""
    async with app.state.sessionmaker() as session:
        query = select(OutboxMessage).where(OutboxMessage.destination == "case").order_by(OutboxMessage.id)
        return list((await session.execute(query)).scalars().all())


async def meeting_with_case(world: World, **case: Any) -> tuple[dict, dict, dict]:
    """A 支援会議 (sup1, csw-higashi, csw-nishi; all confirmed) with one case on its agenda."""
    body = await world.shien_body(("sup1", "csw-higashi", "csw-nishi"))
    meeting = await world.meeting(
        body_id=body["id"], starts_at="2026-11-10T14:00:00+09:00", ends_at="2026-11-10T15:30:00+09:00"
    )
    case_row = await world.case(**case)
    item = (await world.agenda(meeting["id"], case_row["id"])).json()
    return meeting, case_row, item


async def put_minutes(
    world: World, meeting_id: str, body: dict, etag: str | None, by: str = "sup1"
) -> httpx.Response:
    headers = {**world.user(by), **({"If-Match": etag} if etag is not None else {})}
    return await world.client.put(f"{MEETINGS}/{meeting_id}/minutes", json=body, headers=headers)


def minutes_of(item: dict, *decisions: dict) -> dict:
    return {
        "attendees": ["sup1", "csw-higashi"],
        "agency_attendees": [{"agency_id": "houkatsu-higashi", "name": "東地域包括支援センター 林"}],
        "items": [
            {
                "agenda_item_id": item["id"],
                "discussion": "長男は自室から出てこない。",
                "decisions": list(decisions),
            }
        ],
    }


ROLES = {"type": "role_division", "text": "CSW と地域包括で訪問を分担する。", "actions": TWO_ACTIONS}
CONTINUE = {"type": "continue", "text": "次回も状況を共有する。"}


async def test_draft_with_if_match_then_finalise_enqueues_one_message_per_delivery(
    linked_world: World, app: FastAPI
) -> None:
    world = linked_world
    meeting, case, item = await meeting_with_case(world)
    url = f"{MEETINGS}/{meeting['id']}/minutes"
    empty = await world.client.get(url, headers=world.user("csw-nishi"))
    assert empty.json()["version"] == 0 and empty.headers["etag"] == '"0"'

    assert (await put_minutes(world, meeting["id"], minutes_of(item), None)).status_code == 428
    draft = await put_minutes(world, meeting["id"], minutes_of(item, ROLES, CONTINUE), '"0"')
    assert draft.status_code == 200, draft.text
    assert draft.headers["etag"] == '"1"'
    assert [d["id"] for d in draft.json()["items"][0]["decisions"]] == [None, None]  # ids come when final
    assert (await put_minutes(world, meeting["id"], minutes_of(item), '"0"')).status_code == 412
    assert await outbox(app) == []  # a draft sends nothing

    final = await world.client.post(f"{url}/finalise", headers=world.user("sup1"))
    assert final.status_code == 200, final.text
    minutes = final.json()
    assert minutes["status"] == "final" and minutes["finalised_by"] == "sup1"
    roles_id, continue_id = (d["id"] for d in minutes["items"][0]["decisions"])

    messages = await outbox(app)
    assert [(m.path, m.idempotency_key) for m in messages] == [
        (f"/api/v1/cases/{case['id']}/plan/actions", f"meeting-decision-{roles_id}-actions"),
        (f"/api/v1/cases/{case['id']}/records", f"meeting-decision-{roles_id}-record"),
        (f"/api/v1/cases/{case['id']}/records", f"meeting-decision-{continue_id}-record"),
    ]
    sent = [{**TWO_ACTIONS[0]}, {**TWO_ACTIONS[1], "due_date": None}]
    assert messages[0].body == {"actions": sent, "source": "meeting", "source_ref": roles_id}
    assert messages[1].body == {
        "kind": "meeting",
        "occurred_at": "2026-11-10T05:00:00+00:00",
        "minutes_spent": 0,
        "text": f"支援会議 2026年11月10日: 役割分担 — CSW と地域包括で訪問を分担する。 (決定ID {roles_id})",
    }

    again = await world.client.post(f"{url}/finalise", headers=world.user("sup1"))
    assert again.status_code == 409
    assert again.json()["type"] == "/problems/minutes-finalised"
    assert (await put_minutes(world, meeting["id"], minutes_of(item), '"2"')).status_code == 409
    assert len(await outbox(app)) == 3

    decisions = (
        await world.client.get(f"{MEETINGS}/{meeting['id']}/decisions", headers=world.user("csw-nishi"))
    ).json()
    assert [(d["id"], d["type_label"], d["delivery_state"], len(d["deliveries"])) for d in decisions] == [
        (roles_id, "役割分担", "pending", 2),
        (continue_id, "継続検討", "pending", 1),
    ]
    by_case = (
        await world.client.get(
            f"{MEETINGS}/decisions", params={"case_id": case["id"]}, headers=world.user("csw-higashi")
        )
    ).json()
    assert {d["id"] for d in by_case} == {roles_id, continue_id}
    assert (
        await world.client.get(
            f"{MEETINGS}/decisions", params={"case_id": case["id"]}, headers=world.user("sup2")
        )
    ).json() == []  # no member: not even ids


async def test_non_member_supervisor_gets_404_on_shien_kaigi_minutes(linked_world: World) -> None:
    world = linked_world
    meeting, _, item = await meeting_with_case(world)
    await put_minutes(world, meeting["id"], minutes_of(item, ROLES), '"0"')
    for path in ("minutes", "decisions"):
        response = await world.client.get(f"{MEETINGS}/{meeting['id']}/{path}", headers=world.user("sup2"))
        assert response.status_code == 404
        assert "訪問" not in response.text


BAD_MINUTES = [
    pytest.param(
        lambda item: {"items": [{"agenda_item_id": str(uuid.uuid4())}]},
        "agenda_item_id",
        id="not an agenda item of this meeting",
    ),
    pytest.param(lambda item: {"attendees": ["sup1", "sc-higashi"]}, "attendees", id="attendee not a member"),
    pytest.param(lambda item: {"attendees": ["sup1", "sup1"]}, "attendees", id="attendee twice"),
    pytest.param(
        lambda item: minutes_of(item, {"type": "adjourned", "text": "x"}), "type", id="unknown type"
    ),
    pytest.param(
        lambda item: minutes_of(item, {"type": "closure", "text": " "}), "text", id="blank decision"
    ),
    pytest.param(
        lambda item: minutes_of(
            item, {**ROLES, "actions": [{**TWO_ACTIONS[0], "owner_kind": "agency", "owner": "東包括"}]}
        ),
        "owner",
        id="owner not an id",
    ),
    pytest.param(
        lambda item: minutes_of(item, {**ROLES, "actions": [{**TWO_ACTIONS[0], "due_date": "soon"}]}),
        "due_date",
        id="bad due date",
    ),
    pytest.param(
        lambda item: {"items": [{"agenda_item_id": item["id"]}, {"agenda_item_id": item["id"]}]},
        "items",
        id="one item twice",
    ),
    pytest.param(lambda item: {"summary": "x"}, "summary", id="unknown field"),
]


@pytest.mark.parametrize(("make", "field"), BAD_MINUTES)
async def test_bad_minutes_are_a_422_and_write_nothing(linked_world: World, make: Any, field: str) -> None:
    world = linked_world
    meeting, _, item = await meeting_with_case(world)
    response = await put_minutes(world, meeting["id"], make(item), '"0"')
    assert response.status_code == 422, response.text
    assert any(field in e["loc"] for e in response.json()["errors"])
    assert (await world.client.get(f"{MEETINGS}/{meeting['id']}/minutes", headers=world.user("sup1"))).json()[
        "version"
    ] == 0


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("sup1", 200),  # chair and organiser
        ("csw-nishi", 403),  # a member, but not one who runs the meeting
        ("sup2", 404),  # not a member
    ],
)
async def test_who_writes_the_minutes(linked_world: World, who: str, status: int) -> None:
    world = linked_world
    meeting, _, item = await meeting_with_case(world)
    assert (await put_minutes(world, meeting["id"], minutes_of(item), '"0"', by=who)).status_code == status


async def test_finalise_needs_minutes_and_amendments_need_final_minutes(
    linked_world: World, app: FastAPI
) -> None:
    world = linked_world
    meeting, _, item = await meeting_with_case(world)
    url = f"{MEETINGS}/{meeting['id']}/minutes"
    assert (await world.client.post(f"{url}/finalise", headers=world.user("sup1"))).json()[
        "type"
    ] == "/problems/minutes-not-written"
    amendment = {
        "text": "終結の決定を追記。",
        "reason": "記載漏れ",
        "decisions": [{"agenda_item_id": item["id"], "type": "closure", "text": "目標達成により終結"}],
    }
    early = await world.client.post(f"{url}/amendments", json=amendment, headers=world.user("sup1"))
    assert early.status_code == 409
    await put_minutes(world, meeting["id"], minutes_of(item), '"0"')
    # Finalising needs no If-Match, but a stale one is refused.
    assert (
        await world.client.post(f"{url}/finalise", headers={**world.user("sup1"), "If-Match": '"7"'})
    ).status_code == 412
    assert (await world.client.post(f"{url}/finalise", headers=world.user("sup1"))).status_code == 200
    assert await outbox(app) == []  # no decisions, nothing to send

    added = await world.client.post(f"{url}/amendments", json=amendment, headers=world.user("sup1"))
    assert added.status_code == 201, added.text
    [closure_id] = added.json()["decision_ids"]
    assert [m.idempotency_key for m in await outbox(app)] == [f"meeting-decision-{closure_id}-record"]
    minutes = (await world.client.get(url, headers=world.user("csw-higashi"))).json()
    assert minutes["amendments"][0]["reason"] == "記載漏れ"
    assert minutes["amendments"][0]["decision_ids"] == [closure_id]
    # The agenda cannot change under final minutes.
    assert (
        await world.client.delete(
            f"{MEETINGS}/{meeting['id']}/agenda/{item['id']}", headers=world.user("sup1")
        )
    ).status_code == 409


class GatewayToken:
    """Stands in for the gateway: the service token meeting-api's dispatcher would be given."""

    def __init__(self, tokens: TokenFactory, scopes: tuple[str, ...]) -> None:
        self._token = tokens.token("system", username="meeting-api", scopes=scopes)

    async def get(self) -> str:
        return self._token


async def test_decisions_reach_the_case_exactly_once_even_when_case_api_was_down(
    linked_world: World, app: FastAPI, case_client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    world = linked_world
    meeting, case, item = await meeting_with_case(world)
    await put_minutes(world, meeting["id"], minutes_of(item, ROLES), '"0"')
    final = await world.client.post(
        f"{MEETINGS}/{meeting['id']}/minutes/finalise", headers=world.user("sup1")
    )
    [decision_id] = [d["id"] for d in final.json()["items"][0]["decisions"]]
    # Exactly the scopes the gateway grants the meeting-api client.
    token = GatewayToken(tokens, ("service",))

    # case-api is down: nothing is lost, the messages wait.
    async with httpx.AsyncClient() as network:
        down = OutboxDispatcher(app.state.sessionmaker, network, {"case": "http://127.0.0.1:9"}, token)
        assert await down.deliver_due() == 2
    assert all(m.delivered_at is None and m.attempts == 1 for m in await outbox(app))
    async with app.state.sessionmaker() as session, session.begin():
        await session.execute(update(OutboxMessage).values(next_attempt_at=datetime.now(UTC)))

    # case-api is back: each message is delivered once; another pass sends nothing.
    up = OutboxDispatcher(app.state.sessionmaker, case_client, {"case": "http://case-api"}, token)
    assert await up.deliver_due() == 2
    assert await up.deliver_due() == 0
    actions_message, record_message = await outbox(app)
    assert actions_message.delivered_at is not None, actions_message.last_status

    plan = (
        await case_client.get(f"/api/v1/cases/{case['id']}/plan", headers=world.user("csw-higashi"))
    ).json()
    assert [(a["text"], a["owner"], a["source"], a["source_ref"]) for a in plan["actions"]] == [
        ("CSW が隔週で自宅訪問", "csw-higashi", "meeting", decision_id),
        ("地域包括が母を訪問", "houkatsu-higashi", "meeting", decision_id),
    ]

    decisions = (
        await world.client.get(f"{MEETINGS}/{meeting['id']}/decisions", headers=world.user("sup1"))
    ).json()
    states = {d["kind"]: d["state"] for d in decisions[0]["deliveries"]}
    assert states["actions"] == "delivered"
    assert record_message.delivered_at is not None, record_message.last_status
    records = (
        await case_client.get(f"/api/v1/cases/{case['id']}/records", headers=world.user("sup1"))
    ).json()
    assert [r["text"] for r in records["items"] if r["kind"] == "meeting"] == [
        f"支援会議 2026年11月10日: 役割分担 — CSW と地域包括で訪問を分担する。 (決定ID {decision_id})"
    ]
    assert decisions[0]["delivery_state"] == "delivered"
