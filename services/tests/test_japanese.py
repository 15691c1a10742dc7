"""Width and kana folding: what the desk types must match what is stored."""

import pytest

from tsunagu_services.japanese import nfkc, search_key, to_katakana


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("やまだ たろう", "ヤマダ タロウ"),
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ"),
        ("ヤマダ　　タロウ", "ヤマダ タロウ"),
        (" こがねい ", "コガネイ"),
    ],
)
def test_furigana_is_stored_in_katakana(typed: str, stored: str) -> None:
    assert to_katakana(typed) == stored


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("やまだ", "ヤマダ"),
        ("ﾔﾏﾀﾞ", "やまだ"),
        ("山田　太郎", "山田太郎"),
        ("ＡＢＣ", "abc"),
    ],
)
def test_search_keys_match_across_kana_and_width(a: str, b: str) -> None:
    assert search_key(a) == search_key(b)


def test_full_width_digits_are_normalised_and_rare_kanji_kept() -> None:
    assert nfkc("０４２－３８７－００００") == "042-387-0000"
    assert nfkc("𠮷田 髙橋") == "𠮷田 髙橋"
