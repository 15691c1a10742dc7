import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from case_api.cases.schemas import AreaCode, Username
from tsunagu_services.japanese import folded_length


class ActivityKind(StrEnum):
    """地域づくり活動の種類."""

    event = "event"  # イベント・行事
    small_area = "small_area"  # 小地域活動
    network = "network"  # ネットワーク会議
    sc_coordination = "sc_coordination"  # 生活支援コーディネーターとの連携
    popup = "popup"  # 出張相談
    other = "other"  # その他


Title = Annotated[str, StringConstraints(max_length=400), AfterValidator(folded_length(200))]
Note = Annotated[str, StringConstraints(max_length=8000), AfterValidator(folded_length(4000))]
Minutes = Annotated[int, Field(ge=1, le=1440, description="Time spent in minutes (1-1440).")]
Participants = Annotated[int, Field(ge=0, le=100_000)]


class ActivityCreate(BaseModel):
    """An activity as logged; a CSW logs their own, a supervisor names the CSW and area."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "kind": "small_area",
                    "date": "2026-11-20",
                    "minutes_spent": 90,
                    "title": "東町サロン（茶話会）",
                    "participants": 18,
                }
            ]
        },
    )

    kind: ActivityKind
    date: dt.date
    minutes_spent: Minutes
    title: Title
    note: Note | None = None
    participants: Participants | None = None
    csw: Username | None = Field(default=None, description="Whose activity; a CSW's own by default.")
    area: AreaCode | None = Field(default=None, description="The CSW's area by default.")


class ActivityUpdate(BaseModel):
    """Fields to change; only those sent are applied."""

    model_config = ConfigDict(extra="forbid")

    kind: ActivityKind | None = None
    date: dt.date | None = None
    minutes_spent: Minutes | None = None
    title: Title | None = None
    note: Note | None = None
    participants: Participants | None = None

    @model_validator(mode="after")
    def _no_null_for_required(self) -> "ActivityUpdate":
        for name in self.model_fields_set & {"kind", "date", "minutes_spent", "title"}:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class ActivityRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    csw: str
    area: str
    kind: ActivityKind
    date: dt.date
    minutes_spent: int
    title: str
    note: str | None
    participants: int | None
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


class ActivityPage(BaseModel):
    items: list[ActivityRead]
    total: int


class WorkloadRow(BaseModel):
    """Minutes of one CSW (or one area) in the month, and the share of community work."""

    individual_minutes: int = Field(description="個別支援: minutes of the support records written.")
    community_minutes: int = Field(description="地域づくり: minutes of the community activities logged.")
    total_minutes: int
    community_ratio: float | None = Field(description="community / total, 0-1; null when nothing is logged.")


class CswWorkload(WorkloadRow):
    csw: str


class AreaWorkload(WorkloadRow):
    area: str


class Workload(BaseModel):
    """個別支援と地域づくりの時間配分 for one month."""

    month: str
    area: str | None
    individual_source: bool = Field(
        description="False when the support timeline is not installed: individual minutes are then 0."
    )
    by_csw: list[CswWorkload]
    by_area: list[AreaWorkload]
