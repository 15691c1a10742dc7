"""DOMAIN.md scenario 1, end to end through the gateway across all four services.

A neighbour phones about the 8050 household next door → a household case with two
members → the son refuses contact (no consent) → 支援会議 recommended and confirmed →
on the next 支援会議's agenda (a 重層的支援会議 is refused) → the decision (CSW visits
fortnightly; 地域包括 visits the mother) lands on the case's plan with owners, once.
"""

import asyncio
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

TOKYO = ZoneInfo("Asia/Tokyo")
HOUKATSU_HIGASHI = "0b0c0000-0000-4000-8000-000000000001"


async def test_scenario_1_neighbour_call_to_plan_actions(
    eventually, gateway: httpx.AsyncClient, login
) -> None:
    csw, sup = await login("csw-higashi"), await login("sup1")

    # 1. Intake: the neighbour's call.
    consultation = await gateway.post(
        "/api/v1/consultations",
        headers=csw,
        json={
            "channel": "neighbour_family",
            "area": "higashi",
            "summary": "隣家の80代の母親と50代の息子。息子は長年ひきこもり、母親の介護が心配との電話。",
            "consulter": {"relation": "neighbour"},
            "concerns": ["withdrawal", "care"],
            "main_concern": "withdrawal",
        },
    )
    assert consultation.status_code == 201, consultation.text
    consultation_id = consultation.json()["id"]

    # 2. Triage into a household case with two members.
    triaged = await gateway.post(
        f"/api/v1/consultations/{consultation_id}/triage",
        headers=csw,
        json={
            "outcome": "new_case",
            "new_case": {
                "title": "本町8050世帯",
                "lead_username": "csw-higashi",
                "members": [
                    {
                        "name": "本町 トメ",
                        "name_kana": "ほんちょう とめ",
                        "birth_date": "1942-06-01",
                        "relationship": "parent",
                    },
                    {
                        "name": "本町 正",
                        "name_kana": "ほんちょう ただし",
                        "birth_date": "1973-03-03",
                        "relationship": "self",
                        "is_primary": True,
                    },
                ],
            },
        },
    )
    assert triaged.status_code == 201, triaged.text

    async def case_opened():
        return (await gateway.get(f"/api/v1/consultations/{consultation_id}/triage", headers=csw)).json()[
            "case_id"
        ]

    case_id = await eventually(case_opened)
    case = (await gateway.get(f"/api/v1/cases/{case_id}", headers=csw)).json()
    household = (await gateway.get(f"/api/v1/households/{case['household_id']}", headers=csw)).json()
    assert len(household["members"]) == 2

    # 3. The son refuses contact: no consent → 支援会議 recommended, with a reason; the supervisor confirms.
    refused = await gateway.post(
        f"/api/v1/cases/{case_id}/consents",
        headers=csw,
        json={
            "status": "refused",
            "recorded_at": datetime.now(TOKYO).date().isoformat(),
            "method": "verbal",
            "note": "訪問時、本人はドア越しに関わりを拒否",
        },
    )
    assert refused.status_code == 201, refused.text
    recommendation = (await gateway.get(f"/api/v1/cases/{case_id}/recommendation", headers=sup)).json()
    assert recommendation["recommended"]["body"] == "shien"
    assert "同意" in recommendation["recommended"]["reason"]
    confirmed = await gateway.post(
        f"/api/v1/cases/{case_id}/recommendation/override",
        headers=sup,
        json={"body": "shien", "reason": "統括として支援会議での検討を確認"},
    )
    assert confirmed.status_code in (200, 201), confirmed.text

    # 4. The next 支援会議: schedule it, confirm confidentiality, put the case on its agenda.
    bodies = (await gateway.get("/api/v1/meeting-bodies", headers=sup)).json()["items"]
    shien = next(b for b in bodies if b["type"] == "shien")
    juusou = next(b for b in bodies if b["type"] == "juusou")
    # The duty of confidentiality is confirmed once, before the first access to the 支援会議.
    assert (
        await gateway.post(f"/api/v1/meeting-bodies/{shien['id']}/confidentiality", headers=sup)
    ).status_code in (200, 201)
    starts = (datetime.now(TOKYO) + timedelta(days=60)).replace(hour=14, minute=0, second=0, microsecond=0)
    meeting = await gateway.post(
        "/api/v1/meetings",
        headers=sup,
        json={
            "body_id": shien["id"],
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=1)).isoformat(),
            "confirm_clash": True,
        },
    )
    assert meeting.status_code == 201, meeting.text
    meeting_id = meeting.json()["id"]
    agenda = await gateway.post(
        f"/api/v1/meetings/{meeting_id}/agenda",
        headers=sup,
        json={"case_id": case_id, "note": "長男との接触方法と役割分担"},
    )
    assert agenda.status_code == 201, agenda.text

    other = await gateway.post(
        "/api/v1/meetings",
        headers=sup,
        json={
            "body_id": juusou["id"],
            "starts_at": (starts + timedelta(days=1)).isoformat(),
            "ends_at": (starts + timedelta(days=1, hours=1)).isoformat(),
            "confirm_clash": True,
        },
    )
    assert other.status_code == 201, other.text
    refused_body = await gateway.post(
        f"/api/v1/meetings/{other.json()['id']}/agenda", headers=sup, json={"case_id": case_id}
    )
    assert refused_body.status_code == 422  # 重層的支援会議 needs consent
    assert refused_body.json()["type"] == "/problems/body-not-allowed"

    # 5. The decision with two actions, finalised.
    minutes = await gateway.get(f"/api/v1/meetings/{meeting_id}/minutes", headers=sup)
    draft = await gateway.put(
        f"/api/v1/meetings/{meeting_id}/minutes",
        headers={**sup, "If-Match": minutes.headers.get("etag", '"0"')},
        json={
            "attendees": ["sup1", "csw-higashi"],
            "agency_attendees": [{"agency_id": HOUKATSU_HIGASHI, "name": "東地域包括支援センター"}],
            "items": [
                {
                    "agenda_item_id": agenda.json()["id"],
                    "discussion": "母の介護を入口に関係をつくる。",
                    "decisions": [
                        {
                            "type": "role_division",
                            "text": "CSW と地域包括で訪問を分担する。",
                            "actions": [
                                {
                                    "text": "隔週で自宅を訪問する",
                                    "owner_kind": "staff",
                                    "owner": "csw-higashi",
                                },
                                {
                                    "text": "母親を訪問し介護サービスを調整する",
                                    "owner_kind": "agency",
                                    "owner": HOUKATSU_HIGASHI,
                                },
                            ],
                        }
                    ],
                }
            ],
        },
    )
    assert draft.status_code == 200, draft.text
    finalised = await gateway.post(
        f"/api/v1/meetings/{meeting_id}/minutes/finalise", headers={**sup, "If-Match": draft.headers["etag"]}
    )
    assert finalised.status_code == 200, finalised.text

    # 6. The actions land on the case's plan with their owners, once.
    async def plan_actions():
        plan = await gateway.get(f"/api/v1/cases/{case_id}/plan", headers=csw)
        return (
            plan.json()["actions"] if plan.status_code == 200 and len(plan.json()["actions"]) >= 2 else None
        )

    actions = await eventually(plan_actions)
    assert sorted((a["owner_kind"], a["owner"]) for a in actions) == [
        ("agency", HOUKATSU_HIGASHI),
        ("staff", "csw-higashi"),
    ]
    await asyncio.sleep(2)  # a duplicate delivery would have landed by now
    assert len((await gateway.get(f"/api/v1/cases/{case_id}/plan", headers=csw)).json()["actions"]) == 2
    records = (await gateway.get(f"/api/v1/cases/{case_id}/records", headers=csw)).json()["items"]
    assert any(r["kind"] == "meeting" and r["source"] == "meeting" for r in records)
