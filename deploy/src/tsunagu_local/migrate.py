"""Create the databases if missing and migrate them (containers and Kubernetes run this as a job).

DATABASE_URL=postgresql://user:pass@db:5432/postgres python -m tsunagu_local.migrate [--demo]
    all four databases, as one server's superuser (compose)
… python -m tsunagu_local.migrate --service case-api [--demo]
    only case-api's database, with case-api's own role (a Kubernetes Job per service)
… python -m tsunagu_local.migrate --service case-api --wait [--timeout 600]
    exit 0 once case-api's database is at the schema this image carries, 1 on timeout
    (an init container: a new release's pods wait for their migration Job, never run on an old schema)
"""

import argparse
import asyncio
import os
import sys
import time

import asyncpg
from alembic.config import Config
from alembic.script import ScriptDirectory

from tsunagu_local.stack import SERVICES, Service, Stack
from tsunagu_services.db import database_url


def expected_heads(service: Service) -> set[str]:
    """The Alembic heads this image's code carries for `service`."""
    return set(ScriptDirectory.from_config(Config(str(service.alembic_ini))).get_heads())


async def applied_heads(server: str, name: str) -> set[str]:
    """The revisions database `name` is at; empty when it is not there or not migrated yet."""
    try:
        conn = await asyncpg.connect(database_url(server, name, driver=""), timeout=5)
    except (OSError, asyncpg.PostgresError):
        return set()
    try:
        rows = await conn.fetch("select version_num from alembic_version")
    except asyncpg.UndefinedTableError:
        return set()
    finally:
        await conn.close()
    return {row["version_num"] for row in rows}


async def wait_for_schema(server: str, service: Service, within: float) -> bool:
    wanted = expected_heads(service)
    name = os.environ.get("TSUNAGU_DATABASE_NAME", service.database)
    deadline = time.monotonic() + within
    while True:
        current = await applied_heads(server, name)
        if current == wanted:
            print(f"{service.name}: schema at {', '.join(sorted(wanted))}")
            return True
        if time.monotonic() > deadline:
            print(
                f"{service.name}: schema is at {sorted(current) or 'nothing'}, this release needs "
                f"{sorted(wanted)}: has its migration job run?",
                file=sys.stderr,
            )
            return False
        await asyncio.sleep(2)


async def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--demo", action="store_true", help="also load the fictional demo data")
    parser.add_argument("--service", choices=[s.name for s in SERVICES], help="only this service's database")
    parser.add_argument("--wait", action="store_true", help="wait for the schema instead of migrating")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds --wait waits (default 600)")
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL")
    if not server:
        print("DATABASE_URL is required", file=sys.stderr)
        return 2
    if args.wait:
        if args.service is None:
            parser.error("--wait needs --service")
        service = next(s for s in SERVICES if s.name == args.service)
        return 0 if await wait_for_schema(server, service, args.timeout) else 1
    stack = Stack(
        server=server, demo_password=os.environ.get("TSUNAGU_DEMO_PASSWORD", ""), service_secrets={}
    )
    await stack.prepare(demo_data=args.demo, only=(args.service,) if args.service else None)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
