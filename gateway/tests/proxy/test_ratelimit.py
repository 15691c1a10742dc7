"""The public form's rate limit, counted in PostgreSQL: per client, and everyone together."""

import httpx
import pytest

from gateway.settings import Settings


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"public_submissions_per_10_minutes": 2, "public_reads_per_minute": 3})


async def test_too_many_reports_get_a_clear_429(client: httpx.AsyncClient) -> None:
    answers = [await client.post("/api/v1/public/reports", json={"text": "x"}) for _ in range(3)]
    assert [a.status_code for a in answers[:2]] == [200, 200]  # the echo service answers 200
    assert answers[2].status_code == 429
    assert answers[2].headers["content-type"] == "application/problem+json"
    assert 1 <= int(answers[2].headers["retry-after"]) <= 600


async def test_reads_have_a_limit_of_their_own(client: httpx.AsyncClient) -> None:
    reads = [await client.get("/api/v1/public/reports/AB12-CD34") for _ in range(4)]
    assert [r.status_code for r in reads] == [200, 200, 200, 429]
    assert (await client.post("/api/v1/public/reports", json={"text": "x"})).status_code == 200


async def test_the_client_address_is_never_stored(client: httpx.AsyncClient, session) -> None:
    from sqlalchemy import text

    await client.post("/api/v1/public/reports", json={"text": "x"})
    async with session() as s:
        keys = (await s.execute(text("SELECT key FROM throttle_window"))).scalars().all()
    assert keys and all("127.0.0.1" not in k and "testclient" not in k for k in keys)
