"""Two gateways and two case-apis behind a round-robin, as Kubernetes runs them: the scenarios, the
sign-in throttle, the public form's limit, sessions and the exactly-once deliveries hold whichever
replica answers, and while one case-api is killed with kill -9.

Every process is real (uvicorn, PostgreSQL); only the load balancer is the test's own: per request
round-robin, skipping a replica that refuses connections (as a Service drops an unready pod).
"""

import asyncio
import contextlib
import os
import secrets
import subprocess
import sys
import tempfile
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from intake_api.public_reports.challenge import solve
from tsunagu_local.secrets import SERVICE_CLIENTS
from tsunagu_local.stack import SERVICES, Stack, free_port
from tsunagu_services import testing
from tsunagu_services.tokens import SigningKey

PASSWORD = "replica-" + secrets.token_urlsafe(8)
ATTEMPTS_PER_ACCOUNT = 6
SUBMISSIONS_PER_10_MINUTES = 3
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "upgrade", "host", "content-length"}


class RoundRobin:
    """An HTTP load balancer: each request to the next backend; one that refuses the connection is
    skipped (the request never reached it); one that fails after that is a 502, as nginx answers."""

    def __init__(self, backends: list[str]) -> None:
        self.backends = backends
        self.served: Counter[str] = Counter()
        self._next = 0
        # No keep-alive: a pooled connection closed by a replica just as it is reused is not the test.
        self.client = httpx.AsyncClient(timeout=30.0, limits=httpx.Limits(max_keepalive_connections=0))

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = [(k, v) for k, v in scope["headers"] if k.decode().lower() not in HOP_BY_HOP]
        target = scope["path"] + (f"?{scope['query_string'].decode()}" if scope["query_string"] else "")
        for _ in self.backends:
            backend = self.backends[self._next % len(self.backends)]
            self._next += 1
            try:
                request = self.client.build_request(
                    scope["method"], backend + target, headers=headers, content=body
                )
                answer = await self.client.send(request)
            except httpx.ConnectError:
                continue
            except httpx.TransportError:
                break
            self.served[backend] += 1
            kept = [(k, v) for k, v in answer.headers.raw if k.decode().lower() not in HOP_BY_HOP]
            if "content-encoding" in answer.headers:  # httpx decoded it
                kept = [(k, v) for k, v in kept if k.decode().lower() != "content-encoding"]
            await send({"type": "http.response.start", "status": answer.status_code, "headers": kept})
            await send({"type": "http.response.body", "body": answer.content})
            return
        await send({"type": "http.response.start", "status": 502, "headers": []})
        await send({"type": "http.response.body", "body": b""})


@contextlib.asynccontextmanager
async def serving(app: RoundRobin, port: int) -> AsyncIterator[None]:
    async with testing.serving(app, port):
        try:
            yield
        finally:
            await app.client.aclose()


@dataclass
class Replicas:
    first: Stack  # all four services; its gateway and case-api are replica 1
    second: Stack  # a second gateway and a second case-api on the same databases
    gateways: RoundRobin
    cases: RoundRobin
    url: str  # the gateways' round-robin: what a browser or a city system reaches

    def gateway_urls(self) -> list[str]:
        return [self.first.url("gateway"), self.second.url("gateway")]


@pytest.fixture(scope="module")
async def replicas() -> AsyncIterator[Replicas]:
    work = Path(tempfile.mkdtemp(prefix="tsunagu-replicas-"))
    key_path = work / "keys" / "signing.pem"
    SigningKey.load_or_create(key_path)  # one key for both gateways (in Kubernetes, one Secret)
    lb_gateway, lb_case = free_port(), free_port()
    common = {
        "server": testing.server_url(),
        "demo_password": PASSWORD,
        "service_secrets": {name: secrets.token_urlsafe(24) for name in SERVICE_CLIENTS},
        "db_suffix": f"_r{secrets.token_hex(4)}",
        "endpoints": {"gateway": f"http://127.0.0.1:{lb_gateway}", "case-api": f"http://127.0.0.1:{lb_case}"},
        "extra_env": {
            "TSUNAGU_SIGNING_KEY_PATH": str(key_path),
            "TSUNAGU_CHALLENGE_DIFFICULTY": "8",
            "TSUNAGU_PUBLIC_SUBMISSIONS_PER_10_MINUTES": str(SUBMISSIONS_PER_10_MINUTES),
            "TSUNAGU_LOGIN_ATTEMPTS_PER_ACCOUNT": str(ATTEMPTS_PER_ACCOUNT),
            "TSUNAGU_FAILED_LOGIN_DELAY_SECONDS": "0.05",
            "TSUNAGU_FAILED_LOGIN_DELAY_MAX_SECONDS": "0.2",
            "TSUNAGU_OUTBOX_MAX_BACKOFF_SECONDS": "2",
        },
    }
    ports = {s.name: free_port() for s in SERVICES}
    first = Stack(**common, ports=ports, log_dir=work / "logs-1")
    # Its intake-api and meeting-api are the first stack's (one replica each here).
    second_ports = ports | {"gateway": free_port(), "case-api": free_port()}
    second = Stack(**common, ports=second_ports, log_dir=work / "logs-2")
    gateways = RoundRobin([first.url("gateway"), second.url("gateway")])
    cases = RoundRobin([first.url("case-api"), second.url("case-api")])
    await first.prepare()
    first.start()
    second.start(only=("gateway", "case-api"))
    try:
        async with serving(gateways, lb_gateway), serving(cases, lb_case):
            await first.wait_ready()
            await second.wait_ready()
            yield Replicas(first, second, gateways, cases, f"http://127.0.0.1:{lb_gateway}")
    finally:
        second.stop()
        first.stop()
        await first.drop_databases()


