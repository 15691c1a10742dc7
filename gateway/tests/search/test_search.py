"""The composed search when a service is down: the other sections still come back, and the missing
ones are named; system clients are refused."""

import httpx


async def test_a_dead_service_is_named_and_the_rest_answers(client: httpx.AsyncClient, bearer) -> None:
    # In these tests case-api listens nowhere; intake-api is the echo service (no items).
    answer = await client.get("/api/v1/search", params={"q": "やまだ"}, headers=bearer("csw", area="higashi"))
    assert answer.status_code == 200, answer.text
    assert answer.json()["unavailable"] == ["persons", "cases"]
    assert answer.json()["consultations"] == []
    assert answer.headers["cache-control"] == "no-store"


async def test_only_staff_search(client: httpx.AsyncClient, bearer) -> None:
    assert (await client.get("/api/v1/search", params={"q": "x"})).status_code == 401
    assert (
        await client.get("/api/v1/search", params={"q": "x"}, headers=bearer("system"))
    ).status_code == 403
