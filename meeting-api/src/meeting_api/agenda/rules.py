"""Which body the law lets a case go to (DOMAIN.md step 5, 社会福祉法106条の6) — pure functions."""

from meeting_api.vocabulary import BodyType, body_label
from tsunagu_services.problems import ValidationFailed

CONSENT_LABELS = {
    "given": "本人同意あり",
    "refused": "本人が同意を拒否",
    "not_asked": "本人同意が未確認",
    "withdrawn": "本人が同意を撤回",
}
# Bodies that never discuss an individual case: a pop-up booth and the residents' 協議体.
CASELESS_BODIES = frozenset({BodyType.popup, BodyType.first_tier})
WITHOUT_CONSENT = frozenset({BodyType.shien})
WITH_CONSENT = frozenset(BodyType) - CASELESS_BODIES


class BodyNotAllowed(ValidationFailed):
    type = "/problems/body-not-allowed"
    title = "本人同意のないケースは支援会議（社会福祉法106条の6）でのみ扱えます。"

    def __init__(self, title: str, detail: str, allowed: frozenset[BodyType]) -> None:
        super().__init__(detail, allowed_body_types=sorted(allowed))
        self.title = title


def allowed_bodies(consent_status: str) -> frozenset[BodyType]:
    """The bodies a case with this consent may be put before."""
    return WITH_CONSENT if consent_status == "given" else WITHOUT_CONSENT


def check_body(body_type: str, consent_status: str) -> BodyNotAllowed | None:
    """None when a case with `consent_status` may go on a `body_type` agenda, else the problem.

    Without consent (anything but given) only the 支援会議 may take a case; the 重層的支援会議
    and every other body need it. Pop-up booths and the 第一層協議体 take no cases at all.
    """
    consent = CONSENT_LABELS.get(consent_status, consent_status)
    if body_type in CASELESS_BODIES:
        return BodyNotAllowed(
            f"{body_label(body_type)}では個別のケースを扱いません。",
            f"このケース（{consent}）は{_names(allowed_bodies(consent_status))}の議題にしてください。",
            allowed_bodies(consent_status),
        )
    if body_type in allowed_bodies(consent_status):
        return None
    return BodyNotAllowed(
        BodyNotAllowed.title,
        f"このケースは{consent}のため、{body_label(body_type)}では扱えません。支援会議の議題にしてください。"
        "本人同意が得られたら重層的支援会議へ移せます。",
        WITHOUT_CONSENT,
    )


def _names(bodies: frozenset[BodyType]) -> str:
    if bodies == WITHOUT_CONSENT:
        return "支援会議"
    return "支援会議・重層的支援会議など個別ケースを扱う会議体"
