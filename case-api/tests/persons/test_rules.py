"""Pure matching rules: search keys, dates and phones typed at the desk, If-Match."""

from datetime import date

import pytest

from case_api.persons import rules

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("山田 太郎", "山田太郎"),
        ("やまだ", "ヤマダ"),
        ("ヤマダ", "ヤマダ"),
        ("ﾔﾏﾀﾞ", "ヤマダ"),
        ("ｺﾞﾄｳ ｼﾞｭﾝ", "ゴトウジュン"),
        ("髙橋", "高橋"),  # 異体字 fold in the key only
        ("𠮷田", "吉田"),
        ("山﨑", "山崎"),
        ("ＡＢＣ　ｄｅｆ", "abcdef"),
        ("東京都小金井市本町６－６－３", "東京都小金井市本町6-6-3"),
    ],
)
def test_person_key_folds_width_kana_space_and_variants(typed: str, key: str) -> None:
    assert rules.person_key(typed) == key


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1950-04-01", date(1950, 4, 1)),
        ("1950/4/1", date(1950, 4, 1)),
        ("1950.04.01", date(1950, 4, 1)),
        ("19500401", date(1950, 4, 1)),
        ("１９５０年４月１日", date(1950, 4, 1)),
        ("S25.4.1", date(1950, 4, 1)),
        ("s25/4/1", date(1950, 4, 1)),
        ("昭和25年4月1日", date(1950, 4, 1)),
        ("㍼25年4月1日", date(1950, 4, 1)),
        ("H元.1.8", date(1989, 1, 8)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("R7.11.26", date(2025, 11, 26)),
        ("T15.12.24", date(1926, 12, 24)),
        ("M45.7.29", date(1912, 7, 29)),
        ("1950-02-30", None),  # no such day
        ("2026-11-27", None),  # tomorrow: nobody is born yet
        ("1950-04", None),
        ("山田", None),
        ("0422123456", None),
    ],
)
def test_parse_date(typed: str, expected: date | None) -> None:
    assert rules.parse_date(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("090-1234-5678", "09012345678"),
        ("０９０－１２３４－５６７８", "09012345678"),
        ("(042) 387-0000", "0423870000"),
        ("+81 90 1234 5678", "09012345678"),
        ("123456", None),  # not a Japanese number
        ("09012", None),  # too short to mean anything
        ("090-1234-abcd", None),
        ("19500401", None),
    ],
)
def test_parse_phone(typed: str, digits: str | None) -> None:
    assert rules.parse_phone(typed) == digits


@pytest.mark.parametrize(
    ("q", "birth_date", "phone", "expected"),
    [
        ("やまだ", None, None, rules.Query(text="ヤマダ", kana=True)),
        ("山田", None, None, rules.Query(text="山田")),
        ("山田 ﾀﾛｳ", None, None, rules.Query(text="山田タロウ", fuzzy=True)),
        ("やまだたろう", None, None, rules.Query(text="ヤマダタロウ", kana=True, fuzzy=True)),
        ("本町6-6-3", None, None, rules.Query(text="本町6-6-3")),
        ("S25.4.1", None, None, rules.Query(birth_date=date(1950, 4, 1))),
        ("090-1234-5678", None, None, rules.Query(phone="09012345678")),
        (
            "山田",
            date(1950, 4, 1),
            "０９０１２３４５６７８",
            rules.Query(text="山田", birth_date=date(1950, 4, 1), phone="09012345678"),
        ),
        ("   ", None, None, rules.Query()),
        (None, None, None, rules.Query()),
    ],
)
def test_parse_query(
    q: str | None, birth_date: date | None, phone: str | None, expected: rules.Query
) -> None:
    assert rules.parse_query(q, birth_date=birth_date, phone=phone, today=TODAY) == expected


@pytest.mark.parametrize(
    ("header", "version", "allowed"),
    [
        ('W/"3"', 3, True),
        ('"3"', 3, True),
        ('W/"2", W/"3"', 3, True),
        ("*", 3, True),
        ('W/"2"', 3, False),
        ("3", 3, False),  # not a quoted entity tag
        ('W/"03x"', 3, False),
    ],
)
def test_if_match(header: str, version: int, allowed: bool) -> None:
    assert rules.if_match_allows(header, version) is allowed
