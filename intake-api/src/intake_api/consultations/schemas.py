import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from tsunagu_services.japanese import nfkc, to_katakana


class Channel(StrEnum):
    """相談経路."""

    visit = "visit"  # 来所
    phone = "phone"  # 電話
    email = "email"  # メール
    outreach = "outreach"  # 訪問
    popup = "popup"  # 出張相談
    referral = "referral"  # 関係機関からの紹介
    neighbour_family = "neighbour_family"  # 近隣・家族
    anonymous = "anonymous"  # 匿名通報


class ConsultationStatus(StrEnum):
    open = "open"
    triaged = "triaged"


AreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,29}$")]
# Names keep any Unicode (rare variant kanji included); only width is folded.
PersonName = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(nfkc)]
Kana = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(to_katakana)]


class ConsultationCreate(BaseModel):
    """A consultation as recorded by staff or sent by another system."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "channel": "phone", "area": "higashi", "summary": "隣の家の80代の母親と50代の息子が心配",
        "person_name": None, "person_kana": None, "urgent": False,
    }]})

    channel: Channel
    received_at: AwareDatetime | None = Field(default=None, description="Defaults to now.")
    area: AreaCode
    summary: Annotated[str, StringConstraints(min_length=1, max_length=4000, strip_whitespace=True)]
    person_name: PersonName | None = None
    person_kana: Kana | None = None
    urgent: bool = False


class ConsultationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    channel: Channel
    received_at: datetime
    area: str
    summary: str
    person_name: str | None
    person_kana: str | None
    urgent: bool
    status: ConsultationStatus
    received_by: str
    created_at: datetime


class ConsultationPage(BaseModel):
    items: list[ConsultationRead]
    total: int
