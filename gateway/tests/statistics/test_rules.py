"""The pure rules of the statistics: formula cells, rates, the national figures, CSV for Excel."""

import csv
import io

import pytest

from gateway.statistics import rules
from gateway.statistics.schemas import CaseFigures, IntakeFigures, MeetingFigures, MonthlyStatistics

NEUTRALISED = [
    # (cell, as written to the CSV)
    ("=1+2", "'=1+2"),
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+81-42-000-0000", "'+81-42-000-0000"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("＝1+2", "'＝1+2"),  # full width: an IME may turn it into a formula on editing
    ("東 花子", "東 花子"),
    ("a=b", "a=b"),
    ("'=already", "'=already"),
    ("", ""),
    (12, 12),
    (0.5, 0.5),
    (None, None),
]


@pytest.mark.parametrize(("cell", "expected"), NEUTRALISED)
def test_neutralise(cell, expected) -> None:
    assert rules.neutralise(cell) == expected


@pytest.mark.parametrize(
    ("count", "population", "expected"),
    [(126, 125_960, 100.0), (25, 125_960, 19.8), (0, 125_960, 0.0), (None, 125_960, None), (5, None, None)],
)
def test_per_100k(count, population, expected) -> None:
    assert rules.per_100k(count, population) == expected


def intake(**extra) -> IntakeFigures:
    return IntakeFigures(
        new_consultations=63,
        urgent=2,
        anonymous_reports=1,
        outreach=4,
        by_channel={"phone": 40, "anonymous": 1},
        by_main_concern={"housing": 3, "unspecified": 60},
        by_area={"higashi": 63},
        triage={"info_closed": 20, "referral": 7, "welfare_office": 3, "link_case": 1, "new_case": 5},
        **extra,
    )


def cases() -> CaseFigures:
    return CaseFigures.model_validate(
        {
            "cases_opened": 5,
            "cases_opened_by_area": {"higashi": 5},
            "plans_made": 4,
            "replans": 1,
            "closures": 2,
            "closures_by_reason": {"goal_met": 2},
            "outreach_visits": 9,
            "safety_checks": {
                "due": 2,
                "done_on_time": 1,
                "done_late": 1,
                "open_overdue": 0,
                "open_not_yet_due": 0,
            },
            "records_by_kind": {"visit": 9},
            "employment_support_cases": 3,
            "employed_cases": 2,
            "increased_income_cases": 1,
            "participation_support_cases": 1,
            "workload": {
                "individual_source": True,
                "by_area": [],
                "by_csw": [
                    {
                        "csw": "=cmd|' /C calc'!A0",
                        "display_name": None,
                        "individual_minutes": 90,
                        "community_minutes": 30,
                        "total_minutes": 120,
                        "community_ratio": 0.25,
                    },
                    {
                        "csw": "csw-higashi",
                        "display_name": "東 花子",
                        "individual_minutes": 600,
                        "community_minutes": 0,
                        "total_minutes": 600,
                        "community_ratio": 0.0,
                    },
                ],
            },
        }
    )


def test_national_figures_rates_only_what_the_survey_rates() -> None:
    figures = {f.key: f for f in rules.national_figures(intake(), cases(), 125_960)}
    assert (figures["new_consultations"].count, figures["new_consultations"].per_100k) == (63, 50.0)
    assert (figures["plans_made"].count, figures["plans_made"].per_100k) == (4, 3.2)
    assert (figures["employment_support"].count, figures["employment_support"].per_100k) == (3, 2.4)
    assert (figures["employed"].count, figures["employed"].per_100k) == (2, 1.6)
    assert (figures["increased_income"].count, figures["increased_income"].per_100k) == (1, 0.8)
    assert (figures["welfare_office"].count, figures["welfare_office"].per_100k) == (3, None)
    assert (figures["referral"].count, figures["info_only"].count) == (7, 20)
    assert all(f.per_100k is None for f in rules.national_figures(intake(), cases(), None))


def statistics() -> MonthlyStatistics:
    return MonthlyStatistics(
        month="2026-11",
        area=None,
        population=125_960,
        intake=intake(),
        cases=cases(),
        meetings=None,
        national=rules.national_figures(intake(), cases(), 125_960),
        unavailable=["meetings"],
    )


def read(body: bytes, encoding: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode(encoding), newline="")))


def test_csv_is_utf8_with_bom_and_japanese_headers() -> None:
    body = rules.to_csv(rules.CSV_HEADER, rules.monthly_rows(statistics(), area_names={"higashi": "東"}))
    assert body.startswith(b"\xef\xbb\xbf")
    rows = read(body, "utf-8-sig")
    assert rows[0] == ["項目", "区分", "値", "単位"]
    assert ["集計月", "", "2026-11", ""] in rows
    assert ["新規相談受付件数", "件数", "63", "件"] in rows
    assert ["新規相談受付件数", "人口10万人あたり", "50.0", "件"] in rows
    assert ["就労者数", "件数", "2", "件"] in rows
    assert ["就労者数", "人口10万人あたり", "1.6", "件"] in rows
    assert ["相談経路", "電話", "40", "件"] in rows
    assert ["圏域別相談件数", "東", "63", "件"] in rows
    assert ["振り分け結果", "生活保護窓口へ", "3", "件"] in rows
    # Scenario 6: each CSW's split between individual support and community work.
    assert ["職員別 個別支援", "東 花子（csw-higashi）", "10.0", "時間"] in rows
    assert ["職員別 地域づくりの割合", "東 花子（csw-higashi）", "0.0", "%"] in rows
    assert ["会議", "未集計（会議サービスが応答しませんでした）", "", ""] in rows
    assert body.count(b"\r\n") == len(rows)  # Excel's line ends


def test_csv_meeting_rows() -> None:
    stats = statistics()
    stats.meetings = MeetingFigures(
        held=3,
        held_by_body={"shien": 1, "juusou": 2, "first_tier": 0},
        cases_discussed=4,
        case_discussions=5,
        cancelled=1,
    )
    rows = read(rules.to_csv(rules.CSV_HEADER, rules.monthly_rows(stats, area_names={})), "utf-8-sig")
    assert ["会議", "開催", "3", "件"] in rows
    assert ["会議体別開催件数", "支援会議", "1", "件"] in rows
    assert ["会議体別開催件数", "重層的支援会議", "2", "件"] in rows
    assert ["会議", "検討したケース（実数）", "4", "件"] in rows


def test_csv_cells_that_would_be_formulas_are_neutralised() -> None:
    rows = read(rules.to_csv(rules.CSV_HEADER, rules.monthly_rows(statistics(), area_names={})), "utf-8-sig")
    hostile = [row for row in rows if row[0] == "職員別 個別支援" and "cmd" in row[1]]
    assert hostile == [["職員別 個別支援", "'=cmd|' /C calc'!A0", "1.5", "時間"]]
    assert not any(cell.startswith(rules.FORMULA_STARTS) for row in rows for cell in row)


def test_cp932_on_request_replaces_what_it_cannot_hold() -> None:
    body = rules.to_csv(("項目", "区分"), [("𠮷田さん", "髙橋"), ("①", "～")], encoding="cp932")
    assert not body.startswith(b"\xef\xbb\xbf")
    rows = read(body, "cp932")
    assert rows == [["項目", "区分"], ["?田さん", "髙橋"], ["①", "～"]]
