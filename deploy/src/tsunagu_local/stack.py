"""The whole Tsunagu stack on one machine: databases, migrations, demo data, four processes.

`make run` uses it on the fixed ports; the cross-service tests use it on free
ports with databases of their own, so they never touch a developer's data.
"""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx

from tsunagu_local.postgres import drop_database, ensure_database
from tsunagu_services.db import database_url

REPO = Path(__file__).resolve().parents[3]
# A supervised service that dies is restarted after 0.5 s, 1 s, 2 s … up to this pause.
RESTART_MAX_SECONDS = 30.0
# Up this long without dying: the service started fine, and the next crash starts the pauses over.
STABLE_SECONDS = 10.0


@dataclass(frozen=True)
class Service:
    name: str
    package: str
    database: str
    default_port: int

    @property
    def alembic_ini(self) -> Path:
        return REPO / self.name / "alembic.ini"


SERVICES = (
    Service("gateway", "gateway", "tsunagu_gateway", 8000),
    Service("intake-api", "intake_api", "tsunagu_intake", 8001),
    Service("case-api", "case_api", "tsunagu_case", 8002),
    Service("meeting-api", "meeting_api", "tsunagu_meeting", 8003),
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Stack:
    """Four service processes on `server`, with their databases named `<db><suffix>`."""

    server: str
    demo_password: str
    service_secrets: dict[str, str]
    ports: dict[str, int] = field(default_factory=lambda: {s.name: s.default_port for s in SERVICES})
    db_suffix: str = ""
    log_dir: Path | None = None
    extra_env: dict[str, str] = field(default_factory=dict)
    # Where the services reach one another when not at `ports` (a load balancer before replicas).
    endpoints: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    started_at: dict[str, float] = field(default_factory=dict)
    stable_seconds: float = STABLE_SECONDS

    def url(self, service: str = "gateway") -> str:
        return f"http://127.0.0.1:{self.ports[service]}"

    def endpoint(self, service: str) -> str:
        """The URL the other services use for `service`."""
        return self.endpoints.get(service) or self.url(service)

    def database(self, service: str) -> str:
        """The asyncpg URL of `service`'s own database (for tests that check what was really stored)."""
        name = next(s.database for s in SERVICES if s.name == service) + self.db_suffix
        return database_url(self.server, name, driver="")

    async def execute(self, service: str, script: str) -> None:
        """Run SQL (one or more statements, no parameters) straight in `service`'s database."""
        conn = await asyncpg.connect(self.database(service))
        try:
            await conn.execute(script)
        finally:
            await conn.close()

    async def fetch(self, service: str, query: str, *args: object) -> list[asyncpg.Record]:
        """Rows read straight from `service`'s database."""
        conn = await asyncpg.connect(self.database(service))
        try:
            return await conn.fetch(query, *args)
        finally:
            await conn.close()

    def env(self, service: Service) -> dict[str, str]:
        return {
            **os.environ,
            **self.extra_env,
            "DATABASE_URL": self.server,
            "TSUNAGU_DATABASE_NAME": service.database + self.db_suffix,
            "TSUNAGU_DEMO_MODE": "1",
            "TSUNAGU_DEMO_PASSWORD": self.demo_password,
            "TSUNAGU_SERVICE_CLIENT_SECRET": self.service_secrets.get(service.name, ""),
            "TSUNAGU_SERVICE_SECRETS": ",".join(f"{k}={v}" for k, v in self.service_secrets.items()),
            "TSUNAGU_GATEWAY_URL": self.endpoint("gateway"),
            "TSUNAGU_INTAKE_URL": self.endpoint("intake-api"),
            "TSUNAGU_CASE_URL": self.endpoint("case-api"),
            "TSUNAGU_MEETING_URL": self.endpoint("meeting-api"),
            "PYTHONUNBUFFERED": "1",
        }

    async def prepare(self, *, demo_data: bool = True, only: tuple[str, ...] | None = None) -> None:
        """Create the databases if missing, migrate them, and load the demo data (all, or `only` these)."""
        services = [s for s in SERVICES if only is None or s.name in only]
        for service in services:
            await ensure_database(self.server, service.database + self.db_suffix)
        for service in services:
            await _run(
                [sys.executable, "-m", "alembic", "-c", str(service.alembic_ini), "upgrade", "heads"],
                self.env(service),
                f"migrate {service.name}",
            )
        if demo_data:
            for service in services:
                if (REPO / service.name / "src" / service.package / "demo.py").exists():
                    await _run(
                        [sys.executable, "-m", f"{service.package}.demo"],
                        self.env(service),
                        f"demo data {service.name}",
                    )

    def start(self, only: tuple[str, ...] | None = None) -> None:
        """Start the service processes (all, or `only` these)."""
        for service in SERVICES:
            if only is not None and service.name not in only:
                continue
            output = None
            if self.log_dir is not None:
                self.log_dir.mkdir(parents=True, exist_ok=True)
                output = (self.log_dir / f"{service.name}.log").open("ab")
            self.processes[service.name] = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "--factory",
                    f"{service.package}.main:create_app",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.ports[service.name]),
                    "--no-access-log",
                    "--timeout-keep-alive",
                    "5",
                    "--timeout-graceful-shutdown",
                    "5",
                ],
                env=self.env(service),
                cwd=REPO,
                stdout=output,
                stderr=subprocess.STDOUT if output else None,
            )
            self.started_at[service.name] = time.monotonic()

    async def supervise(self, report: Callable[[str, int, float], None] | None = None) -> None:
        """Restart every service that exits on its own, after a growing pause; runs until cancelled.

        A service stopped on purpose (`stop`) is no longer watched. The pause doubles
        from half a second to RESTART_MAX_SECONDS and starts over once a service has
        stayed up for `stable_seconds`, so a crash loop does not spin the machine.
        """
        restarts: dict[str, int] = {}
        while True:
            for name, process in list(self.processes.items()):
                if process.poll() is None:
                    if time.monotonic() - self.started_at.get(name, 0.0) > self.stable_seconds:
                        restarts[name] = 0
                    continue
                attempt = restarts.get(name, 0)
                restarts[name] = attempt + 1
                delay = min(0.5 * 2**attempt, RESTART_MAX_SECONDS)
                if report is not None:
                    report(name, process.returncode, delay)
                await asyncio.sleep(delay)
                if self.processes.get(name) is process:  # not stopped (or restarted) meanwhile
                    self.start(only=(name,))
            await asyncio.sleep(0.2)

    async def wait_ready(self, within: float = 30.0, only: tuple[str, ...] | None = None) -> None:
        """Wait until every started service answers /healthz."""
        deadline = time.monotonic() + within
        async with httpx.AsyncClient(timeout=1.0) as client:
            for name, process in self.processes.items():
                if only is not None and name not in only:
                    continue
                while True:
                    if process.poll() is not None:
                        raise RuntimeError(f"{name} exited with code {process.returncode}")
                    try:
                        if (await client.get(f"{self.url(name)}/healthz")).status_code == 200:
                            break
                    except httpx.HTTPError:
                        pass
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"{name} did not become healthy in {within:.0f} s")
                    await asyncio.sleep(0.1)

    def stop(self, only: tuple[str, ...] | None = None, timeout: float = 10.0) -> None:
        """Stop the service processes gracefully (SIGTERM), killing any that linger."""
        targets = {n: p for n, p in self.processes.items() if only is None or n in only}
        for process in targets.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for name, process in targets.items():
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            del self.processes[name]

    async def drop_databases(self) -> None:
        for service in SERVICES:
            await drop_database(self.server, service.database + self.db_suffix)


async def _run(command: list[str], env: dict[str, str], what: str) -> None:
    process = await asyncio.create_subprocess_exec(
        *command, env=env, cwd=REPO, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    output, _ = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{output.decode(errors='replace')}")
