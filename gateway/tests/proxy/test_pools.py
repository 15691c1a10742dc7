"""The per-service pools: a full one answers 503 at once, a dropped connection is retried for GETs only,
and readiness tells a busy service from a dead one."""

import asyncio
import time
from collections.abc import AsyncIterator

import httpx
import pytest

from gateway.readiness import BUSY_GRACE_SECONDS, ServiceProbes
from gateway.settings import Settings


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """One connection per service, so a single slow request fills the pool."""
    return settings.model_copy(update={"upstream_max_connections": 1, "upstream_pool_timeout_seconds": 0.2})


async def test_a_full_pool_answers_503_with_retry_after_at_once(client: httpx.AsyncClient, bearer) -> None:
    headers = bearer("supervisor")
    slow = asyncio.create_task(client.get("/api/v1/consultations/slow", headers=headers))  # 2 s upstream
    await asyncio.sleep(0.3)
    started = time.monotonic()
    busy = await client.get("/api/v1/consultations", headers=headers)
    assert time.monotonic() - started < 1.0
    assert busy.status_code == 503
    assert busy.headers["retry-after"] == "1"
    assert busy.json()["type"] == "/problems/upstream-busy"
    # meeting-api has a pool of its own: intake's slow request does not hold it up.
    assert (await client.get("/api/v1/meetings", headers=headers)).status_code == 200
    assert (await slow).status_code == 200
    assert (await client.get("/api/v1/consultations", headers=headers)).status_code == 200


@pytest.fixture
async def drops_first_connection() -> AsyncIterator[tuple[str, list[bytes]]]:
    """A server that resets its first connection after reading the request, then answers 200."""
    seen: list[bytes] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = await reader.readuntil(b"\r\n\r\n")
        seen.append(request.split(b" ", 2)[0])
        if len(seen) == 1:
            writer.transport.abort()
            return
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", seen
    server.close()


async def test_a_get_is_retried_once_on_a_reset_connection(
    app, client, bearer, drops_first_connection
) -> None:
    url, seen = drops_first_connection
    app.state.upstreams.proxy("case-api").url = url
    response = await client.get("/api/v1/cases", headers=bearer("supervisor"))
    assert response.status_code == 200
    assert seen == [b"GET", b"GET"]


async def test_a_post_is_not_retried_on_a_reset_connection(
    app, client, bearer, drops_first_connection
) -> None:
    url, seen = drops_first_connection
    app.state.upstreams.proxy("case-api").url = url
    response = await client.post("/api/v1/cases", json={"title": "x"}, headers=bearer("supervisor"))
    assert response.status_code == 502
    assert seen == [b"POST"]


def _answering(handler) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


async def test_readiness_keeps_a_busy_service_ready_within_the_grace_and_drops_a_dead_one() -> None:
    probes = ServiceProbes()

    def ready(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"status": "ready"})

    def busy(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("busy", request=request)

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    def not_ready(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, json={"status": "not ready"})

    assert not await probes.ready(_answering(busy), "case-api", "http://x")  # never seen ready: not ready
    assert await probes.ready(_answering(ready), "case-api", "http://x")
    assert await probes.ready(_answering(busy), "case-api", "http://x")  # busy, seen ready just now
    probes.last_ready["case-api"] -= BUSY_GRACE_SECONDS + 1
    assert not await probes.ready(_answering(busy), "case-api", "http://x")  # busy for too long
    assert await probes.ready(_answering(ready), "case-api", "http://x")
    assert not await probes.ready(_answering(refused), "case-api", "http://x")  # gone: at once
    assert not await probes.ready(_answering(not_ready), "case-api", "http://x")


async def test_a_degraded_merged_openapi_is_not_cached(app, client: httpx.AsyncClient) -> None:
    first = (await client.get("/api/v1/openapi.json")).json()
    assert first["x-tsunagu-missing"] == ["case-api"]
    assert getattr(app.state, "openapi_cache", None) is None
