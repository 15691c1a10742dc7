import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from tsunagu_services.japanese import folded_length


class CaseOutcomeKind(StrEnum):
    """支援状況調査 の成果."""

    employment_support = "employment_support"  # 就労支援の開始 (就労支援対象者)
    employment = "employment"  # 就労開始 (就労者)
    income_increase = "income_increase"  # 増収 (増収者)
    participation = "participation"  # 参加支援の開始


Detail = Annotated[str, AfterValidator(folded_length(200))]
Reason = Annotated[str, AfterValidator(folded_length(500))]


class CaseOutcomeCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"kind": "employment", "occurred_on": "2026-12-01", "detail": "一般就労（パート）"}]
        },
    )

    kind: CaseOutcomeKind
    occurred_on: date
    detail: Detail | None = None


class CaseOutcomeWithdraw(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "日付の誤り"}]})

    reason: Reason


class CaseOutcomeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    case_id: uuid.UUID
    kind: CaseOutcomeKind
    occurred_on: date
    detail: str | None
    recorded_by: str
    created_at: datetime
    withdrawn_at: datetime | None
    withdrawn_by: str | None
    withdrawn_reason: str | None
