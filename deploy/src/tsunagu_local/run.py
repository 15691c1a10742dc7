"""`make run`: PostgreSQL, migrations, demo data, four services; Ctrl-C stops everything."""

import asyncio
import os
import signal
import sys

from tsunagu_local import postgres
from tsunagu_local.secrets import load_or_create
from tsunagu_local.stack import REPO, SERVICES, Stack

# A second stack beside the first (e.g. to develop two screens at once):
# TSUNAGU_PORT_BASE=9000 TSUNAGU_VAR=var-9000 make run
VAR = REPO / os.environ.get("TSUNAGU_VAR", "var")
PORT_BASE = int(os.environ.get("TSUNAGU_PORT_BASE", "8000"))
DEMO_LOGINS = (
    ("admin", "管理者"),
    ("sup1, sup2", "統括（全圏域）"),
    ("csw-higashi, csw-nishi, csw-minami, csw-kita", "地域福祉コーディネーター（東・西・南・北）"),
    ("sc-higashi", "生活支援コーディネーター（東）"),
    ("agency-houkatsu-higashi", "東地域包括支援センター"),
    ("demo-system", "システム連携（client_credentials）"),
)


async def main() -> int:
    server, embedded = postgres.server_url(VAR)
    demo_password, service_secrets = load_or_create(VAR)
    stack = Stack(
        server=server,
        demo_password=demo_password,
        service_secrets=service_secrets,
        ports={service.name: PORT_BASE + i for i, service in enumerate(SERVICES)},
        log_dir=VAR / "logs",  # JSON logs per service; the console keeps the URL and the logins
        extra_env={"TSUNAGU_SIGNING_KEY_PATH": str(VAR / "keys" / "gateway-signing.pem")},
    )
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping.set)
    try:
        print("データベースを準備しています… (migrations, demo data)", flush=True)
        await stack.prepare()
        stack.start()
        await stack.wait_ready()
        print(_banner(stack, demo_password, embedded), flush=True)
        supervisor = asyncio.create_task(stack.supervise(_report_exit))
        await stopping.wait()
        supervisor.cancel()
        return 0
    finally:
        print("\n停止しています…", flush=True)
        stack.stop()  # SIGTERM: each service finishes its requests in flight (up to 5 s), then exits
        if embedded:
            postgres.stop_embedded(VAR / "pg" / "data")
        print("停止しました。", flush=True)


def _report_exit(name: str, code: int, delay: float) -> None:
    message = f"{name} が終了しました (exit code {code})。{delay:g} 秒後に再起動します。"
    print(message, file=sys.stderr, flush=True)


def _banner(stack: Stack, password: str, embedded: bool) -> str:
    rows = "\n".join(f"  {user:<48} {who}" for user, who in DEMO_LOGINS)
    database = f"embedded PostgreSQL under {(VAR / 'pg').relative_to(REPO)}" if embedded else "DATABASE_URL"
    return f"""
つなぐ Tsunagu is running: {stack.url()}
  intake-api {stack.url("intake-api")} · case-api {stack.url("case-api")}
  meeting-api {stack.url("meeting-api")}
  database: {database}
  logs: {stack.log_dir}/<service>.log

Demo logins (password: {password})
{rows}

Ctrl-C stops everything.
"""


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
