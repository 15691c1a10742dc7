import uuid
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from tsunagu_services.japanese import nfkc, to_katakana

# How far ahead of our clock a sender's `received_at` may be; case-api allows 10 minutes at delivery.
RECEIVED_AT_SLACK = timedelta(minutes=5)
EARLIEST_RECEIVED = datetime(1950, 1, 1, tzinfo=UTC)


class Channel(StrEnum):
    """相談経路."""

    visit = "visit"  # 来所
    phone = "phone"  # 電話
    email = "email"  # メール
    outreach = "outreach"  # 訪問
    popup = "popup"  # 出張相談
    referral = "referral"  # 関係機関からの紹介
    neighbour_family = "neighbour_family"  # 近隣・家族
    anonymous = "anonymous"  # 匿名通報


class Concern(StrEnum):
    """相談内容: the 16 boxes of the national 相談受付・申込票."""

    health_disability = "health_disability"  # 健康・障害
    housing = "housing"  # 住まい
    income = "income"  # 収入・生活費
    rent_loan = "rent_loan"  # 家賃・ローン
    tax_utilities = "tax_utilities"  # 税金・公共料金
    debt = "debt"  # 債務
    job_search = "job_search"  # 仕事探し
    work_worries = "work_worries"  # 仕事上の不安
    community = "community"  # 地域との関係
    family = "family"  # 家族関係
    childcare = "childcare"  # 子育て
    care = "care"  # 介護
    withdrawal = "withdrawal"  # ひきこもり・不登校
    dv_abuse = "dv_abuse"  # DV・虐待
    no_food = "no_food"  # 食べるものがない
    other = "other"  # その他


class LifeRisk(StrEnum):
    """Signs of a risk to life: any of them makes the consultation urgent (安否確認)."""

    suicidal = "suicidal"  # 希死念慮
    abuse = "abuse"  # 虐待
    violence = "violence"  # 暴力
    no_food = "no_food"  # 食べるものがない
    medical = "medical"  # 医療的な緊急
    other = "other"  # その他の生命の危険


class ConsulterRelation(StrEnum):
    """相談者と本人との関係."""

    self = "self"  # 本人
    family = "family"  # 家族
    neighbour = "neighbour"  # 近隣住民
    agency = "agency"  # 関係機関
    other = "other"  # その他


class Sex(StrEnum):
    female = "female"
    male = "male"
    other = "other"
    unknown = "unknown"


class IntakeConsent(StrEnum):
    """関係機関との情報共有への本人同意 (as asked at intake)."""

    given = "given"  # 同意あり
    refused = "refused"  # 同意なし
    not_asked = "not_asked"  # 未確認


class ConsultationStatus(StrEnum):
    open = "open"  # 未対応
    triaged = "triaged"  # 振り分け済み


AreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,29}$")]
# Names keep any Unicode (rare variant kanji included); only width is folded.
PersonName = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(nfkc)]
Kana = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(to_katakana)]
Phone = Annotated[str, AfterValidator(nfkc), StringConstraints(pattern=r"^\+?[0-9()\- ]{6,20}$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300), AfterValidator(nfkc)]
Summary = Annotated[str, StringConstraints(min_length=1, max_length=4000, strip_whitespace=True)]


def _kana_only(value: str) -> str:
    if not all(ch == " " or "\u30a0" <= ch <= "\u30ff" for ch in value):
        raise ValueError("フリガナはひらがなかカタカナで入力してください")
    return value


class Consulter(BaseModel):
    """The person who consulted, when not the person concerned (相談者)."""

    model_config = ConfigDict(extra="forbid")

    name: PersonName | None = None
    phone: Phone | None = None
    relation: ConsulterRelation


class ConsultationCreate(BaseModel):
    """A consultation as recorded at the desk or sent by another system (相談受付・申込票)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "channel": "phone",
                    "area": "higashi",
                    "summary": "隣の家の80代の母親と50代の息子が心配。息子は長くひきこもっている様子。",
                    "consulter": {"name": None, "phone": None, "relation": "neighbour"},
                    "concerns": ["withdrawal", "care"],
                    "main_concern": "withdrawal",
                    "urgent": False,
                },
                {
                    "channel": "referral",
                    "area": "higashi",
                    "summary": "地域包括支援センターからの紹介",
                    "referrer": "東地域包括支援センター",
                    "external_ref": "HK-2026-0142",
                    "person_name": "小金井 一郎",
                    "person_kana": "コガネイ イチロウ",
                    "person_birth_date": "1944-05-02",
                    "concerns": ["care", "income"],
                    "main_concern": "income",
                    "consent": "given",
                },
            ]
        },
    )

    channel: Channel
    received_at: AwareDatetime | None = Field(default=None, description="Defaults to now.")
    area: AreaCode
    summary: Summary
    urgent: bool = Field(default=False, description="A risk to life; also implied by `risks`.")
    risks: list[LifeRisk] = Field(default_factory=list, max_length=len(LifeRisk))
    concerns: list[Concern] = Field(default_factory=list, max_length=len(Concern))
    main_concern: Concern | None = Field(default=None, description="The ◎ box: one of `concerns`.")
    person_name: PersonName | None = Field(default=None, description="Unknown or unnamed: leave empty.")
    person_kana: Annotated[Kana, AfterValidator(_kana_only)] | None = None
    person_sex: Sex | None = None
    person_birth_date: date | None = None
    person_address: ShortText | None = None
    person_phone: Phone | None = None
    person_email: EmailStr | None = None
    consulter: Consulter | None = Field(default=None, description="Empty when the person came themself.")
    consent: IntakeConsent = IntakeConsent.not_asked
    referrer: ShortText | None = Field(default=None, description="Referring agency (つなぎ元).")
    external_ref: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = Field(
        default=None, description="The referring system's own reference."
    )

    @field_validator("received_at")
    @classmethod
    def _received_in_the_past(cls, value: datetime | None) -> datetime | None:
        # A clock-skewed sender or a typo: refused here, where the person typing still sees it, since
        # case-api refuses a 安否確認 received in the future and the outbox could only give up on it.
        if value is not None and not EARLIEST_RECEIVED <= value <= datetime.now(UTC) + RECEIVED_AT_SLACK:
            raise ValueError("must not be in the future (beyond 5 minutes) nor before 1950")
        return value

    @model_validator(mode="after")
    def _check(self) -> Self:
        if len(set(self.concerns)) != len(self.concerns) or len(set(self.risks)) != len(self.risks):
            raise ValueError("concerns and risks must not repeat")
        if self.main_concern is not None and self.main_concern not in self.concerns:
            raise ValueError("main_concern must be one of concerns")
        if self.person_birth_date is not None and self.person_birth_date > date.today():
            raise ValueError("person_birth_date must not be in the future")
        return self


class ConsulterRead(BaseModel):
    name: str | None
    phone: str | None
    relation: ConsulterRelation


class ConsultationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    channel: Channel
    received_at: datetime
    received_by: str
    area: str
    summary: str
    urgent: bool
    risks: list[LifeRisk]
    concerns: list[Concern]
    main_concern: Concern | None
    person_name: str | None
    person_kana: str | None
    person_sex: Sex | None
    person_birth_date: date | None
    person_address: str | None
    person_phone: str | None
    person_email: str | None
    consulter: ConsulterRead | None
    consent: IntakeConsent
    referrer: str | None
    external_ref: str | None
    status: ConsultationStatus
    created_at: datetime
    follow_up_count: int = Field(default=0, description="Follow-ups from an anonymous reporter.")
    last_follow_up_at: datetime | None = None
    follow_up_pending_since: datetime | None = Field(
        default=None,
        description="The latest follow-up after triage, until staff acknowledge reading up to it.",
    )


class FollowUpAcknowledgement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    seen_up_to: AwareDatetime = Field(
        description="last_follow_up_at as the caller saw it: a follow-up that arrived later stays marked.",
        examples=["2026-12-03T10:15:00+09:00"],
    )

    @field_validator("seen_up_to")
    @classmethod
    def _plausible(cls, value: datetime) -> datetime:
        if not EARLIEST_RECEIVED <= value <= datetime.now(UTC) + RECEIVED_AT_SLACK:
            raise ValueError("must not be in the future (beyond 5 minutes) nor before 1950")
        return value


class ConsultationMessageRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    source: str
    text: str
    created_at: datetime


class ConsultationPage(BaseModel):
    items: list[ConsultationRead]
    total: int
