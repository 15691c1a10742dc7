"""Pure rules of intake."""

from intake_api.consultations.schemas import LifeRisk

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
