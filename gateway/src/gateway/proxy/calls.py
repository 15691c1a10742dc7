"""Calls the gateway itself makes to the services (figures, dead letters), with the caller's own
token: each service's rules decide what the caller gets."""

import asyncio
from typing import Annotated, Any

import httpx
from fastapi import Depends, Request

from gateway.deps import SettingsDep
from gateway.errors import UpstreamBusy
from gateway.proxy.upstreams import UpstreamPools
from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.problems import BadGateway, GatewayTimeout, ProblemError


class UpstreamProblem(ProblemError):
    """A service's own refusal (401, 403, 422 …), passed on as it said it."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(body.get("detail"), errors=body.get("errors"))
        self.status = status
        self.type = str(body.get("type") or f"/problems/http-{status}")
        self.title = str(body.get("title") or "リクエストを処理できません。")


class Upstream:
    """One request's view of the services: their base URLs, the caller's token, a short timeout."""

    def __init__(self, pools: UpstreamPools, authorization: str, timeout: float) -> None:
        self._pools = pools
        self._headers = {"Authorization": authorization, "Accept": "application/json"}
        self._timeout = timeout

    async def get(self, service: str, path: str, params: dict[str, Any]) -> Any:
        """The service's JSON answer; its 4xx passed on, anything else a 502 (504 when too slow)."""
        return await self._call("GET", service, path, params=params)

    async def post(self, service: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """As `get`, for a POST with a JSON body."""
        return await self._call("POST", service, path, json=body)

    async def _call(
        self,
        method: str,
        service: str,
        path: str,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
    ) -> Any:
        url = f"{self._pools.urls[service].rstrip('/')}{path}"
        query = {k: v for k, v in (params or {}).items() if v is not None}
        try:
            response = await self._pools.client(service).request(
                method, url, params=query, json=json, headers=self._headers, timeout=self._timeout
            )
        except httpx.PoolTimeout as exc:
            raise UpstreamBusy() from exc
        except httpx.TimeoutException as exc:
            raise GatewayTimeout(f"{service} が時間内に応答しませんでした。") from exc
        except httpx.HTTPError as exc:
            raise BadGateway(f"{service} に接続できません。") from exc
        if 400 <= response.status_code < 500:
            try:
                body = response.json()
            except ValueError:
                body = {}
            raise UpstreamProblem(response.status_code, body if isinstance(body, dict) else {})
        if response.status_code != 200:
            raise BadGateway(f"{service} がエラーを返しました。")
        try:
            return response.json()
        except ValueError as exc:
            raise BadGateway(f"{service} の応答を読めません。") from exc

    async def maybe(self, service: str, path: str, params: dict[str, Any]) -> Any | None:
        """Like `get`, but None when the service cannot answer (a view that shows what it has)."""
        try:
            return await self.get(service, path, params)
        except (BadGateway, GatewayTimeout, UpstreamBusy, UpstreamProblem):
            return None


async def gather(*calls: Any) -> list[Any]:
    """Run the calls at once; the first failure (in call order) is raised after all have finished."""
    results = await asyncio.gather(*calls, return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return list(results)


def _upstream(request: Request, principal: CurrentPrincipal, settings: SettingsDep) -> Upstream:
    """The services, asked with the caller's own token: each applies its own rules to it."""
    return Upstream(
        request.app.state.upstreams, request.headers["authorization"], settings.statistics_timeout_seconds
    )


Services = Annotated[Upstream, Depends(_upstream)]
