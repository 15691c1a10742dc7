from typing import Literal

from pydantic import BaseModel


class TokenResponse(BaseModel):
    """An OAuth2 access token (RFC 6749 §5.1)."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105  (a token type, not a secret)
    expires_in: int


class CurrentUser(BaseModel):
    """The caller as its token says: a staff user, or a system client (role `system`)."""

    id: str
    username: str
    display_name: str
    role: Literal["admin", "supervisor", "csw", "sc", "agency", "system"]
    area: str | None
    agency_id: str | None
    scopes: list[str]


class Jwks(BaseModel):
    """JSON Web Key Set (RFC 7517): the keys that verify the gateway's tokens."""

    keys: list[dict[str, str]]
