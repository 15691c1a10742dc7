"""The SPA's static files: client routes get index.html, server routes never do."""

from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from tsunagu_services import testing


@pytest.mark.parametrize("path", ["/", "/cases/123", "/public/report", "/login?next=/cases"])
async def test_client_routes_get_index_html_uncached(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 200
    assert "<div id=app>" in response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["referrer-policy"] == "no-referrer"


async def test_hashed_assets_are_cached_for_long(client: httpx.AsyncClient) -> None:
    response = await client.get("/assets/app-3f2a1b.js")
    assert response.status_code == 200
    assert response.text == "console.log('tsunagu')"
    assert "immutable" in response.headers["cache-control"]
    assert (await client.get("/assets/missing-000.js")).text.startswith("<!doctype html>")


@pytest.mark.parametrize("path", ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt"])
async def test_no_file_outside_the_static_dir(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert "outside the static dir" not in response.text


@pytest.mark.parametrize("path", ["/api/v9/anything", "/.well-known/other.json"])
async def test_server_paths_are_never_the_spa(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_health_routes_are_the_server_s(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}


async def test_missing_build_answers_503_saying_so(app: FastAPI, database: str, tmp_path: Path) -> None:
    app.state.settings.static_dir = tmp_path / "not-built"
    async with testing.rolled_back_client(app, database) as client:
        response = await client.get("/")
    assert response.status_code == 503
    assert "make run" in response.text
