"""Access tokens: signing (gateway) and verification (every service).

This is the only module that imports python-jose. Algorithms are pinned;
issuer, audience, expiry and the `typ` header are always checked.
"""

import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from jose import jwk, jwt
from jose.exceptions import JOSEError

ALGORITHM = "ES256"
TOKEN_TYPE = "at+jwt"  # noqa: S105 (RFC 9068 type, not a secret)
HEADER_PARAMETERS = frozenset({"alg", "typ", "kid"})


class InvalidToken(Exception):
    """The token is missing, malformed, expired, or not ours."""


@dataclass(frozen=True)
class Principal:
    """Who is calling, as the token says: a staff user or a system client."""

    sub: str
    username: str
    role: str
    display_name: str = ""
    area: str | None = None
    agency_id: str | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)
    # When the token it came from expires (epoch seconds); not part of who the caller is.
    expires_at: float = field(default=0.0, compare=False)

    @property
    def is_system(self) -> bool:
        return self.role == "system"

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes


def _b64(n: int) -> str:
    raw = n.to_bytes(32, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class SigningKey:
    """An EC P-256 key with a kid; persisted as PEM so restarts keep tokens valid."""

    def __init__(self, private_key: ec.EllipticCurvePrivateKey) -> None:
        self._key = private_key
        numbers = private_key.public_key().public_numbers()
        self.public_jwk: dict[str, str] = {
            "kty": "EC",
            "crv": "P-256",
            "x": _b64(numbers.x),
            "y": _b64(numbers.y),
            "use": "sig",
            "alg": ALGORITHM,
        }
        # RFC 7638 thumbprint as kid: stable for the key, derived from public parts only.
        canonical = json.dumps(
            {k: self.public_jwk[k] for k in ("crv", "kty", "x", "y")},
            separators=(",", ":"),
            sort_keys=True,
        )
        digest = hashlib.sha256(canonical.encode()).digest()
        self.kid = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        self.public_jwk["kid"] = self.kid
        self._pem = private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode()

    @classmethod
    def generate(cls) -> "SigningKey":
        return cls(ec.generate_private_key(ec.SECP256R1()))

    @classmethod
    def load_or_create(cls, path: Path) -> "SigningKey":
        """Load the key at `path`, creating it (mode 0600) on first start."""
        if path.exists():
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
            if not isinstance(key, ec.EllipticCurvePrivateKey):
                raise ValueError(f"{path} is not an EC private key")
            return cls(key)
        signing_key = cls.generate()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(signing_key._pem)
        return signing_key

    def derived_secret(self, purpose: str) -> bytes:
        """A secret for `purpose`, the same wherever this key is (every gateway replica)."""
        return hmac.new(self._pem.encode(), purpose.encode(), hashlib.sha256).digest()

    def sign(self, claims: dict[str, Any], typ: str = TOKEN_TYPE) -> str:
        """A compact JWS of `claims`: an access token, or (another `typ`) a signed document."""
        return jwt.encode(claims, self._pem, algorithm=ALGORITHM, headers={"kid": self.kid, "typ": typ})


def issue_token(
    key: SigningKey,
    *,
    issuer: str,
    audience: str,
    principal: Principal,
    ttl_seconds: int,
) -> str:
    """Sign an access token for `principal`."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": issuer,
        "aud": audience,
        "sub": principal.sub,
        "iat": now,
        "nbf": now,
        "exp": now + ttl_seconds,
        "jti": str(uuid.uuid4()),
        "preferred_username": principal.username,
        "name": principal.display_name,
        "role": principal.role,
        "area": principal.area,
        "agency_id": principal.agency_id,
        "scope": " ".join(sorted(principal.scopes)),
    }
    return key.sign(claims)


def unverified_kid(token: str) -> str:
    """The kid in the token's header, to pick the key (nothing is trusted yet)."""
    try:
        return str(jwt.get_unverified_header(token).get("kid", ""))
    except JOSEError as exc:
        raise InvalidToken("malformed token") from exc


def public_keys(document: dict[str, Any]) -> dict[str, Any]:
    """The signing keys of a JWKS document by kid, parsed once (parsing costs more than verifying)."""
    keys: dict[str, Any] = {}
    for entry in document.get("keys", []):
        if not isinstance(entry, dict) or "kid" not in entry or entry.get("kty") != "EC":
            continue
        try:
            keys[str(entry["kid"])] = jwk.construct(entry, algorithm=ALGORITHM)
        except JOSEError:
            continue  # a key we cannot use verifies nothing
    return keys


def verify_token(token: str, jwks: Mapping[str, Any], *, issuer: str, audience: str) -> Principal:
    """Verify signature, alg, typ, iss, aud, exp and nbf; return the principal.

    `jwks` maps kid to a key from `public_keys`, or to the raw JWK dict.
    """
    try:
        header = jwt.get_unverified_header(token)
    except JOSEError as exc:
        raise InvalidToken("malformed token") from exc
    if header.get("alg") != ALGORITHM or header.get("typ") != TOKEN_TYPE:
        raise InvalidToken("unexpected token type or algorithm")
    # Ours carry nothing else: a key or a key's address in the header (jwk, jku, x5u, x5c), or a
    # `crit` extension we would have to understand (RFC 7515 §4.1.11), is refused, not followed.
    if set(header) - HEADER_PARAMETERS:
        raise InvalidToken("unexpected header parameters")
    public = jwks.get(header.get("kid", ""))
    if public is None:
        raise InvalidToken("unknown key id")
    try:
        key = jwk.construct(public, algorithm=ALGORITHM) if isinstance(public, dict) else public
        claims = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            issuer=issuer,
            audience=audience,
            options={"require_exp": True, "require_iat": True, "require_sub": True},
        )
    except JOSEError as exc:
        raise InvalidToken("token rejected") from exc
    role = claims.get("role")
    if not isinstance(role, str) or not isinstance(claims.get("preferred_username"), str):
        raise InvalidToken("token without role")
    return Principal(
        sub=str(claims["sub"]),
        username=claims["preferred_username"],
        role=role,
        display_name=claims.get("name") or "",
        area=claims.get("area"),
        agency_id=claims.get("agency_id"),
        scopes=frozenset(str(claims.get("scope") or "").split()),
        expires_at=float(claims["exp"]),
    )


def verify_document(token: str, jwks: Mapping[str, Any], *, typ: str) -> dict[str, Any]:
    """The claims of a document the gateway signed with `typ` (not an access token): InvalidToken else."""
    try:
        header = jwt.get_unverified_header(token)
    except JOSEError as exc:
        raise InvalidToken("malformed document") from exc
    if header.get("alg") != ALGORITHM or header.get("typ") != typ or set(header) - HEADER_PARAMETERS:
        raise InvalidToken("unexpected document type")
    public = jwks.get(header.get("kid", ""))
    if public is None:
        raise InvalidToken("unknown key id")
    try:
        key = jwk.construct(public, algorithm=ALGORITHM) if isinstance(public, dict) else public
        return dict(jwt.decode(token, key, algorithms=[ALGORITHM], options={"verify_aud": False}))
    except JOSEError as exc:
        raise InvalidToken("document rejected") from exc
