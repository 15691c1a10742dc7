"""Japanese text normalisation shared by every service: width, kana and digits.

Generic text plumbing (no welfare rule): NFKC folds full/half width, then
hiragana become katakana so that 'やまだ', 'ヤマダ' and 'ﾔﾏﾀﾞ' compare equal.
"""

import unicodedata

import jaconv


def nfkc(value: str) -> str:
    """Full-width digits and letters to ASCII, half-width kana to full-width, trimmed."""
    return unicodedata.normalize("NFKC", value).strip()


def to_katakana(value: str) -> str:
    """フリガナ as stored: NFKC, hiragana converted to katakana, inner spaces collapsed."""
    return " ".join(jaconv.hira2kata(nfkc(value)).split())


def search_key(value: str) -> str:
    """A key for matching names: NFKC, katakana, lower case, without spaces."""
    return "".join(jaconv.hira2kata(nfkc(value)).lower().split())
