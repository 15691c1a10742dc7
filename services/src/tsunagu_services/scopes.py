"""Scopes of system clients (OAuth2 client credentials): what each route needs, and the contract.

A router (or a route) declares the scope that covers it with `scoped(read, write)`:
a system client holding neither is refused with 403 `insufficient_scope` (RFC 6750
§3.1) before anything is looked up, so it never sees an empty list where it has no
rights at all. Staff are not affected (their role, area and shares decide), and our
own services (scope `service`) pass: each service authorizes them itself.

The catalogue below is the contract external systems read in the OpenAPI document.
"""

from collections.abc import Callable
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.routing import APIRoute

from tsunagu_services.auth import CurrentPrincipal
from tsunagu_services.problems import Forbidden

SERVICE_SCOPE = "service"
SCOPES = {
    "consultations:read": "相談受付を読む (read consultations and their triage)",
    "consultations:write": "相談受付を登録する・振り分ける (record consultations, referrals in)",
    "cases:read": "ケース・対象者・支援経過を読む (read cases, persons, records, plans)",
    "cases:write": "ケースに書く (write cases, records, plan actions)",
    "safety-checks:write": "安否確認を依頼する (raise safety checks)",
    "agencies:read": "関係機関の一覧を読む (read the agency directory)",
    "meetings:read": "会議を読む (read meetings; never a 支援会議's material)",
    "meetings:write": "会議を登録する (schedule meetings)",
    "statistics:read": "月次統計を読む (read the monthly figures)",
    "users:read": "職員名簿を読む (read the staff directory: names, roles, areas)",
    SERVICE_SCOPE: "Tsunagu's own services calling each other",
}
READS = frozenset({"GET", "HEAD"})


class InsufficientScope(Forbidden):
    type = "/problems/insufficient-scope"
    title = "このシステム連携には、この操作に必要なスコープがありません。"

    def __init__(self, scope: str) -> None:
        super().__init__(
            headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{scope}"'},
            error="insufficient_scope",
            scope=scope,
        )


def scoped(read: str, write: str | None = None) -> Any:
    """A dependency: a system client needs `read` to read and `write` (default `read`) to change."""
    for scope in (read, write):
        if scope is not None and scope not in SCOPES:
            raise ValueError(f"unknown scope {scope!r}: add it to the catalogue")

    async def check(request: Request, principal: CurrentPrincipal) -> None:
        if not principal.is_system or principal.has_scope(SERVICE_SCOPE):
            return
        needed = read if request.method in READS else (write or read)
        if not principal.has_scope(needed):
            raise InsufficientScope(needed)

    check.required_scopes = (read, write or read)  # type: ignore[attr-defined]
    return Depends(check)


def _routes(routes: list[Any]) -> list[APIRoute]:
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            found += _routes(route.original_router.routes)
    return found


def _needs_token(route: APIRoute) -> bool:
    from tsunagu_services.auth import _current_principal

    pending = list(route.dependant.dependencies)
    while pending:
        dependant = pending.pop()
        if dependant.call is _current_principal:
            return True
        pending += dependant.dependencies
    return False


SECURITY_SCHEMES = {
    "staff": {
        "type": "oauth2",
        "description": "Staff sign in (password grant); their role, area and shares decide what they see.",
        "flows": {"password": {"tokenUrl": "/api/v1/auth/token", "scopes": {}}},
    },
    "system": {
        "type": "oauth2",
        "description": "Municipal and partner systems (client credentials), limited to their scopes.",
        "flows": {"clientCredentials": {"tokenUrl": "/api/v1/auth/token", "scopes": SCOPES}},
    },
}


def documented(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """The app's OpenAPI document with the security schemes and each operation's requirement."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        document = original()
        document.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
        for route in _routes(list(app.routes)):
            scopes = next(
                (getattr(d.dependency, "required_scopes", None) for d in route.dependencies if d.dependency),
                None,
            )
            for method in route.methods or ():
                operation = document.get("paths", {}).get(route.path_format, {}).get(method.lower())
                if operation is None:
                    continue
                if scopes is not None:
                    needed = scopes[0] if method in READS else scopes[1]
                    operation["security"] = [{"staff": []}, {"system": [needed]}]
                elif _needs_token(route):
                    operation["security"] = [{"staff": []}]
                _if_match_as_answered(operation)
        return document

    return openapi


def _if_match_as_answered(operation: dict[str, Any]) -> None:
    """Where the route answers 428 without If-Match, the contract says the header is required.

    (The route itself takes it as optional so that a missing one is the clear 428 problem of
    RFC 6585, not a generic 422.)
    """
    if "428" not in operation.get("responses", {}) or "x-if-match" in operation:
        return  # (x-if-match: a route that needs it only sometimes says when)
    for parameter in operation.get("parameters", []):
        if parameter.get("in") == "header" and parameter.get("name", "").lower() == "if-match":
            parameter["required"] = True
            schema = parameter.get("schema", {})
            if "anyOf" in schema:  # str | None: the header, when sent, is a string
                parameter["schema"] = next((s for s in schema["anyOf"] if s.get("type") == "string"), schema)
