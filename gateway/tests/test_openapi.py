"""The merged OpenAPI document: live from the services, offline from the factories, and the merge rule."""

import json
import subprocess
import sys
from pathlib import Path

import httpx

from gateway.openapi import merge, merged_openapi_offline


def doc(paths: dict, schemas: dict) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "x", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


def test_merge_prefixes_colliding_schemas_and_rewrites_their_refs() -> None:
    own = doc(
        {"/api/v1/auth/me": {}},
        {"Page": {"type": "object", "title": "gateway"}, "Problem": {"type": "object"}},
    )
    case = doc(
        {
            "/api/v1/cases": {
                "get": {
                    "responses": {
                        "200": {
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}
                        }
                    }
                }
            },
            "/healthz": {},
        },
        {"Page": {"type": "object", "title": "case"}, "Problem": {"type": "object"}},
    )
    merged = merge(own, {"case-api": case, "meeting-api": None})

    assert set(merged["paths"]) == {"/api/v1/auth/me", "/api/v1/cases"}
    schemas = merged["components"]["schemas"]
    assert schemas["Page"]["title"] == "gateway"
    assert schemas["CasePage"]["title"] == "case"
    assert "CaseProblem" not in schemas  # same content: shared, not duplicated
    ref = merged["paths"]["/api/v1/cases"]["get"]["responses"]["200"]["content"]["application/json"]
    assert ref["schema"]["$ref"] == "#/components/schemas/CasePage"
    assert merged["x-tsunagu-missing"] == ["meeting-api"]


async def test_live_document_merges_the_running_services_and_names_the_dead(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    merged = response.json()
    assert {
        "/api/v1/auth/token",
        "/api/v1/auth/me",
        "/api/v1/areas",
        "/api/v1/audit-events",
        "/.well-known/jwks.json",
        "/api/v1/consultations",
    } <= set(merged["paths"])
    assert "/readyz" not in merged["paths"]
    assert "Echo" in merged["components"]["schemas"]
    assert merged["x-tsunagu-missing"] == ["case-api"]


def test_offline_document_includes_the_importable_services() -> None:
    merged = merged_openapi_offline()
    assert "/api/v1/auth/token" in merged["paths"]
    assert "/api/v1/consultations" in merged["paths"]  # intake-api's own factory
    token_body = merged["paths"]["/api/v1/auth/token"]["post"]["requestBody"]["content"]
    assert "application/x-www-form-urlencoded" in token_body


def test_dump_cli_writes_the_document(tmp_path: Path) -> None:
    out = tmp_path / "openapi.json"
    subprocess.run(
        [sys.executable, "-m", "gateway.openapi_dump", str(out)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    assert "/api/v1/auth/me" in json.loads(out.read_text())["paths"]
    assert not (tmp_path / "var").exists()  # building documents creates no signing key
