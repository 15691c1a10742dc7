"""Authentication dependencies: every route is authenticated unless it says it is public."""

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import httpx
from fastapi import Depends, Request

from tsunagu_services.problems import Forbidden, Unauthorized
from tsunagu_services.tokens import InvalidToken, Principal, unverified_kid, verify_token

__all__ = ["CurrentPrincipal", "JwksCache", "Principal", "require_roles", "require_scope"]


class JwksCache:
    """The gateway's public keys, fetched on demand and refreshed when an unknown kid appears."""

    MIN_REFRESH_SECONDS = 10.0

    def __init__(self, fetch: Callable[[], Awaitable[dict[str, Any]]]) -> None:
        self._fetch = fetch
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()

    @classmethod
    def from_url(cls, client: httpx.AsyncClient, url: str) -> "JwksCache":
        async def fetch() -> dict[str, Any]:
            response = await client.get(url)
            response.raise_for_status()
            return response.json()

        return cls(fetch)

    async def keys_for(self, kid: str) -> dict[str, dict[str, Any]]:
        if kid in self._keys:
            return self._keys
        async with self._lock:
            if kid not in self._keys and time.monotonic() - self._fetched_at > self.MIN_REFRESH_SECONDS:
                try:
                    document = await self._fetch()
                except (httpx.HTTPError, ValueError):
                    return self._keys  # gateway unreachable: known keys still verify
                self._keys = {k["kid"]: k for k in document.get("keys", []) if "kid" in k}
                self._fetched_at = time.monotonic()
        return self._keys


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
        kid = unverified_kid(token)
        principal = verify_token(
            token,
            await jwks.keys_for(kid),
            issuer=settings.token_issuer,
            audience=settings.token_audience,
        )
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
