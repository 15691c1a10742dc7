"""Cross-service fixtures: the four real service processes on free ports, behind the gateway."""

import asyncio
import secrets
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tsunagu_local.secrets import SERVICE_CLIENTS
from tsunagu_local.stack import SERVICES, Stack, free_port
from tsunagu_services import testing

DEMO_PASSWORD = "test-" + secrets.token_urlsafe(8)


@pytest.fixture(scope="session")
async def stack() -> AsyncIterator[Stack]:
    """The whole system with fresh databases and demo data; stopped and dropped at the end."""
    work = Path(tempfile.mkdtemp(prefix="tsunagu-stack-"))
    stack = Stack(
        server=testing.server_url(),
        demo_password=DEMO_PASSWORD,
        service_secrets={name: secrets.token_urlsafe(24) for name in SERVICE_CLIENTS},
        ports={service.name: free_port() for service in SERVICES},
        db_suffix=f"_t{secrets.token_hex(4)}",
        log_dir=work / "logs",
        extra_env={
            "TSUNAGU_SIGNING_KEY_PATH": str(work / "keys" / "signing.pem"),
            # Cheap proof of work and no per-client cap: the tests send many reports from one address.
            # (Both are tested on their own in intake-api's and the gateway's tests.)
            "TSUNAGU_CHALLENGE_DIFFICULTY": "8",
            "TSUNAGU_PUBLIC_SUBMISSIONS_PER_10_MINUTES": "1000",
            "TSUNAGU_PUBLIC_READS_PER_MINUTE": "10000",
            # Every test signs in from 127.0.0.1: the per-address limit is the gateway tests' to check.
            "TSUNAGU_LOGIN_ATTEMPTS_PER_ADDRESS": "100000",
            # 安否確認 reminders each second, not each half minute: the tests wait for them.
            "TSUNAGU_SAFETY_CHECK_REMINDER_SECONDS": "1",
        },
    )
    await stack.prepare()
    stack.start()
    supervisor = asyncio.create_task(stack.supervise())  # as `make run` does: a service that dies returns
    try:
        await stack.wait_ready()
        yield stack
    finally:
        supervisor.cancel()
        stack.stop()
        await stack.drop_databases()


@pytest.fixture(scope="session")
def demo_password() -> str:
    return DEMO_PASSWORD


@pytest.fixture
async def gateway(stack: Stack) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=stack.url(), timeout=15.0) as client:
        yield client


@pytest.fixture
def login(gateway: httpx.AsyncClient):
    """Bearer headers for a demo user, from the gateway's password grant."""

    async def headers_for(username: str, password: str = DEMO_PASSWORD) -> dict[str, str]:
        response = await gateway.post(
            "/api/v1/auth/token", data={"grant_type": "password", "username": username, "password": password}
        )
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    return headers_for


@pytest.fixture
def eventually():
    """Poll `check` until it returns something truthy: outbox deliveries arrive asynchronously."""

    async def poll(check, *, within: float = 40.0, every: float = 0.5):
        deadline = asyncio.get_running_loop().time() + within
        while not (result := await check()):
            assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
            await asyncio.sleep(every)
        return result

    return poll


@pytest.fixture
def service_logs(stack: Stack):
    """Everything the four processes have logged so far."""

    def read() -> str:
        assert stack.log_dir is not None
        return "".join(p.read_text(errors="replace") for p in stack.log_dir.glob("*.log"))

    return read


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Keep every test that uses the shared running stack on one xdist worker (one stack, not one per
    worker). The fault tests, the contract fuzzing and the replicas start stacks of their own: each is
    a group of its own, so that whichever worker is free takes the next (the suite's long pole was
    all three on one worker). The deploy checks need no stack: either worker takes them."""
    root = Path(__file__).parent
    for item in items:
        path = Path(item.path)
        if root / "deploy" in path.parents:
            continue
        if path.name == "test_contract_fuzzing.py":
            item.add_marker(pytest.mark.xdist_group("fuzzing"))
        elif root / "faults" in path.parents:
            item.add_marker(pytest.mark.xdist_group("faults"))
        elif root / "replicas" in path.parents:
            item.add_marker(pytest.mark.xdist_group("replicas"))
        elif root in path.parents:
            item.add_marker(pytest.mark.xdist_group("stack"))
