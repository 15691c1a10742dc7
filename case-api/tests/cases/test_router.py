"""Cases through case-api's own HTTP interface, on a real PostgreSQL."""

import uuid

import httpx
import pytest

from tsunagu_services.testing import TokenFactory

VALID = {"title": "小金井さん世帯", "area": "higashi", "lead_username": "csw-higashi"}


def staff(tokens: TokenFactory, role: str, area: str | None = None, username: str | None = None):
    return tokens.headers(role, area=area, username=username or f"{role}-{area}")


async def open_case(client: httpx.AsyncClient, tokens: TokenFactory, **fields) -> dict:
    body = {**VALID, **fields}
    created = await client.post("/api/v1/cases", json=body, headers=staff(tokens, "supervisor"))
    assert created.status_code == 201, created.text
    return created.json()


async def test_csw_opens_in_own_area_and_reads_back(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    headers = staff(tokens, "csw", "higashi")
    created = await client.post("/api/v1/cases", json={**VALID, "title": "８０５０　世帯"}, headers=headers)
    assert created.status_code == 201, created.text
    case = created.json()
    assert case["title"] == "8050 世帯"
    assert case["status"] == "intake"
    assert case["created_by"] == "csw-higashi"
    assert case["lead_username"] == "csw-higashi"
    assert case["version"] == 1
    assert case["opened_at"]

    read = await client.get(f"/api/v1/cases/{case['id']}", headers=headers)
    assert read.status_code == 200
    assert read.json() == case
    listed = (await client.get("/api/v1/cases", headers=headers)).json()
    assert [c["id"] for c in listed["items"]] == [case["id"]]
    assert listed["total"] == 1


async def test_csw_cannot_open_a_case_in_another_area(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    east = staff(tokens, "csw", "higashi")
    refused = await client.post("/api/v1/cases", json={**VALID, "area": "nishi"}, headers=east)
    assert refused.status_code == 403
    assert refused.json()["type"] == "/problems/forbidden"
    supervisor = staff(tokens, "supervisor")
    assert (
        await client.post("/api/v1/cases", json={**VALID, "area": "nishi"}, headers=supervisor)
    ).status_code == 201
    assert (await client.get("/api/v1/cases", headers=supervisor)).json()["total"] == 1


async def test_area_rule_csw_sees_own_area_supervisor_sees_all(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    west = await client.post(
        "/api/v1/cases",
        json={**VALID, "area": "nishi", "lead_username": "csw-nishi"},
        headers=staff(tokens, "csw", "nishi"),
    )
    west_id = west.json()["id"]

    east = staff(tokens, "csw", "higashi")
    assert (await client.get(f"/api/v1/cases/{west_id}", headers=east)).status_code == 404
    listed = (await client.get("/api/v1/cases", headers=east)).json()
    assert west_id not in {c["id"] for c in listed["items"]}
    assert listed["total"] == 0

    supervisor = staff(tokens, "supervisor")
    assert (await client.get(f"/api/v1/cases/{west_id}", headers=supervisor)).status_code == 200
    listed = (await client.get("/api/v1/cases", headers=supervisor)).json()
    assert west_id in {c["id"] for c in listed["items"]}


async def test_csw_sees_a_case_they_lead_in_another_area(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case = await open_case(client, tokens, area="nishi", lead_username="csw-higashi")
    east = staff(tokens, "csw", "higashi")
    assert (await client.get(f"/api/v1/cases/{case['id']}", headers=east)).status_code == 200
    listed = (await client.get("/api/v1/cases", headers=east)).json()
    assert [c["id"] for c in listed["items"]] == [case["id"]]
    other_east = staff(tokens, "csw", "minami")
    assert (await client.get(f"/api/v1/cases/{case['id']}", headers=other_east)).status_code == 404


@pytest.mark.parametrize("role", ["agency", "sc"])
async def test_roles_without_case_rights_cannot_open_or_read(
    client: httpx.AsyncClient, tokens: TokenFactory, role: str
) -> None:
    case = await open_case(client, tokens)
    outsider = staff(tokens, role, "higashi")
    assert (await client.post("/api/v1/cases", json=VALID, headers=outsider)).status_code == 403
    assert (await client.get(f"/api/v1/cases/{case['id']}", headers=outsider)).status_code == 404
    assert (await client.get("/api/v1/cases", headers=outsider)).json()["total"] == 0


async def test_system_client_needs_its_scope(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case = await open_case(client, tokens)
    without = tokens.headers("system", username="city-system", scopes=("statistics:read",))
    for refused in (
        await client.get(f"/api/v1/cases/{case['id']}", headers=without),
        await client.get("/api/v1/cases", headers=without),
        await client.post("/api/v1/cases", json=VALID, headers=without),
    ):
        assert refused.status_code == 403
        assert (refused.json()["type"], refused.json()["scope"]) == (
            "/problems/insufficient-scope",
            "cases:write" if refused.request.method == "POST" else "cases:read",
        )

    reader = tokens.headers("system", username="city-system", scopes=("cases:read",))
    assert (await client.get(f"/api/v1/cases/{case['id']}", headers=reader)).status_code == 200
    assert (await client.get("/api/v1/cases", headers=reader)).json()["total"] == 1
    assert (await client.post("/api/v1/cases", json=VALID, headers=reader)).status_code == 403

    writer = tokens.headers("system", username="intake-api", scopes=("cases:write",))
    created = await client.post("/api/v1/cases", json=VALID, headers=writer)
    assert created.status_code == 201
    assert created.json()["created_by"] == "intake-api"


async def test_list_filters_by_area_and_status_and_pages(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    east = await open_case(client, tokens, opened_at="2026-11-01T09:00:00+09:00")
    west = await open_case(client, tokens, area="nishi", opened_at="2026-11-02T09:00:00+09:00")
    headers = staff(tokens, "supervisor")

    listed = (await client.get("/api/v1/cases", headers=headers)).json()
    assert [c["id"] for c in listed["items"]] == [west["id"], east["id"]]  # newest first
    assert east["opened_at"] == "2026-11-01T00:00:00Z"  # stored and answered in UTC
    only_west = (await client.get("/api/v1/cases?area=nishi", headers=headers)).json()
    assert [c["id"] for c in only_west["items"]] == [west["id"]]
    assert (await client.get("/api/v1/cases?status=intake", headers=headers)).json()["total"] == 2
    assert (await client.get("/api/v1/cases?status=closed", headers=headers)).json()["total"] == 0
    second = (await client.get("/api/v1/cases?limit=1&offset=1", headers=headers)).json()
    assert [c["id"] for c in second["items"]] == [east["id"]]
    assert second["total"] == 2


@pytest.mark.parametrize("query", ["status=open", "limit=0", "limit=201", "offset=-1", "area=" + "x" * 31])
async def test_bad_list_query_is_422(client: httpx.AsyncClient, tokens: TokenFactory, query: str) -> None:
    response = await client.get(f"/api/v1/cases?{query}", headers=staff(tokens, "supervisor"))
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


async def test_idempotency_key_replays_refuses_other_body(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    headers = {**staff(tokens, "supervisor"), "Idempotency-Key": str(uuid.uuid4())}
    first = await client.post("/api/v1/cases", json=VALID, headers=headers)
    again = await client.post("/api/v1/cases", json=VALID, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"

    other = await client.post("/api/v1/cases", json={**VALID, "title": "別の世帯"}, headers=headers)
    assert other.status_code == 422
    assert other.json()["type"] == "/problems/idempotency-key-reused"

    listed = (await client.get("/api/v1/cases", headers=headers)).json()
    assert [c["id"] for c in listed["items"]] == [first.json()["id"]]
    assert listed["total"] == 1


BAD_BODIES = [
    pytest.param({k: v for k, v in VALID.items() if k != "title"}, "title", id="missing title"),
    pytest.param({**VALID, "title": ""}, "title", id="empty title"),
    pytest.param({**VALID, "title": "　 "}, "title", id="blank title"),
    pytest.param({**VALID, "title": "x" * 201}, "title", id="title too long"),
    pytest.param({**VALID, "title": "㍻" * 101}, "title", id="title too long once folded"),
    pytest.param({**VALID, "title": 8050}, "title", id="title not a string"),
    pytest.param({k: v for k, v in VALID.items() if k != "area"}, "area", id="missing area"),
    pytest.param({**VALID, "area": "東"}, "area", id="area not a code"),
    pytest.param({**VALID, "lead_username": "csw higashi"}, "lead_username", id="username with space"),
    pytest.param({**VALID, "opened_at": "2026-11-26T10:10:00"}, "opened_at", id="naive time"),
    pytest.param({**VALID, "opened_at": "yesterday"}, "opened_at", id="not a time"),
    pytest.param({**VALID, "status": "closed"}, "status", id="status is not set on opening"),
    pytest.param({**VALID, "nickname": "x"}, "nickname", id="unknown field"),
]


@pytest.mark.parametrize(("body", "field"), BAD_BODIES)
async def test_bad_input_is_a_422_problem_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict, field: str
) -> None:
    headers = staff(tokens, "supervisor")
    response = await client.post("/api/v1/cases", json=body, headers=headers)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "/problems/validation"
    assert field in [err["loc"][-1] for err in problem["errors"]]
    assert "input" not in problem["errors"][0]  # submitted values are never echoed
    assert (await client.get("/api/v1/cases", headers=headers)).json()["total"] == 0


async def test_malformed_json_is_a_problem(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    headers = {**staff(tokens, "supervisor"), "Content-Type": "application/json"}
    malformed = await client.post("/api/v1/cases", content=b'{"title": ', headers=headers)
    assert malformed.status_code == 422
    assert malformed.headers["content-type"] == "application/problem+json"


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
    for response in (
        await client.get("/api/v1/cases", headers=headers),
        await client.get(f"/api/v1/cases/{uuid.uuid4()}", headers=headers),
        await client.post("/api/v1/cases", json=VALID, headers=headers),
    ):
        assert response.status_code == 401
        assert response.json()["type"] == "/problems/unauthorized"


async def test_untrusted_or_expired_token_is_401(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    stranger = TokenFactory()  # a key the service does not trust
    assert (await client.get("/api/v1/cases", headers=stranger.headers("supervisor"))).status_code == 401
    expired = {"Authorization": f"Bearer {tokens.token('supervisor', ttl=-120)}"}
    assert (await client.get("/api/v1/cases", headers=expired)).status_code == 401


async def test_unknown_case_id_is_404_and_bad_id_is_422(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    headers = staff(tokens, "supervisor")
    assert (await client.get(f"/api/v1/cases/{uuid.uuid4()}", headers=headers)).status_code == 404
    assert (await client.get("/api/v1/cases/not-a-uuid", headers=headers)).status_code == 422
