"""Closing a 重層事業 case (DOMAIN.md: 支援会議 decides the 終結): case-api asks the real meeting-api
whether the decision named is that case's 終結 decision; another id, or another kind, is refused."""

import uuid
from datetime import UTC, datetime, timedelta

import httpx


async def test_a_juusou_case_closes_only_with_its_own_closure_decision(
    gateway: httpx.AsyncClient, login
) -> None:
    sup = await login("sup1")
    case = await gateway.post("/api/v1/cases", headers=sup, json={"title": "終結確認世帯", "area": "higashi"})
    assert case.status_code == 201, case.text
    case_id = case.json()["id"]
    assert case.json()["effective_body"] == "shien"  # no consent: the confidential 支援会議
    bodies = (await gateway.get("/api/v1/meeting-bodies", headers=sup)).json()["items"]
    shien = next(b for b in bodies if b["type"] == "shien")
    await gateway.post(f"/api/v1/meeting-bodies/{shien['id']}/confidentiality", headers=sup)
    starts = datetime(2034, 5, 1, 5, tzinfo=UTC) + timedelta(hours=uuid.uuid4().int % 2000)
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
        f"/api/v1/meetings/{meeting_id}/agenda", headers=sup, json={"case_id": case_id}
    )
    decisions = [
        {"type": "role_division", "text": "見守りを分担する。", "actions": []},
        {"type": "closure", "text": "目標を達成したため終結とする。", "actions": []},
    ]
    written = await gateway.put(
        f"/api/v1/meetings/{meeting_id}/minutes",
        headers={**sup, "If-Match": '"0"'},
        json={
            "attendees": ["sup1"],
            "items": [
                {"agenda_item_id": agenda.json()["id"], "discussion": "終結を確認。", "decisions": decisions}
            ],
        },
    )
    assert written.status_code == 200, written.text
    final = await gateway.post(
        f"/api/v1/meetings/{meeting_id}/minutes/finalise",
        headers={**sup, "If-Match": written.headers["etag"]},
    )
    assert final.status_code == 200, final.text
    found = (await gateway.get(f"/api/v1/meetings/{meeting_id}/decisions", headers=sup)).json()
    by_type = {d["type"]: d["id"] for d in found}

    async def close(decision_id: str) -> httpx.Response:
        tag = (await gateway.get(f"/api/v1/cases/{case_id}", headers=sup)).headers["etag"]
        return await gateway.post(
            f"/api/v1/cases/{case_id}/status",
            headers={**sup, "If-Match": tag},
            json={"to": "closed", "closure_reason": "goal_met", "decision_id": decision_id},
        )

    for wrong in (str(uuid.uuid4()), by_type["role_division"]):
        refused = await close(wrong)
        assert refused.status_code == 422, refused.text
        assert refused.json()["type"] == "/problems/closure-decision-unknown"
    closed = await close(by_type["closure"])
    assert closed.status_code == 200, closed.text
    assert closed.json()["status"] == "closed" and closed.json()["closure_decision_id"] == by_type["closure"]
