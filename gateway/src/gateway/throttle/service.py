"""Brute force and floods, counted in PostgreSQL so that they hold across gateway replicas.

Logins: every attempt is counted against the account and against the (hashed) client
address *before* the password is checked, in one atomic statement; past the limit the
attempt is refused with 429 and Retry-After without checking anything, so even many
parallel guesses get at most the limit of tries per window. Each failure waits a
little longer than the last; a success clears the account's count.

The public report form: submissions and reads per client, and everyone together.
Client addresses are never stored: only a keyed hash, for the length of a window.
"""

import hashlib
import math
import secrets
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.settings import Settings
from gateway.throttle import repository
from tsunagu_services.problems import TooManyRequests


class LoginLocked(TooManyRequests):
    type = "/problems/login-locked"
    title = "ログインの失敗が続いたため、しばらくログインできません。時間をおいてからやり直してください。"


@dataclass(frozen=True)
class Attempt:
    """The keys one login attempt was counted under, and how many failures came before it."""

    account_key: str
    address_key: str
    earlier_failures: int


def address_key(pepper: bytes, address: str) -> str:
    """A client address as the counters know it: a keyed hash, the same on every replica."""
    return hashlib.blake2b(address.encode(), key=pepper[:64], digest_size=16).hexdigest()


def _retry_after(seconds: float) -> dict[str, str]:
    return {"Retry-After": str(max(1, math.ceil(seconds)))}


Sessions = async_sessionmaker[AsyncSession]


async def begin_login(
    sessions: Sessions, settings: Settings, pepper: bytes, account: str, address: str
) -> Attempt:
    """Count the attempt (committed at once: it counts even when the login then fails);
    LoginLocked (429) when the account or the address has had enough."""
    account_key = f"login:{account.strip().casefold()[:200]}"
    client = f"login:address:{address_key(pepper, address)}"
    window = settings.login_window_seconds
    async with sessions() as session, session.begin():
        by_account = await repository.hit(session, account_key, window)
        by_address = await repository.hit(session, client, window)
    if by_account.hits > settings.login_attempts_per_account:
        raise LoginLocked(headers=_retry_after(by_account.seconds_left()), locked="account")
    if by_address.hits > settings.login_attempts_per_address:
        raise LoginLocked(headers=_retry_after(by_address.seconds_left()), locked="address")
    return Attempt(account_key, client, earlier_failures=by_account.hits - 1)


async def succeeded(sessions: Sessions, attempt: Attempt) -> None:
    """A good password: the account starts afresh, and the address is not charged for it."""
    async with sessions() as session, session.begin():
        await repository.forget(session, attempt.account_key)
        await repository.take_back(session, attempt.address_key)
        if secrets.randbelow(100) == 0:  # now and then, forget windows long over
            await repository.expire_old(session)


def failure_delay(settings: Settings, attempt: Attempt) -> float:
    """Seconds a failed attempt waits: the base, doubling with each failure before it, capped."""
    growth = 2 ** min(attempt.earlier_failures, 4)
    return min(settings.failed_login_delay_seconds * growth, settings.failed_login_delay_max_seconds)


async def public_retry_after(
    sessions: Sessions, settings: Settings, pepper: bytes, address: str, method: str
) -> float | None:
    """None when this public request may pass; otherwise the seconds until it may."""
    client = address_key(pepper, address)
    if method in ("GET", "HEAD"):
        key, window, limit = f"public:read:{client}", 60, settings.public_reads_per_minute
    else:
        key, window, limit = f"public:submit:{client}", 600, settings.public_submissions_per_10_minutes
    async with sessions() as session, session.begin():
        everyone = await repository.hit(session, "public:everyone", 60)
        if everyone.hits > settings.public_requests_per_minute_everyone:
            return everyone.seconds_left()
        count = await repository.hit(session, key, window)
    return count.seconds_left() if count.hits > limit else None
