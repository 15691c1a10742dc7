"""Load the demo data of case-api: `python -m case_api.demo` (idempotent; demo mode only).

Everything here is fictional, shaped like Koganei (4 daily-life areas). A second run
changes nothing; a row edited here is updated in place and its version bumped.
"""

import asyncio
import datetime as dt
import sys
import uuid
from typing import Any

from sqlalchemy import func, literal_column, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from case_api.agencies.models import Agency
from case_api.settings import Settings
from case_api.statistics.demo import load_history
from tsunagu_services.db import database_url, make_engine, make_sessionmaker


def _agency_id(n: int) -> uuid.UUID:
    return uuid.UUID(f"0b0c0000-0000-4000-8000-{n:012d}")


# The gateway's demo agency user (agency-houkatsu-higashi) belongs to this one: keep the id.
HIGASHI_HOUKATSU_ID = _agency_id(1)


def _contact(name: str, role: str, phone: str, email: str | None = None) -> dict[str, str]:
    contact = {"name": name, "role": role, "phone": phone}
    if email:
        contact["email"] = email
    return contact


# 関係機関: 4 地域包括 (a different operator each), city-wide centres and departments, a hospital,
# two 社会福祉法人, two employers for 就労準備支援 and one 参加支援 NPO.
AGENCIES: list[dict[str, Any]] = [
    {
        "id": HIGASHI_HOUKATSU_ID,
        "name": "東地域包括支援センター",
        "kind": "houkatsu",
        "area": "higashi",
        "functions": ["総合相談", "介護予防", "権利擁護", "見守り訪問"],
        "can_do": "運営：社会福祉法人 ひかり会。65歳以上の方と家族の総合相談、介護保険申請の支援、"
        "自宅訪問による状況確認。8050世帯では親の介護・見守りを担う。子世代の支援は担わない。",
        "contacts": [_contact("林 誠", "社会福祉士", "042-000-1101", "higashi-houkatsu@example.com")],
    },
    {
        "id": _agency_id(2),
        "name": "西地域包括支援センター",
        "kind": "houkatsu",
        "area": "nishi",
        "functions": ["総合相談", "介護予防", "権利擁護"],
        "can_do": "運営：医療法人 みどり会。高齢者の総合相談と介護予防ケアマネジメント。"
        "併設診療所と連携した受診支援。",
        "contacts": [_contact("石田 陽子", "主任介護支援専門員", "042-000-1102")],
    },
    {
        "id": _agency_id(3),
        "name": "南地域包括支援センター",
        "kind": "houkatsu",
        "area": "minami",
        "functions": ["総合相談", "介護予防", "認知症相談"],
        "can_do": "運営：社会福祉法人 さくら福祉会。認知症地域支援推進員を配置。高齢者の総合相談と家族支援。",
        "contacts": [_contact("岡本 大輔", "保健師", "042-000-1103")],
    },
    {
        "id": _agency_id(4),
        "name": "北地域包括支援センター",
        "kind": "houkatsu",
        "area": "kita",
        "functions": ["総合相談", "介護予防", "権利擁護"],
        "can_do": "運営：株式会社 ケアのわ。高齢者の総合相談、成年後見制度の利用相談。",
        "contacts": [_contact("中村 恵", "社会福祉士", "042-000-1104")],
    },
    {
        "id": _agency_id(5),
        "name": "障害者地域自立支援センター",
        "kind": "shougai_center",
        "area": None,
        "functions": ["障害福祉相談", "計画相談", "地域移行支援"],
        "can_do": "障害のある方と家族の相談、障害福祉サービス利用の調整、精神障害の方の地域生活支援。"
        "手帳の有無を問わず相談可。",
        "contacts": [_contact("山口 剛", "相談支援専門員", "042-000-1201")],
    },
    {
        "id": _agency_id(6),
        "name": "こども家庭センター",
        "kind": "kodomo_center",
        "area": None,
        "functions": ["子育て相談", "児童虐待対応", "不登校相談"],
        "can_do": "妊娠期から18歳までの子どもと家庭の相談。要保護児童対策地域協議会の調整機関。",
        "contacts": [_contact("佐藤 美咲", "子ども家庭支援員", "042-000-1301")],
    },
    {
        "id": _agency_id(7),
        "name": "福祉保健部 生活福祉課",
        "kind": "city_welfare",
        "area": None,
        "functions": ["生活保護", "生活困窮者自立支援", "住居確保給付金"],
        "can_do": "生活保護の相談・申請、住居確保給付金の支給。生活保護の要否判定までは窓口同行で対応。",
        "contacts": [_contact("高橋 浩", "ケースワーカー", "042-000-1401")],
    },
    {
        "id": _agency_id(8),
        "name": "小金井みなみ病院 医療相談室",
        "kind": "hospital",
        "area": "minami",
        "functions": ["医療相談", "退院支援", "受診調整"],
        "can_do": (
            "医療ソーシャルワーカー（MSW）による医療費・退院後の生活の相談、受診の調整。精神科外来あり。"
        ),
        "contacts": [_contact("伊藤 直子", "医療ソーシャルワーカー", "042-000-1501")],
    },
    {
        "id": _agency_id(9),
        "name": "社会福祉法人 けやき会（特別養護老人ホーム けやきの里）",
        "kind": "social_welfare_corp",
        "area": "kita",
        "functions": ["出張相談会場", "地域公益活動", "配食"],
        "can_do": (
            "地域公益活動として交流スペースを出張相談の会場に提供（月2回）。見守りを兼ねた配食サービス。"
        ),
        "contacts": [_contact("渡辺 拓也", "地域連携担当", "042-000-1601")],
    },
    {
        "id": _agency_id(10),
        "name": "社会福祉法人 はなみずき福祉会",
        "kind": "social_welfare_corp",
        "area": "nishi",
        "functions": ["障害福祉サービス", "日中活動の場"],
        "can_do": "就労継続支援B型と生活介護の事業所を運営。見学・体験利用の受け入れ。",
        "contacts": [_contact("小林 真理", "サービス管理責任者", "042-000-1602")],
    },
    {
        "id": _agency_id(11),
        "name": "有限会社 みどり農園",
        "kind": "employer",
        "area": "higashi",
        "functions": ["就労体験", "農作業"],
        "can_do": "就労準備支援の協力事業所。週1回・半日からの農作業体験。"
        "ひきこもり経験のある方の受け入れ実績あり。",
        "contacts": [_contact("木村 修", "代表", "042-000-1701")],
        "partner_employment_prep": True,
    },
    {
        "id": _agency_id(12),
        "name": "株式会社 ぬくもりベーカリー",
        "kind": "employer",
        "area": "minami",
        "functions": ["就労体験", "軽作業", "接客"],
        "can_do": "就労準備支援の協力事業所。パンの包装・店頭補助の体験（1日2時間から）。",
        "contacts": [_contact("松本 さおり", "店長", "042-000-1702")],
        "partner_employment_prep": True,
    },
    {
        "id": _agency_id(13),
        "name": "NPO法人 居場所ネットこがねい",
        "kind": "npo",
        "area": None,
        "functions": ["居場所づくり", "参加支援", "ピアサポート"],
        "can_do": "参加支援の協力団体。週3回のフリースペース、ボランティア活動への同行。"
        "若者・中高年のひきこもり支援。",
        "contacts": [_contact("井上 亮", "事務局長", "042-000-1801")],
        "partner_participation": True,
    },
]

