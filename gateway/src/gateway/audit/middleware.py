"""One audit event per request of a verified caller, durable before the request goes anywhere.

Fail closed: the event is committed (with the events of concurrent requests, by
the AuditWriter) before the request reaches a route or a service; if it cannot be,
the caller gets a 503 and nothing happens. How the request ended is recorded after
the answer is out, so a committed change is never answered 5xx because of the audit.
Requests without a valid token are not audited here (the route answers them), and
nothing at all is kept for the anonymous public report routes.
"""

import json
from datetime import UTC, datetime

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.audit.rules import is_audited
from gateway.audit.service import event_row
from gateway.audit.writer import AuditWriter
from gateway.errors import AuditUnavailable
from tsunagu_services.problems import PROBLEM_MEDIA_TYPE
from tsunagu_services.tokens import InvalidToken, Principal


async def _verified_principal(scope: Scope) -> Principal | None:
    header = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    app = scope["app"]
    settings = app.state.settings
    try:
        return await app.state.jwks.verify(
            token.strip(), issuer=settings.token_issuer, audience=settings.token_audience
        )
    except InvalidToken:
        return None


async def _send_unavailable(send: Send) -> None:
    problem = AuditUnavailable()
    body = json.dumps(
        {"type": problem.type, "title": problem.title, "status": problem.status}, ensure_ascii=False
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": problem.status,
            "headers": [
                (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", b"5"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class AuditMiddleware:
    """Audit every request that carries a valid bearer token, fail closed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_audited(scope["path"]):
            await self.app(scope, receive, send)
            return
        principal = await _verified_principal(scope)
        if principal is None:
            await self.app(scope, receive, send)
            return
        writer: AuditWriter = scope["app"].state.audit_writer
        row = event_row(
            principal,
            request_id=scope.get("state", {}).get("request_id", "-"),
            method=scope["method"],
            path=scope["path"],
            at=datetime.now(UTC),
        )
        try:
            event_id = await writer.event(row)
        except AuditUnavailable:
            await _send_unavailable(send)
            return

        status = 500  # what the outer error handler answers if the app raises before answering

        async def status_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, status_send)
        finally:
            await writer.outcome(event_id, status, datetime.now(UTC))
