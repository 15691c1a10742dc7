"""Idempotency-Key on POST: the same key and body give the same answer, exactly one write.

The middleware looks the key up first (replay, 422 for another body, 409 while
the first is running). For a new key, the request's own transaction claims it
(see `claim`), so a failed or rolled-back request leaves no trace and the write
and the claim commit together; the answer is stored right after.
"""

import hashlib
import json
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tsunagu_services.models import IdempotencyRecord
from tsunagu_services.problems import Conflict, ValidationFailed
from tsunagu_services.tokens import InvalidToken, unverified_kid, verify_token

HEADER = b"idempotency-key"
REPLAYED_HEADER = "idempotent-replayed"
_KEPT_HEADERS = ("content-type", "location", "etag")


class KeyReused(ValidationFailed):
    type = "/problems/idempotency-key-reused"
    title = "同じ Idempotency-Key で異なる内容が送信されました。"


class KeyInFlight(Conflict):
    type = "/problems/idempotency-key-in-flight"
    title = "同じ Idempotency-Key のリクエストを処理中です。"


class InvalidKey(ValidationFailed):
    type = "/problems/idempotency-key-invalid"
    title = "Idempotency-Key の形式が正しくありません（1〜255文字の英数字と記号）。"


def _problem_message(exc: Conflict | ValidationFailed) -> tuple[int, bytes]:
    body = {"type": exc.type, "title": exc.title, "status": exc.status}
    return exc.status, json.dumps(body, ensure_ascii=False).encode()


async def _principal_key(scope: Scope) -> str | None:
    """The verified caller (`sub`), 'anonymous' without a token, None for a bad token."""
    app = scope["app"]
    header = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
    if not header:
        return "anonymous"
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    settings = app.state.settings
    try:
        keys = await app.state.jwks.keys_for(unverified_kid(token))
        principal = verify_token(token, keys, issuer=settings.token_issuer, audience=settings.token_audience)
    except InvalidToken:
        return None
    return principal.sub


class IdempotencyMiddleware:
    """Honour Idempotency-Key on every POST of the service."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        raw_key = dict(scope.get("headers", [])).get(HEADER) if scope["type"] == "http" else None
        if raw_key is None or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        key = raw_key.decode("latin-1")
        if not (1 <= len(key) <= 255) or not key.isprintable():
            await _send_problem(send, InvalidKey())
            return
        principal = await _principal_key(scope)
        if principal is None:  # the route itself answers 401
            await self.app(scope, receive, send)
            return

        body = await _read_body(receive)
        request_hash = hashlib.sha256(
            scope["method"].encode() + b" " + scope["path"].encode() + b"\n" + body
        ).hexdigest()
        sessionmaker = scope["app"].state.sessionmaker
        async with sessionmaker() as session:
            record = await session.get(IdempotencyRecord, (principal, key))
        if record is not None:
            await _answer_existing(record, request_hash, send)
            return

        scope.setdefault("state", {})["idempotency"] = {
            "principal": principal,
            "key": key,
            "hash": request_hash,
            "method": scope["method"],
            "path": scope["path"],
            "claimed": False,
        }
        captured: dict[str, Any] = {"status": 500, "headers": [], "body": b""}

        async def replay_receive() -> Message:
            return {"type": "http.request", "body": body, "more_body": False}

        async def capture_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = message.get("headers", [])
            elif message["type"] == "http.response.body":
                captured["body"] += message.get("body", b"")
            await send(message)

        await self.app(scope, replay_receive, capture_send)
        claim = scope["state"]["idempotency"]
        if claim["claimed"] and 200 <= captured["status"] < 300:
            headers = {
                k.decode().lower(): v.decode()
                for k, v in captured["headers"]
                if k.decode().lower() in _KEPT_HEADERS
            }
            async with sessionmaker() as session, session.begin():
                await session.execute(
                    update(IdempotencyRecord)
                    .where(IdempotencyRecord.principal == principal, IdempotencyRecord.key == key)
                    .values(
                        status_code=captured["status"],
                        response_headers=headers,
                        response_body=captured["body"],
                    )
                )


async def claim(session: AsyncSession, request: Request) -> None:
    """Claim the request's Idempotency-Key inside its transaction (called by the session dependency)."""
    state = getattr(request.state, "idempotency", None)
    if not state or state["claimed"]:
        return
    inserted = await session.execute(
        insert(IdempotencyRecord)
        .values(
            principal=state["principal"],
            key=state["key"],
            method=state["method"],
            path=state["path"],
            request_hash=state["hash"],
        )
        .on_conflict_do_nothing()
        .returning(IdempotencyRecord.key)
    )
    if inserted.first() is None:
        # Another request with this key committed first (we waited on its row lock).
        existing = (
            await session.execute(
                select(IdempotencyRecord.request_hash).where(
                    IdempotencyRecord.principal == state["principal"], IdempotencyRecord.key == state["key"]
                )
            )
        ).scalar_one_or_none()
        raise KeyReused() if existing and existing != state["hash"] else KeyInFlight()
    state["claimed"] = True


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.request":
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        elif message["type"] == "http.disconnect":
            break
    return b"".join(chunks)


async def _answer_existing(record: IdempotencyRecord, request_hash: str, send: Send) -> None:
    if record.request_hash != request_hash:
        await _send_problem(send, KeyReused())
    elif record.status_code is None:
        await _send_problem(send, KeyInFlight())
    else:
        body = record.response_body or b""
        headers = [(k.encode(), v.encode()) for k, v in (record.response_headers or {}).items()]
        headers += [(REPLAYED_HEADER.encode(), b"true"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": record.status_code, "headers": headers})
        await send({"type": "http.response.body", "body": body})


async def _send_problem(send: Send, exc: Conflict | ValidationFailed) -> None:
    status, body = _problem_message(exc)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
