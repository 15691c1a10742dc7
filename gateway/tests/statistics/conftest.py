"""A stand-in for the three services' statistics endpoints, on a real loopback port."""

import asyncio
import contextlib
import os
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from gateway.settings import Settings
from tsunagu_services import testing


def intake_month(month: str, n: int) -> dict[str, Any]:
    return {
        "month": month,
        "new_consultations": n,
        "urgent": 1,
        "anonymous_reports": 1,
        "outreach": 2,
        "by_channel": {"phone": n - 3, "anonymous": 1, "outreach": 2},
        "by_main_concern": {"housing": n, "unspecified": 0},
        "by_area": {"higashi": n},
        "triage": {"info_closed": 3, "referral": 2, "welfare_office": 1, "link_case": 0, "new_case": 1},
    }


def case_month(month: str, plans: int) -> dict[str, Any]:
    return {
        "month": month,
        "cases_opened": 2,
        "cases_opened_by_area": {"higashi": 2},
        "plans_made": plans,
        "replans": 1,
        "closures": 1,
        "closures_by_reason": {"goal_met": 1},
        "outreach_visits": 4,
        "safety_checks": {
            "due": 2,
            "done_on_time": 1,
            "done_late": 0,
            "open_overdue": 1,
            "open_not_yet_due": 0,
        },
        "records_by_kind": {"visit": 4},
        "employment_support_cases": 2,
        "employed_cases": 1,
        "increased_income_cases": 0,
        "participation_support_cases": 1,
        "workload": {
            "individual_source": True,
            "by_area": [],
            "by_csw": [
                {
                    "csw": "csw-test",
                    "individual_minutes": 120,
                    "community_minutes": 60,
                    "total_minutes": 180,
                    "community_ratio": 0.3333,
                }
            ],
        },
    }


def months(params: dict[str, str]) -> list[str]:
    first, last = params["from"], params["to"]
    result = [first]
    while result[-1] < last:
        year, number = (int(x) for x in result[-1].split("-"))
        result.append(f"{year + number // 12:04d}-{number % 12 + 1:02d}")
    return result


