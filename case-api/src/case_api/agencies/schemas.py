import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from case_api.cases.schemas import AreaCode
from tsunagu_services.japanese import folded_length, nfkc


class AgencyKind(StrEnum):
    """関係機関の種別."""

    houkatsu = "houkatsu"  # 地域包括支援センター
    shougai_center = "shougai_center"  # 障害者地域自立支援センター
    kodomo_center = "kodomo_center"  # こども家庭センター
    city_welfare = "city_welfare"  # 福祉保健部
    city_children = "city_children"  # 子ども家庭部
    city_education = "city_education"  # 教育委員会
    hospital = "hospital"  # 病院
    social_welfare_corp = "social_welfare_corp"  # 社会福祉法人
    employer = "employer"  # 就労準備支援の協力事業所
    npo = "npo"  # NPO・地域団体
    other = "other"  # その他


class Partner(StrEnum):
    """Partner programmes an agency may take part in."""

    employment_prep = "employment_prep"  # 就労準備支援
    participation = "participation"  # 参加支援


def _folded(max_length: int, *, min_length: int = 1) -> AfterValidator:
    return AfterValidator(folded_length(max_length, min_length=min_length))


AgencyName = Annotated[str, StringConstraints(max_length=400), _folded(200)]
Label = Annotated[str, StringConstraints(max_length=100), _folded(50)]
ShortText = Annotated[str, StringConstraints(max_length=200), _folded(100)]
RoleText = Annotated[str, StringConstraints(max_length=2000), _folded(1000)]
CanDo = Annotated[str, StringConstraints(max_length=8000), _folded(4000, min_length=0)]


def _phone(value: str) -> str:
    value = nfkc(value)
    if not value or len(value) > 30 or any(ch not in "0123456789+-() " for ch in value):
        raise ValueError("a phone number holds digits, spaces and + - ( ) only (at most 30)")
    return value


Phone = Annotated[str, StringConstraints(max_length=60), AfterValidator(_phone)]
Email = Annotated[str, StringConstraints(max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]


class Contact(BaseModel):
    """One contact point of an agency (窓口・担当者)."""

    model_config = ConfigDict(extra="forbid")

    name: ShortText
    role: ShortText | None = None
    phone: Phone | None = None
    email: Email | None = None


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


Functions = Annotated[list[Label], Field(max_length=30), AfterValidator(_unique)]


class AgencyCreate(BaseModel):
    """An agency as entered by an administrator or supervisor."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "東地域包括支援センター",
                    "kind": "houkatsu",
                    "area": "higashi",
                    "functions": ["介護相談", "見守り"],
                    "can_do": "高齢者の総合相談、訪問による状況確認。",
                    "contacts": [{"name": "林 誠", "role": "社会福祉士", "phone": "042-000-0001"}],
                }
            ]
        },
    )

    name: AgencyName
    kind: AgencyKind
    area: AreaCode | None = Field(default=None, description="None: serves the whole city.")
    functions: Functions = Field(default_factory=list, description="機能: short labels.")
    can_do: CanDo = Field(default="", description="できること・どこまで.")
    contacts: list[Contact] = Field(default_factory=list, max_length=20)
    partner_employment_prep: bool = False
    partner_participation: bool = False
    active: bool = True


class AgencyUpdate(BaseModel):
    """Fields to change; only those sent are applied."""

    model_config = ConfigDict(extra="forbid")

    name: AgencyName | None = None
    kind: AgencyKind | None = None
    area: AreaCode | None = None
    functions: Functions | None = None
    can_do: CanDo | None = None
    contacts: list[Contact] | None = Field(default=None, max_length=20)
    partner_employment_prep: bool | None = None
    partner_participation: bool | None = None
    active: bool | None = None

    @model_validator(mode="after")
    def _no_null_for_required(self) -> "AgencyUpdate":
        for name in self.model_fields_set - {"area"}:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class AgencyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    kind: AgencyKind
    area: str | None
    functions: list[str]
    can_do: str
    contacts: list[Contact]
    partner_employment_prep: bool
    partner_participation: bool
    active: bool
    created_at: datetime
    updated_at: datetime
    version: int


class AgencyPage(BaseModel):
    items: list[AgencyRead]
    total: int


class InvolvementCreate(BaseModel):
    """An agency joining a case, with what it does for this case (役割分担)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "agency_id": "0b0c0000-0000-4000-8000-000000000001",
                    "role": "母の介護保険サービス調整と月1回の訪問",
                    "contact_person": "林 誠",
                    "since": "2026-12-01",
                }
            ]
        },
    )

    agency_id: uuid.UUID
    role: RoleText
    contact_person: ShortText | None = None
    since: date | None = Field(default=None, description="Defaults to today (Asia/Tokyo).")
    until: date | None = None

    @model_validator(mode="after")
    def _until_after_since(self) -> "InvolvementCreate":
        if self.since is not None and self.until is not None and self.until < self.since:
            raise ValueError("until must not be before since")
        return self


class InvolvementUpdate(BaseModel):
    """Fields to change; set `until` to end the involvement (it is never deleted)."""

    model_config = ConfigDict(extra="forbid")

    role: RoleText | None = None
    contact_person: ShortText | None = None
    since: date | None = None
    until: date | None = None

    @model_validator(mode="after")
    def _no_null_for_required(self) -> "InvolvementUpdate":
        for name in self.model_fields_set & {"role", "since"}:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class InvolvementRead(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    agency_id: uuid.UUID
    agency_name: str
    agency_kind: AgencyKind
    role: str
    contact_person: str | None
    since: date
    until: date | None
    created_by: str
    created_at: datetime
    updated_at: datetime
    version: int
