"""Words every part of meeting-api shares: body types with their Japanese names, and input types."""

from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, StringConstraints

from tsunagu_services.japanese import folded_length


class BodyType(StrEnum):
    """会議体の種類 (the last three are other systems' bodies, as case-api recommends them)."""

    shien_chousei = "shien_chousei"  # 支援調整会議 (生活困窮)
    juusou = "juusou"  # 重層的支援会議
    shien = "shien"  # 支援会議 (社会福祉法106条の6, 守秘義務)
    case_conference = "case_conference"  # ケース会議
    coordinators = "coordinators"  # コーディネーター連絡会
    first_tier = "first_tier"  # 第一層協議体
    popup = "popup"  # 出張相談
    chiiki_care = "chiiki_care"  # 地域ケア会議 (介護)
    youhogo = "youhogo"  # 要保護児童対策地域協議会 (児童)
    jiritsu_shien = "jiritsu_shien"  # 自立支援協議会 (障害)


BODY_LABELS: dict[str, str] = {
    BodyType.shien_chousei: "支援調整会議",
    BodyType.juusou: "重層的支援会議",
    BodyType.shien: "支援会議",
    BodyType.case_conference: "ケース会議",
    BodyType.coordinators: "コーディネーター連絡会",
    BodyType.first_tier: "第一層協議体",
    BodyType.popup: "出張相談",
    BodyType.chiiki_care: "地域ケア会議",
    BodyType.youhogo: "要保護児童対策地域協議会",
    BodyType.jiritsu_shien: "自立支援協議会",
}


def body_label(body_type: str) -> str:
    """The Japanese name of a body type (the code itself if unknown)."""
    return BODY_LABELS.get(body_type, body_type)


def _text(max_length: int) -> Any:
    def check(value: str) -> str:
        # Free text is kept as typed (no NFKC: ① or ㈱ mean something); only trimmed. NUL cannot
        # be stored by PostgreSQL.
        value = value.strip()
        if not 1 <= len(value) <= max_length:
            raise ValueError(f"must be 1 to {max_length} characters")
        if "\x00" in value:
            raise ValueError("must not contain NUL")
        return value

    return Annotated[str, StringConstraints(max_length=max_length * 2), AfterValidator(check)]


# A short label (title, name, place): width folded, 1 to 200 characters.
Label = Annotated[str, StringConstraints(max_length=400), AfterValidator(folded_length(200))]
AreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,29}$")]
Username = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")]
# An agency's id as the directory and the token's agency_id claim spell it.
AgencyId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")]
Reason = _text(1000)
Note = _text(4000)
LongText = _text(20000)
