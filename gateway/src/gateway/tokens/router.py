from typing import Annotated

from fastapi import APIRouter, Form, Request, Response

from gateway.audit import service as audit
from gateway.deps import SettingsDep, SigningKeyDep
from gateway.errors import InvalidGrant, UnsupportedGrantType
from gateway.sessions import cookies
from gateway.sessions import service as sessions
from gateway.throttle.service import LoginLocked
from gateway.tokens import service
from gateway.tokens.schemas import CurrentUser, Jwks, TokenResponse
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem

router = APIRouter(tags=["auth"], responses=PROBLEM_RESPONSES)

Field100 = Annotated[str, Form(max_length=100)]
# Bounded so that nobody can make argon2 hash megabytes.
Secret = Annotated[str, Form(max_length=1024)]


@router.post(
    "/api/v1/auth/token",
    response_model=TokenResponse,
    responses={
        400: {
            "description": "Wrong credentials, unsupported grant type or scope.",
            "model": Problem,
            "content": {"application/problem+json": {}},
        },
        429: {
            "description": "Too many attempts (/problems/login-locked, with Retry-After).",
            "model": Problem,
            "content": {"application/problem+json": {}},
        },
    },
)
async def issue_token(
    request: Request,
    settings: SettingsDep,
    key: SigningKeyDep,
    response: Response,
    grant_type: Annotated[str, Form(max_length=50)],
    username: Field100 = "",
    password: Secret = "",
    client_id: Field100 = "",
    client_secret: Secret = "",
    scope: Annotated[str, Form(max_length=1000)] = "",
) -> TokenResponse:
    """Public: exchange a password (staff) or client credentials (systems) for an access token."""
    # RFC 6749 §5.1: token responses must not be cached anywhere.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    if grant_type not in ("password", "client_credentials"):
        raise UnsupportedGrantType()
    sessionmaker = request.app.state.sessionmaker
    caller = service.Caller(sessionmaker, request.client.host if request.client else "-")
    refused: InvalidGrant | LoginLocked | None = None
    # Its own transaction rather than SessionDep's: the refusal is audited after it has ended.
    async with sessionmaker() as session, session.begin():
        try:
            if grant_type == "password":
                granted, user = await service.password_grant(
                    session, settings, key, caller, username, password
                )
                # Staff stay signed in across reloads: the session's refresh token goes in a cookie.
                refresh = await sessions.start(session, user, settings, request.headers.get("user-agent"))
                cookies.set_refresh(response, refresh, settings)
                return granted
            return await service.client_credentials_grant(
                session, settings, key, caller, client_id, client_secret, scope
            )
        except (InvalidGrant, LoginLocked) as exc:
            refused = exc
    # Failed and refused sign-ins are in the audit trail, under the name that was tried.
    await audit.notice(
        request.app.state.audit_writer,
        who=username or client_id,
        request_id=request.state.request_id,
        path=request.url.path,
        status=refused.status,
    )
    raise refused


@router.get("/api/v1/auth/me", response_model=CurrentUser)
async def read_me(principal: CurrentPrincipal) -> CurrentUser:
    """Who the token belongs to: role, area, agency and scopes."""
    return CurrentUser(
        id=principal.sub,
        username=principal.username,
        display_name=principal.display_name,
        role=principal.role,
        area=principal.area,
        agency_id=principal.agency_id,
        scopes=sorted(principal.scopes),
    )


@router.get("/.well-known/jwks.json", response_model=Jwks, tags=["keys"])
async def read_jwks(key: SigningKeyDep, response: Response) -> Jwks:
    """Public: the keys that verify the gateway's tokens."""
    # Short cache: a rotated key must reach the services within minutes.
    response.headers["Cache-Control"] = "public, max-age=300"
    return Jwks(keys=[key.public_jwk])
