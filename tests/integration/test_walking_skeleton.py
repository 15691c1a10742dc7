"""The walking skeleton end to end: real processes, real HTTP, real PostgreSQL, through the gateway."""

import asyncio
import time
import uuid

import httpx

from tsunagu_local.stack import Stack
from tsunagu_services.testing import TokenFactory

CONSULTATION = {
    "channel": "phone",
    "area": "higashi",
    "summary": "隣の80代の母親と50代の息子が心配です",
    "person_name": "小金井　一郎",
    "person_kana": "こがねい いちろう",
    "urgent": False,
}


async def test_everything_behind_the_gateway_is_ready(gateway: httpx.AsyncClient) -> None:
    response = await gateway.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "ready"


async def test_staff_token_is_verified_by_each_service_and_area_rule_holds(
    gateway: httpx.AsyncClient, login
) -> None:
    east, west, sup = await login("csw-higashi"), await login("csw-nishi"), await login("sup1")
    me = (await gateway.get("/api/v1/auth/me", headers=east)).json()
    assert (me["username"], me["role"], me["area"]) == ("csw-higashi", "csw", "higashi")

    created = await gateway.post(
        "/api/v1/consultations", json=CONSULTATION, headers={**east, "Idempotency-Key": str(uuid.uuid4())}
    )
    assert created.status_code == 201, created.text
    consultation_id = created.json()["id"]
    listed = (await gateway.get("/api/v1/consultations", headers=east)).json()
    assert consultation_id in [c["id"] for c in listed["items"]]

    assert (await gateway.get(f"/api/v1/consultations/{consultation_id}", headers=west)).status_code == 404
    assert (await gateway.get(f"/api/v1/consultations/{consultation_id}", headers=sup)).status_code == 200

    case = await gateway.post(
        "/api/v1/cases", json={"title": "小金井さん世帯", "area": "higashi"}, headers=east
    )
    assert case.status_code == 201, case.text
    case_id = case.json()["id"]
    assert (await gateway.get(f"/api/v1/cases/{case_id}", headers=east)).status_code == 200
    assert (await gateway.get(f"/api/v1/cases/{case_id}", headers=west)).status_code == 404

    meeting = await gateway.post(
        "/api/v1/meetings",
        headers=sup,
        json={
            "title": "東圏域 ケース会議",
            "body_type": "case_conference",
            "area": "higashi",
            "starts_at": "2026-12-08T01:00:00Z",
            "ends_at": "2026-12-08T02:00:00Z",
        },
    )
    assert meeting.status_code == 201, meeting.text
    listed = (await gateway.get("/api/v1/meetings", headers=east)).json()
    assert meeting.json()["id"] in [m["id"] for m in listed["items"]]


async def test_every_access_to_a_case_is_audited(gateway: httpx.AsyncClient, login) -> None:
    east, west, sup = await login("csw-higashi"), await login("csw-nishi"), await login("sup1")
    case_id = (
        await gateway.post("/api/v1/cases", json={"title": "監査テスト", "area": "higashi"}, headers=east)
    ).json()["id"]
    await gateway.get(f"/api/v1/cases/{case_id}", headers=east)
    await gateway.get(f"/api/v1/cases/{case_id}", headers=west)

    events = await gateway.get("/api/v1/audit-events", params={"resource_id": case_id}, headers=sup)
    assert events.status_code == 200, events.text
    seen = {(e["actor_username"], e["method"], e["status"]) for e in events.json()["items"]}
    assert ("csw-higashi", "GET", 200) in seen
    assert ("csw-nishi", "GET", 404) in seen  # refused looks are audited too
    assert (await gateway.get("/api/v1/audit-events", headers=east)).status_code == 403


async def test_system_client_posts_a_referral_with_client_credentials(
    gateway: httpx.AsyncClient, demo_password: str
) -> None:
    token = await gateway.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "demo-system",
            "client_secret": demo_password,
            "scope": "consultations:write",
        },
    )
    assert token.status_code == 200, token.text
    headers = {
        "Authorization": f"Bearer {token.json()['access_token']}",
        "Idempotency-Key": f"houkatsu-{uuid.uuid4()}",
    }
    body = {**CONSULTATION, "channel": "referral"}
    first = await gateway.post("/api/v1/consultations", json=body, headers=headers)
    retry = await gateway.post("/api/v1/consultations", json=body, headers=headers)
    assert first.status_code == retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]


