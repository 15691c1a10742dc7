import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Kind = Literal[
    "case_assigned",
    "case_shared",
    "safety_check_created",
    "safety_check_due",
    "safety_check_overdue",
    "anonymous_report",
    "report_follow_up",
    "meeting_scheduled",
    "meeting_rescheduled",
    "meeting_cancelled",
    "meeting_updated",
]
Username = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")]
Role = Literal["admin", "supervisor", "csw", "sc", "agency"]
Link = Annotated[str, StringConstraints(pattern=r"^/[A-Za-z0-9/_\-?=&.]{0,299}$")]

EXAMPLE = {
    "id": "2b1f0c3e-8d4a-4f6b-9c2d-1e0f3a4b5c6d",
    "kind": "case_assigned",
    "text": "ケース「小金井さん世帯」の主担当になりました。",
    "link": "/cases/0b0c0000-0000-4000-8000-00000000000a",
    "source": "case-api",
    "created_at": "2026-12-03T10:00:00+09:00",
    "read_at": None,
}


class Recipients(BaseModel):
    """Who should be told: by username, by role (e.g. every supervisor) or by agency; former staff never."""

    model_config = ConfigDict(extra="forbid")

    usernames: list[Username] = Field(default_factory=list, max_length=200)
    roles: list[Role] = Field(default_factory=list, max_length=5)
    agency_ids: list[Annotated[str, StringConstraints(max_length=36)]] = Field(
        default_factory=list, max_length=50
    )
    except_username: Username | None = Field(default=None, description="The actor, who needs no notice.")


class NoticeDelivery(BaseModel):
    """An event from a service (its outbox): internal, services only."""

    model_config = ConfigDict(extra="forbid")

    event_key: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    kind: Kind
    text: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    link: Link | None = None
    to: Recipients


class Delivered(BaseModel):
    filed: int = Field(description="Notices filed now (0 when the event was filed before).")


class InboxNotice(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [EXAMPLE]})

    id: uuid.UUID
    kind: Kind
    text: str
    link: str | None
    source: str
    created_at: datetime
    read_at: datetime | None


class InboxPage(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [EXAMPLE], "total": 1, "unread": 1}]})

    items: list[InboxNotice]
    total: int
    unread: int


class NoticesMarked(BaseModel):
    marked: int
