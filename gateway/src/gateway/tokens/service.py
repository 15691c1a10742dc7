"""The token grants: password for staff, client_credentials for systems and services."""

import asyncio
import secrets
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.errors import InvalidGrant, InvalidScope
from gateway.identity import service as identity
from gateway.identity.models import StaffUser
from gateway.settings import Settings
from gateway.throttle import service as throttle
from gateway.tokens.schemas import TokenResponse
from tsunagu_services.tokens import Principal, SigningKey, issue_token


async def _slow_down(seconds: float) -> None:
    # Jitter so that the delay itself tells nothing; the same for every kind of failure.
    jitter = secrets.randbelow(200) / 1000
    await asyncio.sleep(seconds + jitter)


def access_token(settings: Settings, key: SigningKey, principal: Principal, ttl: int) -> TokenResponse:
    """A signed access token for `principal`, as the token endpoint answers it."""
    access_token = issue_token(
        key,
        issuer=settings.token_issuer,
        audience=settings.token_audience,
        principal=principal,
        ttl_seconds=ttl,
    )
    return TokenResponse(access_token=access_token, expires_in=ttl)


@dataclass(frozen=True)
class Caller:
    """Where a grant request comes from, for counting attempts (the address is never stored)."""

    sessions: async_sessionmaker[AsyncSession]
    address: str


async def password_grant(
    session: AsyncSession,
    settings: Settings,
    key: SigningKey,
    caller: Caller,
    username: str,
    password: str,
) -> tuple[TokenResponse, StaffUser]:
    """A staff user's token; a wrong password and an unknown user fail alike, slowly, then not at all."""
    attempt = await throttle.begin_login(
        caller.sessions, settings, key.derived_secret("throttle"), f"account:{username}", caller.address
    )
    user = await identity.authenticate_user(session, username, password)
    if user is None:
        await _slow_down(throttle.failure_delay(settings, attempt))
        raise InvalidGrant()
    await throttle.succeeded(caller.sessions, attempt)
    return access_token(settings, key, identity.user_principal(user), settings.access_token_ttl_seconds), user


async def client_credentials_grant(
    session: AsyncSession,
    settings: Settings,
    key: SigningKey,
    caller: Caller,
    client_id: str,
    client_secret: str,
    scope: str,
) -> TokenResponse:
    """A client's token with the requested scopes (all it holds when none are asked for)."""
    attempt = await throttle.begin_login(
        caller.sessions, settings, key.derived_secret("throttle"), f"client:{client_id}", caller.address
    )
    client = await identity.authenticate_client(session, client_id, client_secret)
    if client is None:
        await _slow_down(throttle.failure_delay(settings, attempt))
        raise InvalidGrant()
    await throttle.succeeded(caller.sessions, attempt)
    held = frozenset(client.scopes)
    requested = frozenset(scope.split())
    if not requested <= held:
        raise InvalidScope()
    principal = identity.client_principal(client, requested or held)
    return access_token(settings, key, principal, settings.service_token_ttl_seconds)
