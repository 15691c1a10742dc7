"""Deliveries between services: every body a sender queues fits its receiver's schema, and one the
receiver refuses anyway becomes a dead letter that supervisors see, retry and resolve."""

import asyncio
import json
import os
import uuid
from datetime import UTC, datetime, timedelta

import httpx
from fastapi.routing import APIRoute
from pydantic import TypeAdapter, ValidationError

from tsunagu_local.stack import Stack

HOUKATSU_HIGASHI = "0b0c0000-0000-4000-8000-000000000001"
QUEUED = "SELECT id, destination, method, path, body FROM outbox_message WHERE id > $1"
LAST = "SELECT coalesce(max(id), 0) AS id FROM outbox_message"


def _api_routes(routes: list) -> list[APIRoute]:
    """Every endpoint of an app, through the routers it includes."""
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            found += _api_routes(route.original_router.routes)
    return found


def receiver_schema(destination: str, method: str, path: str) -> TypeAdapter:
    """The body model of the receiver's own route for `method path`: the contract the sender must meet."""
    os.environ.setdefault("TSUNAGU_DEMO_MODE", "1")
    if destination == "gateway":
        from gateway.main import create_app
    else:
        from case_api.main import create_app

    for route in _api_routes(create_app().routes):
        if method in route.methods and route.path_regex.match(path):
            assert route.body_field is not None, f"{method} {path} takes no body"
            return TypeAdapter(route.body_field.field_info.annotation)
    raise AssertionError(f"{destination} has no route for {method} {path}")


async def _queue_one_of_each(gateway: httpx.AsyncClient, csw: dict, sup: dict) -> None:
    """An urgent e-mail (received a few minutes 'ahead', as a fast clock sends it), a triage into a new
    case, and finalised minutes with a decision and an action: every kind of delivery there is."""
    ahead = (datetime.now(UTC) + timedelta(minutes=4)).isoformat()
    urgent = await gateway.post(
        "/api/v1/consultations",
        headers=csw,
        json={"channel": "email", "area": "higashi", "summary": "消えたいとのメール", "risks": ["suicidal"]}
        | {"received_at": ahead},
    )
    assert urgent.status_code == 201, urgent.text
    consultation = await gateway.post(
        "/api/v1/consultations",
        headers=csw,
        json={"channel": "phone", "area": "higashi", "summary": "契約試験の相談"},
    )
    triaged = await gateway.post(
        f"/api/v1/consultations/{consultation.json()['id']}/triage",
        headers=csw,
        json={
            "outcome": "new_case",
            "new_case": {
                "title": "契約試験世帯",
                "lead_username": "csw-higashi",
                "members": [
                    {"name": "契約 花子", "name_kana": "けいやく はなこ", "birth_date": "1950-02-01"}
                    | {"relationship": "self", "is_primary": True, "phone": "０４２－３８７－００００"},
                ],
            },
        },
    )
    assert triaged.status_code == 201, triaged.text
    case = await gateway.post(
        "/api/v1/cases", headers=sup, json={"title": "契約試験ケース", "area": "higashi"}
    )
    bodies = (await gateway.get("/api/v1/meeting-bodies", headers=sup)).json()["items"]
    shien = next(b for b in bodies if b["type"] == "shien")
    await gateway.post(f"/api/v1/meeting-bodies/{shien['id']}/confidentiality", headers=sup)
    starts = datetime(2033, 3, 1, 5, tzinfo=UTC) + timedelta(hours=uuid.uuid4().int % 2000)
    meeting = await gateway.post(
        "/api/v1/meetings",
        headers=sup,
        json={
            "body_id": shien["id"],
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=1)).isoformat(),
            "confirm_clash": True,
        },
    )
    assert meeting.status_code == 201, meeting.text
    meeting_id = meeting.json()["id"]
    agenda = await gateway.post(
        f"/api/v1/meetings/{meeting_id}/agenda", headers=sup, json={"case_id": case.json()["id"]}
    )
    assert agenda.status_code == 201, agenda.text
    action = {"text": "隔週で訪問する", "owner_kind": "agency", "owner": HOUKATSU_HIGASHI}
    written = await gateway.put(
        f"/api/v1/meetings/{meeting_id}/minutes",
        headers={**sup, "If-Match": '"0"'},
        json={
            "attendees": ["sup1"],
            "items": [
                {
                    "agenda_item_id": agenda.json()["id"],
                    "discussion": "分担を確認。",
                    "decisions": [{"type": "role_division", "text": "訪問を分担する。", "actions": [action]}],
                }
            ],
        },
    )
    assert written.status_code == 200, written.text
    final = await gateway.post(
        f"/api/v1/meetings/{meeting_id}/minutes/finalise",
        headers={**sup, "If-Match": written.headers["etag"]},
    )
    assert final.status_code == 200, final.text


