from pydantic import BaseModel, Field

from meeting_api.vocabulary import BodyType


class MeetingMonth(BaseModel):
    """One month of meetings, counted in Asia/Tokyo (counts only: no agenda, no material)."""

    month: str = Field(description="YYYY-MM")
    held: int = Field(description="Meetings that took place: started in the month, by now, not cancelled.")
    held_by_body: dict[BodyType, int] = Field(
        description="会議体別開催件数: every body type, zeros included."
    )
    cases_discussed: int = Field(description="Distinct cases on the agendas of the meetings held.")
    case_discussions: int = Field(
        description="Agenda items of the meetings held (a case twice counts twice)."
    )
    cancelled: int = Field(description="Meetings of the month that were cancelled.")


class MeetingStatistics(BaseModel):
    """meeting-api's monthly figures over a span of months."""

    area: str | None = Field(description="The area counted (meetings of that area); null: all meetings.")
    months: list[MeetingMonth]
