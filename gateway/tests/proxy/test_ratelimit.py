"""The public routes' rate limit: memory only, per client and for everyone together."""

import httpx
import pytest

from gateway.proxy.ratelimit import PublicRateLimiter, Window


@pytest.mark.parametrize(
    ("hits_at", "limit", "seconds", "expect_last"),
    [
        ([0, 1, 2], 3, 10, None),  # within the limit
        ([0, 1, 2, 3], 3, 10, 7.0),  # fourth in the window: wait until the first expires
        ([0, 1, 2, 11], 3, 10, None),  # the first has expired
    ],
)
def test_window(hits_at: list[float], limit: int, seconds: float, expect_last: float | None) -> None:
    window = Window(limit, seconds)
    results = [window.retry_after("client", t) for t in hits_at]
    assert all(r is None for r in results[:-1])
    assert results[-1] == expect_last


def test_clients_are_counted_apart_and_reads_separately() -> None:
    limiter = PublicRateLimiter(submissions=2, reads=3)
    assert limiter.retry_after("192.0.2.1", "POST", now=0) is None
    assert limiter.retry_after("192.0.2.1", "POST", now=1) is None
    assert limiter.retry_after("192.0.2.1", "POST", now=2) is not None
    assert limiter.retry_after("192.0.2.2", "POST", now=2) is None  # another client
    assert limiter.retry_after("192.0.2.1", "GET", now=2) is None  # reads have their own budget


def test_addresses_are_not_kept_in_the_clear() -> None:
    limiter = PublicRateLimiter()
    limiter.retry_after("198.51.100.7", "POST", now=0)
    assert "198.51.100.7" not in repr(vars(limiter._submissions))


async def test_too_many_reports_get_a_clear_429(client: httpx.AsyncClient, app) -> None:
    app.state.public_rate_limiter = PublicRateLimiter(submissions=2)
    answers = [await client.post("/api/v1/public/reports", json={"text": "x"}) for _ in range(3)]
    assert [a.status_code for a in answers[:2]] == [200, 200]  # the echo service answers 200
    assert answers[2].status_code == 429
    assert answers[2].headers["content-type"] == "application/problem+json"
    assert int(answers[2].headers["retry-after"]) >= 1
