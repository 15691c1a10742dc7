"""The pure rules of a case: every status pair, closure, and every branch of the meeting recommendation."""

import itertools
import uuid

import pytest

from case_api.cases import rules
from case_api.cases.schemas import CaseStatus, ClosureReason, ConsentStatus, ExistingSystem, MeetingBody

S = CaseStatus

# The whole table, written out: a change to the rules must change this test on purpose.
ALLOWED = {
    (S.intake, S.assessment),
    (S.intake, S.watching),
    (S.intake, S.closed),
    (S.assessment, S.planning),
    (S.assessment, S.watching),
    (S.assessment, S.closed),
    (S.planning, S.supporting),
    (S.planning, S.assessment),
    (S.planning, S.watching),
    (S.planning, S.closed),
    (S.supporting, S.evaluation),
    (S.supporting, S.planning),
    (S.supporting, S.watching),
    (S.supporting, S.closed),
    (S.evaluation, S.supporting),
    (S.evaluation, S.planning),
    (S.evaluation, S.watching),
    (S.evaluation, S.closed),
    (S.watching, S.assessment),
    (S.watching, S.supporting),
    (S.watching, S.closed),
    (S.closed, S.assessment),
    (S.closed, S.watching),
}
DECISION = uuid.uuid4()


@pytest.mark.parametrize(
    ("source", "target"), list(itertools.product(CaseStatus, CaseStatus)), ids=lambda s: str(s)
)
def test_every_status_pair(source: CaseStatus, target: CaseStatus) -> None:
    closing = target is S.closed
    reason = ClosureReason.goal_met if closing else None
    problem = rules.check_transition(
        source, target, closure_reason=reason, decision_id=None, juusou_case=False
    )
    assert (problem is None) == ((source, target) in ALLOWED)
    assert (target in rules.allowed_transitions(source)) == ((source, target) in ALLOWED)
    if problem is not None:
        assert isinstance(problem, rules.TransitionNotAllowed)
        assert problem.status == 409


def test_reopening_goes_to_assessment_or_watching_only() -> None:
    assert rules.allowed_transitions(S.closed) == {S.assessment, S.watching}


CLOSURES = [
    # (closure_reason, decision_id, juusou_case, expected problem or None)
    pytest.param(None, None, False, rules.ClosureReasonRequired, id="no reason"),
    pytest.param(None, DECISION, True, rules.ClosureReasonRequired, id="decision but no reason"),
    pytest.param(ClosureReason.goal_met, None, False, None, id="ordinary case with reason"),
    pytest.param(
        ClosureReason.moved, None, True, rules.ClosureDecisionRequired, id="juusou case without decision"
    ),
    pytest.param(ClosureReason.moved, DECISION, True, None, id="juusou case with decision"),
    pytest.param(ClosureReason.other, DECISION, False, None, id="decision kept for an ordinary case"),
]


@pytest.mark.parametrize(("reason", "decision", "juusou", "expected"), CLOSURES)
def test_closure_needs_a_reason_and_for_juusou_a_decision(reason, decision, juusou, expected) -> None:
    problem = rules.check_transition(
        S.supporting, S.closed, closure_reason=reason, decision_id=decision, juusou_case=juusou
    )
    if expected is None:
        assert problem is None
    else:
        assert type(problem) is expected
        assert problem.status == 422


@pytest.mark.parametrize(("reason", "decision"), [(ClosureReason.goal_met, None), (None, DECISION)])
def test_closure_fields_only_when_closing(reason, decision) -> None:
    problem = rules.check_transition(
        S.closed, S.assessment, closure_reason=reason, decision_id=decision, juusou_case=False
    )
    assert isinstance(problem, rules.ClosureFieldsOnlyOnClosing)


def test_juusou_bodies_are_the_two_of_the_programme() -> None:
    assert rules.JUUSOU_BODIES == {MeetingBody.juusou, MeetingBody.shien}


