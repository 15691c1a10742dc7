"""Helpers the meeting-api tests share: make bodies, meetings and cases through the public APIs."""

from typing import Any

import httpx

from tsunagu_services import testing


class World:
    """Makes the things tests need (bodies, meetings, cases) through the public APIs."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        tokens: testing.TokenFactory,
        case_client: httpx.AsyncClient | None = None,
    ) -> None:
        self.client = client
        self.tokens = tokens
        self.case_client = case_client

    def user(self, username: str) -> dict[str, str]:
        """Headers for a demo-shaped user: role and area follow from the name."""
        if username in ("sup1", "sup2"):
            return self.tokens.headers("supervisor", username=username)
        if username == "admin":
            return self.tokens.headers("admin", username=username)
        if username.startswith("csw-"):
            return self.tokens.headers("csw", username=username, area=username.removeprefix("csw-"))
        if username.startswith("sc-"):
            return self.tokens.headers("sc", username=username, area=username.removeprefix("sc-"))
        if username.startswith("agency-"):
            return self.tokens.headers(
                "agency", username=username, area="higashi", agency_id="houkatsu-higashi"
            )
        raise ValueError(username)

    def system(self, *scopes: str) -> dict[str, str]:
        return self.tokens.headers("system", username="city-system", scopes=scopes)

    async def body(self, by: str = "admin", **fields: Any) -> dict[str, Any]:
        payload = {
            "name": "支援調整会議",
            "type": "shien_chousei",
            "default_rrule": "FREQ=MONTHLY;BYDAY=2TU",
            "default_start_time": "14:00",
            "default_duration_minutes": 90,
            "place": "市役所第二庁舎 801会議室",
            **fields,
        }
        response = await self.client.post("/api/v1/meeting-bodies", json=payload, headers=self.user(by))
        assert response.status_code == 201, response.text
        return response.json()

    async def shien_body(
        self,
        members: tuple[str, ...] = ("sup1", "csw-higashi", "csw-nishi"),
        *,
        confirmed: tuple[str, ...] | None = None,
    ) -> dict[str, Any]:
        """A 支援会議 body; `confirmed` members (default: all) have confirmed 守秘義務."""
        body = await self.body(
            name="支援会議",
            type="shien",
            members=[
                {"kind": "staff", "username": m, "role": "chair" if m == "sup1" else "member"}
                for m in members
            ],
        )
        for username in members if confirmed is None else confirmed:
            await self.confirm(body["id"], username)
        return body

    async def confirm(self, body_id: str, username: str) -> dict[str, Any]:
        response = await self.client.post(
            f"/api/v1/meeting-bodies/{body_id}/confidentiality", headers=self.user(username)
        )
        assert response.status_code == 200, response.text
        return response.json()

    async def meeting(self, by: str = "sup1", **fields: Any) -> dict[str, Any]:
        payload = {
            "title": "ケース会議",
            "starts_at": "2026-12-10T14:00:00+09:00",
            "ends_at": "2026-12-10T15:30:00+09:00",
            **fields,
        }
        if "body_id" not in fields:
            payload.setdefault("body_type", "case_conference")
        response = await self.client.post("/api/v1/meetings", json=payload, headers=self.user(by))
        assert response.status_code == 201, response.text
        return response.json()

    async def case(
        self,
        *,
        title: str = "小金井さん世帯",
        area: str = "higashi",
        consent: str | None = None,
        **facts: Any,
    ) -> dict[str, Any]:
        """A case in the real case-api (opened by sup1), with a consent entry and facts if given."""
        assert self.case_client is not None, "use the `linked` client"
        sup = self.user("sup1")
        created = await self.case_client.post(
            "/api/v1/cases", json={"title": title, "area": area, "lead_username": f"csw-{area}"}, headers=sup
        )
        assert created.status_code == 201, created.text
        case = created.json()
        if facts:
            changed = await self.case_client.patch(
                f"/api/v1/cases/{case['id']}",
                json=facts,
                headers={**sup, "If-Match": created.headers["etag"]},
            )
            assert changed.status_code == 200, changed.text
        if consent is not None:
            method = None if consent == "not_asked" else "verbal"
            recorded = await self.case_client.post(
                f"/api/v1/cases/{case['id']}/consents",
                json={"status": consent, "recorded_at": "2026-11-20", "method": method},
                headers=sup,
            )
            assert recorded.status_code == 201, recorded.text
        return case

    async def agenda(
        self, meeting_id: str, case_id: str, by: str = "sup1", note: str | None = None
    ) -> httpx.Response:
        return await self.client.post(
            f"/api/v1/meetings/{meeting_id}/agenda",
            json={"case_id": case_id, "note": note},
            headers=self.user(by),
        )
