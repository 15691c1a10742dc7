"""What the gateway answers for statistics: the services' figures side by side, never their rows.

Each client declares only the fields it reads (the services own the meaning of each count).
"""

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from gateway.dead_letters.schemas import DeadLetterList


class _Figures(BaseModel):
    model_config = ConfigDict(extra="ignore")


class IntakeFigures(_Figures):
    """From intake-api: consultations received and triage decided in the month."""

    new_consultations: int
    urgent: int
    anonymous_reports: int
    outreach: int
    by_channel: dict[str, int]
    by_main_concern: dict[str, int]
    by_area: dict[str, int]
    triage: dict[str, int]


class SafetyCheckFigures(_Figures):
    due: int
    done_on_time: int
    done_late: int
    open_overdue: int
    open_not_yet_due: int


class CswWorkload(_Figures):
    csw: str
    display_name: str | None = None
    individual_minutes: int
    community_minutes: int
    total_minutes: int
    community_ratio: float | None


class AreaWorkload(_Figures):
    area: str
    individual_minutes: int
    community_minutes: int
    total_minutes: int
    community_ratio: float | None


class Workload(_Figures):
    individual_source: bool
    by_csw: list[CswWorkload]
    by_area: list[AreaWorkload]


class CaseFigures(_Figures):
    """From case-api: cases, plans, closures, safety checks, visits, partner support, workload."""

    cases_opened: int
    cases_opened_by_area: dict[str, int]
    plans_made: int
    replans: int
    closures: int
    closures_by_reason: dict[str, int]
    safety_checks: SafetyCheckFigures
    outreach_visits: int
    records_by_kind: dict[str, int]
    employment_support_cases: int
    employed_cases: int
    increased_income_cases: int
    participation_support_cases: int
    workload: Workload


class MeetingFigures(_Figures):
    """From meeting-api: meetings held by body type, and the cases they discussed."""

    held: int
    held_by_body: dict[str, int]
    cases_discussed: int
    case_discussions: int
    cancelled: int


class NationalFigure(BaseModel):
    """One figure of the 支援状況調査, with its rate per 100,000 residents where the survey asks for one."""

    key: str
    label: str
    count: int | None = Field(description="null: Tsunagu records nothing to count it from.")
    per_100k: float | None = Field(description="Per 100,000 residents; null for an area or a missing count.")
    note: str | None = None


class MonthlyStatistics(BaseModel):
    """One month's figures (Asia/Tokyo), for the whole municipality or one area."""

    month: str = Field(description="YYYY-MM")
    area: str | None
    population: int | None = Field(description="Residents the per-100,000 rates use; null for an area.")
    intake: IntakeFigures
    cases: CaseFigures
    meetings: MeetingFigures | None = Field(
        description="null when meeting-api did not answer (see unavailable)."
    )
    national: list[NationalFigure]
    unavailable: list[str] = Field(description="Parts not counted, e.g. `meetings`.")


class StatisticsRange(BaseModel):
    """Months side by side, for charts (at most 12)."""

    model_config = ConfigDict(populate_by_name=True)

    first: str = Field(alias="from", description="YYYY-MM")
    last: str = Field(alias="to", description="YYYY-MM")
    area: str | None
    months: list[MonthlyStatistics]


class AttentionItem(BaseModel):
    """One thing waiting, without names, and where in the SPA it is dealt with."""

    id: uuid.UUID
    link: str = Field(description="The SPA path of the thing itself, e.g. /cases/<id>.")
    area: str | None = None
    at: datetime | None = Field(default=None, description="Received, due, last contact or start.")
    due_date: date | None = None
    urgent: bool | None = None
    case_id: uuid.UUID | None = None
    status: str | None = Field(default=None, description="A case's status.")
    kind: str | None = Field(default=None, description="A meeting's body (Japanese name).")
    owner: str | None = None
    label: str | None = Field(default=None, description="What it is (an action's text, a meeting's title).")


class UntriagedAttention(BaseModel):
    total: int
    urgent: int
    under_1_day: int
    from_1_to_3_days: int
    over_3_days: int
    oldest: list[AttentionItem]


class AttentionList(BaseModel):
    total: int
    more: bool = Field(default=False, description="More than `total` exist (the list was capped).")
    items: list[AttentionItem]


class Attention(BaseModel):
    """What needs a supervisor's eye now, each item a link to the thing itself."""

    untriaged: UntriagedAttention | None
    overdue_safety_checks: AttentionList | None
    no_contact_days: int
    cases_without_contact: AttentionList | None
    plan_actions_overdue: AttentionList | None
    meetings_this_week: AttentionList | None
    dead_letters: DeadLetterList = Field(
        description="Deliveries between services that were refused: each needs a person (retry or resolve)."
    )
    unavailable: list[str] = Field(description="Parts whose service did not answer; the rest still shows.")
