"""The refresh cookie: httpOnly (no script reads it), SameSite=Strict (no other site sends it),
scoped to the auth path (no other request carries it), Secure behind TLS."""

from fastapi import Request, Response

from gateway.settings import Settings
from tsunagu_services.problems import Forbidden

REFRESH_COOKIE = "tsunagu_refresh"
COOKIE_PATH = "/api/v1/auth"


def set_refresh(response: Response, token: str, settings: Settings) -> None:
    response.set_cookie(
        REFRESH_COOKIE,
        token,
        max_age=int(settings.session_idle_seconds),
        path=COOKIE_PATH,
        httponly=True,
        secure=settings.behind_tls,
        samesite="strict",
    )


def clear_refresh(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        REFRESH_COOKIE, path=COOKIE_PATH, httponly=True, secure=settings.behind_tls, samesite="strict"
    )


def refresh_token(request: Request) -> str | None:
    return request.cookies.get(REFRESH_COOKIE) or None


def same_origin_only(request: Request) -> None:
    """A cookie-authenticated POST from a page of another origin is refused (CSRF, besides SameSite)."""
    origin = request.headers.get("origin")
    if origin is None:
        return  # not a browser's cross-site request (browsers send Origin on every POST)
    host = request.headers.get("host", "")
    if origin.split("://", 1)[-1] != host:
        raise Forbidden("このサイト以外からの要求は受け付けません。")
