"""Password and client-secret hashing (argon2id), run off the event loop."""

import asyncio
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    # Verified against when the account does not exist, so that case costs the same time.
    return _hasher.hash("tsunagu-no-such-account")


async def warm_up(_app: object = None) -> None:
    """Compute the dummy hash at startup, so the first unknown username costs no extra time."""
    await asyncio.to_thread(_dummy_hash)


async def hash_secret(secret: str) -> str:
    """An argon2id hash of `secret`."""
    return await asyncio.to_thread(_hasher.hash, secret)


def _verify(stored_hash: str | None, secret: str) -> bool:
    try:
        matched = _hasher.verify(stored_hash or _dummy_hash(), secret)
    except (VerificationError, InvalidHashError):
        return False
    return matched and stored_hash is not None


async def verify_secret(stored_hash: str | None, secret: str) -> bool:
    """True when `secret` matches; with no hash, spend the same time and answer False."""
    return await asyncio.to_thread(_verify, stored_hash, secret)


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(stored_hash)
