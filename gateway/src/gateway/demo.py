"""Load the demo identities: `python -m gateway.demo` (idempotent; demo mode only).

Reads TSUNAGU_DEMO_PASSWORD (required) for every demo account and for the
`demo-system` client, and TSUNAGU_SERVICE_SECRETS (`intake-api=…,case-api=…`)
for the service clients when given (the gateway registers those itself at start too,
in every deployment: gateway.identity.service_clients). A second run changes nothing except re-hashing the
passwords, so it also resets them to the given demo password. All names are fictional.
"""

import asyncio
import os
import sys
import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.identity import repository, service_clients
from gateway.identity.passwords import hash_secret
from gateway.settings import Settings
from tsunagu_services.db import database_url, make_engine, make_sessionmaker

# The agency id case-api's demo data uses for 東地域包括支援センター.
HIGASHI_HOUKATSU_AGENCY_ID = "0b0c0000-0000-4000-8000-000000000001"
# Stable ids, so a re-run updates the same rows and tokens keep their `sub`.
USER_NAMESPACE = uuid.UUID("7d3f0c52-6f0e-4c1e-9a51-3b1c2f0a7e10")

# (code, name, order, residents): a fictional split of Koganei's 125,960 (the city's figure the rates use).
AREAS = [
    ("higashi", "東", 1, 33_000),
    ("nishi", "西", 2, 30_500),
    ("minami", "南", 3, 32_460),
    ("kita", "北", 4, 30_000),
]
# (username, display name, its kana, role, area, agency id)
USERS: list[tuple[str, str, str, str, str | None, str | None]] = [
    ("admin", "管理 一郎", "かんり いちろう", "admin", None, None),
    ("sup1", "統括 春子", "とうかつ はるこ", "supervisor", None, None),
    ("sup2", "統括 秋男", "とうかつ あきお", "supervisor", None, None),
    ("csw-higashi", "東 花子", "ひがし はなこ", "csw", "higashi", None),
    ("csw-nishi", "西 健太", "にし けんた", "csw", "nishi", None),
    ("csw-minami", "南 由美", "みなみ ゆみ", "csw", "minami", None),
    ("csw-kita", "北 翔", "きた しょう", "csw", "kita", None),
    ("sc-higashi", "森 さくら", "もり さくら", "sc", "higashi", None),
    ("agency-houkatsu-higashi", "林 誠", "はやし まこと", "agency", "higashi", HIGASHI_HOUKATSU_AGENCY_ID),
]
SYSTEM_SCOPES = ["cases:read", "consultations:read", "consultations:write", "statistics:read"]


async def load(session: AsyncSession, password: str, service_secrets: dict[str, str]) -> list[str]:
    """Upsert the demo areas, users and clients; return the client ids written."""
    for code, name, order, residents in AREAS:
        await repository.upsert_area(session, code, name, order, residents)
    for username, display_name, display_kana, role, area, agency_id in USERS:
        await repository.upsert_user(
            session,
            {
                "id": uuid.uuid5(USER_NAMESPACE, username),
                "username": username,
                "display_name": display_name,
                "display_kana": display_kana,
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
    return ["demo-system", *await service_clients.register(session, service_secrets)]


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
        service_secrets = service_clients.parse(os.environ.get("TSUNAGU_SERVICE_SECRETS", ""))
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
    skipped = [c for c in service_clients.SERVICE_CLIENTS if c not in clients]
    if skipped:
        print(f"service clients without a secret in TSUNAGU_SERVICE_SECRETS (skipped): {', '.join(skipped)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(_main()))
