"""The services' own clients (intake-api, case-api, meeting-api): registered by the gateway itself.

They are infrastructure, not demo data: each service gets its tokens from the gateway with its
client secret (client_credentials), in every deployment. The gateway reads the secrets from
TSUNAGU_SERVICE_SECRETS (`intake-api=…,case-api=…,meeting-api=…`, from its Secret) and upserts
the clients at start, so a rotated secret takes effect with the gateway's next rollout.
"""

import asyncio
import logging

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.identity import repository
from gateway.identity.passwords import hash_secret

logger = logging.getLogger("tsunagu.identity")

SERVICE_CLIENTS = {
    "intake-api": "相談受付サービス",
    "case-api": "ケース管理サービス",
    "meeting-api": "会議サービス",
}
SERVICE_SCOPES = ["service"]
# Until PostgreSQL answers at start; a service asking for a token meanwhile is refused and retries.
RETRY_SECONDS = 2.0


def parse(raw: str) -> dict[str, str]:
    """`intake-api=xxx,case-api=yyy` → {"intake-api": "xxx", "case-api": "yyy"}; ValueError otherwise."""
    secrets: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in raw.split(","))):
        name, sep, secret = item.partition("=")
        name = name.strip()
        if not sep or not name or not secret:
            raise ValueError("TSUNAGU_SERVICE_SECRETS must look like intake-api=xxx,case-api=yyy")
        if name not in SERVICE_CLIENTS:
            raise ValueError(f"TSUNAGU_SERVICE_SECRETS names no service client {name!r}")
        secrets[name] = secret
    return secrets


async def register(session: AsyncSession, secrets: dict[str, str]) -> list[str]:
    """Upsert the service clients that have a secret (a concurrent replica's upsert is harmless)."""
    for client_id, secret in secrets.items():
        await repository.upsert_client(
            session,
            {
                "client_id": client_id,
                "display_name": SERVICE_CLIENTS[client_id],
                "kind": "service",
                "secret_hash": await hash_secret(secret),
                "scopes": SERVICE_SCOPES,
                "active": True,
            },
        )
    return list(secrets)


async def register_at_start(app: FastAPI) -> None:
    """An on_start hook: a malformed setting stops the start; a database not up yet is retried."""
    secrets = parse(app.state.settings.service_secrets.get_secret_value())
    if secrets:
        app.state.service_clients = asyncio.create_task(_register_until_done(app, secrets))


async def stop_registering(app: FastAPI) -> None:
    task = getattr(app.state, "service_clients", None)
    if task is not None:
        task.cancel()


async def _register_until_done(app: FastAPI, secrets: dict[str, str]) -> None:
    while True:
        try:
            async with app.state.sessionmaker() as session, session.begin():
                names = await register(session, secrets)
        except Exception as exc:  # PostgreSQL not there yet: the next round tries again
            logger.warning("service clients not registered yet", extra={"error_type": type(exc).__name__})
            await asyncio.sleep(RETRY_SECONDS)
        else:
            logger.info("service clients registered", extra={"clients": ",".join(names)})
            return
