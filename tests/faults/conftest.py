"""A stack of its own for the fault tests, on an embedded PostgreSQL of its own.

Processes are killed and the database is restarted here, so nothing else shares
them: the other cross-service tests keep their stack on the other xdist worker.
"""

import asyncio
import secrets
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from tsunagu_local import postgres
from tsunagu_local.secrets import SERVICE_CLIENTS
from tsunagu_local.stack import SERVICES, Stack, free_port

PASSWORD = "fault-" + secrets.token_urlsafe(8)
# What a well-behaved client does with an answer it did not get: the same request again, a little later.
RETRY_STATUSES = {502, 503, 504}


@dataclass
class FaultStack:
    stack: Stack
    data_dir: Path
    server: str

    async def fetch(self, service: str, query: str, *args: object) -> list[asyncpg.Record]:
        """Rows from a service's own database, read directly: what was really stored."""
        return await self.stack.fetch(service, query, *args)

    async def kill(self, service: str) -> int:
        """kill -9 the service; the supervisor brings it back. Its old pid."""
        process = self.stack.processes[service]
        process.kill()
        return process.pid

    async def back(self, service: str, old_pid: int, within: float = 20.0) -> None:
        """Wait until the supervisor has restarted `service` and it answers again."""
        deadline = asyncio.get_running_loop().time() + within
        async with httpx.AsyncClient(timeout=1.0) as client:
            while True:
                process = self.stack.processes.get(service)
                if process is not None and process.pid != old_pid:
                    try:
                        if (await client.get(f"{self.stack.url(service)}/healthz")).status_code == 200:
                            return
                    except httpx.HTTPError:
                        pass
                assert asyncio.get_running_loop().time() < deadline, f"{service} did not come back"
                await asyncio.sleep(0.1)


@pytest.fixture(scope="module")
async def faults() -> AsyncIterator[FaultStack]:
    work = Path(tempfile.mkdtemp(prefix="tsunagu-faults-"))
    data_dir = work / "pg" / "data"
    server = postgres.start_embedded(data_dir)
    stack = Stack(
        server=server,
        demo_password=PASSWORD,
        service_secrets={name: secrets.token_urlsafe(24) for name in SERVICE_CLIENTS},
        ports={service.name: free_port() for service in SERVICES},
        log_dir=work / "logs",
        stable_seconds=1.0,  # every kill here is of a service that started fine
        extra_env={
            "TSUNAGU_SIGNING_KEY_PATH": str(work / "keys" / "signing.pem"),
            "TSUNAGU_OUTBOX_MAX_BACKOFF_SECONDS": "2",
        },
    )
    await stack.prepare()
    stack.start()
    supervisor = asyncio.create_task(stack.supervise())
    try:
        await stack.wait_ready()
        yield FaultStack(stack, data_dir, server)
    finally:
        supervisor.cancel()
        stack.stop()
        postgres.stop_embedded(data_dir)


@pytest.fixture
async def gateway(faults: FaultStack) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=faults.stack.url(), timeout=15.0) as client:
        yield client


@pytest.fixture
def login(gateway: httpx.AsyncClient) -> Callable[[str], Awaitable[dict[str, str]]]:
    async def headers_for(username: str) -> dict[str, str]:
        response = await gateway.post(
            "/api/v1/auth/token", data={"grant_type": "password", "username": username, "password": PASSWORD}
        )
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    return headers_for


async def until_answered(
    request: Callable[..., Awaitable[httpx.Response]], *args: Any, within: float = 30.0, **kwargs: Any
) -> httpx.Response:
    """`request(*args, **kwargs)` until the system answers for itself: not a 5xx of a service that is
    down, not a lost connection (the same request each time, so the same Idempotency-Key)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        try:
            response = await request(*args, **kwargs)
            if response.status_code not in RETRY_STATUSES:
                return response
        except httpx.TransportError:
            pass
        assert asyncio.get_running_loop().time() < deadline, "no answer in time"
        await asyncio.sleep(0.2)


async def eventually(check: Callable[[], Awaitable[object]], within: float = 60.0) -> object:
    deadline = asyncio.get_running_loop().time() + within
    while not (result := await check()):
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.5)
    return result
