"""case-api as meeting-api reads it: only the fields used here (a contract, not case-api's models).

Calls carry the caller's own token, so case-api applies the caller's rights: a case they may
not see is the same 404 as a case that does not exist. A case-api that does not answer in
time is a 503, never a hang.
"""

import asyncio
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, ValidationError

from tsunagu_services.problems import NotFound, ProblemError


class CaseApiUnavailable(ProblemError):
    status = 503
    type = "/problems/case-api-unavailable"
    title = "ケース管理サービスに接続できません。しばらく待ってからやり直してください。"


class CaseNotFound(NotFound):
    type = "/problems/case-not-found"
    title = "ケースが見つかりません（存在しないか、閲覧する権限がありません）。"


class CaseSummary(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: uuid.UUID
    title: str
    area: str
    status: str
    lead_username: str | None = None
    risk_flags: list[str] = []
    consent_status: str | None = None
    effective_body: str | None = None


class Recommended(BaseModel):
    model_config = ConfigDict(extra="ignore")

    body: str
    reason: str


class Override(BaseModel):
    model_config = ConfigDict(extra="ignore")

    body: str
    reason: str
    by: str | None = None
    at: datetime | None = None


class Recommendation(BaseModel):
    model_config = ConfigDict(extra="ignore")

    recommended: Recommended
    override: Override | None = None
    effective_body: str


@dataclass(frozen=True)
class CaseFacts:
    """What an agenda item needs of a case: its summary, consent now, and the recommended body."""

    summary: CaseSummary
    consent_status: str
    recommendation: Recommendation | None


def consent_of(payload: Any) -> str | None:
    """The current consent status from GET …/consents: `current`, else the latest entry's status."""
    if isinstance(payload, dict):
        if isinstance(payload.get("current"), str):
            return str(payload["current"])
        payload = payload.get("items", [])
    if isinstance(payload, list):
        if not payload:
            return "not_asked"
        latest = payload[0]
        if isinstance(latest, dict) and isinstance(latest.get("status"), str):
            return str(latest["status"])
    return None


class CaseApi:
    """A typed client of case-api for one request, with the caller's Authorization header."""

    def __init__(self, http: httpx.AsyncClient, base_url: str, authorization: str, timeout: float) -> None:
        self._http = http
        self._base_url = base_url.rstrip("/")
        self._headers = {"Authorization": authorization}
        self._timeout = httpx.Timeout(timeout, connect=min(timeout, 2.0))

    async def _get(self, path: str) -> Any | None:
        """The JSON at `path`; None when case-api says not found (or not allowed)."""
        try:
            response = await asyncio.wait_for(
                self._http.get(f"{self._base_url}{path}", headers=self._headers, timeout=self._timeout),
                timeout=self._timeout.read or 5.0,
            )
        except (httpx.HTTPError, OSError, TimeoutError):
            raise CaseApiUnavailable() from None
        if response.status_code in (403, 404):
            return None
        if not response.is_success:
            raise CaseApiUnavailable()
        try:
            return response.json()
        except ValueError:
            raise CaseApiUnavailable() from None

    async def facts(self, case_id: uuid.UUID) -> CaseFacts:
        """The case as the caller may see it (404 problem when not), its consent and recommendation."""
        case = await self._get(f"/api/v1/cases/{case_id}")
        if case is None:
            raise CaseNotFound()
        # One after the other: small answers, and case-api's test harness serves one at a time.
        recommendation = await self._get(f"/api/v1/cases/{case_id}/recommendation")
        consents = await self._get(f"/api/v1/cases/{case_id}/consents")
        try:
            summary = CaseSummary.model_validate(case)
            advice = Recommendation.model_validate(recommendation) if recommendation is not None else None
        except ValidationError:
            raise CaseApiUnavailable("ケース管理サービスの応答を読めませんでした。") from None
        # The consent history may be closed to the caller; the case summary still says the status.
        consent = (consent_of(consents) if consents is not None else None) or summary.consent_status
        return CaseFacts(summary=summary, consent_status=consent or "not_asked", recommendation=advice)
