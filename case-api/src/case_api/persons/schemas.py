import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from case_api.persons.rules import today
from tsunagu_services.japanese import folded_length, nfkc, to_katakana
from tsunagu_services.problems import NotFound


class PersonNotFound(NotFound):
    type = "/problems/person-not-found"
    title = "対象者が見つかりません。"


class Sex(StrEnum):
    """性別."""

    female = "female"  # 女性
    male = "male"  # 男性
    other = "other"  # その他
    unknown = "unknown"  # 不明


class MatchedOn(StrEnum):
    """Why a search candidate matched."""

    name = "name"  # 氏名
    kana = "kana"  # フリガナ
    birth_date = "birth_date"  # 生年月日
    phone = "phone"  # 電話
    address = "address"  # 住所


def _kana(value: str) -> str:
    value = to_katakana(value)
    if not 1 <= len(value) <= 200:
        raise ValueError("must be 1 to 200 characters")
    if not all(ch == " " or "\u30a0" <= ch <= "\u30ff" for ch in value):
        raise ValueError("フリガナはひらがなかカタカナで入力してください")
    return value


def _not_future(value: date) -> date:
    if value > today():
        raise ValueError("生年月日が未来の日付です")
    return value


# Names keep any Unicode (rare variant kanji such as 髙 or 𠮷 included); only width is folded.
PersonName = Annotated[str, StringConstraints(max_length=400), AfterValidator(folded_length(200))]
Kana = Annotated[str, StringConstraints(max_length=400), AfterValidator(_kana)]
Address = Annotated[str, StringConstraints(max_length=600), AfterValidator(folded_length(300))]
Phone = Annotated[
    str,
    StringConstraints(max_length=40),
    AfterValidator(nfkc),
    StringConstraints(pattern=r"^\+?[0-9()\- ]{6,20}$"),
]
BirthDate = Annotated[date, AfterValidator(_not_future)]
AreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,29}$")]


class PersonCreate(BaseModel):
    """A person as written on the 相談受付・申込票; only the name is required."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "小金井 花子",
                    "name_kana": "こがねい はなこ",
                    "birth_date": "1944-05-02",
                    "sex": "female",
                    "address": "東京都小金井市本町6-6-3",
                    "phone": "042-387-0000",
                    "area": "higashi",
                }
            ]
        },
    )

    name: PersonName
    name_kana: Kana | None = Field(default=None, description="Hiragana or katakana; stored in katakana.")
    birth_date: BirthDate | None = None
    sex: Sex | None = None
    address: Address | None = None
    phone: Phone | None = Field(default=None, description="Full-width digits are accepted.")
    area: AreaCode | None = None


class PersonUpdate(BaseModel):
    """A correction: only the fields sent change; null clears a field (the name cannot be cleared)."""

    model_config = ConfigDict(extra="forbid")

    name: PersonName | None = None
    name_kana: Kana | None = None
    birth_date: BirthDate | None = None
    sex: Sex | None = None
    address: Address | None = None
    phone: Phone | None = None
    area: AreaCode | None = None

    @model_validator(mode="after")
    def _name_stays(self) -> Self:
        if "name" in self.model_fields_set and self.name is None:
            raise ValueError("name cannot be cleared")
        return self


class PersonRead(BaseModel):
    """The identifying basics of a person; never anything about their cases."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    name_kana: str | None
    birth_date: date | None
    sex: Sex | None
    address: str | None
    phone: str | None
    area: str | None
    created_at: datetime
    updated_at: datetime
    version: int


class PersonMatch(BaseModel):
    """One search candidate and why it matched."""

    person: PersonRead
    households: list[uuid.UUID] = Field(description="Households the person belongs to.")
    cases: list[uuid.UUID] = Field(description="Cases of those households that the caller may see.")
    matched_on: list[MatchedOn]
    score: float = Field(description="Higher is closer; candidates come best first.")


class PersonSearchPage(BaseModel):
    items: list[PersonMatch]
    total: int
