"""Pure rules of intake."""

import re

from intake_api.consultations.schemas import LifeRisk
from tsunagu_services.japanese import nfkc, phone_digits, search_key

RISK_LABELS = {
    LifeRisk.suicidal: "希死念慮",
    LifeRisk.abuse: "虐待",
    LifeRisk.violence: "暴力",
    LifeRisk.no_food: "食べるものがない",
    LifeRisk.medical: "医療的な緊急",
    LifeRisk.other: "その他の生命の危険",
}


def is_urgent(marked_urgent: bool, risks: list[LifeRisk]) -> bool:
    """A consultation is urgent when staff mark it so or when any sign of a risk to life is recorded."""
    return marked_urgent or bool(risks)


def safety_check_reason(risks: list[LifeRisk]) -> str:
    """The reason shown on the 安否確認: the signs only, never names or the consultation text."""
    if not risks:
        return "相談受付時に緊急（生命の危険のおそれ）と判断"
    return "相談受付時に生命の危険のおそれ: " + "・".join(RISK_LABELS[r] for r in risks)


def _digits(value: str | None) -> str:
    return phone_digits(value) or ""


def search_text(
    *,
    person_name: str | None,
    person_kana: str | None,
    person_address: str | None,
    person_phone: str | None,
    consulter_name: str | None,
    consulter_phone: str | None,
    external_ref: str | None,
) -> str:
    """What the consultation search matches: names, kana and address folded (width, script, case,
    spaces), phone numbers as digits; never the consultation's text."""
    words = [
        search_key(v) for v in (person_name, person_kana, person_address, consulter_name, external_ref) if v
    ]
    return " ".join([*words, *(d for d in (_digits(person_phone), _digits(consulter_phone)) if d)])


def search_terms(q: str) -> list[str]:
    """The keys a query's words must all match: a phone-like word by its digits, others folded."""
    terms = []
    for word in nfkc(q).split():
        digits = _digits(word)
        is_phone = len(digits) >= 4 and re.fullmatch(r"[+0-9()\-]+", word) is not None
        terms.append(digits if is_phone else search_key(word))
    return [t for t in terms if t]
