"""RFC 9457 problem details: one error base class, rendered by one set of handlers.

Titles are Japanese (the desk reads them); `type` is a stable identifier that
clients branch on. Validation errors never echo the submitted values back,
since those may be personal data.
"""

import logging
import traceback
from typing import Any, Self

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
logger = logging.getLogger("tsunagu.problems")


class ProblemError(Exception):
    """Base of every expected error; subclasses set status, type and title."""

    status = 400
    type = "/problems/bad-request"
    title = "リクエストが正しくありません。"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = errors
        self.headers = headers
        self.extensions = extensions


class Unauthorized(ProblemError):
    status = 401
    type = "/problems/unauthorized"
    title = "ログインが必要です。"

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(ProblemError):
    status = 403
    type = "/problems/forbidden"
    title = "この操作を行う権限がありません。"


class NotFound(ProblemError):
    status = 404
    type = "/problems/not-found"
    title = "見つかりません。"


class Conflict(ProblemError):
    status = 409
    type = "/problems/conflict"
    title = "ほかの処理と競合しました。"


class PreconditionFailed(ProblemError):
    status = 412
    type = "/problems/precondition-failed"
    title = "ほかの人が先に更新しました。最新の内容を読み込んでからやり直してください。"


class PreconditionRequired(ProblemError):
    status = 428
    type = "/problems/precondition-required"
    title = "If-Match ヘッダーが必要です。"


class PayloadTooLarge(ProblemError):
    status = 413
    type = "/problems/payload-too-large"
    title = "送信されたデータが大きすぎます。"


class ValidationFailed(ProblemError):
    status = 422
    type = "/problems/validation"
    title = "入力内容に誤りがあります。"

    @classmethod
    def for_field(cls, field: str, msg: str) -> Self:
        """One field of the request body is wrong, named as request validation names it."""
        return cls(errors=[{"loc": ["body", field], "type": "value_error", "msg": msg}])


class TooManyRequests(ProblemError):
    status = 429
    type = "/problems/too-many-requests"
    title = "リクエストが多すぎます。しばらく待ってからやり直してください。"


class BadGateway(ProblemError):
    status = 502
    type = "/problems/upstream-unavailable"
    title = "関連するサービスに接続できません。しばらく待ってからやり直してください。"


class DatabaseUnavailable(ProblemError):
    status = 503
    type = "/problems/database-unavailable"
    title = "データベースに一時的に接続できません。しばらく待ってからやり直してください。"

    def __init__(self) -> None:
        super().__init__(headers={"Retry-After": "2"})


class GatewayTimeout(ProblemError):
    status = 504
    type = "/problems/upstream-timeout"
    title = "関連するサービスが時間内に応答しませんでした。"


_STATUS_PROBLEMS: dict[int, type[ProblemError]] = {
    cls.status: cls for cls in (Unauthorized, Forbidden, NotFound, Conflict, PayloadTooLarge, TooManyRequests)
}


def problem_response(
    status: int,
    type_: str,
    title: str,
    detail: str | None = None,
    *,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    body: dict[str, Any] = {"type": type_, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    body.update({k: v for k, v in extensions.items() if v is not None})
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def _field_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return problem_response(
        exc.status,
        exc.type,
        exc.title,
        exc.detail,
        instance=request.url.path,
        headers=exc.headers,
        errors=exc.errors,
        **exc.extensions,
    )


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return problem_response(
        422,
        ValidationFailed.type,
        ValidationFailed.title,
        instance=request.url.path,
        errors=_field_errors(exc),
    )


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    cls = _STATUS_PROBLEMS.get(exc.status_code)
    if cls is not None:
        return problem_response(
            exc.status_code, cls.type, cls.title, instance=request.url.path, headers=exc.headers
        )
    title = {
        405: "この操作はできません。",
        406: "指定された形式では返せません。",
        415: "この形式のデータは受け付けません。",
    }.get(exc.status_code, "リクエストを処理できません。")
    return problem_response(
        exc.status_code,
        f"/problems/http-{exc.status_code}",
        title,
        instance=request.url.path,
        headers=exc.headers,
    )


# SQLSTATEs that say the server cannot take us now, whatever we asked: too many connections,
# shutting down, starting up, and the connection exceptions (class 08).
_OUTAGE_SQLSTATES = ("53300", "57P01", "57P02", "57P03")


def _sqlstate(exc: DBAPIError) -> str:
    for cause in (exc.orig, getattr(exc.orig, "__cause__", None)):
        code = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
        if isinstance(code, str):
            return code
    return ""


def is_database_outage(exc: BaseException) -> bool:
    """The database is gone, restarting or full (not a query of ours that failed)."""
    if isinstance(exc, DBAPIError):
        state = _sqlstate(exc)
        if state in _OUTAGE_SQLSTATES or state.startswith("08"):
            return True
        return exc.connection_invalidated or isinstance(exc, (OperationalError, InterfaceError))
    if isinstance(exc, SQLAlchemyTimeoutError):  # no pooled connection came free in time
        return True
    return isinstance(exc, (OSError, asyncpg.PostgresConnectionError, asyncpg.CannotConnectNowError))


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    if is_database_outage(exc):
        logger.warning("database unavailable", extra={"error_type": type(exc).__name__})
        return await _on_problem(request, DatabaseUnavailable())
    # The exception's text may carry request data (a driver echoes values back): log the type,
    # the route template and the stack frames, never the message.
    route = getattr(request.scope.get("route"), "path", "(unmatched)")
    # Handled outside the request-context middleware, so take the request id from the scope.
    logger.error(
        "unhandled error",
        extra={
            "error_type": type(exc).__name__,
            "route": route,
            "request_id": request.scope.get("state", {}).get("request_id"),
            "stack": "".join(traceback.format_tb(exc.__traceback__)),
        },
    )
    return problem_response(500, "/problems/internal", "サーバーで問題が発生しました。")


def install_problem_handlers(app: FastAPI) -> None:
    """Render every error of the app as application/problem+json."""
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)
