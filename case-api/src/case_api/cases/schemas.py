import uuid
from datetime import datetime
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
    field_validator,
    model_validator,
)

from tsunagu_services.japanese import nfkc


class CaseStatus(StrEnum):
    """ケースの段階."""

    intake = "intake"  # 受付
    assessment = "assessment"  # アセスメント
    planning = "planning"  # プラン策定
    supporting = "supporting"  # 支援中
    evaluation = "evaluation"  # 評価
    closed = "closed"  # 終結
    watching = "watching"  # 見守り継続


class RiskFlag(StrEnum):
    """リスク・注意事項 (the last one is for the worker's own safety on visits)."""

    suicide_risk = "suicide_risk"  # 自殺リスク
    violence = "violence"  # 暴力
    self_neglect = "self_neglect"  # セルフネグレクト
    visit_caution = "visit_caution"  # 訪問時注意


class ExistingSystem(StrEnum):
    """既存の制度: which existing system could handle the case, if any."""

    none = "none"  # 該当なし
    seikatsu_konkyu = "seikatsu_konkyu"  # 生活困窮
    kaigo = "kaigo"  # 介護 (地域ケア会議)
    jidou = "jidou"  # 児童 (要保護児童対策地域協議会)
    shougai = "shougai"  # 障害 (自立支援協議会)
    other_system = "other_system"  # その他の制度


class MeetingBody(StrEnum):
    """会議体: the codes are meeting-api's body types."""

    shien_chousei = "shien_chousei"  # 支援調整会議 (生活困窮)
    juusou = "juusou"  # 重層的支援会議
    shien = "shien"  # 支援会議 (社会福祉法106条の6, 守秘義務)
    chiiki_care = "chiiki_care"  # 地域ケア会議 (介護)
    youhogo = "youhogo"  # 要保護児童対策地域協議会 (児童)
    jiritsu_shien = "jiritsu_shien"  # 自立支援協議会 (障害)


class ClosureReason(StrEnum):
    """終結の理由."""

    goal_met = "goal_met"  # 目標達成
    moved = "moved"  # 転居
    deceased = "deceased"  # 死亡
    transferred = "transferred"  # 他機関へ移管
    refused = "refused"  # 本人拒否
    other = "other"  # その他 (reason text required)


class ConsentStatus(StrEnum):
    """本人同意の状態 (one entry of the consent history; the case's is the latest)."""

    given = "given"  # 同意あり
    refused = "refused"  # 拒否
    not_asked = "not_asked"  # 未確認
    withdrawn = "withdrawn"  # 撤回


class EventKind(StrEnum):
    """What one history entry (case_event) records."""

    opened = "opened"  # ケース開始
    status = "status"  # 段階の変更 (終結・再開を含む)
    title = "title"  # 件名
    lead = "lead"  # 主担当
    risk_flags = "risk_flags"  # リスク
    facts = "facts"  # 会議体判定のための事実
    consent = "consent"  # 本人同意の記録
    share_granted = "share_granted"  # 共有の付与
    share_revoked = "share_revoked"  # 共有の取消
    recommendation_override = "recommendation_override"  # 会議体の変更 (統括)


AreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,29}$")]
Username = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")]
# An agency's id as the directory and the token's agency_id claim spell it.
AgencyId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")]


def _title(value: str) -> str:
    # Checked after folding: NFKC may lengthen a string (㍻ → 平成) past the column.
    value = nfkc(value)
    if not 1 <= len(value) <= 200:
        raise ValueError("title must be 1 to 200 characters")
    return value


def _reason(value: str) -> str:
    # Free text is kept as typed (no NFKC: ① or ㈱ in a note mean something); only trimmed.
    value = value.strip()
    if not 1 <= len(value) <= 1000:
        raise ValueError("must be 1 to 1000 characters")
    return value


# A short label such as 「○○さん世帯」; any Unicode is kept, only width is folded.
CaseTitle = Annotated[str, StringConstraints(max_length=400), AfterValidator(_title)]
# Why something changed, in the staff's words (1 to 1000 characters).
Reason = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_reason)]