_DEFAULTS = {
    "functions": [],
    "can_do": "",
    "contacts": [],
    "partner_employment_prep": False,
    "partner_participation": False,
    "active": True,
}
_UPDATED = (
    "name",
    "kind",
    "area",
    "functions",
    "can_do",
    "contacts",
    "partner_employment_prep",
    "partner_participation",
    "active",
)


async def load_agencies(session: AsyncSession) -> int:
    """Upsert the demo directory; a row changes (and its version grows) only when the data differs."""
    table = Agency.__table__  # type: ignore[attr-defined]
    for agency in AGENCIES:
        values = {**_DEFAULTS, **agency, "version": 1}
        statement = insert(table).values(**values)
        excluded = statement.excluded
        await session.execute(
            statement.on_conflict_do_update(
                index_elements=["id"],
                set_={
                    **{name: excluded[name] for name in _UPDATED},
                    "version": table.c.version + 1,
                    "updated_at": func.now(),
                },
                where=tuple_(*(table.c[name] for name in _UPDATED)).is_distinct_from(
                    tuple_(*(literal_column(f"excluded.{name}") for name in _UPDATED))
                ),
            )
        )
    return len(AGENCIES)


async def _main() -> int:
    settings = Settings()
    # Demo rows on a real database would mix fiction into case files.
    if not settings.demo_mode:
        print("refusing to load demo data: set TSUNAGU_DEMO_MODE=1 (demo databases only)", file=sys.stderr)
        return 2
    engine = make_engine(database_url(settings.database_url, settings.database_name))
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            agencies = await load_agencies(session)
            # A year of case work for the statistics page (after the agencies it involves).
            history = await load_history(session, dt.datetime.now(dt.UTC))
    finally:
        await engine.dispose()
    print(f"demo data loaded: agencies {agencies}, a year of case work ({history} new rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(_main()))
