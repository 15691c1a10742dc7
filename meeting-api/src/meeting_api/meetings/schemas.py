import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    computed_field,
    field_validator,
)

from meeting_api.bodies.schemas import RRule
from meeting_api.recurrence import MAX_OCCURRENCES
from meeting_api.vocabulary import AreaCode, BodyType, Label, Reason, Username, body_label

# Re-exported: meetings were typed before bodies existed.
__all__ = ["BodyType"]


class MeetingStatus(StrEnum):
    scheduled = "scheduled"  # 予定
    cancelled = "cancelled"  # 中止


def _online_url(value: str) -> str:
    value = value.strip()
    if not value.startswith(("https://", "http://")) or any(c.isspace() for c in value):
        raise ValueError("must be an http(s) URL")
    return value


OnlineUrl = Annotated[str, StringConstraints(max_length=500), AfterValidator(_online_url)]
Participants = Annotated[list[Username], Field(max_length=100)]


def _unique(value: list[str] | None) -> list[str] | None:
    if value is not None and len(value) != len(set(value)):
        raise ValueError("each participant once")
    return value


class Scheduling(BaseModel):
    """What a one-off meeting and a series share. With a body, its defaults fill what is left out."""

    body_id: uuid.UUID | None = Field(default=None, description="The body (会議体); required for 支援会議.")
    body_type: BodyType | None = Field(
        default=None,
        validate_default=True,
        description="Required without a body; must match the body's type.",
    )
    title: Label | None = Field(
        default=None,
        validate_default=True,
        description="Defaults to the body's name; required without a body.",
    )
    starts_at: AwareDatetime
    ends_at: AwareDatetime | None = Field(
        default=None, validate_default=True, description="Defaults to start + the body's duration."
    )
    place: Label | None = Field(default=None, description="Room; defaults to the body's place.")
    online_url: OnlineUrl | None = None
    area: AreaCode | None = Field(default=None, description="Defaults to the body's area.")
    participants: Participants | None = Field(
        default=None, description="Usernames; default: the body's members who sign in (none without a body)."
    )
    confirm_clash: StrictBool = Field(default=False, description="Schedule despite a clash (409 otherwise).")

    _participants = field_validator("participants")(_unique)

    @field_validator("body_type", "title")
    @classmethod
    def _needed_without_body(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.data.get("body_id") is None:
            raise ValueError("required when no body_id is given")
        return value

    @field_validator("ends_at")
    @classmethod
    def _ends_after_start(cls, ends_at: datetime | None, info: ValidationInfo) -> datetime | None:
        starts_at = info.data.get("starts_at")
        if ends_at is None:
            if info.data.get("body_id") is None:
                raise ValueError("required when no body_id is given")
            return None
        if starts_at is not None and ends_at <= starts_at:
            raise ValueError("ends_at must be after starts_at")
        return ends_at


class MeetingCreate(Scheduling):
    """A one-off meeting as scheduled by staff; the caller becomes its organiser."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "12月 支援調整会議",
                    "body_type": "shien_chousei",
                    "starts_at": "2026-12-10T14:00:00+09:00",
                    "ends_at": "2026-12-10T15:30:00+09:00",
                    "place": "市役所第二庁舎 801会議室",
                    "area": None,
                    "participants": ["sup1", "csw-higashi"],
                }
            ]
        },
    )


class SeriesCreate(Scheduling):
    """A recurring series: occurrences of the rule from `starts_at` on, each a meeting of its own.

    The rule is `rrule` or the body's default; `count` or `until` bound it (or its own COUNT/UNTIL).
    Each occurrence keeps the time of day and length of the first.
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "body_id": "3f8a0c52-0000-4000-8000-000000000001",
                    "starts_at": "2026-12-01T14:00:00+09:00",
                    "count": 12,
                }
            ]
        },
    )

    starts_at: AwareDatetime | None = Field(  # type: ignore[assignment]
        default=None, description="From when, with the time of day; or give starts_on."
    )
    starts_on: date | None = Field(
        default=None, description="From this day (Asia/Tokyo) at the body's default start time."
    )
    rrule: RRule | None = Field(default=None, description="RFC 5545 RRULE; defaults to the body's.")
    count: int | None = Field(default=None, ge=1, le=MAX_OCCURRENCES)
    until: date | None = Field(default=None, description="Last day (Asia/Tokyo), included.")

    @field_validator("until")
    @classmethod
    def _one_bound(cls, until: date | None, info: ValidationInfo) -> date | None:
        if until is not None and info.data.get("count") is not None:
            raise ValueError("give count or until, not both")
        return until


