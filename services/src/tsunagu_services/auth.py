"""Authentication dependencies: every route is authenticated unless it says it is public."""

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import httpx
from fastapi import Depends, Request

from tsunagu_services.problems import Forbidden, Unauthorized
from tsunagu_services.tokens import InvalidToken, Principal, public_keys, unverified_kid, verify_token

__all__ = ["CurrentPrincipal", "JwksCache", "Principal", "require_roles", "require_scope"]


class JwksCache:
    """The gateway's public keys, fetched on demand and refreshed when an unknown kid appears,
    and the tokens already verified with them.

    A verified token is remembered (by its exact text) until it expires, so a caller's
    next requests, and the several checks one request passes through, cost a lookup
    instead of a signature verification.
    """

    MIN_REFRESH_SECONDS = 10.0
    MAX_VERIFIED = 10_000

    def __init__(self, fetch: Callable[[], Awaitable[dict[str, Any]]]) -> None:
        self._fetch = fetch
        self._keys: dict[str, Any] = {}
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()
        self._verified: dict[str, Principal] = {}

    @classmethod
    def from_url(cls, client: httpx.AsyncClient, url: str) -> "JwksCache":
        async def fetch() -> dict[str, Any]:
            response = await client.get(url)
            response.raise_for_status()
            return response.json()

        return cls(fetch)

    async def keys_for(self, kid: str) -> dict[str, Any]:
        if kid in self._keys:
            return self._keys
        async with self._lock:
            if kid not in self._keys and time.monotonic() - self._fetched_at > self.MIN_REFRESH_SECONDS:
                try:
                    document = await self._fetch()
                except (httpx.HTTPError, ValueError):
                    return self._keys  # gateway unreachable: known keys still verify
                self._keys = public_keys(document)
                self._fetched_at = time.monotonic()
        return self._keys

    async def verify(self, token: str, *, issuer: str, audience: str) -> Principal:
        """The principal of a valid token (InvalidToken otherwise)."""
        known = self._verified.get(token)
        if known is not None and known.expires_at > time.time():
            return known
        principal = verify_token(
            token, await self.keys_for(unverified_kid(token)), issuer=issuer, audience=audience
        )
        if len(self._verified) >= self.MAX_VERIFIED:
            now = time.time()
            self._verified = {t: p for t, p in self._verified.items() if p.expires_at > now}
            if len(self._verified) >= self.MAX_VERIFIED:
                self._verified.clear()
        self._verified[token] = principal
        return principal


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized()
    return token.strip()


async def _current_principal(request: Request) -> Principal:
    token = _bearer(request)
    settings = request.app.state.settings
    jwks: JwksCache = request.app.state.jwks
    try:
        principal = await jwks.verify(token, issuer=settings.token_issuer, audience=settings.token_audience)
    except InvalidToken as exc:
        raise Unauthorized() from exc
    request.state.principal = principal
    return principal


CurrentPrincipal = Annotated[Principal, Depends(_current_principal)]


def require_roles(*roles: str) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency that admits only the given roles (403 otherwise)."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if principal.role not in roles:
            raise Forbidden()
        return principal

    return check


def require_scope(scope: str, *, staff_roles: tuple[str, ...]) -> Callable[[Principal], Awaitable[Principal]]:
    """Admit staff in `staff_roles`, and system clients holding `scope`."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if principal.is_system:
            if not principal.has_scope(scope):
                raise Forbidden()
        elif principal.role not in staff_roles:
            raise Forbidden()
        return principal

    return check