async def test_foreign_or_malformed_tokens_are_refused_by_the_services(gateway: httpx.AsyncClient) -> None:
    foreign = TokenFactory().headers("supervisor")  # right shape, key the system never issued
    for headers in (foreign, {"Authorization": "Bearer x.y.z"}, {}):
        response = await gateway.get("/api/v1/cases", headers=headers)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"


async def test_bad_input_through_the_gateway_is_a_clear_problem(gateway: httpx.AsyncClient, login) -> None:
    sup = await login("sup1")
    malformed = await gateway.post(
        "/api/v1/consultations", content=b"{not json", headers={**sup, "Content-Type": "application/json"}
    )
    assert malformed.status_code == 422
    assert malformed.json()["type"] == "/problems/validation"
    oversized = await gateway.post(
        "/api/v1/consultations",
        content=b"{" + b" " * 3_000_000 + b"}",
        headers={**sup, "Content-Type": "application/json"},
    )
    assert oversized.status_code == 413
    unknown = await gateway.get("/api/v1/no-such-thing", headers=sup)
    assert unknown.status_code == 404
    assert unknown.headers["content-type"] == "application/problem+json"


async def test_merged_openapi_describes_every_service(gateway: httpx.AsyncClient) -> None:
    document = (await gateway.get("/api/v1/openapi.json")).json()
    for path in (
        "/api/v1/auth/token",
        "/api/v1/consultations",
        "/api/v1/cases",
        "/api/v1/meetings",
        "/api/v1/audit-events",
    ):
        assert path in document["paths"], path


async def test_a_dead_service_is_a_quick_502_and_recovers(
    stack: Stack, gateway: httpx.AsyncClient, login
) -> None:
    sup = await login("sup1")
    stack.stop(only=("meeting-api",))
    try:
        started = time.monotonic()
        response = await gateway.get("/api/v1/meetings", headers=sup)
        assert response.status_code in (502, 504)
        assert response.headers["content-type"] == "application/problem+json"
        assert time.monotonic() - started < 5
    finally:
        stack.start(only=("meeting-api",))
        await stack.wait_ready(only=("meeting-api",))
    assert (await gateway.get("/api/v1/meetings", headers=sup)).status_code == 200


async def test_logs_carry_request_ids_and_no_personal_data(
    gateway: httpx.AsyncClient, login, service_logs
) -> None:
    sup = await login("sup1")
    marker = f"確認用{uuid.uuid4().hex[:6]}"
    request_id = uuid.uuid4().hex
    created = await gateway.post(
        "/api/v1/consultations",
        headers={**sup, "X-Request-ID": request_id},
        json={**CONSULTATION, "person_name": marker, "summary": marker},
    )
    assert created.status_code == 201
    assert created.headers["x-request-id"] == request_id
    await gateway.get("/api/v1/consultations", params={"q": marker}, headers=sup)
    await asyncio.sleep(0.3)  # let the processes flush their log lines
    logs = service_logs()
    assert request_id in logs
    assert sum(request_id in line for line in logs.splitlines()) >= 2  # gateway and intake-api
    assert marker not in logs


async def test_the_audit_chain_holds_under_concurrent_requests(gateway: httpx.AsyncClient, login) -> None:
    sup, admin = await login("sup1"), await login("admin")
    answers = await asyncio.gather(
        *(gateway.get(f"/api/v1/cases/{uuid.uuid4()}", headers=sup) for _ in range(40))
    )
    assert {a.status_code for a in answers} == {404}
    report = await gateway.get("/api/v1/audit-events/verify", headers=admin)
    assert report.status_code == 200, report.text
    assert report.json()["intact"] is True, report.json()["first_break"]
    assert report.json()["events"] >= 40