class MeetingUpdate(BaseModel):
    """Reschedule or change a meeting (send only what changes; If-Match required)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "starts_at": "2026-12-10T15:00:00+09:00",
                    "ends_at": "2026-12-10T16:30:00+09:00",
                }
            ]
        },
    )

    title: Label | None = None
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    place: Label | None = Field(default=None, description="null clears it.")
    online_url: OnlineUrl | None = Field(default=None, description="null clears it.")
    area: AreaCode | None = Field(default=None, description="null makes it citywide.")
    participants: Participants | None = None
    confirm_clash: StrictBool = False

    _participants = field_validator("participants")(_unique)

    @field_validator("title", "starts_at", "ends_at", "participants")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("may not be null")
        return value


class MeetingCancel(BaseModel):
    """Cancel a meeting, saying why (participants are told)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"reason": "台風接近のため中止"}]}
    )

    reason: Reason


class MeetingRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    body_id: uuid.UUID | None
    body_type: BodyType
    series_id: uuid.UUID | None
    recurrence_id: datetime | None = Field(description="An occurrence's original start in its series.")
    starts_at: datetime
    ends_at: datetime
    place: str | None
    online_url: str | None
    area: str | None
    organiser: str
    participants: list[str]
    status: MeetingStatus
    cancelled_at: datetime | None
    cancel_reason: str | None
    sequence: int = Field(description='Changes so far: the iCalendar SEQUENCE; the ETag is "<sequence>".')
    created_at: datetime
    updated_at: datetime

    @computed_field(description="The body type's Japanese name.")  # type: ignore[prop-decorator]
    @property
    def body_type_label(self) -> str:
        return body_label(self.body_type)

    @computed_field(description="支援会議: members only, after confirming 守秘義務.")  # type: ignore[prop-decorator]
    @property
    def confidential(self) -> bool:
        return self.body_type is BodyType.shien


class MeetingPage(BaseModel):
    items: list[MeetingRead]
    total: int


class SeriesCancel(BaseModel):
    """Cancel a series' occurrences still to come, from a date on (Tokyo) or all of them."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"reason": "体制変更のため", "from_date": "2027-01-01"}]},
    )

    reason: Reason
    from_date: date | None = Field(default=None, description="The first day (Asia/Tokyo) affected.")


class SeriesMove(BaseModel):
    """Move every occurrence still to come from a date on (Tokyo) by the same time (If-Match)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"from_date": "2027-01-01", "shift_minutes": 60}]},
    )

    from_date: date = Field(description="The first day (Asia/Tokyo) whose occurrence moves.")
    shift_minutes: int = Field(
        ge=-6 * 24 * 60, le=6 * 24 * 60, description="Later (positive) or earlier, within six days; not 0."
    )
    confirm_clash: StrictBool = False

    @field_validator("shift_minutes")
    @classmethod
    def _moves(cls, value: int) -> int:
        if value == 0:
            raise ValueError("must move the occurrences")
        return value


class SeriesRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    body_id: uuid.UUID | None
    rrule: str
    dtstart: datetime
    count: int | None
    until: date | None
    duration_minutes: int
    version: int
    created_by: str
    created_at: datetime
    occurrences: list[MeetingRead]


class ClashRead(BaseModel):
    """One clash as the 409 problem names it (the `clashes` member)."""

    meeting_id: uuid.UUID
    title: str = Field(description="「非公開の会議」 when the caller may not see that meeting.")
    starts_at: datetime
    ends_at: datetime
    participants: list[str] = Field(description="Participants in both meetings.")
    same_place: bool
    occurrence_starts_at: datetime = Field(description="Which of the requested meetings clashes.")


class MeetingEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    at: datetime
    actor: str
    kind: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None
