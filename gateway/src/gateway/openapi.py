"""The merged OpenAPI document: the gateway's own paths plus every service's.

Served live at /api/v1/openapi.json (each service's document fetched, cached
briefly, a dead service skipped and named in `x-tsunagu-missing`), and built
offline from the apps' factories for `python -m gateway.openapi_dump`.
"""

import asyncio
import copy
import importlib
import json
import logging
import time
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI, Request

from gateway.proxy.routes import service_for

logger = logging.getLogger("tsunagu.openapi")

SCHEMA_REF = "#/components/schemas/"
# Service name → module whose create_app() builds it (offline merge).
SERVICE_MODULES = {
    "intake-api": "intake_api.main",
    "case-api": "case_api.main",
    "meeting-api": "meeting_api.main",
}

Document = dict[str, Any]


def _prefix(service: str) -> str:
    """`case-api` → `Case`: the prefix a colliding schema name gets."""
    return "".join(part.capitalize() for part in service.removesuffix("-api").split("-"))


def _rename_refs(node: Any, renames: dict[str, str]) -> Any:
    if isinstance(node, dict):
        return {
            k: (
                SCHEMA_REF + renames.get(v[len(SCHEMA_REF) :], v[len(SCHEMA_REF) :])
                if k == "$ref" and isinstance(v, str) and v.startswith(SCHEMA_REF)
                else _rename_refs(v, renames)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rename_refs(item, renames) for item in node]
    return node


def merge(own: Document, services: dict[str, Document | None]) -> Document:
    """One document from the gateway's and the services' (None for a service that did not answer)."""
    merged = copy.deepcopy(own)
    merged["info"] = {
        **merged.get("info", {}),
        "title": "Tsunagu API",
        "description": "The public contract of Tsunagu, served by the gateway.",
    }
    paths: dict[str, Any] = merged.setdefault("paths", {})
    schemas: dict[str, Any] = merged.setdefault("components", {}).setdefault("schemas", {})
    missing: list[str] = []
    for service, document in services.items():
        if document is None:
            missing.append(service)
            continue
        theirs = document.get("components", {}).get("schemas", {})
        renames = {
            name: f"{_prefix(service)}{name}"
            for name, schema in theirs.items()
            if name in schemas and schemas[name] != schema
        }
        document = _rename_refs(document, renames)
        for name, schema in document.get("components", {}).get("schemas", {}).items():
            schemas.setdefault(renames.get(name, name), schema)
        for path, item in document.get("paths", {}).items():
            # The gateway answers for /api/v1 only; a service's health routes are its own business,
            # and so are the paths the gateway does not route to it (e.g. the figures it composes).
            if path.startswith("/api/v1/") and service_for(path) == service:
                paths.setdefault(path, item)
    merged["paths"] = dict(sorted(paths.items()))
    merged["components"]["schemas"] = dict(sorted(schemas.items()))
    if missing:
        merged["x-tsunagu-missing"] = missing
    return merged


def merged_openapi_offline() -> Document:
    """The merged document built from the apps' factories, without running anything."""
    from gateway.main import create_app
    from tsunagu_services.tokens import SigningKey

    own = create_app(signing_key=SigningKey.generate()).openapi()
    services: dict[str, Document | None] = {}
    for service, module_name in SERVICE_MODULES.items():
        try:
            services[service] = importlib.import_module(module_name).create_app().openapi()
        except Exception as exc:  # a service not written yet, or not importable here
            logger.warning("service skipped", extra={"service": service, "error_type": type(exc).__name__})
            services[service] = None
    return merge(own, services)


async def _fetch(client: httpx.AsyncClient, service: str, url: str) -> Document | None:
    try:
        response = await client.get(f"{url.rstrip('/')}/openapi.json")
        response.raise_for_status()
        document = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        logger.warning(
            "service openapi unavailable", extra={"service": service, "error_type": type(exc).__name__}
        )
        return None
    return document if isinstance(document, dict) else None


async def merged_openapi_live(app: FastAPI) -> Document:
    """The merged document from the running services, cached for a minute when complete.

    A document missing a service (down, or too busy to answer in time) is served
    but never cached, so the next request asks again rather than a minute later.
    """
    settings = app.state.settings
    cached = getattr(app.state, "openapi_cache", None)
    if cached is not None and time.monotonic() - cached[0] < settings.openapi_cache_seconds:
        return cached[1]
    pools = app.state.upstreams
    names = list(pools.urls)
    documents = await asyncio.gather(*(_fetch(pools.probe, name, pools.urls[name]) for name in names))
    merged = merge(app.openapi(), dict(zip(names, documents, strict=True)))
    if "x-tsunagu-missing" not in merged:
        app.state.openapi_cache = (time.monotonic(), merged)
    return merged


router = APIRouter(tags=["meta"])


@router.get("/api/v1/openapi.json", response_model=None)
async def read_openapi(request: Request) -> Document:
    """Public: the merged OpenAPI document of every service behind the gateway."""
    return await merged_openapi_live(request.app)


def dumps(document: Document) -> str:
    """The document as the frontend's generator reads it (stable order, UTF-8)."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
