"""Which body the law lets a case go to (社会福祉法106条の6), as a table."""

import pytest

from meeting_api.agenda.rules import check_body
from meeting_api.vocabulary import BodyType

WITHOUT_CONSENT = ["refused", "not_asked", "withdrawn", "unknown-status"]
CASE_BODIES = [t for t in BodyType if t not in (BodyType.popup, BodyType.first_tier)]


@pytest.mark.parametrize("consent", WITHOUT_CONSENT)
def test_without_consent_only_the_shien_kaigi(consent: str) -> None:
    assert check_body(BodyType.shien, consent) is None
    for body in CASE_BODIES:
        if body is BodyType.shien:
            continue
        problem = check_body(body, consent)
        assert problem is not None, body
        assert problem.type == "/problems/body-not-allowed"
        assert problem.status == 422
        assert "支援会議" in problem.title
        assert problem.extensions["allowed_body_types"] == ["shien"]


@pytest.mark.parametrize("body", CASE_BODIES)
def test_with_consent_every_case_body(body: BodyType) -> None:
    assert check_body(body, "given") is None


@pytest.mark.parametrize(
    ("body", "consent"),
    [
        (BodyType.popup, "given"),
        (BodyType.first_tier, "given"),
        (BodyType.popup, "not_asked"),
    ],
)
def test_popup_booths_and_the_first_tier_take_no_cases(body: BodyType, consent: str) -> None:
    problem = check_body(body, consent)
    assert problem is not None
    assert problem.type == "/problems/body-not-allowed"
    assert "個別のケースを扱いません" in problem.title


def test_juusou_refusal_explains_where_to_go() -> None:
    problem = check_body(BodyType.juusou, "refused")
    assert problem is not None
    assert problem.title == "本人同意のないケースは支援会議（社会福祉法106条の6）でのみ扱えます。"
    assert "重層的支援会議では扱えません" in (problem.detail or "")
