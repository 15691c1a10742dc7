"""Token verification refuses everything but our own, current, well-formed access tokens."""

import base64
import json
import time

import pytest
from jose import jwt

from tsunagu_services.tokens import InvalidToken, Principal, SigningKey, issue_token, verify_token

ISSUER, AUDIENCE = "tsunagu-gateway", "tsunagu"
KEY = SigningKey.generate()
JWKS = {KEY.kid: KEY.public_jwk}
PRINCIPAL = Principal(sub="u1", username="csw-higashi", role="csw", area="higashi", scopes=frozenset({"a"}))


def token(**overrides) -> str:
    return issue_token(
        KEY,
        issuer=overrides.pop("issuer", ISSUER),
        audience=overrides.pop("audience", AUDIENCE),
        principal=PRINCIPAL,
        ttl_seconds=overrides.pop("ttl", 300),
    )


def test_a_good_token_gives_the_principal() -> None:
    assert verify_token(token(), JWKS, issuer=ISSUER, audience=AUDIENCE) == PRINCIPAL


def _unsigned(header: dict, claims: dict) -> str:
    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return f"{part(header)}.{part(claims)}."


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(lambda: token(issuer="someone-else"), id="other issuer"),
        pytest.param(lambda: token(audience="other-app"), id="other audience"),
        pytest.param(lambda: token(ttl=-60), id="expired"),
        pytest.param(
            lambda: issue_token(
                SigningKey.generate(), issuer=ISSUER, audience=AUDIENCE, principal=PRINCIPAL, ttl_seconds=300
            ),
            id="unknown key",
        ),
        pytest.param(
            lambda: _unsigned(
                {"alg": "none", "typ": "at+jwt", "kid": KEY.kid},
                {"iss": ISSUER, "aud": AUDIENCE, "sub": "x", "exp": time.time() + 60},
            ),
            id="alg none",
        ),
        pytest.param(
            lambda: jwt.encode(
                {
                    "iss": ISSUER,
                    "aud": AUDIENCE,
                    "sub": "x",
                    "exp": time.time() + 60,
                    "iat": time.time(),
                    "role": "admin",
                    "preferred_username": "x",
                },
                "shared-secret",
                algorithm="HS256",
                headers={"kid": KEY.kid, "typ": "at+jwt"},
            ),
            id="HS256 with a guessed secret",
        ),
        pytest.param(lambda: token().replace(".", ".x", 1), id="tampered"),
        pytest.param(lambda: "not.a.token", id="garbage"),
    ],
)
def test_refused(bad) -> None:
    with pytest.raises(InvalidToken):
        verify_token(bad(), JWKS, issuer=ISSUER, audience=AUDIENCE)


def test_key_survives_a_restart(tmp_path) -> None:
    path = tmp_path / "keys" / "signing.pem"
    first = SigningKey.load_or_create(path)
    again = SigningKey.load_or_create(path)
    assert first.kid == again.kid
    assert path.stat().st_mode & 0o077 == 0  # readable by the owner only