@pytest.fixture
async def client(replicas: Replicas) -> AsyncIterator[httpx.AsyncClient]:
    limits = httpx.Limits(max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=replicas.url, timeout=30.0, limits=limits) as client:
        yield client


async def sign_in(client: httpx.AsyncClient, username: str, password: str = PASSWORD) -> httpx.Response:
    return await client.post(
        "/api/v1/auth/token", data={"grant_type": "password", "username": username, "password": password}
    )


async def bearer(client: httpx.AsyncClient, username: str) -> dict[str, str]:
    answer = await sign_in(client, username)
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def eventually(check, within: float = 60.0):
    deadline = asyncio.get_running_loop().time() + within
    while not (result := await check()):
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.5)
    return result


async def test_triage_into_cases_arrives_once_each_while_a_case_api_is_killed(
    replicas: Replicas, client: httpx.AsyncClient
) -> None:
    csw, sup = await bearer(client, "csw-higashi"), await bearer(client, "sup1")
    run = uuid.uuid4().hex[:6]

    async def consult_and_triage(i: int) -> str:
        consultation = await client.post(
            "/api/v1/consultations",
            headers=csw,
            json={"channel": "phone", "area": "higashi", "summary": f"複製試験の相談 {run}-{i}"},
        )
        assert consultation.status_code == 201, consultation.text
        title = f"複製試験世帯 {run}-{i}"
        triaged = await client.post(
            f"/api/v1/consultations/{consultation.json()['id']}/triage",
            headers=csw,
            json={
                "outcome": "new_case",
                "new_case": {
                    "title": title,
                    "lead_username": "csw-higashi",
                    "members": [
                        {
                            "name": f"複製 {'一二三四五六七八九十百千'[i]}郎",
                            "relationship": "self",
                            "is_primary": True,
                        }
                    ],
                },
            },
        )
        assert triaged.status_code == 201, triaged.text
        return title

    async def opened(wanted: list[str]) -> list[str] | None:
        rows = await replicas.first.fetch(
            "case-api", "SELECT title FROM support_case WHERE title = any($1::text[])", wanted
        )
        return [r["title"] for r in rows] if len(rows) >= len(wanted) else None

    titles = await asyncio.gather(*(consult_and_triage(i) for i in range(6)))
    await eventually(lambda: opened(titles))
    for _ in range(4):  # staff reading cases: both case-apis answer
        assert (await client.get("/api/v1/cases", params={"limit": 5}, headers=sup)).status_code == 200
    assert all(replicas.cases.served[b] > 0 for b in replicas.cases.backends), replicas.cases.served
    # Scenario 2 through the replicas as well: an urgent e-mail, one safety check for the supervisors.
    urgent = await client.post(
        "/api/v1/consultations",
        headers=csw,
        json={"channel": "email", "area": "higashi", "summary": f"消えたい {run}", "risks": ["suicidal"]},
    )
    assert urgent.status_code == 201, urgent.text
    titles += await asyncio.gather(*(consult_and_triage(i) for i in range(6, 9)))
    replicas.second.processes["case-api"].kill()  # kill -9, deliveries in flight
    titles += await asyncio.gather(*(consult_and_triage(i) for i in range(9, 12)))

    async def checked() -> list[dict] | None:
        answer = (await client.get("/api/v1/safety-checks", params={"status": "due"}, headers=sup)).json()
        listed = answer["items"] if isinstance(answer, dict) else answer
        mine = [c for c in listed if c.get("consultation_id") == urgent.json()["id"]]
        return mine or None

    await eventually(lambda: opened(titles))
    await eventually(checked)
    await asyncio.sleep(3)  # a duplicate delivery would have landed by now
    assert sorted(await opened(titles) or []) == sorted(titles)  # each case once, none twice
    assert len(await checked() or []) == 1
    assert all(replicas.gateways.served[url] > 0 for url in replicas.gateway_urls())
    queued = await replicas.first.fetch(
        "intake-api",
        "SELECT count(*) AS n FROM outbox_message WHERE delivered_at IS NULL OR failed_at IS NOT NULL",
    )
    assert queued[0]["n"] == 0


