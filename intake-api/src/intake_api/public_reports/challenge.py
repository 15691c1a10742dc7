"""A self-hosted proof-of-work challenge for the public form (no third-party service).

The server hands out an HMAC-signed challenge; the browser finds a nonce such
that sha256(challenge ":" nonce) starts with `difficulty` zero bits (about a
second of work on a phone at the default), and the server checks it statelessly.
Reuse is refused by remembering the hashes of spent challenges until they expire.
"""

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Challenge:
    token: str
    difficulty: int
    expires_at: int


def issue(secret: bytes, difficulty: int, ttl_seconds: int, now: float | None = None) -> Challenge:
    """A new signed challenge valid for `ttl_seconds`."""
    expires_at = int((now if now is not None else time.time()) + ttl_seconds)
    payload = f"{expires_at}.{difficulty}.{secrets.token_urlsafe(12)}"
    signature = _sign(secret, payload)
    return Challenge(token=f"{payload}.{signature}", difficulty=difficulty, expires_at=expires_at)


def _sign(secret: bytes, payload: str) -> str:
    digest = hmac.new(secret, payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode()


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + 8 - byte.bit_length()
    return bits


def verify(
    secret: bytes, token: str, nonce: str, *, min_difficulty: int, now: float | None = None
) -> str | None:
    """None when the solution is good; otherwise why not ('invalid', 'expired', 'insufficient')."""
    parts = token.split(".")
    if len(parts) != 4 or len(nonce) > 64:
        return "invalid"
    expires_at, difficulty, _, signature = parts
    if not hmac.compare_digest(_sign(secret, ".".join(parts[:3])), signature):
        return "invalid"
    if not (expires_at.isdigit() and difficulty.isdigit()):
        return "invalid"
    if int(expires_at) < (now if now is not None else time.time()):
        return "expired"
    required = max(int(difficulty), min_difficulty)
    if leading_zero_bits(hashlib.sha256(f"{token}:{nonce}".encode()).digest()) < required:
        return "insufficient"
    return None


def solve(token: str, difficulty: int) -> str:
    """Find a nonce (what the browser does); used by tests and scripts."""
    counter = 0
    while True:
        nonce = str(counter)
        if leading_zero_bits(hashlib.sha256(f"{token}:{nonce}".encode()).digest()) >= difficulty:
            return nonce
        counter += 1


def spent_key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
