import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

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

from case_api.cases.schemas import AreaCode, Username
from case_api.safety_checks import rules
from tsunagu_services.japanese import folded_length


class SafetyCheckStatus(StrEnum):
    """安否確認の状態."""

    open = "open"  # 未完了
    done = "done"  # 完了（結果記録済み）


class StatusFilter(StrEnum):
    """What a list shows: `due` and `open` are every open check, earliest due first."""

    due = "due"  # 対応待ち（未完了すべて、期限順）
    open = "open"  # 未完了
    done = "done"  # 完了
    overdue = "overdue"  # 期限超過


class SafetyOutcome(StrEnum):
    """安否確認の結果."""

    safe = "safe"  # 無事を確認
    unreachable = "unreachable"  # 連絡つかず
    emergency = "emergency"  # 緊急対応（救急・警察）
    hospitalised = "hospitalised"  # 入院
    other = "other"  # その他


# The Japanese label of each outcome, as the timeline shows it.
OUTCOME_LABELS = {
    SafetyOutcome.safe: "無事を確認",
    SafetyOutcome.unreachable: "連絡つかず",
    SafetyOutcome.emergency: "緊急対応（救急・警察）",
    SafetyOutcome.hospitalised: "入院",
    SafetyOutcome.other: "その他",
}


Reason = Annotated[str, StringConstraints(max_length=2000), AfterValidator(folded_length(1000))]
Note = Annotated[str, StringConstraints(max_length=4000), AfterValidator(folded_length(2000))]
SourceKey = Annotated[str, StringConstraints(min_length=1, max_length=255, pattern=r"^[\x21-\x7e]+$")]


class SafetyCheckCreate(BaseModel):
    """A safety check as raised by staff or by intake; the reason needs no names."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "area": "higashi",
                    "reason": "メールに希死念慮をうかがわせる記述",
                    "received_at": "2026-12-01T10:10:00+09:00",
                    "source_key": "intake-outbox-3f1c",
                }
            ]
        },
    )

    case_id: uuid.UUID | None = None
    consultation_id: uuid.UUID | None = Field(default=None, description="The consultation in intake-api.")
    area: AreaCode | None = Field(default=None, description="Required without case_id; else the case's.")
    reason: Reason
    received_at: AwareDatetime | None = Field(
        default=None, description="When the concern arrived; sets the default due time. Defaults to now."
    )
    due_at: AwareDatetime | None = Field(default=None, description="Overrides the office-hours rule.")
    assigned_to: Username | None = None
    source_key: SourceKey | None = Field(
        default=None, description="The sender's own key: a repeat answers 200 with the same check."
    )

    @field_validator("received_at")
    @classmethod
    def _received_in_the_past(cls, value: datetime | None) -> datetime | None:
        # Part of the schema, not the service, so that a sender can check its bodies against it.
        if value is not None and not rules.checked_at_plausible(value, datetime.now(UTC)):
            raise ValueError("must not be in the future (beyond 10 minutes) nor before 1950")
        return value

    @model_validator(mode="after")
    def _area_or_case(self) -> "SafetyCheckCreate":
        if self.case_id is None and self.area is None:
            raise ValueError("area is required when there is no case_id")
        return self


class SafetyCheckUpdate(BaseModel):
    """Reassign, move the due time, or link the check to a case (only fields sent are applied)."""

    model_config = ConfigDict(extra="forbid")

    assigned_to: Username | None = None
    due_at: AwareDatetime | None = None
    case_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _no_null_for_required(self) -> "SafetyCheckUpdate":
        for name in self.model_fields_set & {"due_at", "case_id"}:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class OutcomeCreate(BaseModel):
    """The outcome that closes a check; `other` needs a note."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "outcome": "safe",
                    "outcome_note": "訪問し本人と面会。次回は3日後に電話。",
                    "checked_at": "2026-12-01T15:30:00+09:00",
                }
            ]
        },
    )

    outcome: SafetyOutcome
    outcome_note: Note | None = None
    checked_at: AwareDatetime | None = Field(
        default=None, description="When it was checked; defaults to now."
    )
    minutes_spent: int = Field(
        default=0, ge=0, le=1440, description="Time the check took; counts as individual support time."
    )

    @model_validator(mode="after")
    def _other_needs_note(self) -> "OutcomeCreate":
        if self.outcome == SafetyOutcome.other and not self.outcome_note:
            raise ValueError("outcome other needs an outcome_note")
        return self


class SafetyCheckRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    case_id: uuid.UUID | None
    consultation_id: uuid.UUID | None
    area: str
    reason: str
    due_at: datetime
    assigned_to: str | None
    status: SafetyCheckStatus
    outcome: SafetyOutcome | None
    outcome_note: str | None
    checked_at: datetime | None
    done_by: str | None
    done_at: datetime | None
    escalated_at: datetime | None
    overdue: bool = Field(description="Open and past its due time.")
    created_by: str
    created_at: datetime
    updated_at: datetime
    version: int

    @classmethod
    def of(cls, check: object, overdue: bool) -> "SafetyCheckRead":
        """The read model of a stored check, with the overdue flag the service computed."""
        fields = {name: getattr(check, name) for name in cls.model_fields if name != "overdue"}
        return cls.model_validate({**fields, "overdue": overdue})


class SafetyCheckPage(BaseModel):
    items: list[SafetyCheckRead]
    total: int
