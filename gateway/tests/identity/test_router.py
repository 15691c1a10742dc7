"""Areas as the SPA lists them."""

from typing import Any

import httpx


async def test_areas_in_display_order_for_any_signed_in_user(
    client: httpx.AsyncClient, identities: Any, bearer
) -> None:
    response = await client.get("/api/v1/areas", headers=bearer("agency"))
    assert response.status_code == 200
    assert response.json() == [
        {"code": "higashi", "name": "東", "sort_order": 1, "population": None, "version": 1},
        {"code": "nishi", "name": "西", "sort_order": 2, "population": None, "version": 1},
    ]
    assert (await client.get("/api/v1/areas")).status_code == 401
