"""Write the secrets of the compose deployment: python deploy/compose/make_env.py PATH [--demo] [--force].

PATH is normally deploy/compose/.env, which Compose reads beside compose.yaml. The file is created
mode 0600 and an existing one is left alone unless --force is given (new secrets lock the services
out of a database and of tokens made with the old ones). --demo adds TSUNAGU_DEMO=1 and the demo
accounts' password. Standard library only: it runs on a server with nothing but Python installed.
"""

import argparse
import os
import secrets
import sys
import tempfile
from pathlib import Path

# What compose.yaml requires; each a fresh random value.
SECRET_KEYS = ("POSTGRES_PASSWORD", "INTAKE_SECRET", "CASE_SECRET", "MEETING_SECRET", "CHALLENGE_SECRET")
DEMO_KEYS = ("TSUNAGU_DEMO", "TSUNAGU_DEMO_PASSWORD")


def render(*, demo: bool) -> str:
    """The file's text: one KEY=value a line, URL-safe values (they go into a database URL as they are)."""
    lines = ["# Tsunagu compose secrets, made by deploy/compose/make_env.py. Keep private; not in git."]
    lines += [f"{key}={secrets.token_urlsafe(32)}" for key in SECRET_KEYS]
    if demo:
        lines += ["# Demo mode: fictional accounts, all with this password.", "TSUNAGU_DEMO=1"]
        lines.append(f"TSUNAGU_DEMO_PASSWORD={secrets.token_urlsafe(12)}")
    return "\n".join(lines) + "\n"


def write(path: Path, text: str, *, force: bool) -> None:
    """Create `path` with `text`, mode 0600; FileExistsError when it exists and `force` is not given."""
    if force:
        # Replaced whole or not at all: a half-written secrets file is worse than the old one.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    else:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
    os.chmod(path, 0o600)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the env file to write (deploy/compose/.env)")
    parser.add_argument("--demo", action="store_true", help="demo mode: TSUNAGU_DEMO=1 and a demo password")
    parser.add_argument("--force", action="store_true", help="replace an existing file (new secrets)")
    args = parser.parse_args(argv)
    try:
        write(args.path, render(demo=args.demo), force=args.force)
    except FileExistsError:
        print(f"{args.path} exists: kept as it is (--force replaces it with new secrets)", file=sys.stderr)
        return 1
    # The values stay in the file: nothing secret on a terminal or in a CI log.
    extra = "; the demo accounts' password is TSUNAGU_DEMO_PASSWORD in it" if args.demo else ""
    print(f"wrote {args.path} (mode 0600){extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
