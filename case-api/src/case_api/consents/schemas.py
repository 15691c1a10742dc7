import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from case_api.cases.schemas import AgencyId, ConsentStatus

TOKYO = ZoneInfo("Asia/Tokyo")


class ConsentMethod(StrEnum):
    """同意の取り方."""

    written = "written"  # 書面
    verbal = "verbal"  # 口頭
    other = "other"  # その他


class ConsentPart(StrEnum):
    """The parts of a case a consent may open to an agency (the summary is always shared with a share)."""

    records = "records"  # 支援経過記録
    plan = "plan"  # 支援プラン
    consents = "consents"  # 同意の履歴
    safety_checks = "safety_checks"  # 安否確認
    agencies = "agencies"  # 関係機関と役割分担


def _note(value: str) -> str:
    # Kept as typed, trimmed; an empty note is no note.
    value = value.strip()
    if len(value) > 2000:
        raise ValueError("must be at most 2000 characters")
    return value


Note = Annotated[str, StringConstraints(max_length=4000), AfterValidator(_note)]


class ConsentScope(BaseModel):
    """Which agencies may see which parts of the case (only with status given)."""

    model_config = ConfigDict(extra="forbid")

    agencies: list[AgencyId] = Field(default_factory=list, max_length=100)
    parts: list[ConsentPart] = Field(default_factory=list, max_length=len(ConsentPart))


class ConsentCreate(BaseModel):
    """One consent event: given, refused, withdrawn, or noted as not yet asked. Never edited."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "status": "given",
                    "recorded_at": "2026-11-26",
                    "method": "written",
                    "scope": {"agencies": ["houkatsu-higashi"], "parts": ["plan", "safety_checks"]},
                    "note": "長男同席のうえ書面で確認。",
                }
            ]
        },
    )

    status: ConsentStatus
    recorded_at: date = Field(
        description="The day consent was given, refused or withdrawn (not in the future)."
    )
    method: ConsentMethod | None = Field(
        default=None, validate_default=True, description="Required unless status is not_asked."
    )
    person_id: uuid.UUID | None = Field(default=None, description="Whose consent, within the household.")
    scope: ConsentScope = Field(default_factory=ConsentScope, validate_default=True)
    note: Note | None = None

    # Field validators (not one model validator) so that each error names its field.
    @field_validator("recorded_at")
    @classmethod
    def _not_future(cls, value: date) -> date:
        if value > datetime.now(TOKYO).date():
            raise ValueError("recorded_at may not be in the future")
        return value

    @field_validator("method")
    @classmethod
    def _method_when_asked(cls, value: ConsentMethod | None, info: ValidationInfo) -> ConsentMethod | None:
        if value is None and info.data.get("status") not in (None, ConsentStatus.not_asked):
            raise ValueError("method is required when consent was asked")
        return value

    @field_validator("scope")
    @classmethod
    def _scope_only_when_given(cls, value: ConsentScope, info: ValidationInfo) -> ConsentScope:
        if info.data.get("status") is not ConsentStatus.given and (value.agencies or value.parts):
            raise ValueError("only a given consent has a scope")
        return value


class ConsentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    case_id: uuid.UUID
    person_id: uuid.UUID | None
    status: ConsentStatus
    recorded_at: date
    method: ConsentMethod | None
    scope: ConsentScope
    note: str | None
    recorded_by: str
    created_at: datetime


class ConsentHistory(BaseModel):
    """The consent history, latest first; `current` is the status that applies now."""

    current: ConsentStatus
    items: list[ConsentRead]
    total: int
