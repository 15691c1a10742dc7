"""One audit event per request of a verified caller, written before the answer leaves.

The event is written when the response status is known and before the response
starts; if it cannot be written the caller gets a 503 instead of the answer, so
nothing is shown to anyone without a trace. Requests without a valid token are
not audited here (the route answers them), and nothing at all is kept for the
anonymous public report routes.
"""

import json
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.audit import service
from gateway.audit.rules import is_audited
from gateway.errors import AuditUnavailable
from tsunagu_services.problems import PROBLEM_MEDIA_TYPE
from tsunagu_services.tokens import InvalidToken, Principal, unverified_kid, verify_token

logger = logging.getLogger("tsunagu.audit")


async def _verified_principal(scope: Scope) -> Principal | None:
    header = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    app = scope["app"]
    settings = app.state.settings
    try:
        keys = await app.state.jwks.keys_for(unverified_kid(token.strip()))
        return verify_token(
            token.strip(), keys, issuer=settings.token_issuer, audience=settings.token_audience
        )
    except InvalidToken:
        return None


async def _write(scope: Scope, principal: Principal, status: int) -> bool:
    """Write the event in its own short transaction; False (and a log line) when that fails."""
    sessionmaker = scope["app"].state.sessionmaker
    try:
        async with sessionmaker() as session, session.begin():
            await service.record(
                session,
                principal,
                request_id=scope.get("state", {}).get("request_id", "-"),
                method=scope["method"],
                path=scope["path"],
                status=status,
            )
    except Exception as exc:  # any failure means no trace: the caller must not get the answer
        # Type only: the exception text may quote the row, and the path may hold ids.
        logger.error("audit event not written", extra={"error_type": type(exc).__name__})
        return False
    return True


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

        started = False
        withheld = False

        async def audited_send(message: Message) -> None:
            nonlocal started, withheld
            if message["type"] == "http.response.start":
                started = True
                if not await _write(scope, principal, message["status"]):
                    withheld = True
                    await _send_unavailable(send)
                    return
            if not withheld:
                await send(message)

        try:
            await self.app(scope, receive, audited_send)
        except Exception:
            if not started:  # the outer error handler answers 500; the attempt is still recorded
                await _write(scope, principal, 500)
            raise
