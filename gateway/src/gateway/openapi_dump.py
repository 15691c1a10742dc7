"""Write the merged OpenAPI document to a file: `python -m gateway.openapi_dump OUT.json`."""

import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m gateway.openapi_dump OUT.json", file=sys.stderr)
        return 2
    # Only documents are built: no database, no secret is used, so demo settings suffice.
    os.environ.setdefault("TSUNAGU_DEMO_MODE", "1")
    from gateway.openapi import dumps, merged_openapi_offline

    document = merged_openapi_offline()
    Path(argv[0]).write_text(dumps(document), encoding="utf-8")
    missing = document.get("x-tsunagu-missing", [])
    print(f"wrote {argv[0]}" + (f" (missing: {', '.join(missing)})" if missing else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
