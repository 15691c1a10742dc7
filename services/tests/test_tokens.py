"""Token verification refuses everything but our own, current, well-formed access tokens."""

import base64
import hashlib
import hmac
import json
import time

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

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


def _part(value: dict | bytes) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unsigned(header: dict, claims: dict) -> str:
    return f"{_part(header)}.{_part(claims)}."


# Forged by hand (cryptography and hmac, not a JWT library): python-jose stays in tokens.py alone.
def _es256(header: dict, claims: dict, key: ec.EllipticCurvePrivateKey) -> str:
    signing_input = f"{_part(header)}.{_part(claims)}"
    r, s = decode_dss_signature(key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
    return f"{signing_input}.{_part(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"


def _hs256(header: dict, claims: dict, secret: bytes) -> str:
    signing_input = f"{_part(header)}.{_part(claims)}"
    return f"{signing_input}.{_part(hmac.new(secret, signing_input.encode(), hashlib.sha256).digest())}"


def _claims() -> dict:
    now = int(time.time())
    return {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "x",
        "iat": now,
        "exp": now + 60,
        "role": "admin",
        "preferred_username": "x",
    }


ATTACKER = ec.generate_private_key(ec.SECP256R1())
ATTACKER_JWK = SigningKey(ATTACKER).public_jwk
OURS = {"alg": "ES256", "typ": "at+jwt", "kid": KEY.kid}
PUBLIC_DER = KEY._key.public_key().public_bytes(
    serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
)
PUBLIC_PEM = KEY._key.public_key().public_bytes(
    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
)


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
            lambda: _hs256({"alg": "HS256", "typ": "at+jwt", "kid": KEY.kid}, _claims(), b"shared-secret"),
            id="HS256 with a guessed secret",
        ),
        pytest.param(
            lambda: _hs256({"alg": "HS256", "typ": "at+jwt", "kid": KEY.kid}, _claims(), PUBLIC_DER),
            id="HS256 keyed with our public key (DER)",
        ),
        pytest.param(
            lambda: _hs256({"alg": "HS256", "typ": "at+jwt", "kid": KEY.kid}, _claims(), PUBLIC_PEM),
            id="HS256 keyed with our public key (PEM)",
        ),
        pytest.param(
            lambda: _es256({**OURS, "kid": ATTACKER_JWK["kid"], "jwk": ATTACKER_JWK}, _claims(), ATTACKER),
            id="embedded jwk of the signer's own key",
        ),
        pytest.param(
            lambda: _es256({**OURS, "jwk": ATTACKER_JWK}, _claims(), ATTACKER),
            id="embedded jwk under our kid",
        ),
        pytest.param(
            lambda: _es256({**OURS, "jku": "https://evil.example/jwks.json"}, _claims(), ATTACKER),
            id="jku pointing elsewhere",
        ),
        pytest.param(
            lambda: _es256({**OURS, "x5u": "https://evil.example/cert.pem"}, _claims(), ATTACKER),
            id="x5u pointing elsewhere",
        ),
        pytest.param(
            lambda: _es256({**OURS, "kid": "../../../../dev/null"}, _claims(), ATTACKER), id="kid as a path"
        ),
        pytest.param(
            lambda: _es256({**OURS, "kid": "https://evil.example/jwks.json#k1"}, _claims(), ATTACKER),
            id="kid as a URL",
        ),
        pytest.param(
            lambda: _es256({**OURS, "crit": ["exp"]}, _claims(), KEY._key), id="crit, even signed by us"
        ),
        pytest.param(
            lambda: _es256({**OURS, "crit": ["x-tsunagu"], "x-tsunagu": True}, _claims(), KEY._key),
            id="crit with an extension",
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


def test_the_forging_helper_itself_makes_tokens_we_accept() -> None:
    """So that the refusals above are the verifier's doing, not a broken forgery."""
    principal = verify_token(_es256(OURS, _claims(), KEY._key), JWKS, issuer=ISSUER, audience=AUDIENCE)
    assert principal.role == "admin"