class FakeServices:
    """What each endpoint answers; every call is recorded (path, query, authorization)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, str], str]] = []
        self.refuse: dict[str, tuple[int, dict[str, Any]]] = {}
        self.slow: set[str] = set()
        # The area a service says it counted when none was asked for (a CSW's own).
        self.own_area: dict[str, str] = {}
        self.app = FastAPI()
        self.app.add_api_route("/{path:path}", self.answer, methods=["GET"])

    async def answer(self, path: str, request: Request) -> JSONResponse:
        path = "/" + path
        params = dict(request.query_params)
        self.calls.append((path, params, request.headers.get("authorization", "")))
        if path in self.slow:
            await asyncio.sleep(1.5)
        if path in self.refuse:
            status, body = self.refuse[path]
            return JSONResponse(body, status_code=status, media_type="application/problem+json")
        if path == "/api/v1/statistics/intake":
            body: Any = {
                "area": params.get("area") or self.own_area.get(path),
                "months": [intake_month(m, 10 + i) for i, m in enumerate(months(params))],
            }
        elif path == "/api/v1/statistics/cases":
            body = {
                "area": params.get("area") or self.own_area.get(path),
                "csw": None,
                "months": [case_month(m, 3 + i) for i, m in enumerate(months(params))],
            }
        elif path == "/api/v1/statistics/meetings":
            body = {
                "area": params.get("area") or self.own_area.get(path),
                "months": [
                    {
                        "month": m,
                        "held": 3,
                        "held_by_body": {"shien": 1, "juusou": 2},
                        "cases_discussed": 4,
                        "case_discussions": 5,
                        "cancelled": 1,
                    }
                    for m in months(params)
                ],
            }
        elif path == "/api/v1/statistics/intake/attention":
            body = {
                "untriaged": 3,
                "urgent": 1,
                "by_age": {"under_1_day": 1, "from_1_to_3_days": 1, "over_3_days": 1},
                "oldest": [
                    {
                        "id": "0c000000-0000-4000-8000-000000000001",
                        "received_at": "2026-11-20T01:00:00Z",
                        "area": "higashi",
                        "urgent": True,
                        "channel": "email",
                    }
                ],
            }
        elif path == "/api/v1/statistics/cases/attention":
            body = {
                "overdue_safety_checks": 2,
                "no_contact_days": int(params["no_contact_days"]),
                "oldest_overdue": [
                    {
                        "id": "5c000000-0000-4000-8000-000000000001",
                        "due_at": "2026-11-25T01:00:00Z",
                        "area": "nishi",
                        "case_id": None,
                        "consultation_id": "0c000000-0000-4000-8000-000000000002",
                    },
                    {
                        "id": "5c000000-0000-4000-8000-000000000002",
                        "due_at": "2026-11-25T02:00:00Z",
                        "area": "nishi",
                        "case_id": "ca000000-0000-4000-8000-000000000001",
                        "consultation_id": None,
                    },
                ],
                "cases_without_contact": 1,
                "quiet_cases": [
                    {
                        "id": "ca000000-0000-4000-8000-000000000002",
                        "area": "kita",
                        "status": "supporting",
                        "lead_username": "csw-kita",
                        "opened_at": "2026-01-05T01:00:00Z",
                        "last_contact_at": None,
                    }
                ],
            }
        elif path == "/api/v1/plan-actions":
            body = {
                "items": [
                    {
                        "id": "ac000000-0000-4000-8000-000000000001",
                        "case_id": "ca000000-0000-4000-8000-000000000003",
                        "case_title": "小金井さん世帯",
                        "text": "通院同行",
                        "owner": "csw-test",
                        "owner_kind": "staff",
                        "due_date": "2026-11-01",
                        "status": "open",
                        "plan_version": 1,
                    }
                ]
            }
        elif path == "/api/v1/meetings":
            body = {
                "total": 2,
                "items": [
                    {
                        "id": "ee000000-0000-4000-8000-000000000001",
                        "title": "支援会議（11月）",
                        "body_type": "shien",
                        "body_type_label": "支援会議",
                        "starts_at": "2026-11-27T05:00:00Z",
                        "area": None,
                        "status": "scheduled",
                    },
                    {
                        "id": "ee000000-0000-4000-8000-000000000002",
                        "title": "中止になった会議",
                        "body_type": "juusou",
                        "body_type_label": "重層的支援会議",
                        "starts_at": "2026-11-28T05:00:00Z",
                        "area": None,
                        "status": "cancelled",
                    },
                ],
            }
        else:
            return JSONResponse(
                {"type": "/problems/not-found", "title": "見つかりません。", "status": 404}, status_code=404
            )
        return JSONResponse(body)


class _QuietServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


@pytest.fixture(scope="session")
async def fake_server() -> AsyncIterator[tuple[str, FakeServices]]:
    fake = FakeServices()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = _QuietServer(uvicorn.Config(fake.app, lifespan="off", log_level="warning"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    async with asyncio.timeout(10):
        while not server.started:  # noqa: ASYNC110
            await asyncio.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", fake
    server.should_exit = True
    await asyncio.wait_for(task, 10)


@pytest.fixture
def fake(fake_server: tuple[str, FakeServices]) -> Iterator[FakeServices]:
    _, services = fake_server
    services.calls.clear()
    services.refuse.clear()
    services.slow.clear()
    services.own_area.clear()
    yield services


@pytest.fixture
def settings(
    database: str, signing_key_path: Path, fake_server: tuple[str, FakeServices], static_dir: Path
) -> Settings:
    """Every service is the stand-in."""
    os.environ["DATABASE_URL"] = testing.server_url()
    url, _ = fake_server
    return Settings(
        database_name=database,
        signing_key_path=signing_key_path,
        static_dir=static_dir,
        intake_url=url,
        case_url=url,
        meeting_url=url,
        statistics_timeout_seconds=1.0,
        statistics_population=125_960,
    )
