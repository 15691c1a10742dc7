"""Brute force: failures wait longer each time, then the account (or the address) is refused with 429."""

from typing import Any

import httpx
import pytest
from sqlalchemy import select, text

from gateway.audit.models import AuditEvent
from gateway.settings import Settings
from gateway.tests.tokens.test_router import password_token
from gateway.throttle.service import Attempt, failure_delay


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "login_attempts_per_account": 5,
            "login_attempts_per_address": 8,
            "login_window_seconds": 60.0,
            "failed_login_delay_seconds": 0.02,
            "failed_login_delay_max_seconds": 0.2,
        }
    )


async def test_after_the_attempts_of_a_window_the_account_is_locked_even_for_the_right_password(
    client: httpx.AsyncClient, identities: Any, session
) -> None:
    answers = [await password_token(client, "csw-test", f"guess-{i}") for i in range(7)]
    assert [a.status_code for a in answers] == [400] * 5 + [429] * 2
    locked = answers[-1]
    assert locked.json()["type"] == "/problems/login-locked"
    assert 1 <= int(locked.headers["retry-after"]) <= 60
    assert (await password_token(client, "csw-test", identities.password)).status_code == 429

    # An hour later: the window is over.
    async with session() as s, s.begin():
        await s.execute(
            text("UPDATE throttle_window SET window_started_at = window_started_at - interval '1h'")
        )
    assert (await password_token(client, "csw-test", identities.password)).status_code == 200
    assert (await password_token(client, "csw-test", "guess-again")).status_code == 400  # counted afresh

    async with session() as s:
        tried = (await s.execute(select(AuditEvent).where(AuditEvent.actor_username == "csw-test"))).scalars()
        trail = [e.actor_role for e in tried.all()]
    assert trail.count("anonymous") == 9  # every failed or refused attempt is in the audit trail


@pytest.mark.parametrize(("earlier", "waits"), [(0, 0.1), (1, 0.2), (2, 0.4), (3, 0.8), (4, 1.0), (9, 1.0)])
def test_each_failure_waits_longer_than_the_last(earlier: int, waits: float) -> None:
    settings = Settings(failed_login_delay_seconds=0.1, failed_login_delay_max_seconds=1.0)
    assert failure_delay(settings, Attempt("a", "b", earlier_failures=earlier)) == pytest.approx(waits)


async def test_guesses_spread_over_accounts_lock_the_address(
    client: httpx.AsyncClient, identities: Any
) -> None:
    names = ["csw-test", "agency-test", "sup-test", *(f"nobody-{i}" for i in range(5))]
    answers = [await password_token(client, name, "spray-password") for name in names]
    assert {a.status_code for a in answers} == {400}
    refused = await password_token(client, "nobody-6", "spray-password")
    assert refused.status_code == 429, [a.status_code for a in answers]
    assert refused.json()["type"] == "/problems/login-locked"
