"""Idempotency-Key on POST: the same key and body give the same answer, exactly one write.

For a POST with a key the middleware opens the request's transaction itself:
it claims the key (an INSERT the unique key serialises), lets the route do its
work in that same transaction (SessionDep joins it), stores the answer, and
commits claim, change and answer together before the client hears anything. A
crash at any point leaves either nothing (the retry does the work) or the change
with its answer (the retry replays it). A second request with the key waits for
the first to commit and then replays its answer; another body is a 422.
"""

import hashlib
import json
from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tsunagu_services.models import IdempotencyRecord
from tsunagu_services.problems import (
    Conflict,
    DatabaseUnavailable,
    ProblemError,
    ValidationFailed,
    is_database_outage,
)
from tsunagu_services.tokens import InvalidToken

HEADER = b"idempotency-key"
REPLAYED_HEADER = "idempotent-replayed"
SESSION_STATE = "idempotent_session"
_NOT_STORED_STATE = "idempotency_not_stored"
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


def not_stored(request: Request) -> None:
    """Mark this request's answer as one never to keep (it holds a secret); a retry does the work again."""
    request.scope.setdefault("state", {})[_NOT_STORED_STATE] = True


def joined_session(request: Request) -> AsyncSession | None:
    """The transaction the middleware opened for this request, if it has a key (SessionDep joins it)."""
    return request.scope.get("state", {}).get(SESSION_STATE)


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
        principal = await app.state.jwks.verify(
            token, issuer=settings.token_issuer, audience=settings.token_audience
        )
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
        claim = {
            "principal": principal,
            "key": key,
            "method": scope["method"],
            "path": scope["path"][:500],
            "request_hash": request_hash,
        }

        async def replay_receive() -> Message:
            return {"type": "http.request", "body": body, "more_body": False}

        try:
            async with scope["app"].state.sessionmaker() as session:
                await self._run(scope, session, claim, replay_receive, send)
        except Exception as exc:
            if not is_database_outage(exc):
                raise
            await _send_problem(send, DatabaseUnavailable())

    async def _run(
        self, scope: Scope, session: AsyncSession, claim: dict[str, Any], receive: Receive, send: Send
    ) -> None:
        await session.begin()
        claimed = await session.execute(
            insert(IdempotencyRecord)
            .values(**claim)
            .on_conflict_do_nothing()
            .returning(IdempotencyRecord.key)
        )
        if claimed.first() is None:
            # The first request with this key has committed (the INSERT waited for it): answer as it did.
            await session.rollback()
            record = await session.get(IdempotencyRecord, (claim["principal"], claim["key"]))
            await _answer_existing(record, claim["request_hash"], send)
            return

        scope.setdefault("state", {})[SESSION_STATE] = session
        captured: dict[str, Any] = {"status": 500, "headers": [], "body": b""}

        async def capture_send(message: Message) -> None:
            # Held back until the commit: the client must not hear of a change that may not last.
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = message.get("headers", [])
            elif message["type"] == "http.response.body":
                captured["body"] += message.get("body", b"")

        try:
            await self.app(scope, receive, capture_send)
        finally:
            scope["state"].pop(SESSION_STATE, None)
        if 200 <= captured["status"] < 300 and not scope["state"].get(_NOT_STORED_STATE):
            headers = {
                k.decode().lower(): v.decode()
                for k, v in captured["headers"]
                if k.decode().lower() in _KEPT_HEADERS
            }
            await session.execute(
                update(IdempotencyRecord)
                .where(
                    IdempotencyRecord.principal == claim["principal"], IdempotencyRecord.key == claim["key"]
                )
                .values(
                    status_code=captured["status"], response_headers=headers, response_body=captured["body"]
                )
            )
            await session.commit()
        else:  # a refusal changes nothing and keeps no key: the same key may be sent again
            await session.rollback()
        await send(
            {"type": "http.response.start", "status": captured["status"], "headers": captured["headers"]}
        )
        await send({"type": "http.response.body", "body": captured["body"]})


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


async def _answer_existing(record: IdempotencyRecord | None, request_hash: str, send: Send) -> None:
    if record is not None and record.request_hash != request_hash:
        await _send_problem(send, KeyReused())
    elif record is None or record.status_code is None:
        # Gone again (rolled back after we looked), or a claim from before answers were stored with it.
        await _send_problem(send, KeyInFlight())
    else:
        body = record.response_body or b""
        headers = [(k.encode(), v.encode()) for k, v in (record.response_headers or {}).items()]
        headers += [(REPLAYED_HEADER.encode(), b"true"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": record.status_code, "headers": headers})
        await send({"type": "http.response.body", "body": body})


async def _send_problem(send: Send, exc: ProblemError) -> None:
    body = json.dumps(
        {"type": exc.type, "title": exc.title, "status": exc.status}, ensure_ascii=False
    ).encode()
    headers = [
        (b"content-type", b"application/problem+json"),
        (b"content-length", str(len(body)).encode()),
    ]
    headers += [(k.lower().encode(), v.encode()) for k, v in (exc.headers or {}).items()]
    await send({"type": "http.response.start", "status": exc.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