async def test_the_sign_in_throttle_counts_across_gateways(replicas: Replicas) -> None:
    limits = httpx.Limits(max_keepalive_connections=0)
    async with (
        httpx.AsyncClient(base_url=replicas.first.url("gateway"), timeout=30.0, limits=limits) as one,
        httpx.AsyncClient(base_url=replicas.second.url("gateway"), timeout=30.0, limits=limits) as two,
    ):
        guesses = [sign_in((one, two)[i % 2], "csw-minami", f"guess-{i}") for i in range(20)]
        answers = await asyncio.gather(*guesses)
        statuses = [a.status_code for a in answers]
        assert set(statuses) == {400, 429}
        assert statuses.count(400) <= ATTEMPTS_PER_ACCOUNT  # counted in PostgreSQL, not per process
        for gateway in (one, two):
            right = await sign_in(gateway, "csw-minami")
            assert right.status_code == 429 and int(right.headers["retry-after"]) > 0


async def test_the_public_form_limit_and_spent_proofs_hold_across_gateways(replicas: Replicas) -> None:
    limits = httpx.Limits(max_keepalive_connections=0)
    async with (
        httpx.AsyncClient(base_url=replicas.first.url("gateway"), timeout=30.0, limits=limits) as one,
        httpx.AsyncClient(base_url=replicas.second.url("gateway"), timeout=30.0, limits=limits) as two,
    ):

        async def proof(gateway: httpx.AsyncClient) -> dict[str, str]:
            issued = (await gateway.get("/api/v1/public/challenge")).json()
            return {
                "challenge": issued["challenge"],
                "nonce": solve(issued["challenge"], issued["difficulty"]),
            }

        spent = await proof(one)
        report = {"text": "公園で毎晩同じ方が寝ています。", "place": "中央公園"}
        first = await one.post("/api/v1/public/reports", json=report | {"proof": spent})
        assert first.status_code == 201, first.text
        replayed = await two.post("/api/v1/public/reports", json=report | {"proof": spent})
        assert 400 <= replayed.status_code < 500 and replayed.status_code != 429, replayed.text
        answers = [first]
        for i in range(SUBMISSIONS_PER_10_MINUTES + 1):
            gateway = (two, one)[i % 2]
            answers.append(
                await gateway.post("/api/v1/public/reports", json=report | {"proof": await proof(gateway)})
            )
    statuses = [a.status_code for a in answers]
    # The limit counts submissions at either gateway together: three, then a refusal at any of them.
    assert statuses.count(201) <= SUBMISSIONS_PER_10_MINUTES and statuses[-1] == 429, statuses


async def test_a_session_refreshes_at_either_gateway_and_a_replay_ends_it_at_both(replicas: Replicas) -> None:
    one, two = replicas.gateway_urls()

    async def refresh(gateway: str, token: str) -> httpx.Response:
        async with httpx.AsyncClient(base_url=gateway, timeout=30.0) as browser:
            return await browser.post("/api/v1/auth/refresh", headers={"Cookie": f"tsunagu_refresh={token}"})

    async with httpx.AsyncClient(base_url=one, timeout=30.0) as browser:
        assert (await sign_in(browser, "sup2")).status_code == 200
        stolen = browser.cookies["tsunagu_refresh"]
    rotated = await refresh(two, stolen)
    assert rotated.status_code == 200, rotated.text
    current = rotated.cookies["tsunagu_refresh"]
    assert current != stolen
    assert (await refresh(one, stolen)).status_code == 401  # the replay, at the other gateway
    assert (await refresh(two, current)).status_code == 401  # the whole family ended, at both


async def test_the_audit_chain_stays_one_chain_with_two_writers(replicas: Replicas) -> None:
    # Checked while both gateways write to it: what is written meanwhile (each check's own audit
    # event among it) is no tail cut off. Reading the heads last once failed CI as a head-mismatch.
    # 16 at a time, as a busy desk would: enough to interleave, without exhausting PostgreSQL's
    # connections for the other test stack that shares the server.
    limits = httpx.Limits(max_connections=16)
    async with httpx.AsyncClient(base_url=replicas.url, timeout=30.0, limits=limits) as client:
        admin, staff = await bearer(client, "admin"), await bearer(client, "sup1")
        writers = [client.get("/api/v1/notifications", headers=staff) for _ in range(100)]
        checks = [client.get("/api/v1/audit-events/verify", headers=admin) for _ in range(20)]
        answers = await asyncio.gather(*writers, *checks)
    assert {a.status_code for a in answers} == {200}
    assert [a.json()["first_break"] for a in answers[len(writers) :]] == [None] * len(checks)

    env = {
        **os.environ,
        "DATABASE_URL": replicas.first.server,
        "TSUNAGU_DATABASE_NAME": "tsunagu_gateway" + replicas.first.db_suffix,
        "TSUNAGU_SIGNING_KEY_PATH": replicas.first.extra_env["TSUNAGU_SIGNING_KEY_PATH"],
    }
    verify = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "gateway.audit", "verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert verify.stdout.startswith("intact:")
