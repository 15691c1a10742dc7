"""Pure rules of the statistics: the national figures, rates per 100,000, and a CSV Excel opens safely."""

import csv
import io
from collections.abc import Iterable, Sequence

from gateway.statistics import labels
from gateway.statistics.schemas import CaseFigures, IntakeFigures, MonthlyStatistics, NationalFigure

Cell = str | int | float | None
CSV_HEADER = ("項目", "区分", "値", "単位")
ENCODINGS = ("utf-8", "cp932")
# What makes Excel (and LibreOffice) read a cell as a formula or a DDE call; the full-width forms
# too, since a Japanese IME may turn them into the ASCII ones on editing.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
NOT_RECORDED = "記録項目なし"


def neutralise(cell: Cell) -> Cell:
    """A text cell a spreadsheet would run as a formula, turned into plain text by a leading quote."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def per_100k(count: int | None, population: int | None) -> float | None:
    """Count per 100,000 residents, one decimal (the survey's rate); None without both numbers."""
    if count is None or not population:
        return None
    return round(count * 100_000 / population, 1)


def national_figures(
    intake: IntakeFigures, cases: CaseFigures, population: int | None
) -> list[NationalFigure]:
    """The 支援状況調査 figures from the month's counts; rates only where the survey asks for them."""
    rated: list[tuple[str, str, int | None, str | None]] = [
        ("new_consultations", "新規相談受付件数", intake.new_consultations, None),
        ("plans_made", "プラン作成件数", cases.plans_made, None),
        (
            "employment_support",
            "就労支援対象者数",
            cases.employment_support_cases,
            "就労支援を開始した、または就労準備支援の協力事業所が関わったケース数（世帯単位）",
        ),
        ("employed", "就労者数", cases.employed_cases, "就労開始を記録したケース数（世帯単位）"),
        ("increased_income", "増収者数", cases.increased_income_cases, "増収を記録したケース数（世帯単位）"),
    ]
    outcomes: list[tuple[str, str, int | None, str | None]] = [
        ("referral", "他制度・他機関へのつなぎ", intake.triage.get("referral", 0), None),
        ("info_only", "相談・情報提供のみで終了", intake.triage.get("info_closed", 0), None),
        ("welfare_office", "生活保護窓口へ", intake.triage.get("welfare_office", 0), None),
        (
            "participation_support",
            "参加支援",
            cases.participation_support_cases,
            "参加支援を開始した、または参加支援の協力団体が関わったケース数（世帯単位）",
        ),
    ]
    return [
        NationalFigure(key=k, label=lb, count=n, per_100k=per_100k(n, population), note=note)
        for k, lb, n, note in rated
    ] + [NationalFigure(key=k, label=lb, count=n, per_100k=None, note=note) for k, lb, n, note in outcomes]


def _breakdown(
    item: str, table: dict[str, str], counts: dict[str, int], names: dict[str, str] | None = None
) -> list[tuple[Cell, ...]]:
    return [
        (item, (names or {}).get(code) or labels.label(table, code), n, "件") for code, n in counts.items()
    ]


def _hours(minutes: int) -> float:
    return round(minutes / 60, 1)


def _percent(ratio: float | None) -> float | None:
    return None if ratio is None else round(ratio * 100, 1)


def monthly_rows(stats: MonthlyStatistics, *, area_names: dict[str, str]) -> list[tuple[Cell, ...]]:
    """The month as rows of (項目, 区分, 値, 単位), the CSV the desk sends on."""
    intake, cases = stats.intake, stats.cases
    area = area_names.get(stats.area, stats.area) if stats.area else "全域"
    rows: list[tuple[Cell, ...]] = [
        ("集計月", "", stats.month, ""),
        ("圏域", "", area, ""),
        ("人口", "", stats.population, "人"),
    ]
    for figure in stats.national:
        rows.append((figure.label, "件数" if figure.count is not None else NOT_RECORDED, figure.count, "件"))
        if figure.per_100k is not None:
            rows.append((figure.label, "人口10万人あたり", figure.per_100k, "件"))
    rows += [
        ("相談受付", "合計", intake.new_consultations, "件"),
        ("相談受付", "うち緊急", intake.urgent, "件"),
        ("相談受付", "うち匿名通報", intake.anonymous_reports, "件"),
        ("相談受付", "うち訪問（アウトリーチ）", intake.outreach, "件"),
        *_breakdown("相談経路", labels.CHANNELS, intake.by_channel),
        *_breakdown("主訴", labels.CONCERNS, intake.by_main_concern),
        *_breakdown("圏域別相談件数", {}, intake.by_area, area_names),
        *_breakdown("振り分け結果", labels.TRIAGE, intake.triage),
        ("ケース", "開始", cases.cases_opened, "件"),
        *_breakdown("圏域別ケース開始件数", {}, cases.cases_opened_by_area, area_names),
        ("支援プラン", "プラン作成（初回）", cases.plans_made, "件"),
        ("支援プラン", "再プラン", cases.replans, "件"),
        ("終結", "合計", cases.closures, "件"),
        *_breakdown("終結理由", labels.CLOSURE_REASONS, cases.closures_by_reason),
        *_breakdown("安否確認（期限が当月）", labels.SAFETY_CHECKS, cases.safety_checks.model_dump()),
        ("訪問支援（アウトリーチ）", "支援経過の訪問", cases.outreach_visits, "件"),
        *_breakdown("支援経過の種類", labels.RECORD_KINDS, cases.records_by_kind),
        ("就労支援", "協力事業所が関わったケース", cases.employment_support_cases, "件"),
        ("参加支援", "協力団体が関わったケース", cases.participation_support_cases, "件"),
    ]
    if stats.meetings is None:
        rows.append(("会議", "未集計（会議サービスが応答しませんでした）", None, ""))
    else:
        rows += [
            ("会議", "開催", stats.meetings.held, "件"),
            *_breakdown("会議体別開催件数", labels.BODIES, stats.meetings.held_by_body),
            ("会議", "検討したケース（実数）", stats.meetings.cases_discussed, "件"),
            ("会議", "検討したケース（延べ）", stats.meetings.case_discussions, "件"),
            ("会議", "中止", stats.meetings.cancelled, "件"),
        ]
    for person in cases.workload.by_csw:
        who = f"{person.display_name}（{person.csw}）" if person.display_name else person.csw
        rows += [
            ("職員別 個別支援", who, _hours(person.individual_minutes), "時間"),
            ("職員別 地域づくり", who, _hours(person.community_minutes), "時間"),
            ("職員別 地域づくりの割合", who, _percent(person.community_ratio), "%"),
        ]
    for row in cases.workload.by_area:
        where = area_names.get(row.area, row.area)
        rows += [
            ("圏域別 個別支援", where, _hours(row.individual_minutes), "時間"),
            ("圏域別 地域づくり", where, _hours(row.community_minutes), "時間"),
            ("圏域別 地域づくりの割合", where, _percent(row.community_ratio), "%"),
        ]
    return rows


class ExcelDialect(csv.excel):
    """What Excel writes and reads: comma, double quotes doubled, CRLF, quotes only where needed."""

    delimiter = ","
    quotechar = '"'
    doublequote = True
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]], *, encoding: str = "utf-8") -> bytes:
    """The rows as CSV bytes for Excel: UTF-8 with BOM, or cp932 with what it cannot hold replaced."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect=ExcelDialect)
    writer.writerow([neutralise(cell) for cell in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    text = buffer.getvalue()
    if encoding == "cp932":
        return text.encode("cp932", errors="replace")
    # Excel reads a BOM-less UTF-8 file as Shift_JIS.
    return text.encode("utf-8-sig")
