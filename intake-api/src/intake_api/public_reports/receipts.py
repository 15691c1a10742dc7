"""Receipt codes (受付番号) for anonymous reporters: 80 random bits, stored only as a hash."""

import base64
import hashlib
import secrets
import unicodedata

GROUP = 4


def new_code() -> str:
    """16 base32 characters (80 bits), shown in groups of four: ABCD-EFGH-IJKL-MNOP."""
    raw = base64.b32encode(secrets.token_bytes(10)).decode()
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def normalise(code: str) -> str:
    """Accept what people type: lower case, full width, spaces or no hyphens."""
    folded = unicodedata.normalize("NFKC", code).upper()
    return "".join(ch for ch in folded if ch.isalnum())


def code_hash(code: str) -> str:
    """The only form in which a receipt code is stored."""
    return hashlib.sha256(normalise(code).encode()).hexdigest()
