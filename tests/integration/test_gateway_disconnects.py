"""Clients that go away early must not cost the gateway its upstream connections.

The first round leaked: a client gone before or during the body left the upstream
response open, the connection stayed checked out of the pool in CLOSE-WAIT, and
after a busy morning every proxied request waited for a pool slot and got a 504.
"""

import asyncio
import random
import socket
import struct
import time

import httpx
import psutil

from tsunagu_local.stack import Stack

# Reads on three services, the largest answers the demo data gives (so a client can leave mid-body).
PATHS = ("/api/v1/cases?limit=100", "/api/v1/meetings?limit=100", "/api/v1/consultations?limit=100")


async def _rude_client(port: int, path: str, token: str, how: str) -> None:
    """One request whose client leaves at the point `how` names (RST, not a polite close)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = f"GET {path} HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer {token}\r\n\r\n".encode()
    try:
        if how == "mid-request":
            writer.write(request[: random.randint(10, len(request) - 5)])
            await writer.drain()
            await asyncio.sleep(random.uniform(0, 0.02))
        else:
            writer.write(request)
            await writer.drain()
            if how == "after-request":
                await asyncio.sleep(random.uniform(0, 0.03))
            elif how == "after-headers":
                await reader.readuntil(b"\r\n\r\n")
            elif how == "mid-body":
                await reader.readuntil(b"\r\n\r\n")
                await reader.read(random.randint(1, 2000))
    except (OSError, asyncio.IncompleteReadError):
        pass
    finally:
        sock = writer.get_extra_info("socket")
        if sock is not None:  # linger 0: the close is a reset, as a phone dropping off the network does
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.close()


def _upstream_sockets(stack: Stack) -> list:
    """The gateway's TCP sockets to the services behind it."""
    gateway = psutil.Process(stack.processes["gateway"].pid)
    upstream_ports = {stack.ports[name] for name in ("intake-api", "case-api", "meeting-api")}
    return [c for c in gateway.net_connections(kind="tcp") if c.raddr and c.raddr.port in upstream_ports]


async def test_clients_leaving_at_random_points_leave_no_upstream_connection_behind(
    stack: Stack, gateway: httpx.AsyncClient, login
) -> None:
    token = (await login("sup1"))["Authorization"].removeprefix("Bearer ")
    port = stack.ports["gateway"]
    ways = ("mid-request", "after-request", "after-headers", "mid-body")
    rng = random.Random(9)
    for _ in range(4):  # 200 requests, 50 at a time
        await asyncio.gather(
            *(_rude_client(port, rng.choice(PATHS), token, rng.choice(ways)) for _n in range(50))
        )

    # Past the services' keep-alive (5 s): a connection the gateway still holds is now in CLOSE-WAIT.
    await asyncio.sleep(6)
    headers = {"Authorization": f"Bearer {token}"}
    for path in PATHS:  # each pool's next request answers at once (and prunes its idle connections)
        started = time.monotonic()
        response = await gateway.get(path, headers=headers)
        assert response.status_code == 200, response.text
        assert time.monotonic() - started < 1.0
    stuck = [c for c in _upstream_sockets(stack) if c.status == psutil.CONN_CLOSE_WAIT]
    named = {port: name for name, port in stack.ports.items()}
    assert [(named[c.raddr.port], c.laddr.port) for c in stuck] == []