async def test_every_body_the_senders_queue_fits_the_receivers_own_schema(
    stack: Stack, gateway: httpx.AsyncClient, login
) -> None:
    csw, sup = await login("csw-higashi"), await login("sup1")
    # What the senders queue from here on (other tests put deliberately bad rows in, to see them refused).
    senders = ("intake-api", "meeting-api", "case-api")
    before = {sender: (await stack.fetch(sender, LAST))[0]["id"] for sender in senders}
    await _queue_one_of_each(gateway, csw, sup)

    seen: set[str] = set()
    for sender in senders:
        for row in await stack.fetch(sender, QUEUED, before[sender]):
            body = json.loads(row["body"]) if isinstance(row["body"], str) else row["body"]
            schema = receiver_schema(row["destination"], row["method"], row["path"])
            try:
                schema.validate_json(json.dumps(body))
            except ValidationError as exc:
                fields = [".".join(map(str, e["loc"])) for e in exc.errors()]
                raise AssertionError(
                    f"{sender} queued a body {row['destination']} refuses: {row['path']} {fields}"
                ) from None
            seen.add("/".join("{id}" if len(p) == 36 else p for p in row["path"].split("/")))
    assert {
        "/api/v1/safety-checks",
        "/api/v1/cases/from-intake",
        "/api/v1/cases/{id}/plan/actions",
        "/api/v1/cases/{id}/records",
        "/api/v1/notifications/deliveries",
    } <= seen


async def _dead_letters(gateway: httpx.AsyncClient, sup: dict) -> list[dict]:
    answer = await gateway.get("/api/v1/statistics/attention", headers=sup)
    assert answer.status_code == 200, answer.text
    return answer.json()["dead_letters"]["items"]


async def test_a_delivery_case_api_refuses_is_a_dead_letter_supervisors_see_retry_and_resolve(
    eventually, stack: Stack, gateway: httpx.AsyncClient, login
) -> None:
    sup, csw = await login("sup1"), await login("csw-higashi")
    consultation_id = uuid.uuid4()
    key = f"consultation-{consultation_id}-safety-check"
    # As an older intake-api (or a bug) would have queued it: a 安否確認 received years ahead.
    await stack.fetch(
        "intake-api",
        "INSERT INTO outbox_message (destination, method, path, body, idempotency_key) "
        "VALUES ('case', 'POST', '/api/v1/safety-checks', $1::jsonb, $2)",
        json.dumps(
            {
                "consultation_id": str(consultation_id),
                "area": "higashi",
                "reason": "相談受付時に生命の危険のおそれ: 希死念慮",
                "received_at": "2099-12-01T10:10:00+09:00",
                "source_key": key,
            }
        ),
        key,
    )

    async def listed() -> dict | None:
        return next(
            (
                d
                for d in await _dead_letters(gateway, sup)
                if d["link"] == f"/consultations/{consultation_id}"
            ),
            None,
        )

    dead = await eventually(listed)
    assert (dead["service"], dead["kind"], dead["last_status"]) == ("intake-api", "safety_check_request", 422)
    assert dead["fields"] == ["received_at"]
    assert "2099" not in json.dumps(dead)  # what it carried is not shown, only why it was refused
    ready = (await gateway.get("/readyz")).json()
    assert ready["details"]["services"]["intake-api"]["dead_letters"] >= 1
    assert (await gateway.get("/api/v1/dead-letters", headers=csw)).status_code == 403

    retried = await gateway.post(f"/api/v1/dead-letters/intake-api/{dead['id']}/retry", headers=sup)
    assert retried.status_code == 200, retried.text
    assert (retried.json()["failed_at"], retried.json()["retried_by"]) == (None, "sup1")
    again = await eventually(listed)  # nothing was fixed: refused again, listed again
    assert again["attempts"] > dead["attempts"]

    bad = await gateway.post(f"/api/v1/dead-letters/intake-api/{dead['id']}/resolve", headers=sup, json={})
    assert bad.status_code == 422
    resolutions = await asyncio.gather(
        *(
            gateway.post(
                f"/api/v1/dead-letters/intake-api/{dead['id']}/resolve",
                headers=sup,
                json={"reason": "受付日時の誤り。安否確認は手動で登録済み。"},
            )
            for _ in range(5)
        )
    )
    assert sorted(r.status_code for r in resolutions) == [200, 409, 409, 409, 409]
    resolved = next(r.json() for r in resolutions if r.status_code == 200)
    assert (resolved["resolved_by"], resolved["resolution"]) == (
        "sup1",
        "受付日時の誤り。安否確認は手動で登録済み。",
    )
    assert await listed() is None
    history = (
        await gateway.get("/api/v1/dead-letters", params={"include_resolved": "true"}, headers=sup)
    ).json()
    assert any(d["id"] == dead["id"] and d["resolved_at"] for d in history["items"])
    audit = await gateway.get(
        "/api/v1/audit-events", params={"resource_type": "dead-letters", "actor": "sup1"}, headers=sup
    )
    assert {e["path"] for e in audit.json()["items"]} >= {
        f"/api/v1/dead-letters/intake-api/{dead['id']}/retry",
        f"/api/v1/dead-letters/intake-api/{dead['id']}/resolve",
    }
