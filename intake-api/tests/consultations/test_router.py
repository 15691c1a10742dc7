"""Consultations through intake-api's own HTTP interface, on a real PostgreSQL."""

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tsunagu_services.testing import TokenFactory

VALID = {"channel": "phone", "area": "higashi", "summary": "隣の家の母親と息子が心配です", "urgent": False}


def staff(tokens: TokenFactory, role: str, area: str | None = None, username: str | None = None):
    return tokens.headers(role, area=area, username=username or f"{role}-{area}")


async def test_csw_records_and_reads_back(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    headers = staff(tokens, "csw", "higashi")
    body = {
        **VALID,
        "person_name": "山田　太郎",
        "person_kana": "やまだ たろう",
        "summary": "電話番号は０４２－１２３－４５６７",
    }
    created = await client.post("/api/v1/consultations", json=body, headers=headers)
    assert created.status_code == 201, created.text
    consultation = created.json()
    assert consultation["person_kana"] == "ヤマダ タロウ"
    assert consultation["person_name"] == "山田 太郎"
    assert consultation["received_by"] == "csw-higashi"
    assert consultation["status"] == "open"

    read = await client.get(f"/api/v1/consultations/{consultation['id']}", headers=headers)
    assert read.status_code == 200
    assert read.json() == consultation


async def test_area_rule_csw_sees_own_area_supervisor_sees_all(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    west = await client.post(
        "/api/v1/consultations", json={**VALID, "area": "nishi"}, headers=staff(tokens, "csw", "nishi")
    )
    west_id = west.json()["id"]

    east = staff(tokens, "csw", "higashi")
    assert (await client.get(f"/api/v1/consultations/{west_id}", headers=east)).status_code == 404
    listed = (await client.get("/api/v1/consultations", headers=east)).json()
    assert west_id not in {c["id"] for c in listed["items"]}

    supervisor = staff(tokens, "supervisor")
    assert (await client.get(f"/api/v1/consultations/{west_id}", headers=supervisor)).status_code == 200
    listed = (await client.get("/api/v1/consultations", headers=supervisor)).json()
    assert west_id in {c["id"] for c in listed["items"]}


@pytest.mark.parametrize("role", ["agency", "sc"])
async def test_roles_without_intake_rights_cannot_record_or_read(
    client: httpx.AsyncClient, tokens: TokenFactory, role: str
) -> None:
    recorded = await client.post("/api/v1/consultations", json=VALID, headers=staff(tokens, "csw", "higashi"))
    outsider = staff(tokens, role, "higashi")
    assert (await client.post("/api/v1/consultations", json=VALID, headers=outsider)).status_code == 403
    assert (
        await client.get(f"/api/v1/consultations/{recorded.json()['id']}", headers=outsider)
    ).status_code == 404
    assert (await client.get("/api/v1/consultations", headers=outsider)).json()["total"] == 0


async def test_system_client_needs_its_scope(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    without = tokens.headers("system", username="city-system", scopes=("statistics:read",))
    assert (await client.post("/api/v1/consultations", json=VALID, headers=without)).status_code == 403
    with_scope = tokens.headers("system", username="houkatsu-system", scopes=("consultations:write",))
    created = await client.post(
        "/api/v1/consultations", json={**VALID, "channel": "referral"}, headers=with_scope
    )
    assert created.status_code == 201
    assert created.json()["received_by"] == "houkatsu-system"


async def test_idempotency_key_replays_refuses_other_body(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    headers = {**staff(tokens, "supervisor"), "Idempotency-Key": str(uuid.uuid4())}
    first = await client.post("/api/v1/consultations", json=VALID, headers=headers)
    again = await client.post("/api/v1/consultations", json=VALID, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"

    other = await client.post("/api/v1/consultations", json={**VALID, "summary": "別件"}, headers=headers)
    assert other.status_code == 422
    assert other.json()["type"] == "/problems/idempotency-key-reused"

    listed = (await client.get("/api/v1/consultations?area=higashi&limit=200", headers=headers)).json()
    assert [c["id"] for c in listed["items"]].count(first.json()["id"]) == 1
    assert listed["total"] == 1


BAD_BODIES = [
    pytest.param({**VALID, "channel": "fax"}, "channel", id="unknown channel"),
    pytest.param({k: v for k, v in VALID.items() if k != "summary"}, "summary", id="missing summary"),
    pytest.param({**VALID, "summary": ""}, "summary", id="empty summary"),
    pytest.param({**VALID, "summary": "x" * 4001}, "summary", id="summary too long"),
    pytest.param({**VALID, "urgent": "maybe"}, "urgent", id="urgent not a boolean"),
    pytest.param({**VALID, "area": "東"}, "area", id="area not a code"),
    pytest.param({**VALID, "received_at": "2026-11-26T10:10:00"}, "received_at", id="naive time"),
    pytest.param({**VALID, "received_at": "yesterday"}, "received_at", id="not a time"),
    pytest.param(
        {**VALID, "received_at": (datetime.now(UTC) + timedelta(days=3)).isoformat()},
        "received_at",
        id="received days ahead (clock skew, typo)",
    ),
    pytest.param({**VALID, "received_at": "1926-12-25T10:00:00+09:00"}, "received_at", id="before 1950"),
    pytest.param({**VALID, "person_name": ""}, "person_name", id="empty name"),
    pytest.param({**VALID, "nickname": "x"}, "nickname", id="unknown field"),
]


@pytest.mark.parametrize(("body", "field"), BAD_BODIES)
async def test_bad_input_is_a_422_problem_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict, field: str
) -> None:
    headers = staff(tokens, "supervisor")
    response = await client.post("/api/v1/consultations", json=body, headers=headers)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "/problems/validation"
    assert field in [err["loc"][-1] for err in problem["errors"]]
    assert "input" not in problem["errors"][0]  # submitted values are never echoed
    assert (await client.get("/api/v1/consultations", headers=headers)).json()["total"] == 0


async def test_malformed_json_and_oversized_body_are_problems(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    headers = {**staff(tokens, "supervisor"), "Content-Type": "application/json"}
    malformed = await client.post("/api/v1/consultations", content=b'{"channel": ', headers=headers)
    assert malformed.status_code == 422
    assert malformed.headers["content-type"] == "application/problem+json"

    huge = await client.post("/api/v1/consultations", content=b"x" * 2_000_000, headers=headers)
    assert huge.status_code == 413
    assert huge.json()["type"] == "/problems/payload-too-large"


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Bearer",
        "Bearer not-a-token",
        "Basic dXNlcjpwYXNz",
        "Bearer a.b.c",
    ],
)
async def test_missing_or_malformed_token_is_401(
    client: httpx.AsyncClient, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    response = await client.get("/api/v1/consultations", headers=headers)
    assert response.status_code == 401
    assert response.json()["type"] == "/problems/unauthorized"


async def test_token_from_another_issuer_or_expired_is_401(client: httpx.AsyncClient) -> None:
    stranger = TokenFactory()  # a key the service does not trust
    assert (
        await client.get("/api/v1/consultations", headers=stranger.headers("supervisor"))
    ).status_code == 401


async def test_expired_token_is_401(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    expired = {"Authorization": f"Bearer {tokens.token('supervisor', ttl=-120)}"}
    assert (await client.get("/api/v1/consultations", headers=expired)).status_code == 401


async def test_unknown_consultation_id_is_404_and_bad_id_is_422(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    headers = staff(tokens, "supervisor")
    assert (await client.get(f"/api/v1/consultations/{uuid.uuid4()}", headers=headers)).status_code == 404
    assert (await client.get("/api/v1/consultations/not-a-uuid", headers=headers)).status_code == 422


async def test_received_a_minute_ahead_is_a_clock_a_little_fast_and_accepted(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    ahead = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    response = await client.post(
        "/api/v1/consultations", json={**VALID, "received_at": ahead}, headers=staff(tokens, "supervisor")
    )
    assert response.status_code == 201, response.text
