import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from intake_api.consultations.schemas import AreaCode, Kana, PersonName, Phone, Sex, ShortText


class TriageOutcome(StrEnum):
    """振り分けの結果."""

    info_closed = "info_closed"  # 情報提供・終了
    referral = "referral"  # つなぎ（他機関へ）
    welfare_office = "welfare_office"  # 生活保護窓口へ
    link_case = "link_case"  # 既存ケースに追加
    new_case = "new_case"  # 新規ケース（継続支援）


class ReferralOutcome(StrEnum):
    pending = "pending"  # 確認中
    connected = "connected"  # つながった
    not_connected = "not_connected"  # つながらなかった


class Relationship(StrEnum):
    """Matches case-api's household relationships."""

    self = "self"
    parent = "parent"
    child = "child"
    spouse = "spouse"
    sibling = "sibling"
    grandparent = "grandparent"
    grandchild = "grandchild"
    other_relative = "other_relative"
    cohabitant = "cohabitant"


class NewMember(BaseModel):
    model_config = ConfigDict(extra="forbid")

    person_id: uuid.UUID | None = Field(default=None, description="An existing person (from the candidates).")
    name: PersonName | None = None
    name_kana: Kana | None = None
    birth_date: date | None = None
    sex: Sex | None = None
    address: ShortText | None = None
    phone: Phone | None = None
    relationship: Relationship
    is_primary: bool = False

    @model_validator(mode="after")
    def _person(self) -> Self:
        if (self.person_id is None) == (self.name is None):
            raise ValueError("give either person_id or name")
        return self


class NewCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
    lead_username: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")] | None = (
        None
    )
    household_name: ShortText | None = None
    members: list[NewMember] = Field(min_length=1, max_length=20)


class TriageCreate(BaseModel):
    """How the consultation ends at intake."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "outcome": "new_case",
                    "area": "higashi",
                    "note": "継続支援が必要。",
                    "new_case": {
                        "title": "小金井さん世帯",
                        "lead_username": "csw-higashi",
                        "members": [
                            {
                                "name": "小金井 ハナ",
                                "name_kana": "コガネイ ハナ",
                                "birth_date": "1943-02-01",
                                "relationship": "parent",
                            },
                            {
                                "name": "小金井 一郎",
                                "name_kana": "コガネイ イチロウ",
                                "birth_date": "1972-08-15",
                                "relationship": "self",
                                "is_primary": True,
                            },
                        ],
                    },
                },
                {
                    "outcome": "referral",
                    "agency_id": "0b0c0000-0000-4000-8000-000000000001",
                    "note": "介護保険の相談",
                },
            ]
        },
    )

    outcome: TriageOutcome
    note: Annotated[str, StringConstraints(max_length=4000)] | None = None
    area: AreaCode | None = Field(
        default=None, description="Assign an area (anonymous reports arrive without)."
    )
    agency_id: uuid.UUID | None = Field(default=None, description="つなぎ先 (referral).")
    case_id: uuid.UUID | None = Field(default=None, description="The existing case (link_case).")
    new_case: NewCase | None = None

    @model_validator(mode="after")
    def _fits_outcome(self) -> Self:
        needs = {
            TriageOutcome.referral: ("agency_id", self.agency_id),
            TriageOutcome.link_case: ("case_id", self.case_id),
            TriageOutcome.new_case: ("new_case", self.new_case),
        }
        if self.outcome in needs and needs[self.outcome][1] is None:
            raise ValueError(f"{needs[self.outcome][0]} is required for {self.outcome}")
        extra = [
            name for outcome, (name, value) in needs.items() if outcome != self.outcome and value is not None
        ]
        if extra:
            raise ValueError(f"{', '.join(extra)} does not fit outcome {self.outcome}")
        return self


class ReferralOutcomeUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: ReferralOutcome
    note: Annotated[str, StringConstraints(max_length=4000)] | None = None


class TriageRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    consultation_id: uuid.UUID
    outcome: TriageOutcome
    note: str | None
    decided_by: str
    decided_at: datetime
    agency_id: str | None
    agency_name: str | None
    referral_outcome: ReferralOutcome | None
    referral_outcome_note: str | None
    case_id: str | None = Field(description="Filled when case-api has opened the new case.")
    new_case_requested: bool
