"""Create the four databases if missing and migrate them (containers and Kubernetes run this as a job).

DATABASE_URL=postgresql://user:pass@db:5432/postgres python -m tsunagu_local.migrate [--demo]
"""

import argparse
import asyncio
import os
import sys

from tsunagu_local.stack import Stack


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demo", action="store_true", help="also load the fictional demo data")
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL")
    if not server:
        print("DATABASE_URL is required", file=sys.stderr)
        return 2
    stack = Stack(
        server=server, demo_password=os.environ.get("TSUNAGU_DEMO_PASSWORD", ""), service_secrets={}
    )
    await stack.prepare(demo_data=args.demo)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
