"""A system client holding only statistics:read, through the gateway: refused with 403
insufficient_scope on every resource its scope does not cover, in each service; and the merged
OpenAPI says which scope each operation needs."""

import httpx
import pytest

REFUSED = [
    ("GET", "/api/v1/cases", "cases:read"),
    ("GET", "/api/v1/persons?q=%E5%B1%B1%E7%94%B0", "cases:read"),
    ("GET", "/api/v1/households/00000000-0000-4000-8000-000000000000", "cases:read"),
    ("GET", "/api/v1/plan-actions", "cases:read"),
    ("GET", "/api/v1/agencies", "agencies:read"),
    ("GET", "/api/v1/consultations", "consultations:read"),
    ("POST", "/api/v1/consultations", "consultations:write"),
    ("GET", "/api/v1/meetings", "meetings:read"),
    ("GET", "/api/v1/meeting-bodies", "meetings:read"),
    ("POST", "/api/v1/safety-checks", "safety-checks:write"),
]


@pytest.fixture
async def statistics_only(gateway: httpx.AsyncClient, demo_password: str) -> dict[str, str]:
    token = await gateway.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "demo-system",
            "client_secret": demo_password,
            "scope": "statistics:read",
        },
    )
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


@pytest.mark.parametrize(("method", "path", "scope"), REFUSED)
async def test_a_resource_outside_the_clients_scopes_is_403_insufficient_scope(
    gateway: httpx.AsyncClient, statistics_only: dict, method: str, path: str, scope: str
) -> None:
    response = await gateway.request(
        method, path, headers=statistics_only, json={} if method == "POST" else None
    )
    assert response.status_code == 403, response.text
    problem = response.json()
    assert (problem["type"], problem["error"], problem["scope"]) == (
        "/problems/insufficient-scope",
        "insufficient_scope",
        scope,
    )
    assert response.headers["www-authenticate"] == f'Bearer error="insufficient_scope", scope="{scope}"'


async def test_what_the_scope_covers_it_gets(gateway: httpx.AsyncClient, statistics_only: dict) -> None:
    month = await gateway.get(
        "/api/v1/statistics/monthly", params={"month": "2026-11"}, headers=statistics_only
    )
    assert month.status_code == 200, month.text


async def test_the_merged_openapi_documents_the_scopes(gateway: httpx.AsyncClient) -> None:
    document = (await gateway.get("/api/v1/openapi.json")).json()
    schemes = document["components"]["securitySchemes"]
    assert "cases:read" in schemes["system"]["flows"]["clientCredentials"]["scopes"]
    assert schemes["staff"]["flows"]["password"]["tokenUrl"] == "/api/v1/auth/token"
    paths = document["paths"]
    assert paths["/api/v1/cases"]["get"]["security"] == [{"staff": []}, {"system": ["cases:read"]}]
    assert paths["/api/v1/cases"]["post"]["security"] == [{"staff": []}, {"system": ["cases:write"]}]
    assert paths["/api/v1/consultations"]["post"]["security"] == [
        {"staff": []},
        {"system": ["consultations:write"]},
    ]
    assert paths["/api/v1/audit-events"]["get"]["security"] == [{"staff": []}]  # staff roles only
    assert "security" not in paths["/api/v1/public/reports"]["post"]  # the anonymous form
