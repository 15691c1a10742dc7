"""The outbox backs off exponentially, capped, so a service that is down is not hammered."""

from datetime import timedelta

import pytest

from tsunagu_services.outbox import MAX_BACKOFF_SECONDS, backoff


@pytest.mark.parametrize(
    ("attempts", "seconds"), [(1, 1), (2, 2), (3, 4), (5, 16), (9, 256), (10, 300), (50, 300)]
)
def test_backoff(attempts: int, seconds: int) -> None:
    assert backoff(attempts) == timedelta(seconds=seconds)
    assert backoff(attempts) <= timedelta(seconds=MAX_BACKOFF_SECONDS)
