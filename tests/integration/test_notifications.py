"""お知らせ end to end: each service's event travels through its outbox to the gateway's inbox and
reaches the right people exactly once: the new 主担当, the agency a case is shared with, the
supervisors for an anonymous report and its follow-up, a meeting's participants when it moves."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import httpx

from intake_api.public_reports.challenge import solve

HOUKATSU_HIGASHI = "0b0c0000-0000-4000-8000-000000000001"


async def inbox(gateway: httpx.AsyncClient, headers: dict, link: str) -> list[dict]:
    answer = await gateway.get("/api/v1/notifications", params={"limit": 200}, headers=headers)
    assert answer.status_code == 200, answer.text
    return [n for n in answer.json()["items"] if n["link"] == link]


async def test_assignment_share_report_and_meeting_reach_the_right_people_once(
    eventually, gateway: httpx.AsyncClient, login
) -> None:
    sup, sup2 = await login("sup1"), await login("sup2")
    csw, agency = await login("csw-higashi"), await login("agency-houkatsu-higashi")
    title = f"お知らせ試験世帯 {uuid.uuid4().hex[:4]}"
    case = await gateway.post(
        "/api/v1/cases", headers=sup, json={"title": title, "area": "higashi", "lead_username": "csw-higashi"}
    )
    assert case.status_code == 201, case.text
    link = f"/cases/{case.json()['id']}"
    shared = await gateway.post(
        f"/api/v1/cases/{case.json()['id']}/shares",
        headers=sup,
        json={"grantee_kind": "agency", "grantee": HOUKATSU_HIGASHI, "reason": "役割分担のため"},
    )
    assert shared.status_code == 201, shared.text

    assigned = await eventually(lambda: inbox(gateway, csw, link))
    told = await eventually(lambda: inbox(gateway, agency, link))
    assert [n["kind"] for n in assigned] == ["case_assigned"] and title in assigned[0]["text"]
    assert [n["kind"] for n in told] == ["case_shared"]
    assert await inbox(gateway, sup, link) == []  # the actor is not told of their own change

    issued = (await gateway.get("/api/v1/public/challenge")).json()
    report = await gateway.post(
        "/api/v1/public/reports",
        json={
            "text": "公民館の裏で毎晩同じ方が寝ています。",
            "proof": {
                "challenge": issued["challenge"],
                "nonce": solve(issued["challenge"], issued["difficulty"]),
            },
        },
    )
    assert report.status_code == 201, report.text
    queue = (await gateway.get("/api/v1/consultations", params={"limit": 200}, headers=sup)).json()["items"]
    [consultation] = [c for c in queue if "公民館の裏" in c["summary"]]
    report_link = f"/consultations/{consultation['id']}"
    for supervisor in (sup, sup2):
        notices = await eventually(lambda s=supervisor: inbox(gateway, s, report_link))
        assert [n["kind"] for n in notices] == ["anonymous_report"]
        assert "公民館" not in notices[0]["text"]  # the report's text stays in the consultation
    assert await inbox(gateway, csw, report_link) == []

    starts = datetime(2035, 2, 5, 2, tzinfo=UTC) + timedelta(hours=uuid.uuid4().int % 3000)
    meeting = await gateway.post(
        "/api/v1/meetings",
        headers=sup,
        json={
            "title": "お知らせ試験のケース会議",
            "body_type": "case_conference",
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=1)).isoformat(),
            "participants": ["csw-higashi"],
        },
    )
    assert meeting.status_code == 201, meeting.text
    moved = await gateway.patch(
        f"/api/v1/meetings/{meeting.json()['id']}",
        headers={**sup, "If-Match": meeting.headers["etag"]},
        json={
            "starts_at": (starts + timedelta(days=1)).isoformat(),
            "ends_at": (starts + timedelta(days=1, hours=1)).isoformat(),
        },
    )
    assert moved.status_code == 200, moved.text
    meeting_link = f"/meetings/{meeting.json()['id']}"
    await eventually(lambda: _kinds(gateway, csw, meeting_link, {"meeting_scheduled", "meeting_rescheduled"}))

    await asyncio.sleep(3)  # any duplicate delivery would have landed by now
    assert len(await inbox(gateway, csw, link)) == 1
    assert len(await inbox(gateway, agency, link)) == 1
    assert len(await inbox(gateway, sup2, report_link)) == 1
    assert sorted(n["kind"] for n in await inbox(gateway, csw, meeting_link)) == [
        "meeting_rescheduled",
        "meeting_scheduled",
    ]


async def _kinds(gateway: httpx.AsyncClient, headers: dict, link: str, wanted: set[str]) -> bool:
    return {n["kind"] for n in await inbox(gateway, headers, link)} >= wanted


async def test_a_follow_up_after_triage_tells_the_case_lead_and_marks_the_report_until_read(
    eventually, gateway: httpx.AsyncClient, login
) -> None:
    sup, csw, other = await login("sup1"), await login("csw-higashi"), await login("csw-kita")
    marker = uuid.uuid4().hex[:6]

    async def proof() -> dict:
        issued = (await gateway.get("/api/v1/public/challenge")).json()
        return {"challenge": issued["challenge"], "nonce": solve(issued["challenge"], issued["difficulty"])}

    report = await gateway.post(
        "/api/v1/public/reports",
        json={"text": f"団地の階段で毎朝座り込む方がいます {marker}", "proof": await proof()},
    )
    assert report.status_code == 201, report.text
    code = report.json()["receipt_code"]
    queue = (await gateway.get("/api/v1/consultations", params={"limit": 200}, headers=sup)).json()
    [consultation] = [c for c in queue["items"] if marker in c["summary"]]
    path = f"/api/v1/consultations/{consultation['id']}"
    triaged = await gateway.post(
        f"{path}/triage",
        headers=sup,
        json={
            "outcome": "new_case",
            "area": "higashi",
            "new_case": {
                "title": f"通報からの支援 {marker}",
                "lead_username": "csw-higashi",
                "members": [{"name": "不明 さん", "relationship": "self", "is_primary": True}],
            },
        },
    )
    assert triaged.status_code == 201, triaged.text

    async def case_opened() -> str | None:
        return (await gateway.get(f"{path}/triage", headers=sup)).json()["case_id"]

    await eventually(case_opened, within=30)
    before = (await gateway.get(path, headers=csw)).json()
    assert before["follow_up_pending_since"] is None

    async def follow_up(text: str) -> None:
        sent = await gateway.post(
            f"/api/v1/public/reports/{code}/messages", json={"text": text, "proof": await proof()}
        )
        assert sent.status_code == 204, sent.text

    await follow_up("今朝もいました。")
    first = (await gateway.get(path, headers=csw)).json()  # the lead opens the page here …
    assert first["follow_up_pending_since"] == first["last_follow_up_at"] is not None
    await follow_up("顔色が悪かったです。")  # … a second follow-up comes in meanwhile …
    link = f"/consultations/{consultation['id']}"
    told = await eventually(lambda: _at_least(gateway, csw, link, 2))
    assert {n["kind"] for n in told} == {"report_follow_up"}
    assert all("顔色" not in n["text"] for n in told)  # the reporter's words stay in the consultation
    assert await inbox(gateway, other, link) == []  # neither the lead nor the triager: not told
    assert len(await eventually(lambda: _at_least(gateway, sup, link, 2))) >= 2  # the triager

    seen_first = await gateway.post(  # … and the lead acknowledges what the page showed: the first
        f"{path}/follow-up-acknowledgement", headers=csw, json={"seen_up_to": first["last_follow_up_at"]}
    )
    assert seen_first.status_code == 204
    marked = (await gateway.get(path, headers=csw)).json()
    assert marked["follow_up_pending_since"] == marked["last_follow_up_at"] != first["last_follow_up_at"]
    assert marked["follow_up_count"] == 2
    acks = await asyncio.gather(
        *(
            gateway.post(
                f"{path}/follow-up-acknowledgement",
                headers=csw,
                json={"seen_up_to": marked["last_follow_up_at"]},
            )
            for _ in range(5)
        )
    )
    assert [a.status_code for a in acks] == [204] * 5
    assert (await gateway.get(path, headers=csw)).json()["follow_up_pending_since"] is None
    for bad_time in (
        "yesterday",
        "9999-12-31T23:59:59-14:00",
        "0001-01-01T00:00:00+14:00",
        "2026-12-03T10:00",
    ):
        bad = await gateway.post(
            f"{path}/follow-up-acknowledgement", headers=csw, json={"seen_up_to": bad_time}
        )
        assert bad.status_code == 422, (bad_time, bad.text)
        assert bad.headers["content-type"].startswith("application/problem+json")
    await asyncio.sleep(3)  # any duplicate delivery would have landed by now
    assert len(await inbox(gateway, csw, link)) == 2


async def _at_least(gateway: httpx.AsyncClient, headers: dict, link: str, count: int) -> list[dict] | None:
    found = await inbox(gateway, headers, link)
    return found if len(found) >= count else None


async def test_a_safety_check_falling_due_and_overdue_is_told_once_each(
    eventually, gateway: httpx.AsyncClient, login
) -> None:
    sup, csw = await login("sup1"), await login("csw-higashi")
    title = f"安否確認の知らせ {uuid.uuid4().hex[:6]}"
    case = await gateway.post("/api/v1/cases", headers=sup, json={"title": title, "area": "higashi"})
    assert case.status_code == 201, case.text
    link = f"/cases/{case.json()['id']}"
    check = await gateway.post(
        "/api/v1/safety-checks",
        headers={**sup, "Idempotency-Key": str(uuid.uuid4())},
        json={
            "case_id": case.json()["id"],
            "area": "higashi",
            "reason": "電話口で「もう限界」との言葉",
            "due_at": (datetime.now(UTC) + timedelta(minutes=40)).isoformat(),
            "assigned_to": "csw-higashi",
        },
    )
    assert check.status_code == 201, check.text
    due = await eventually(lambda: _of_kind(gateway, csw, link, "safety_check_due"))
    assert title in due[0]["text"] and "1時間以内" in due[0]["text"]
    assert await _of_kind(gateway, sup, link, "safety_check_due") == []  # the assignee's, not everyone's

    moved = await gateway.patch(
        f"/api/v1/safety-checks/{check.json()['id']}",
        headers={**sup, "If-Match": check.headers["ETag"]},
        json={"due_at": (datetime.now(UTC) - timedelta(minutes=5)).isoformat()},
    )
    assert moved.status_code == 200, moved.text
    for person in (csw, sup):  # overdue: the assignee and the supervisors
        late = await eventually(lambda p=person: _of_kind(gateway, p, link, "safety_check_overdue"))
        assert "過ぎています" in late[0]["text"] and "限界" not in late[0]["text"]

    await asyncio.sleep(3)  # three more passes of the reminders: nothing is told twice
    assert len(await _of_kind(gateway, csw, link, "safety_check_overdue")) == 1
    assert len(await _of_kind(gateway, csw, link, "safety_check_due")) == 1  # overdue at once: not "due soon"
    done = await gateway.post(
        f"/api/v1/safety-checks/{check.json()['id']}/outcome",
        headers={**csw, "If-Match": moved.headers["ETag"]},
        json={"outcome": "safe", "outcome_note": "訪問して無事を確認"},
    )
    assert done.status_code == 200, done.text


async def _of_kind(gateway: httpx.AsyncClient, headers: dict, link: str, kind: str) -> list[dict]:
    return [n for n in await inbox(gateway, headers, link) if n["kind"] == kind]
