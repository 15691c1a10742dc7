"""Width and kana folding: what the desk types must match what is stored."""

import pytest

from tsunagu_services.japanese import folded_length, nfkc, search_key, to_katakana


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


@pytest.mark.parametrize(
    ("typed", "max_length", "min_length", "stored"),
    [
        ("ＡＢＣ ", 3, 1, "ABC"),
        ("ﾔﾏﾀﾞ", 3, 1, "ヤマダ"),
        ("   ", 10, 0, ""),
        ("㍻", 1, 1, None),  # folds to 平成: two characters
        ("", 10, 1, None),
        ("abcd", 3, 1, None),
    ],
)
def test_folded_length_checks_after_folding(
    typed: str, max_length: int, min_length: int, stored: str | None
) -> None:
    check = folded_length(max_length, min_length=min_length)
    if stored is None:
        with pytest.raises(ValueError, match=f"must be {min_length} to {max_length} characters"):
            check(typed)
    else:
        assert check(typed) == stored
