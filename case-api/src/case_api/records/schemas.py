import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)


class RecordKind(StrEnum):
    """支援経過の種類."""

    visit = "visit"  # 訪問
    call = "call"  # 電話
    office = "office"  # 来所面談
    accompaniment = "accompaniment"  # 同行支援
    safety_check = "safety_check"  # 安否確認
    meeting = "meeting"  # 会議
    email = "email"  # メール
    other = "other"  # その他


class RecordSource(StrEnum):
    """Where a record came from."""

    staff = "staff"  # 職員が記録
    meeting = "meeting"  # 会議の決定事項 (meeting-api)
    intake = "intake"  # 相談受付 (intake-api)


def _evidence_text(max_length: int) -> Any:
    def check(value: str) -> str:
        # Kept as written (no NFKC: ① or ㈱ in a record are what the worker typed); only the
        # surrounding blanks go. NUL and lone surrogates cannot be stored by PostgreSQL.
        value = value.strip()
        if not value:
            raise ValueError("must not be blank")
        if "\x00" in value:
            raise ValueError("must not contain NUL")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("must be valid Unicode text") from None
        return value

    return Annotated[str, StringConstraints(max_length=max_length), AfterValidator(check)]


RecordText = _evidence_text(10000)
ReasonText = _evidence_text(500)
Minutes = Annotated[int, Field(ge=0, le=1440, description="Individual support time in minutes (0-1440).")]


class RecordCreate(BaseModel):
    """A timeline entry as written by staff; the author and the time of writing are set by the server."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "kind": "visit",
                    "occurred_at": "2026-11-26T10:00:00+09:00",
                    "minutes_spent": 60,
                    "text": "自宅訪問。母と面談。長男は自室から出てこず、声かけのみ。",
                }
            ]
        },
    )

    kind: RecordKind
    occurred_at: AwareDatetime
    minutes_spent: Minutes
    text: RecordText


class RecordUpdate(BaseModel):
    """An in-place correction by the author within 24 hours; only the fields sent change."""

    model_config = ConfigDict(extra="forbid")

    kind: RecordKind | None = None
    occurred_at: AwareDatetime | None = None
    minutes_spent: Minutes | None = None
    text: RecordText | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _no_null(cls, value: Any) -> Any:
        # Every field is required in the record: a field sent as null cannot clear it.
        if value is None:
            raise ValueError("must not be null")
        return value

    @model_validator(mode="after")
    def _something(self) -> "RecordUpdate":
        if not self.model_fields_set:
            raise ValueError("send at least one field to change")
        return self


class AmendmentCreate(BaseModel):
    """A correction (訂正記録): a new record that amends another; the original stays as it was."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "訪問日時の誤り。正しくは11月25日15時。",
                    "reason": "日付の記入誤り",
                }
            ]
        },
    )

    text: RecordText
    reason: ReasonText


class RecordRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    case_id: uuid.UUID
    kind: RecordKind
    occurred_at: datetime
    minutes_spent: int
    author: str
    text: str
    source: RecordSource
    created_at: datetime
    edited_at: datetime | None
    editable_until: datetime = Field(description="After this, only an amendment can correct it.")
    version: int = Field(description='The record\'s ETag is "<version>".')
    amends_id: uuid.UUID | None = Field(description="The record this one corrects.")
    amendment_reason: str | None
    amended_by_id: uuid.UUID | None = Field(description="The amendment that corrects this record.")
    superseded: bool = Field(description="True when an amendment corrects this record.")


class RecordPage(BaseModel):
    items: list[RecordRead]
    total: int
