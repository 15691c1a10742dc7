"""Japanese labels of the codes the services count in (the CSV's 区分), as the desk's forms name them."""

CHANNELS = {
    "visit": "来所",
    "phone": "電話",
    "email": "メール",
    "outreach": "訪問（アウトリーチ）",
    "popup": "出張相談",
    "referral": "関係機関からの紹介",
    "neighbour_family": "近隣・家族",
    "anonymous": "匿名通報",
}
CONCERNS = {
    "health_disability": "健康・障害",
    "housing": "住まい",
    "income": "収入・生活費",
    "rent_loan": "家賃・ローン",
    "tax_utilities": "税金・公共料金",
    "debt": "債務",
    "job_search": "仕事探し",
    "work_worries": "仕事上の不安",
    "community": "地域との関係",
    "family": "家族関係",
    "childcare": "子育て",
    "care": "介護",
    "withdrawal": "ひきこもり・不登校",
    "dv_abuse": "DV・虐待",
    "no_food": "食べるものがない",
    "other": "その他",
    "unspecified": "主訴未選択",
}
TRIAGE = {
    "info_closed": "情報提供・終了",
    "referral": "つなぎ（他機関へ）",
    "welfare_office": "生活保護窓口へ",
    "link_case": "既存ケースに追加",
    "new_case": "新規ケース（継続支援）",
}
CLOSURE_REASONS = {
    "goal_met": "目標達成",
    "moved": "転居",
    "deceased": "死亡",
    "transferred": "他機関へ移管",
    "refused": "本人拒否",
    "other": "その他",
}
SAFETY_CHECKS = {
    "due": "期限到来",
    "done_on_time": "期限内に実施",
    "done_late": "期限後に実施",
    "open_overdue": "未実施（期限超過）",
    "open_not_yet_due": "未実施（期限前）",
}
RECORD_KINDS = {
    "visit": "訪問",
    "call": "電話",
    "office": "来所面談",
    "accompaniment": "同行支援",
    "safety_check": "安否確認",
    "meeting": "会議",
    "email": "メール",
    "other": "その他",
}
BODIES = {
    "shien_chousei": "支援調整会議",
    "juusou": "重層的支援会議",
    "shien": "支援会議",
    "case_conference": "ケース会議",
    "coordinators": "コーディネーター連絡会",
    "first_tier": "第一層協議体",
    "popup": "出張相談",
    "chiiki_care": "地域ケア会議",
    "youhogo": "要保護児童対策地域協議会",
    "jiritsu_shien": "自立支援協議会",
}


def label(table: dict[str, str], code: str) -> str:
    """The Japanese label of a code, or the code itself when it is new to this table."""
    return table.get(code, code)
