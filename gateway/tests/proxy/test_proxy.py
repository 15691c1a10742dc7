"""The proxy against a real service on a loopback port: what passes, what does not, what fails how."""

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from gateway.audit.models import AuditEvent
from gateway.main import create_app
from tsunagu_services import testing


def received_headers(response: httpx.Response) -> dict[str, str]:
    return {name: value for name, value in response.json()["headers"]}


async def test_forwards_method_path_query_body_and_answer(client: httpx.AsyncClient, bearer) -> None:
    headers = {**bearer("csw", area="higashi"), "Idempotency-Key": "k-123", "If-Match": '"v0"'}
    response = await client.post(
        "/api/v1/consultations/c%2F1/created?area=higashi&q=%E5%B1%B1",
        json={"summary": "隣の家の母親と息子が心配です"},
        headers=headers,
    )
    assert response.status_code == 201
    echoed = response.json()
    assert echoed["method"] == "POST"
    assert echoed["raw_path"] == "/api/v1/consultations/c%2F1/created"  # encoding kept as sent
    assert echoed["query"] == "area=higashi&q=%E5%B1%B1"
    assert echoed["body"] == '{"summary":"隣の家の母親と息子が心配です"}'
    sent = received_headers(response)
    # Services verify the token themselves; the gateway passes it, and the service's own headers, on.
    assert sent["authorization"] == headers["Authorization"]
    assert sent["idempotency-key"] == "k-123"
    assert sent["if-match"] == '"v0"'
    assert response.headers["x-upstream"] == "echo"
    assert response.headers["etag"] == '"v1"'
    assert response.headers.get_list("set-cookie") == ["a=1", "b=2"]


async def test_client_address_and_hop_by_hop_headers_are_not_passed_on(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(
        "/api/v1/meetings",
        headers={
            "X-Forwarded-For": "203.0.113.7",
            "Forwarded": "for=203.0.113.7",
            "X-Real-IP": "203.0.113.7",
            "X-Forwarded-Host": "evil.example",
            "Connection": "keep-alive, X-Secret-Hop",
            "X-Secret-Hop": "1",
            "Keep-Alive": "timeout=5",
            "TE": "trailers",
            "Upgrade": "h2c",
            "Proxy-Authorization": "Basic eDp5",
            "X-Request-ID": "client-chosen-id-1",
        },
    )
    assert response.status_code == 200
    sent = received_headers(response)
    for name in (
        "x-forwarded-for",
        "forwarded",
        "x-real-ip",
        "x-forwarded-host",
        "x-secret-hop",
        "keep-alive",
        "te",
        "upgrade",
        "proxy-authorization",
    ):
        assert name not in sent, name
    assert "203.0.113.7" not in response.text
    assert sent.get("connection", "keep-alive") == "keep-alive"  # httpx's own, not the client's
    # The request id travels on (a valid one from the client is adopted by the kit).
    assert sent["x-request-id"] == response.headers["x-request-id"] == "client-chosen-id-1"


async def test_public_report_is_forwarded_without_address_and_not_audited(
    client: httpx.AsyncClient, bearer, session
) -> None:
    response = await client.post(
        "/api/v1/public/reports",
        json={"text": "公園で夜に子どもが一人でいる"},
        headers={**bearer("supervisor"), "X-Forwarded-For": "198.51.100.4", "X-Real-IP": "198.51.100.4"},
    )
    assert response.status_code == 200
    assert "198.51.100.4" not in response.text
    async with session() as s:
        assert await s.scalar(select(func.count()).select_from(AuditEvent)) == 0


async def test_unreachable_service_is_a_502_problem(client: httpx.AsyncClient, bearer) -> None:
    response = await client.get("/api/v1/cases", headers=bearer("supervisor"))  # case-api: closed port
    assert response.status_code == 502
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "/problems/upstream-unavailable"


@pytest.fixture
def impatient(settings):
    return settings.model_copy(update={"upstream_read_timeout_seconds": 0.3})


async def test_slow_service_is_a_504_problem_not_a_hang(impatient) -> None:
    async with testing.rolled_back_client(create_app(settings=impatient), impatient.database_name) as client:
        async with asyncio.timeout(5):
            response = await client.get("/api/v1/consultations/slow")
    assert response.status_code == 504
    assert response.json()["type"] == "/problems/upstream-timeout"


@pytest.mark.parametrize("path", ["/api/v1/unknown", "/api/v1/unknown/1", "/api/v1/", "/api/v2/cases"])
async def test_unknown_api_route_is_a_404_problem(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.json()["type"] == "/problems/not-found"


async def test_oversized_body_is_413_declared_or_streamed(client: httpx.AsyncClient) -> None:
    declared = await client.post(
        "/api/v1/consultations", content=b"x" * 2_000_000, headers={"Content-Type": "application/json"}
    )
    assert declared.status_code == 413
    assert declared.json()["type"] == "/problems/payload-too-large"

    async def chunks():
        for _ in range(40):
            yield b"y" * 65_536

    streamed = await client.post(
        "/api/v1/consultations", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    assert streamed.json()["type"] == "/problems/payload-too-large"


async def test_readiness_names_every_service(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 503  # case-api is down
    assert response.json()["checks"] == {
        "database": True,
        "intake-api": True,
        "case-api": False,
        "meeting-api": True,
    }


async def test_streamed_upload_reaches_the_service(client: httpx.AsyncClient, bearer: Any) -> None:
    async def chunks():
        for i in range(3):
            yield f"part{i};".encode()

    response = await client.put(
        "/api/v1/meetings/m1/minutes",
        content=chunks(),
        headers={**bearer("sc"), "Content-Type": "text/plain"},
    )
    assert response.status_code == 200
    assert response.json()["body"] == "part0;part1;part2;"
    # Read whole (within the body limit) and sent with its length, so a retry could send it again.
    assert received_headers(response).get("content-length") == str(len("part0;part1;part2;"))