E = ExistingSystem
C = ConsentStatus
B = MeetingBody
NOT_GIVEN = [C.refused, C.not_asked, C.withdrawn]

RECOMMENDATIONS = [
    # An existing system fits, not between systems, not difficult, consent given: that system's body.
    *[
        pytest.param(system, False, False, C.given, body, [label], id=f"{system} with consent")
        for system, body, label in [
            (E.seikatsu_konkyu, B.shien_chousei, "支援調整会議"),
            (E.kaigo, B.chiiki_care, "地域ケア会議"),
            (E.jidou, B.youhogo, "要保護児童対策地域協議会"),
            (E.shougai, B.jiritsu_shien, "自立支援協議会"),
            (E.other_system, B.shien_chousei, "支援調整会議"),
        ]
    ],
    # An existing system fits but there is no consent: 支援会議 until consent is obtained.
    *[
        pytest.param(
            E.kaigo,
            False,
            False,
            consent,
            B.shien,
            ["介護", "同意が得られるまでは", "106条の6"],
            id=f"kaigo without consent ({consent})",
        )
        for consent in NOT_GIVEN
    ],
    pytest.param(
        E.seikatsu_konkyu,
        False,
        False,
        C.refused,
        B.shien,
        ["拒否", "支援調整会議へ移します"],
        id="seikatsu konkyu refused names the later body",
    ),
    # Between systems, difficult, or no system: 重層的支援会議 with consent, 支援会議 without.
    pytest.param(
        E.kaigo,
        True,
        False,
        C.given,
        B.juusou,
        ["制度の狭間", "本人同意あり", "重層的支援会議"],
        id="between systems with consent",
    ),
    pytest.param(
        E.kaigo, False, True, C.given, B.juusou, ["支援困難", "重層的支援会議"], id="difficult with consent"
    ),
    pytest.param(
        E.none,
        False,
        False,
        C.given,
        B.juusou,
        ["既存の制度で対応できる見込みがなく"],
        id="no system with consent",
    ),
    pytest.param(
        E.none,
        True,
        True,
        C.given,
        B.juusou,
        ["制度の狭間", "支援困難"],
        id="everything at once with consent",
    ),
    *[
        pytest.param(
            E.shougai,
            True,
            False,
            consent,
            B.shien,
            ["制度の狭間", "支援会議", "守秘義務"],
            id=f"between systems without consent ({consent})",
        )
        for consent in NOT_GIVEN
    ],
    pytest.param(E.jidou, False, True, C.refused, B.shien, ["支援困難", "拒否"], id="difficult, refused"),
    pytest.param(
        E.none, False, False, C.not_asked, B.shien, ["見込みがなく", "未確認"], id="no system, not asked"
    ),
    pytest.param(E.none, True, True, C.withdrawn, B.shien, ["撤回"], id="everything, withdrawn"),
]


@pytest.mark.parametrize(("system", "between", "difficult", "consent", "body", "words"), RECOMMENDATIONS)
def test_recommend_body(system, between, difficult, consent, body, words) -> None:
    result = rules.recommend_body(
        rules.Facts(existing_system=system, between_systems=between, difficult=difficult, consent=consent)
    )
    assert result.body is body
    for word in words:
        assert word in result.reason_ja
    assert result.reason_ja.endswith("。")


def test_every_combination_of_facts_has_a_body_and_reason() -> None:
    for system, between, difficult, consent in itertools.product(E, [False, True], [False, True], C):
        result = rules.recommend_body(rules.Facts(system, between, difficult, consent))
        fits = system is not E.none and not between and not difficult
        if consent is not C.given:
            assert result.body is B.shien  # never a consent-needing body without consent
        elif not fits:
            assert result.body is B.juusou
        else:
            assert result.body not in rules.JUUSOU_BODIES
        assert len(result.reason_ja) > 20


def test_override_wins() -> None:
    assert rules.effective_body(B.shien, None) is B.shien
    assert rules.effective_body(B.shien, B.juusou) is B.juusou
