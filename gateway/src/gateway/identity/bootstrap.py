"""The first administrator of a new deployment: `python -m gateway.identity.bootstrap USERNAME --name 氏名`.

Outside demo mode the gateway's database starts with no one who can sign in. This adds one
administrator, once: it refuses when the username is taken. The password comes from
TSUNAGU_ADMIN_PASSWORD (a Kubernetes Job, a compose run) or is asked for twice on the terminal;
it is never an argument, which would show in the process list and the shell's history.
"""

import argparse
import asyncio
import getpass
import os
import sys

from sqlalchemy.dialects.postgresql import insert

from gateway.identity.models import StaffUser
from gateway.identity.passwords import hash_secret
from gateway.settings import Settings
from tsunagu_services.db import database_url, make_engine, make_sessionmaker

MIN_PASSWORD_LENGTH = 12


def read_password() -> str:
    given = os.environ.get("TSUNAGU_ADMIN_PASSWORD")
    if given is not None:
        return given
    first = getpass.getpass("パスワード: ")
    if getpass.getpass("パスワード（確認）: ") != first:
        raise ValueError("パスワードが一致しません")
    return first


async def add_admin(settings: Settings, username: str, display_name: str, password: str) -> bool:
    """Insert the administrator; False when the username is already taken (nothing changed)."""
    engine = make_engine(database_url(settings.database_url, settings.database_name))
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            statement = (
                insert(StaffUser)
                .values(
                    username=username,
                    display_name=display_name,
                    role="admin",
                    password_hash=await hash_secret(password),
                    active=True,
                )
                .on_conflict_do_nothing(index_elements=[StaffUser.username])
                .returning(StaffUser.id)
            )
            return (await session.execute(statement)).scalar_one_or_none() is not None
    finally:
        await engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("username")
    parser.add_argument("--name", required=True, help="the display name (氏名)")
    args = parser.parse_args(argv)
    if not args.username.strip() or len(args.username) > 100 or not args.name.strip():
        print("username (up to 100 characters) and --name are required", file=sys.stderr)
        return 2
    try:
        password = read_password()
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    if len(password) < MIN_PASSWORD_LENGTH:
        print(f"パスワードは{MIN_PASSWORD_LENGTH}文字以上にしてください", file=sys.stderr)
        return 2
    if not asyncio.run(add_admin(Settings(), args.username.strip(), args.name.strip(), password)):
        print(f"{args.username} は登録済みです（変更していません）", file=sys.stderr)
        return 1
    print(f"管理者 {args.username} を登録しました")
    return 0


if __name__ == "__main__":
    sys.exit(main())