class CaseCreate(BaseModel):
    """A case as opened by staff; it starts in status intake (受付)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "小金井さん世帯",
                    "area": "higashi",
                    "lead_username": "csw-higashi",
                }
            ]
        },
    )

    title: CaseTitle
    area: AreaCode
    lead_username: Username | None = Field(default=None, description="The lead CSW.")
    household_id: uuid.UUID | None = Field(default=None, description="The household this case supports.")
    opened_at: AwareDatetime | None = Field(default=None, description="Defaults to now.")


class CaseUpdate(BaseModel):
    """Fields to change (send only those); status has its own endpoint, the area is fixed."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "risk_flags": ["self_neglect", "visit_caution"],
                    "between_systems": True,
                }
            ]
        },
    )

    title: CaseTitle | None = None
    lead_username: Username | None = Field(default=None, description="null removes the lead.")
    risk_flags: list[RiskFlag] | None = Field(
        default=None, max_length=len(RiskFlag), description="The whole set of flags (replaces it)."
    )
    existing_system: ExistingSystem | None = None
    between_systems: StrictBool | None = Field(default=None, description="制度の狭間")
    difficult: StrictBool | None = Field(default=None, description="支援困難")

    @field_validator("title", "risk_flags", "existing_system", "between_systems", "difficult")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        # null means "remove" and only the lead can be removed; the rest always has a value.
        if value is None:
            raise ValueError("may not be null")
        return value


class StatusChange(BaseModel):
    """Move a case to another status; closing needs a reason (and a decision for 重層事業 cases)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "to": "closed",
                    "closure_reason": "goal_met",
                    "reason": "就労が安定し、目標を達成した。",
                }
            ]
        },
    )

    to: CaseStatus
    reason: Reason | None = Field(default=None, description="Why (required when closure_reason is other).")
    closure_reason: ClosureReason | None = None
    decision_id: uuid.UUID | None = Field(
        default=None, description="The meeting decision that agreed the closure (重層事業 cases)."
    )

    @model_validator(mode="after")
    def _other_needs_text(self) -> "StatusChange":
        if self.closure_reason is ClosureReason.other and self.reason is None:
            raise ValueError("closure_reason other needs a reason text")
        return self


class OverrideCreate(BaseModel):
    """A supervisor's choice of body over the recommended one, with why."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "body": "shien",
                    "reason": "本人との接触ができていないため、まず支援会議で情報共有する。",
                }
            ]
        },
    )

    body: MeetingBody
    reason: Reason


class CaseRead(BaseModel):
    """A case with what its list row and header show: consent, flags, the body it goes to."""

    id: uuid.UUID
    title: str
    area: str
    lead_username: str | None
    household_id: uuid.UUID | None
    status: CaseStatus
    opened_at: datetime
    created_by: str
    created_at: datetime
    updated_at: datetime
    version: int
    risk_flags: list[RiskFlag]
    existing_system: ExistingSystem
    between_systems: bool
    difficult: bool
    consent_status: ConsentStatus = Field(
        description="The latest consent entry's status (not_asked when none)."
    )
    effective_body: MeetingBody = Field(
        description="The override if a supervisor set one, else the recommended body."
    )
    closure_reason: ClosureReason | None
    closure_detail: str | None
    closure_decision_id: uuid.UUID | None
    closed_at: datetime | None


class CasePage(BaseModel):
    items: list[CaseRead]
    total: int


class CaseEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    at: datetime
    actor: str
    kind: EventKind
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None


class HistoryPage(BaseModel):
    items: list[CaseEventRead]
    total: int


class Recommended(BaseModel):
    body: MeetingBody
    reason: str


class Override(BaseModel):
    body: MeetingBody
    reason: str
    by: str
    at: datetime


class RecommendationRead(BaseModel):
    """What the rules recommend, a supervisor's override if any, and the body that applies."""

    recommended: Recommended
    override: Override | None
    effective_body: MeetingBody
