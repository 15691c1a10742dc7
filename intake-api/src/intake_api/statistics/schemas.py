import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from intake_api.consultations.schemas import Channel
from intake_api.triage.schemas import TriageOutcome

UNSPECIFIED = "unspecified"  # no main concern (◎) was marked


class IntakeMonth(BaseModel):
    """One month of intake, counted in Asia/Tokyo."""

    month: str = Field(description="YYYY-MM")
    new_consultations: int = Field(description="新規相談受付件数: consultations received in the month.")
    urgent: int = Field(description="Of which urgent (a risk to life).")
    anonymous_reports: int = Field(description="匿名通報: received through the public form.")
    outreach: int = Field(description="Received by 訪問 (channel outreach).")
    by_channel: dict[Channel, int] = Field(description="相談経路: every channel, zeros included.")
    by_main_concern: dict[str, int] = Field(
        description=f"主訴 (the ◎ box): every concern, zeros included, and `{UNSPECIFIED}`."
    )
    by_area: dict[str, int] = Field(description="圏域: the areas with consultations in the month.")
    triage: dict[TriageOutcome, int] = Field(
        description="振り分け decided in the month, every outcome, zeros included."
    )


class IntakeStatistics(BaseModel):
    """Intake's monthly figures over a span of months (counts only, never rows)."""

    area: str | None = Field(description="The area counted; null: every area.")
    months: list[IntakeMonth]


class WaitingConsultation(BaseModel):
    """An untriaged consultation, without anything that names a person."""

    id: uuid.UUID
    received_at: datetime
    area: str
    urgent: bool
    channel: Channel


class UntriagedByAge(BaseModel):
    under_1_day: int = Field(description="Received less than 24 hours ago.")
    from_1_to_3_days: int = Field(description="1 to 3 days ago.")
    over_3_days: int = Field(description="More than 3 days ago.")


class IntakeAttention(BaseModel):
    """Consultations waiting for triage: counts by age, and the oldest few."""

    untriaged: int
    urgent: int = Field(description="Of which urgent.")
    by_age: UntriagedByAge
    oldest: list[WaitingConsultation]
