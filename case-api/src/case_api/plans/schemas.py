import re
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from tsunagu_services.japanese import nfkc


class PlanStatus(StrEnum):
    """プランの版の状態."""

    current = "current"  # 現行
    superseded = "superseded"  # 旧版 (再プランで置き換え; 閲覧のみ)


class OwnerKind(StrEnum):
    """役割分担: who carries an action."""

    staff = "staff"  # 職員 (owner は username)
    agency = "agency"  # 関係機関 (owner は機関の id)


class ActionStatus(StrEnum):
    """アクションの状態."""

    open = "open"  # 未了
    done = "done"  # 完了
    dropped = "dropped"  # 中止


class ActionSource(StrEnum):
    """Where an action came from."""

    staff = "staff"  # 職員がプランに記入
    meeting = "meeting"  # 会議の決定事項 (meeting-api)


def _line(max_length: int) -> Any:
    def check(value: str) -> str:
        # Short labels: width folded like other labels (NFKC), checked after folding since
        # NFKC may lengthen a string; NUL cannot be stored by PostgreSQL.
        value = nfkc(value)
        if not 1 <= len(value) <= max_length:
            raise ValueError(f"must be 1 to {max_length} characters")
        if "\x00" in value:
            raise ValueError("must not contain NUL")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("must be valid Unicode text") from None
        return value

    return Annotated[str, StringConstraints(max_length=max_length * 2), AfterValidator(check)]


GoalText = _line(500)
ActionText = _line(500)
NoteText = _line(4000)
OWNER_PATTERNS = {
    "staff": re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}"),  # a username
    "agency": re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}"),  # an agency id (uuid or code)
}
SourceRef = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$")]


class Goal(BaseModel):
    """A goal of the plan (目標), in the person's own words where possible."""

    model_config = ConfigDict(extra="forbid")

    text: GoalText


class _Owned(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: ActionText
    owner_kind: OwnerKind
    owner: str = Field(
        min_length=1,
        max_length=100,
        description="A staff username, or an agency id when owner_kind is agency.",
    )
    due_date: date | None = None

    @field_validator("owner")
    @classmethod
    def _owner_fits_kind(cls, owner: str, info: ValidationInfo) -> str:
        kind = info.data.get("owner_kind")
        if kind is not None and not OWNER_PATTERNS[kind].fullmatch(owner):
            raise ValueError("owner must be a username (staff) or an agency id (agency)")
        return owner


class PlanActionInput(_Owned):
    """An action of the plan as sent in a 再プラン; `id` carries over an action of the current version."""

    id: uuid.UUID | None = Field(default=None, description="An action of the current version to carry over.")
    status: ActionStatus = ActionStatus.open


class PlanWrite(BaseModel):
    """The whole plan: the first PUT makes version 1, every later one a new version (再プラン)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "goals": [{"text": "長男が週1回、CSWと話せる関係をつくる"}],
                    "review_date": "2027-02-28",
                    "note": "支援会議（12月）の決定による",
                    "actions": [
                        {
                            "text": "隔週で自宅訪問",
                            "owner_kind": "staff",
                            "owner": "csw-higashi",
                            "due_date": "2026-12-15",
                        },
                        {
                            "text": "母の介護保険サービス調整",
                            "owner_kind": "agency",
                            "owner": "houkatsu-higashi",
                        },
                    ],
                }
            ]
        },
    )

    goals: list[Goal] = Field(default_factory=list, max_length=20)
    review_date: date | None = Field(default=None, description="見直し予定日.")
    note: NoteText | None = None
    actions: list[PlanActionInput] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _carried_once(self) -> "PlanWrite":
        ids = [a.id for a in self.actions if a.id is not None]
        if len(ids) != len(set(ids)):
            raise ValueError("an action id may be carried over once")
        return self


class NewAction(_Owned):
    """An action decided elsewhere (a meeting), appended to the current plan."""


class ActionsAppend(BaseModel):
    """Actions from a meeting decision; `source_ref` (the decision's id) makes a redelivery a no-op."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "actions": [
                        {
                            "text": "隔週で自宅訪問",
                            "owner_kind": "staff",
                            "owner": "csw-higashi",
                            "due_date": "2026-12-15",
                        }
                    ],
                    "source": "meeting",
                    "source_ref": "decision:7f1c2b",
                }
            ]
        },
    )

    actions: list[NewAction] = Field(min_length=1, max_length=50)
    source: Literal["meeting"]
    source_ref: SourceRef


class ActionStatusUpdate(BaseModel):
    """Mark an action done, dropped, or open again."""

    model_config = ConfigDict(extra="forbid")

    status: ActionStatus


class PlanActionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    plan_id: uuid.UUID
    text: str
    owner_kind: OwnerKind
    owner: str
    due_date: date | None
    status: ActionStatus
    done_at: datetime | None
    source: ActionSource
    source_ref: str | None
    created_at: datetime


class PlanSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    case_id: uuid.UUID
    version: int
    status: PlanStatus
    review_date: date | None
    created_by: str
    created_at: datetime


class PlanRead(PlanSummary):
    goals: list[Goal]
    note: str | None
    revision: int
    etag: str = Field(description="Send it back as If-Match to change this plan.")
    actions: list[PlanActionRead]


class DueAction(PlanActionRead):
    """An action of a current plan, with its case, for the "my work" home."""

    case_id: uuid.UUID
    case_title: str
    plan_version: int


class DueActionList(BaseModel):
    items: list[DueAction]
