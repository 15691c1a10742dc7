"""Japanese text normalisation shared by every service: width, kana and digits.

Generic text plumbing (no welfare rule): NFKC folds full/half width, then
hiragana become katakana so that 'やまだ', 'ヤマダ' and 'ﾔﾏﾀﾞ' compare equal.
"""

import re
import unicodedata
from collections.abc import Callable

import jaconv


def nfkc(value: str) -> str:
    """Full-width digits and letters to ASCII, half-width kana to full-width, trimmed."""
    return unicodedata.normalize("NFKC", value).strip()


def folded_length(max_length: int, *, min_length: int = 1) -> Callable[[str], str]:
    """A field check (for pydantic's AfterValidator): the value NFKC-folded, `min_length` to
    `max_length` characters after folding, since NFKC may lengthen a string (㍻ → 平成) past the column."""

    def check(value: str) -> str:
        value = nfkc(value)
        if not min_length <= len(value) <= max_length:
            raise ValueError(f"must be {min_length} to {max_length} characters")
        return value

    return check


def to_katakana(value: str) -> str:
    """フリガナ as stored: NFKC, hiragana converted to katakana, inner spaces collapsed."""
    return " ".join(jaconv.hira2kata(nfkc(value)).split())


def search_key(value: str) -> str:
    """A key for matching names: NFKC, katakana, lower case, without spaces."""
    return "".join(jaconv.hira2kata(nfkc(value)).lower().split())


def phone_digits(value: str | None) -> str | None:
    """A phone number's digits, +81 written as the domestic 0, so that any spelling of it matches."""
    if value is None:
        return None
    value = nfkc(value)
    digits = re.sub(r"\D", "", value)
    if value.startswith("+81"):
        digits = "0" + digits[2:]
    return digits or None
