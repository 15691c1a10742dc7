from typing import Annotated

from fastapi import APIRouter, Form, Response

from gateway.deps import SettingsDep, SigningKeyDep
from gateway.errors import UnsupportedGrantType
from gateway.tokens import service
from gateway.tokens.schemas import CurrentUser, Jwks, TokenResponse
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.db import SessionDep
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
        }
    },
)
async def issue_token(
    session: SessionDep,
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
    if grant_type == "password":
        return await service.password_grant(session, settings, key, username, password)
    if grant_type == "client_credentials":
        return await service.client_credentials_grant(session, settings, key, client_id, client_secret, scope)
    raise UnsupportedGrantType()


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
