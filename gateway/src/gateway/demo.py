"""Load the demo identities: `python -m gateway.demo` (idempotent; demo mode only).

Reads TSUNAGU_DEMO_PASSWORD (required) for every demo account and for the
`demo-system` client, and TSUNAGU_SERVICE_SECRETS (`intake-api=…,case-api=…`)
for the service clients. A second run changes nothing except re-hashing the
passwords, so it also resets them to the given demo password. All names are fictional.
"""

import asyncio
import os
import sys
import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.identity import repository
from gateway.identity.passwords import hash_secret
from gateway.settings import Settings
from tsunagu_services.db import database_url, make_engine, make_sessionmaker

# The agency id case-api's demo data uses for 東地域包括支援センター.
HIGASHI_HOUKATSU_AGENCY_ID = "0b0c0000-0000-4000-8000-000000000001"
# Stable ids, so a re-run updates the same rows and tokens keep their `sub`.
USER_NAMESPACE = uuid.UUID("7d3f0c52-6f0e-4c1e-9a51-3b1c2f0a7e10")

AREAS = [("higashi", "東", 1), ("nishi", "西", 2), ("minami", "南", 3), ("kita", "北", 4)]
# (username, display name, role, area, agency id)
USERS: list[tuple[str, str, str, str | None, str | None]] = [
    ("admin", "管理 一郎", "admin", None, None),
    ("sup1", "統括 春子", "supervisor", None, None),
    ("sup2", "統括 秋男", "supervisor", None, None),
    ("csw-higashi", "東 花子", "csw", "higashi", None),
    ("csw-nishi", "西 健太", "csw", "nishi", None),
    ("csw-minami", "南 由美", "csw", "minami", None),
    ("csw-kita", "北 翔", "csw", "kita", None),
    ("sc-higashi", "森 さくら", "sc", "higashi", None),
    ("agency-houkatsu-higashi", "林 誠", "agency", "higashi", HIGASHI_HOUKATSU_AGENCY_ID),
]
SYSTEM_SCOPES = ["cases:read", "consultations:read", "consultations:write", "statistics:read"]
SERVICE_CLIENTS = [
    ("intake-api", "相談受付サービス"),
    ("case-api", "ケース管理サービス"),
    ("meeting-api", "会議サービス"),
]
SERVICE_SCOPES = ["service"]


def parse_service_secrets(raw: str) -> dict[str, str]:
    """`intake-api=xxx,case-api=yyy` → {"intake-api": "xxx", "case-api": "yyy"}."""
    secrets: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in raw.split(","))):
        name, sep, secret = item.partition("=")
        if not sep or not name.strip() or not secret:
            raise ValueError("TSUNAGU_SERVICE_SECRETS must look like intake-api=xxx,case-api=yyy")
        secrets[name.strip()] = secret
    return secrets


async def load(session: AsyncSession, password: str, service_secrets: dict[str, str]) -> list[str]:
    """Upsert the demo areas, users and clients; return the client ids written."""
    for code, name, order in AREAS:
        await repository.upsert_area(session, code, name, order)
    for username, display_name, role, area, agency_id in USERS:
        await repository.upsert_user(
            session,
            {
                "id": uuid.uuid5(USER_NAMESPACE, username),
                "username": username,
                "display_name": display_name,
                "role": role,
                "area": area,
                "agency_id": agency_id,
                "password_hash": await hash_secret(password),
                "active": True,
            },
        )
    await repository.upsert_client(
        session,
        {
            "client_id": "demo-system",
            "display_name": "デモ用 庁内システム",
            "kind": "system",
            "secret_hash": await hash_secret(password),
            "scopes": SYSTEM_SCOPES,
            "active": True,
        },
    )
    written = ["demo-system"]
    for client_id, display_name in SERVICE_CLIENTS:
        if client_id not in service_secrets:
            continue
        await repository.upsert_client(
            session,
            {
                "client_id": client_id,
                "display_name": display_name,
                "kind": "service",
                "secret_hash": await hash_secret(service_secrets[client_id]),
                "scopes": SERVICE_SCOPES,
                "active": True,
            },
        )
        written.append(client_id)
    return written


async def _main() -> int:
    settings = Settings()
    password = os.environ.get("TSUNAGU_DEMO_PASSWORD", "")
    if not password:
        print("TSUNAGU_DEMO_PASSWORD is required", file=sys.stderr)
        return 2
    # Known passwords on a real database would be an open door.
    if not settings.demo_mode:
        print(
            "refusing to load demo accounts: set TSUNAGU_DEMO_MODE=1 (demo databases only)", file=sys.stderr
        )
        return 2
    try:
        service_secrets = parse_service_secrets(os.environ.get("TSUNAGU_SERVICE_SECRETS", ""))
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    engine = make_engine(database_url(settings.database_url, settings.database_name))
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            clients = await load(session, password, service_secrets)
    finally:
        await engine.dispose()
    users = ", ".join(username for username, *_ in USERS)
    print(f"demo identities loaded: areas {len(AREAS)}, users {users}; clients {', '.join(clients)}")
    skipped = [c for c, _ in SERVICE_CLIENTS if c not in clients]
    if skipped:
        print(f"service clients without a secret in TSUNAGU_SERVICE_SECRETS (skipped): {', '.join(skipped)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(_main()))
