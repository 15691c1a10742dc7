"""What every answer says to the browser: the SPA's Content-Security-Policy, no caching of API
answers, no sniffing, no cross-origin reads, HSTS behind TLS."""

import httpx
import pytest

from gateway.main import create_app
from gateway.settings import Settings
from tsunagu_services import testing


async def test_the_spa_is_served_with_a_strict_content_security_policy(client: httpx.AsyncClient) -> None:
    response = await client.get("/cases/123")
    policy = dict(
        part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    assert "unsafe-eval" not in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path", ["/api/v1/meetings", "/api/v1/auth/me", "/api/v1/no-such-thing", "/api/v1/openapi.json"]
)
async def test_api_answers_are_never_stored_nor_sniffed(client: httpx.AsyncClient, bearer, path: str) -> None:
    response = await client.get(path, headers=bearer("supervisor"))
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "strict-transport-security" not in response.headers  # plain HTTP here: no HSTS


async def test_cross_origin_reads_are_not_allowed(client: httpx.AsyncClient, bearer) -> None:
    origin = {"Origin": "https://evil.example"}
    read = await client.get("/api/v1/auth/me", headers={**bearer("supervisor"), **origin})
    preflight = await client.options(
        "/api/v1/cases",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    for response in (read, preflight):
        assert "access-control-allow-origin" not in response.headers
        assert "access-control-allow-credentials" not in response.headers


async def test_behind_tls_every_answer_carries_hsts(settings: Settings) -> None:
    tls = settings.model_copy(update={"behind_tls": True})
    async with testing.rolled_back_client(create_app(settings=tls), tls.database_name) as client:
        for path in ("/", "/api/v1/openapi.json", "/healthz"):
            response = await client.get(path)
            assert response.headers["strict-transport-security"].startswith("max-age=31536000"), path
