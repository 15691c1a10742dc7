import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from tsunagu_services.japanese import nfkc


class CaseStatus(StrEnum):
    """ケースの段階."""

    intake = "intake"  # 受付
    assessment = "assessment"  # アセスメント
    planning = "planning"  # プラン策定
    supporting = "supporting"  # 支援中
    evaluation = "evaluation"  # 評価
    closed = "closed"  # 終結
    watching = "watching"  # 見守り継続


AreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,29}$")]
Username = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")]


def _title(value: str) -> str:
    # Checked after folding: NFKC may lengthen a string (㍻ → 平成) past the column.
    value = nfkc(value)
    if not 1 <= len(value) <= 200:
        raise ValueError("title must be 1 to 200 characters")
    return value


# A short label such as 「○○さん世帯」; any Unicode is kept, only width is folded.
CaseTitle = Annotated[str, StringConstraints(max_length=400), AfterValidator(_title)]


class CaseCreate(BaseModel):
    """A case as opened by staff; it starts in status intake (受付)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "title": "小金井さん世帯", "area": "higashi", "lead_username": "csw-higashi",
    }]})

    title: CaseTitle
    area: AreaCode
    lead_username: Username | None = Field(default=None, description="The lead CSW.")
    household_id: uuid.UUID | None = Field(default=None, description="The household this case supports.")
    opened_at: AwareDatetime | None = Field(default=None, description="Defaults to now.")


class CaseRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    area: str
    lead_username: str | None
    household_id: uuid.UUID | None
    status: CaseStatus
    opened_at: datetime
    created_by: str
    created_at: datetime
    updated_at: datetime
    version: int


class CasePage(BaseModel):
    items: list[CaseRead]
    total: int
