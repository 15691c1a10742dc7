import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from case_api.activities.schemas import AreaWorkload, CswWorkload
from case_api.cases.schemas import CaseStatus, ClosureReason
from case_api.records.schemas import RecordKind


class SafetyCheckFigures(BaseModel):
    """安否確認 due in the month, and how they went."""

    due: int = Field(description="Due in the month.")
    done_on_time: int = Field(description="Done by their due time.")
    done_late: int = Field(description="Done after their due time.")
    open_overdue: int = Field(description="Still open and past due now.")
    open_not_yet_due: int = Field(description="Still open, not yet due.")


class MonthWorkload(BaseModel):
    """個別支援と地域づくりの時間配分 of the month (the same figures as /activities/workload)."""

    individual_source: bool = Field(description="False when the support timeline is not installed.")
    by_csw: list[CswWorkload]
    by_area: list[AreaWorkload] = Field(description="Empty for a CSW: it would show colleagues' time.")


class CaseMonth(BaseModel):
    """One month of case work, counted in Asia/Tokyo."""

    month: str = Field(description="YYYY-MM")
    cases_opened: int
    cases_opened_by_area: dict[str, int]
    plans_made: int = Field(description="プラン作成件数: first plans (version 1) written in the month.")
    replans: int = Field(description="再プラン: later versions written in the month.")
    closures: int = Field(
        description="終結: cases closed in the month (a case reopened and closed again counts twice)."
    )
    closures_by_reason: dict[ClosureReason, int]
    safety_checks: SafetyCheckFigures
    outreach_visits: int = Field(description="訪問: support records of kind visit (corrections not counted).")
    records_by_kind: dict[RecordKind, int] = Field(description="支援経過 by kind (corrections not counted).")
    employment_support_cases: int = Field(
        description="就労支援対象者: cases with a 就労準備支援 partner agency involved during the month, "
        "or whose 就労支援 started in it (an outcome recorded on the case)."
    )
    employed_cases: int = Field(description="就労者: cases with a 就労開始 recorded in the month.")
    increased_income_cases: int = Field(description="増収者: cases with a 増収 recorded in the month.")
    participation_support_cases: int = Field(
        description="参加支援: cases with a 参加支援 partner agency involved during the month, or whose "
        "参加支援 started in it."
    )
    workload: MonthWorkload


class CaseStatistics(BaseModel):
    """case-api's monthly figures over a span of months (counts only, never rows)."""

    area: str | None = Field(description="The area counted; null: every area.")
    csw: str | None = Field(description="Whose per-person rows; null: every CSW.")
    months: list[CaseMonth]


class OverdueSafetyCheck(BaseModel):
    id: uuid.UUID
    due_at: datetime
    area: str
    case_id: uuid.UUID | None
    consultation_id: uuid.UUID | None


class QuietCase(BaseModel):
    """A case in work with no support record for too long (no title: it may name the household)."""

    id: uuid.UUID
    area: str
    status: CaseStatus
    lead_username: str | None
    opened_at: datetime
    last_contact_at: datetime | None


class CaseAttention(BaseModel):
    """What is overdue or out of touch now, across every area (supervisors)."""

    overdue_safety_checks: int
    oldest_overdue: list[OverdueSafetyCheck]
    no_contact_days: int
    cases_without_contact: int = Field(
        description="Cases in assessment, planning or supporting without a support record in no_contact_days."
    )
    quiet_cases: list[QuietCase] = Field(description="The longest without contact first.")
