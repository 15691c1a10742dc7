import uuid
from datetime import datetime, time
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    computed_field,
    field_validator,
)

from meeting_api.recurrence import InvalidRule, normalise_rrule
from meeting_api.vocabulary import AgencyId, AreaCode, BodyType, Label, Username, body_label


class MemberKind(StrEnum):
    """構成員の種類."""

    staff = "staff"  # 職員 (username)
    agency = "agency"  # 関係機関の担当者 (agency_id + name; username when they sign in)


class MemberRole(StrEnum):
    """構成員の役割."""

    chair = "chair"  # 議長
    member = "member"  # 構成員
    secretariat = "secretariat"  # 事務局


def _rrule(value: str) -> str:
    try:
        return normalise_rrule(value)
    except InvalidRule as exc:
        raise ValueError(str(exc)) from None


RRule = Annotated[str, StringConstraints(max_length=500), AfterValidator(_rrule)]
Duration = Annotated[int, Field(ge=5, le=1440, description="Minutes.")]


# A wall-clock time in Tokyo, without an offset: JSON Schema's `time` format would demand one.
LocalTime = Annotated[
    time,
    WithJsonSchema(
        {"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$", "examples": ["14:00"]}
    ),
]


def _local_time(value: time | None) -> time | None:
    if value is not None and value.tzinfo is not None:
        raise ValueError("a local time of day in Asia/Tokyo, without offset (e.g. 14:00)")
    return value


class MemberCreate(BaseModel):
    """A member: staff by username, or an agency contact by agency id and name."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"kind": "staff", "username": "csw-higashi", "role": "member"},
                {
                    "kind": "agency",
                    "agency_id": "houkatsu-higashi",
                    "name": "東地域包括支援センター 林",
                    "username": "agency-houkatsu-higashi",
                    "role": "member",
                },
            ]
        },
    )

    kind: MemberKind
    role: MemberRole = MemberRole.member
    username: Username | None = Field(
        default=None,
        validate_default=True,
        description="Required for staff; an agency contact's login if any.",
    )
    agency_id: AgencyId | None = Field(default=None, validate_default=True, description="Agency contacts.")
    name: Label | None = Field(default=None, validate_default=True, description="Agency contacts: who.")

    @field_validator("username")
    @classmethod
    def _staff_username(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and info.data.get("kind") is MemberKind.staff:
            raise ValueError("staff members need a username")
        return value

    @field_validator("agency_id", "name")
    @classmethod
    def _agency_contact(cls, value: str | None, info: ValidationInfo) -> str | None:
        kind = info.data.get("kind")
        if kind is MemberKind.agency and value is None:
            raise ValueError("agency contacts need agency_id and name")
        if kind is MemberKind.staff and info.field_name == "agency_id" and value is not None:
            raise ValueError("only agency contacts have an agency_id")
        return value


class MemberUpdate(BaseModel):
    """Change a member's role."""

    model_config = ConfigDict(extra="forbid")

    role: MemberRole


class MemberRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    body_id: uuid.UUID
    kind: MemberKind
    username: str | None
    agency_id: str | None
    name: str | None
    role: MemberRole
    confidentiality_confirmed_at: datetime | None = Field(description="守秘義務の確認 (支援会議).")
    confidentiality_confirmed_by: str | None = Field(
        description="The member, or the secretariat recording a contact's written confirmation."
    )
    added_by: str
    added_at: datetime
    removed_by: str | None
    removed_at: datetime | None


class BodyCreate(BaseModel):
    """A meeting body (会議体) with its default recurrence, time and place, and its first members."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "支援会議",
                    "type": "shien",
                    "area": None,
                    "default_rrule": "FREQ=MONTHLY;BYDAY=2TU",
                    "default_start_time": "14:00",
                    "default_duration_minutes": 90,
                    "place": "市役所第二庁舎 801会議室",
                    "members": [
                        {"kind": "staff", "username": "sup1", "role": "chair"},
                        {"kind": "staff", "username": "csw-higashi"},
                    ],
                }
            ]
        },
    )

    name: Label
    type: BodyType
    area: AreaCode | None = None
    default_rrule: RRule | None = Field(
        default=None, description='RFC 5545 RRULE, e.g. "FREQ=MONTHLY;BYDAY=2TU".'
    )
    default_start_time: LocalTime | None = Field(default=None, description="Asia/Tokyo, e.g. 14:00.")
    default_duration_minutes: Duration | None = None
    place: Label | None = None
    members: list[MemberCreate] = Field(default_factory=list, max_length=100)

    _time = field_validator("default_start_time")(_local_time)


class BodyUpdate(BaseModel):
    """Fields to change (send only those; null clears an optional one). The type never changes."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "default_rrule": "FREQ=MONTHLY;BYDAY=3TU",
                    "place": "市役所本庁舎 第1会議室",
                }
            ]
        },
    )

    name: Label | None = None
    area: AreaCode | None = None
    default_rrule: RRule | None = None
    default_start_time: LocalTime | None = None
    default_duration_minutes: Duration | None = None
    place: Label | None = None

    _time = field_validator("default_start_time")(_local_time)

    @field_validator("name")
    @classmethod
    def _name_not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("may not be null")
        return value


class Membership(BaseModel):
    """The caller's own membership of a body, if any (the SPA asks for 守秘義務 from it)."""

    member_id: uuid.UUID
    role: MemberRole
    confidentiality_confirmed_at: datetime | None


class BodyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    type: BodyType
    area: str | None
    default_rrule: str | None
    default_start_time: LocalTime | None
    default_duration_minutes: int | None
    place: str | None
    active: bool
    version: int
    created_by: str
    created_at: datetime
    updated_at: datetime
    my_membership: Membership | None = None

    @computed_field(description="The type's Japanese name.")  # type: ignore[prop-decorator]
    @property
    def type_label(self) -> str:
        return body_label(self.type)

    @computed_field(description="支援会議: members alone see its meetings, after confirming 守秘義務.")  # type: ignore[prop-decorator]
    @property
    def confidential(self) -> bool:
        return self.type is BodyType.shien


class BodyDetail(BodyRead):
    members: list[MemberRead]


class BodyPage(BaseModel):
    items: list[BodyRead]
    total: int
