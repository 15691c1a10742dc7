"""Fifty wrong passwords for one account, twenty at a time, through the real gateway: at most the
window's attempts are even checked, the rest are refused at once, and so is the right password."""

import asyncio
import uuid

import httpx

from gateway.identity.passwords import hash_secret
from tsunagu_local.stack import Stack

ATTEMPTS_PER_ACCOUNT = 10  # the gateway's default


async def test_fifty_guesses_twenty_at_a_time_lock_the_account(stack: Stack) -> None:
    username, password = f"throttle-{uuid.uuid4().hex[:8]}", "tadashii-pasuwaado-8050"
    await stack.fetch(
        "gateway",
        "INSERT INTO staff_user (id, username, display_name, role, area, password_hash, active, created_at) "
        "VALUES ($1, $2, '試験 利用者', 'csw', 'higashi', $3, true, now())",
        uuid.uuid4(),
        username,
        await hash_secret(password),
    )

    # A fresh connection for every attempt: the failures wait up to 5 s, as long as the gateway keeps an
    # idle connection, and a pooled one closing just as it is reused is a client's race, not the throttle's.
    limits = httpx.Limits(max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=stack.url(), timeout=15.0, limits=limits) as gateway:

        async def guess(i: int) -> httpx.Response:
            form = {"grant_type": "password", "username": username, "password": f"guess-{i}"}
            return await gateway.post("/api/v1/auth/token", data=form)

        answers = []
        for batch in range(0, 50, 20):
            answers += await asyncio.gather(*(guess(i) for i in range(batch, min(batch + 20, 50))))
        right = await gateway.post(
            "/api/v1/auth/token", data={"grant_type": "password", "username": username, "password": password}
        )
    statuses = [a.status_code for a in answers]
    assert set(statuses) == {400, 429}
    assert statuses.count(400) <= ATTEMPTS_PER_ACCOUNT  # the database counted every attempt first
    assert all(int(a.headers["retry-after"]) > 0 for a in answers if a.status_code == 429)
    assert right.status_code == 429
    assert right.json()["type"] == "/problems/login-locked"
