"""Pure rules of person matching: search keys, what a query looks like, versions as ETags."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from tsunagu_services import etag as etags
from tsunagu_services.japanese import nfkc, phone_digits, search_key

# 異体字 that staff type either way: the key folds them so that 高橋 finds 髙橋 (and back).
# Only the search key is folded; the stored name keeps the exact character.
VARIANT_KANJI = str.maketrans(
    {
        "髙": "高",
        "﨑": "崎",
        "嵜": "崎",
        "𠮷": "吉",
        "邉": "辺",
        "邊": "辺",
        "濵": "浜",
        "濱": "浜",
        "澤": "沢",
        "齋": "斎",
        "齊": "斉",
        "櫻": "桜",
        "廣": "広",
        "國": "国",
        "眞": "真",
        "德": "徳",
        "冨": "富",
        "槇": "槙",
        "曾": "曽",
        "藪": "薮",
        "籠": "篭",
        "瀨": "瀬",
    }
)

_KATAKANA = re.compile(r"^[\u30a0-\u30ff]+$")
ERAS = {  # 和暦: the first Gregorian year of each era
    "明治": 1868,
    "m": 1868,
    "大正": 1912,
    "t": 1912,
    "昭和": 1926,
    "s": 1926,
    "平成": 1989,
    "h": 1989,
    "令和": 2019,
    "r": 2019,
}
_SEP = r"\s*[-/.年]\s*"
_ISO = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}}){_SEP.replace('年', '月')}(\d{{1,2}})日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ERA = re.compile(
    rf"^(明治|大正|昭和|平成|令和|[mtshr])\s*(\d{{1,2}}|元)"
    rf"{_SEP}(\d{{1,2}}){_SEP.replace('年', '月')}(\d{{1,2}})日?$"
)
_PHONE = re.compile(r"^\+?[0-9()\-\s]+$")
# Shorter keys find nothing by similarity that their prefix does not.
MIN_FUZZY = 4


def today() -> date:
    """Today at the desk (Asia/Tokyo): a birth just after midnight there is not in the future."""
    return datetime.now(ZoneInfo("Asia/Tokyo")).date()


def person_key(value: str | None) -> str | None:
    """The search key stored beside a name, kana or address (and computed from a query)."""
    if value is None:
        return None
    return search_key(value).translate(VARIANT_KANJI)


def is_kana(key: str) -> bool:
    """True when a key is all katakana (フリガナ compares only then)."""
    return bool(_KATAKANA.match(key))


def parse_date(value: str, *, today: date) -> date | None:
    """A date typed at the desk: 1950-04-01, 1950/4/1, 19500401, 昭和25年4月1日, S25.4.1; else None."""
    text = nfkc(value).lower()
    year: int
    if match := _ISO.match(text) or _COMPACT.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _ERA.match(text):
        era, era_year, m, d = match.groups()
        year = ERAS[era] + (1 if era_year == "元" else int(era_year)) - 1
        month, day = int(m), int(d)
    else:
        return None
    try:
        parsed = date(year, month, day)
    except ValueError:
        return None
    return parsed if date(1868, 1, 1) <= parsed <= today else None


def parse_phone(value: str) -> str | None:
    """The digits of a query that looks like a phone number (0 and 5 to 14 more digits), else None."""
    text = nfkc(value)
    if not _PHONE.match(text):
        return None
    digits = phone_digits(text)
    # Japanese numbers start with 0 (or +81, folded to 0 above): 19500401 is a date, not a phone.
    return digits if digits and digits.startswith("0") and 6 <= len(digits) <= 15 else None


@dataclass(frozen=True)
class Query:
    """What one search asks for; an empty field is not searched."""

    text: str | None = None  # name / kana / address key
    kana: bool = False  # the text is kana, so フリガナ is compared too
    fuzzy: bool = False  # the text may be a misspelt name, so similar names match too
    birth_date: date | None = None
    phone: str | None = None

    @property
    def empty(self) -> bool:
        return self.text is None and self.birth_date is None and self.phone is None


def parse_query(q: str | None, *, birth_date: date | None, phone: str | None, today: date) -> Query:
    """Read a free-text query: a date or a phone number searches those columns, anything else names.

    Explicit `birth_date` and `phone` parameters add to what `q` asks.
    """
    text: str | None = None
    q_date = q_phone = None
    if q is not None and (key := person_key(q)):
        q_date = parse_date(q, today=today)
        q_phone = parse_phone(q) if q_date is None else None
        if q_date is None and q_phone is None:
            text = key
    phone_key = phone_digits(phone) if phone is not None else None
    return Query(
        text=text,
        kana=text is not None and is_kana(text),
        # Names hold no digits: a key with one is an address, which only matches as typed.
        fuzzy=text is not None and len(text) >= MIN_FUZZY and not any(ch.isdigit() for ch in text),
        birth_date=birth_date or q_date,
        phone=phone_key or q_phone,
    )


def etag(version: int) -> str:
    """The ETag of a version (weak: the JSON may be re-serialised)."""
    return etags.etag(version, weak=True)


def if_match_allows(header: str, version: int) -> bool:
    """Whether an If-Match header names `version` (weak comparison, RFC 9110 13.1.1); `*` names any."""
    return etags.if_match_satisfied(header, etag(version))
