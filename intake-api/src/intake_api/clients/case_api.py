"""A typed client for the few case-api reads intake needs, made with the caller's own token.

The caller's rights apply: a case or person the caller may not see in case-api is
not found here either. Each method declares only the fields intake reads.
"""

from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict

from tsunagu_services.problems import Forbidden, ProblemError


class CaseApiUnavailable(ProblemError):
    status = 503
    type = "/problems/case-api-unavailable"
    title = "ケース管理サービスに接続できません。しばらく待ってからやり直してください。"


class CaseRef(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    title: str
    area: str


class AgencyRef(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    name: str


class CaseApiClient:
    def __init__(self, http: httpx.AsyncClient, base_url: str, authorization: str) -> None:
        self._http = http
        self._base = base_url
        self._headers = {"Authorization": authorization}

    async def _get(self, path: str, params: dict[str, str] | None = None) -> Any | None:
        try:
            response = await self._http.get(self._base + path, params=params, headers=self._headers)
        except httpx.HTTPError as exc:
            raise CaseApiUnavailable() from exc
        if response.status_code in (404, 422):
            return None
        if response.status_code == 403:
            raise Forbidden()  # case-api refused the caller: their rights, not an outage
        if not response.is_success:
            raise CaseApiUnavailable(detail=f"case-api answered {response.status_code}")
        return response.json()

    async def case(self, case_id: str) -> CaseRef | None:
        body = await self._get(f"/api/v1/cases/{case_id}")
        return CaseRef.model_validate(body) if body is not None else None

    async def agency(self, agency_id: str) -> AgencyRef | None:
        body = await self._get(f"/api/v1/agencies/{agency_id}")
        return AgencyRef.model_validate(body) if body is not None else None

    async def person_candidates(self, params: dict[str, str]) -> list[dict[str, Any]]:
        """case-api's person search, passed through (it says why each candidate matched)."""
        body = await self._get("/api/v1/persons", params)
        return list((body or {}).get("items", []))
