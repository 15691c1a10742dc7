import re
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    computed_field,
    field_validator,
)

from meeting_api.minutes.rules import DECISION_LABELS
from meeting_api.vocabulary import AgencyId, Label, LongText, Note, Reason, Username
from tsunagu_services.japanese import folded_length


class DecisionType(StrEnum):
    """決定事項の種類."""

    plan_approved = "plan_approved"  # プラン承認
    role_division = "role_division"  # 役割分担
    closure = "closure"  # 終結
    replan = "replan"  # 再プラン
    continue_ = "continue"  # 継続検討


class OwnerKind(StrEnum):
    """Who carries an action: a staff member (username) or an agency (its id)."""

    staff = "staff"
    agency = "agency"


class MinutesStatus(StrEnum):
    draft = "draft"  # 下書き
    final = "final"  # 確定


class DeliveryState(StrEnum):
    pending = "pending"  # 送信待ち (case-api not reached yet; retried)
    delivered = "delivered"  # 反映済み
    failed = "failed"  # case-api refused: needs a person


# Same rule as case-api's plan actions (NFKC, 1 to 500), so a delivery is never refused for it.
ActionText = Annotated[str, StringConstraints(max_length=1000), AfterValidator(folded_length(500))]
OWNER_PATTERNS = {
    OwnerKind.staff: re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}"),
    OwnerKind.agency: re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}"),
}


class ActionItem(BaseModel):
    """An action decided at the meeting, with its owner and due date; it joins the case's plan."""

    model_config = ConfigDict(extra="forbid")

    text: ActionText
    owner_kind: OwnerKind
    owner: str = Field(
        min_length=1, max_length=100, description="A username (staff) or an agency id (agency)."
    )
    due_date: date | None = None

    @field_validator("owner")
    @classmethod
    def _owner_fits_kind(cls, owner: str, info: ValidationInfo) -> str:
        kind = info.data.get("owner_kind")
        if kind is not None and not OWNER_PATTERNS[kind].fullmatch(owner):
            raise ValueError("owner must be a username (staff) or an agency id (agency)")
        return owner


class DecisionWrite(BaseModel):
    """A decision on one agenda item."""

    model_config = ConfigDict(extra="forbid")

    type: DecisionType
    text: Note
    actions: list[ActionItem] = Field(default_factory=list, max_length=50)


class ItemMinutes(BaseModel):
    """What was said and decided about one agenda item."""

    model_config = ConfigDict(extra="forbid")

    agenda_item_id: uuid.UUID
    discussion: LongText | None = None
    decisions: list[DecisionWrite] = Field(default_factory=list, max_length=20)


class AgencyAttendee(BaseModel):
    """An agency contact present (by name; agency id when known)."""

    model_config = ConfigDict(extra="forbid")

    agency_id: AgencyId | None = None
    name: Label


def _unique_attendees(value: list[str]) -> list[str]:
    if len(value) != len(set(value)):
        raise ValueError("each attendee once")
    return value


class MinutesWrite(BaseModel):
    """The whole draft of the minutes (会議録); each PUT replaces it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "attendees": ["sup1", "csw-higashi"],
                    "agency_attendees": [
                        {"agency_id": "houkatsu-higashi", "name": "東地域包括支援センター 林"}
                    ],
                    "general_note": None,
                    "items": [
                        {
                            "agenda_item_id": "0c7d0c52-0000-4000-8000-000000000001",
                            "discussion": (
                                "長男は訪問に応じないが、母の介護サービス利用を入口に関係をつくる。"
                            ),
                            "decisions": [
                                {
                                    "type": "role_division",
                                    "text": "CSW と地域包括で訪問を分担する。",
                                    "actions": [
                                        {
                                            "text": "隔週で自宅訪問",
                                            "owner_kind": "staff",
                                            "owner": "csw-higashi",
                                            "due_date": "2026-12-22",
                                        },
                                        {
                                            "text": "母の介護保険サービス調整",
                                            "owner_kind": "agency",
                                            "owner": "houkatsu-higashi",
                                        },
                                    ],
                                }
                            ],
                        }
                    ],
                }
            ]
        },
    )

    attendees: list[Username] = Field(default_factory=list, max_length=200, description="Staff present.")
    agency_attendees: list[AgencyAttendee] = Field(default_factory=list, max_length=100)
    general_note: LongText | None = None
    items: list[ItemMinutes] = Field(default_factory=list, max_length=100)

    _attendees = field_validator("attendees")(_unique_attendees)

    @field_validator("items")
    @classmethod
    def _one_entry_per_item(cls, items: list[ItemMinutes]) -> list[ItemMinutes]:
        ids = [i.agenda_item_id for i in items]
        if len(ids) != len(set(ids)):
            raise ValueError("one entry per agenda item")
        return items


class AmendmentDecision(DecisionWrite):
    """A decision the finalised minutes missed, on one of the meeting's agenda items."""

    agenda_item_id: uuid.UUID


class AmendmentCreate(BaseModel):
    """A correction of finalised minutes (追記); it may add decisions, which are then delivered."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "役割分担の記載漏れを追記する。",
                    "reason": "確定後に記載漏れが判明したため",
                    "decisions": [],
                }
            ]
        },
    )

    text: LongText
    reason: Reason
    decisions: list[AmendmentDecision] = Field(default_factory=list, max_length=20)


class DecisionRead(BaseModel):
    """A decision in the minutes; its id exists once the minutes are final."""

    id: uuid.UUID | None
    type: DecisionType
    text: str
    actions: list[ActionItem]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def type_label(self) -> str:
        return DECISION_LABELS[self.type]


class ItemMinutesRead(BaseModel):
    agenda_item_id: uuid.UUID
    discussion: str | None
    decisions: list[DecisionRead]


class AmendmentRead(BaseModel):
    id: uuid.UUID
    text: str
    reason: str
    added_by: str
    added_at: datetime
    decision_ids: list[uuid.UUID]


class MinutesRead(BaseModel):
    """The minutes: a draft (version 0 when nothing is written yet), or final and locked."""

    meeting_id: uuid.UUID
    version: int = Field(description='The ETag is "<version>"; send it as If-Match.')
    status: MinutesStatus
    attendees: list[str]
    agency_attendees: list[AgencyAttendee]
    general_note: str | None
    items: list[ItemMinutesRead]
    updated_by: str | None
    updated_at: datetime | None
    finalised_by: str | None
    finalised_at: datetime | None
    amendments: list[AmendmentRead]


class DeliveryRead(BaseModel):
    """One call to case-api carrying a decision (through the outbox)."""

    kind: str = Field(description="actions (plan actions) or record (timeline).")
    state: DeliveryState
    attempts: int
    last_status: int | None
    delivered_at: datetime | None


class DecisionDetail(BaseModel):
    """A decision of finalised minutes with where it has reached in case-api.

    A closure decision's id is what case-api asks for to close a 重層事業 case.
    """

    id: uuid.UUID
    meeting_id: uuid.UUID
    agenda_item_id: uuid.UUID
    case_id: uuid.UUID
    type: DecisionType
    text: str
    actions: list[dict[str, Any]]
    amendment_id: uuid.UUID | None
    created_at: datetime
    delivery_state: DeliveryState
    deliveries: list[DeliveryRead]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def type_label(self) -> str:
        return DECISION_LABELS[self.type]
