"""`python -m gateway.audit verify [--anchors anchors.json]`: is the audit trail as it was written?

Reads the gateway's database (DATABASE_URL, TSUNAGU_DATABASE_NAME as the gateway runs), recomputes
both hash chains and checks the anchors: those exported to a file (each taken from its own
signature) or, without a file, those stored in the database. Exit status 0 intact, 1 broken.
"""

import argparse
import asyncio
import json
import sys
from pathlib import Path

from gateway.audit import chain
from gateway.settings import Settings
from tsunagu_services.db import database_url, make_engine, make_sessionmaker
from tsunagu_services.tokens import SigningKey


async def main(exported: list | None) -> int:
    settings = Settings()
    engine = make_engine(database_url(settings.database_url, settings.database_name))
    try:
        async with make_sessionmaker(engine)() as session:
            anchors = None
            if exported is not None:
                key = SigningKey.load_or_create(settings.signing_key_path)
                anchors = chain.anchors_from_export(exported, key)
            report = await chain.verify(session, anchors)
    finally:
        await engine.dispose()
    if report.intact:
        print(f"intact: {report.events} events, {report.outcomes} outcomes; heads {json.dumps(report.heads)}")
        return 0
    assert report.first_break is not None
    br = report.first_break
    print(f"BROKEN: the {br.chain} chain first breaks at event {br.key} ({br.reason})")
    return 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m gateway.audit", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("verify", help="verify the hash chains and anchors")
    check.add_argument("--anchors", type=Path, help="anchors exported from GET /api/v1/audit-events/anchors")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(json.loads(args.anchors.read_text()) if args.anchors else None)))
