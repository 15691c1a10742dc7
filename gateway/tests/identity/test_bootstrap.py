"""A new deployment's first administrator: added once, signs in, never overwritten."""

import os
import subprocess
import sys
from pathlib import Path

import httpx

from gateway.main import create_app
from gateway.settings import Settings
from tsunagu_services import testing

ALEMBIC_INI = Path(__file__).parents[2] / "alembic.ini"
PASSWORD = "first-admin-pass-2026"


def bootstrap(database: str, *args: str, password: str = PASSWORD) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": testing.server_url(),
        "TSUNAGU_DATABASE_NAME": database,
        "TSUNAGU_ADMIN_PASSWORD": password,
    }
    command = [sys.executable, "-m", "gateway.identity.bootstrap", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)


async def test_the_first_administrator_is_added_once_and_signs_in(settings: Settings) -> None:
    name = await testing.create_database("test_gateway_bootstrap")
    try:
        testing.migrate(ALEMBIC_INI, name)
        assert bootstrap(name, "city-admin", "--name", "管理 太郎", password="short").returncode == 2
        added = bootstrap(name, "city-admin", "--name", "管理 太郎")
        assert added.returncode == 0, added.stderr
        assert PASSWORD not in added.stdout + added.stderr
        again = bootstrap(name, "city-admin", "--name", "別人", password="another-password-99")
        assert again.returncode == 1 and "登録済み" in again.stderr

        app = create_app(settings=settings.model_copy(update={"database_name": name}))
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
        ):
            for password, expected in (("another-password-99", 400), (PASSWORD, 200)):
                answer = await client.post(
                    "/api/v1/auth/token",
                    data={"grant_type": "password", "username": "city-admin", "password": password},
                )
                assert answer.status_code == expected, answer.text
    finally:
        await testing.drop_database(name)
