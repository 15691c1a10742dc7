"""Pure rules of a case: status transitions, closure, and the meeting recommendation (DOMAIN.md step 5)."""

import uuid
from dataclasses import dataclass

from case_api.cases.schemas import (
    CaseStatus,
    ClosureReason,
    ConsentStatus,
    ExistingSystem,
    MeetingBody,
)
from tsunagu_services.problems import Conflict, ProblemError, ValidationFailed

S = CaseStatus

# Forward through the stages, back one step to re-assess or re-plan (再プラン), to 見守り継続
# or 終結 from anywhere; reopening a closed case goes to assessment or watching, never straight
# into support, so that a returning person is looked at again first.
TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    S.intake: frozenset({S.assessment, S.watching, S.closed}),
    S.assessment: frozenset({S.planning, S.watching, S.closed}),
    S.planning: frozenset({S.supporting, S.assessment, S.watching, S.closed}),
    S.supporting: frozenset({S.evaluation, S.planning, S.watching, S.closed}),
    S.evaluation: frozenset({S.supporting, S.planning, S.watching, S.closed}),
    S.watching: frozenset({S.assessment, S.supporting, S.closed}),
    S.closed: frozenset({S.assessment, S.watching}),
}

# The 重層事業 bodies: closing a case that goes to them needs the meeting's decision.
JUUSOU_BODIES = frozenset({MeetingBody.juusou, MeetingBody.shien})


class TransitionNotAllowed(Conflict):
    type = "/problems/status-transition-not-allowed"
    title = "この段階からは指定の段階へ移れません。"


class ClosureReasonRequired(ValidationFailed):
    type = "/problems/closure-reason-required"
    title = "終結には終結理由が必要です。"


class ClosureDecisionRequired(ValidationFailed):
    type = "/problems/closure-decision-required"
    title = "重層事業のケースの終結には、終結を決めた会議の決定事項が必要です。"


class ClosureFieldsOnlyOnClosing(ValidationFailed):
    type = "/problems/closure-fields-only-on-closing"
    title = "終結理由と決定事項は終結するときだけ指定できます。"


def allowed_transitions(from_status: CaseStatus) -> frozenset[CaseStatus]:
    """The statuses a case in `from_status` may move to."""
    return TRANSITIONS[from_status]


def check_transition(
    from_status: CaseStatus,
    to_status: CaseStatus,
    *,
    closure_reason: ClosureReason | None,
    decision_id: uuid.UUID | None,
    juusou_case: bool,
) -> ProblemError | None:
    """None when the move is allowed, else the problem to answer (not raised: the caller decides)."""
    if to_status not in TRANSITIONS[from_status]:
        allowed = sorted(TRANSITIONS[from_status])
        return TransitionNotAllowed(f"{from_status} から {to_status} へは移れません。", allowed=allowed)
    if to_status is not CaseStatus.closed:
        if closure_reason is not None or decision_id is not None:
            return ClosureFieldsOnlyOnClosing()
        return None
    if closure_reason is None:
        return ClosureReasonRequired()
    if juusou_case and decision_id is None:
        return ClosureDecisionRequired()
    return None


@dataclass(frozen=True)
class Facts:
    """What the recommendation reads: the case's facts and its current consent."""

    existing_system: ExistingSystem
    between_systems: bool
    difficult: bool
    consent: ConsentStatus


@dataclass(frozen=True)
class Recommendation:
    body: MeetingBody
    reason_ja: str


SYSTEM_LABELS = {
    ExistingSystem.seikatsu_konkyu: "生活困窮",
    ExistingSystem.kaigo: "介護",
    ExistingSystem.jidou: "児童",
    ExistingSystem.shougai: "障害",
    ExistingSystem.other_system: "その他の制度",
}
# An existing system's own body. For "other" the desk has no body of its own in the table, so the
# 生活困窮 coordination meeting (支援調整会議) is where the hand-over is arranged.
SYSTEM_BODIES = {
    ExistingSystem.seikatsu_konkyu: MeetingBody.shien_chousei,
    ExistingSystem.kaigo: MeetingBody.chiiki_care,
    ExistingSystem.jidou: MeetingBody.youhogo,
    ExistingSystem.shougai: MeetingBody.jiritsu_shien,
    ExistingSystem.other_system: MeetingBody.shien_chousei,
}
BODY_LABELS = {
    MeetingBody.shien_chousei: "支援調整会議",
    MeetingBody.juusou: "重層的支援会議",
    MeetingBody.shien: "支援会議",
    MeetingBody.chiiki_care: "地域ケア会議",
    MeetingBody.youhogo: "要保護児童対策地域協議会",
    MeetingBody.jiritsu_shien: "自立支援協議会",
}
CONSENT_LABELS = {
    ConsentStatus.given: "本人同意あり",
    ConsentStatus.refused: "本人が同意を拒否",
    ConsentStatus.not_asked: "本人同意が未確認",
    ConsentStatus.withdrawn: "本人が同意を撤回",
}
SHIEN_NOTE = "支援会議（社会福祉法106条の6：本人同意は不要、構成員に守秘義務）"


def recommend_body(facts: Facts) -> Recommendation:
    """The meeting body a case should go to, and why, in plain Japanese (DOMAIN.md step 5)."""
    consent = facts.consent is ConsentStatus.given
    fits = facts.existing_system is not ExistingSystem.none
    consent_text = CONSENT_LABELS[facts.consent]

    if fits and not facts.between_systems and not facts.difficult:
        system = SYSTEM_LABELS[facts.existing_system]
        if consent:
            body = SYSTEM_BODIES[facts.existing_system]
            reason = (
                f"既存の制度（{system}）で対応でき、制度の狭間でも支援困難でもなく、"
                f"{consent_text}のため、{BODY_LABELS[body]}を推奨します。"
            )
            if facts.existing_system is ExistingSystem.other_system:
                reason += "その制度の会議体で扱う場合は、統括が会議体を変更してください。"
            return Recommendation(body, reason)
        return Recommendation(
            MeetingBody.shien,
            f"既存の制度（{system}）で対応できる見込みですが、{consent_text}のため、同意が得られるまでは"
            f"{SHIEN_NOTE}を推奨します。同意が得られたら{BODY_LABELS[SYSTEM_BODIES[facts.existing_system]]}"
            "へ移します。",
        )

    grounds = []
    if not fits:
        grounds.append("既存の制度で対応できる見込みがなく")
    if facts.between_systems:
        grounds.append("制度の狭間にあり")
    if facts.difficult:
        grounds.append("支援困難で")
    because = "、".join(grounds)
    if consent:
        return Recommendation(
            MeetingBody.juusou, f"{because}、{consent_text}のため、重層的支援会議を推奨します。"
        )
    return Recommendation(MeetingBody.shien, f"{because}、{consent_text}のため、{SHIEN_NOTE}を推奨します。")


def effective_body(recommended: MeetingBody, override: MeetingBody | None) -> MeetingBody:
    """A supervisor's override wins over the recommendation."""
    return override if override is not None else recommended
