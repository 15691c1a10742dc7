import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from tsunagu_services.japanese import nfkc


class BodyType(StrEnum):
    """会議体の種類."""

    shien_chousei = "shien_chousei"  # 支援調整会議 (生活困窮)
    juusou = "juusou"  # 重層的支援会議
    shien = "shien"  # 支援会議 (社会福祉法106条の6, 守秘義務)
    case_conference = "case_conference"  # ケース会議
    coordinators = "coordinators"  # コーディネーター連絡会
    first_tier = "first_tier"  # 第一層協議体
    popup = "popup"  # 出張相談


AreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,29}$")]


def _folded(value: str) -> str:
    # Checked after folding: NFKC may lengthen a string (㍻ → 平成) past the column.
    value = nfkc(value)
    if not 1 <= len(value) <= 200:
        raise ValueError("must be 1 to 200 characters")
    return value


Label = Annotated[str, StringConstraints(max_length=400), AfterValidator(_folded)]


class MeetingCreate(BaseModel):
    """A meeting as scheduled by staff; the caller becomes its organiser."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "title": "12月 支援調整会議", "body_type": "shien_chousei",
        "starts_at": "2026-12-10T14:00:00+09:00", "ends_at": "2026-12-10T15:30:00+09:00",
        "place": "市役所第二庁舎 801会議室", "area": None,
    }]})

    title: Label
    body_type: BodyType
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    place: Label | None = None
    area: AreaCode | None = None

    @field_validator("ends_at")
    @classmethod
    def _ends_after_start(cls, ends_at: datetime, info: ValidationInfo) -> datetime:
        starts_at = info.data.get("starts_at")
        if starts_at is not None and ends_at <= starts_at:
            raise ValueError("ends_at must be after starts_at")
        return ends_at


class MeetingRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    body_type: BodyType
    starts_at: datetime
    ends_at: datetime
    place: str | None
    area: str | None
    organiser: str
    created_at: datetime


class MeetingPage(BaseModel):
    items: list[MeetingRead]
    total: int
