"""The case core over HTTP: ETags, details and flags, status and closure, history, recommendation, list."""

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tsunagu_services.testing import TokenFactory

VALID = {"title": "小金井さん世帯", "area": "higashi", "lead_username": "csw-higashi"}


def supervisor(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("supervisor", username="sup1")


def east(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("csw", area="higashi", username="csw-higashi")


async def open_case(client: httpx.AsyncClient, tokens: TokenFactory, **fields) -> dict:
    created = await client.post("/api/v1/cases", json={**VALID, **fields}, headers=supervisor(tokens))
    assert created.status_code == 201, created.text
    return created.json()


async def current(client: httpx.AsyncClient, tokens: TokenFactory, case_id: str) -> httpx.Response:
    response = await client.get(f"/api/v1/cases/{case_id}", headers=supervisor(tokens))
    assert response.status_code == 200
    return response


async def patch(
    client: httpx.AsyncClient, headers: dict, case_id: str, body: dict, etag: str | None
) -> httpx.Response:
    extra = {"If-Match": etag} if etag is not None else {}
    return await client.patch(f"/api/v1/cases/{case_id}", json=body, headers={**headers, **extra})


async def move(
    client: httpx.AsyncClient, headers: dict, case_id: str, body: dict, etag: str | None = "fetch"
) -> httpx.Response:
    if etag == "fetch":
        etag = (await client.get(f"/api/v1/cases/{case_id}", headers=headers)).headers["etag"]
    extra = {"If-Match": etag} if etag is not None else {}
    return await client.post(f"/api/v1/cases/{case_id}/status", json=body, headers={**headers, **extra})


async def history(client: httpx.AsyncClient, tokens: TokenFactory, case_id: str) -> list[dict]:
    response = await client.get(f"/api/v1/cases/{case_id}/history", headers=supervisor(tokens))
    assert response.status_code == 200
    return response.json()["items"]


async def give_consent(
    client: httpx.AsyncClient, tokens: TokenFactory, case_id: str, status: str = "given", **fields
) -> None:
    body = {"status": status, "recorded_at": "2026-11-20", "method": "written", **fields}
    response = await client.post(f"/api/v1/cases/{case_id}/consents", json=body, headers=supervisor(tokens))
    assert response.status_code == 201, response.text


# ---- ETag and PATCH -------------------------------------------------------------------------------


async def test_every_case_response_carries_its_etag(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    created = await client.post("/api/v1/cases", json=VALID, headers=east(tokens))
    assert created.headers["etag"] == 'W/"1"'
    case = created.json()
    assert case["risk_flags"] == []
    assert case["consent_status"] == "not_asked"
    assert case["effective_body"] == "shien"
    assert case["existing_system"] == "none"
    assert case["closure_reason"] is None
    read = await client.get(f"/api/v1/cases/{case['id']}", headers=east(tokens))
    assert read.headers["etag"] == 'W/"1"'
    assert read.json() == case


async def test_patch_needs_if_match_and_a_current_one(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case = await open_case(client, tokens)
    body = {"title": "小金井さん世帯（8050）"}

    missing = await patch(client, east(tokens), case["id"], body, None)
    assert missing.status_code == 428
    assert missing.json()["type"] == "/problems/precondition-required"
    stale = await patch(client, east(tokens), case["id"], body, 'W/"7"')
    assert stale.status_code == 412
    assert stale.json()["type"] == "/problems/precondition-failed"
    assert (await current(client, tokens, case["id"])).json() == case  # nothing written

    done = await patch(client, east(tokens), case["id"], body, 'W/"1"')
    assert done.status_code == 200, done.text
    assert done.json()["title"] == "小金井さん世帯(8050)"  # width folded
    assert done.json()["version"] == 2
    assert done.headers["etag"] == 'W/"2"'
    assert (await current(client, tokens, case["id"])).headers["etag"] == 'W/"2"'
    # A strong tag and a list of tags name the version too (weak comparison).
    again = await patch(client, east(tokens), case["id"], {"title": "別名"}, '"9", "2"')
    assert again.status_code == 200


async def test_two_editors_with_one_etag_the_second_gets_412(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case = await open_case(client, tokens)
    etag = (await current(client, tokens, case["id"])).headers["etag"]
    first = await patch(client, east(tokens), case["id"], {"risk_flags": ["violence"]}, etag)
    second = await patch(client, supervisor(tokens), case["id"], {"risk_flags": ["self_neglect"]}, etag)
    assert first.status_code == 200
    assert second.status_code == 412
    assert (await current(client, tokens, case["id"])).json()["risk_flags"] == ["violence"]


async def test_patch_changes_each_field_and_the_history_says_so(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case = await open_case(client, tokens)
    body = {
        "title": "小金井さん世帯",
        "lead_username": "csw-higashi2",
        "risk_flags": ["visit_caution", "self_neglect", "visit_caution"],
        "existing_system": "kaigo",
        "between_systems": True,
        "difficult": False,
    }
    response = await patch(client, east(tokens), case["id"], body, 'W/"1"')
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["lead_username"] == "csw-higashi2"
    assert updated["risk_flags"] == ["self_neglect", "visit_caution"]  # a set, in a stable order
    assert (updated["existing_system"], updated["between_systems"]) == ("kaigo", True)
    assert updated["version"] == 2  # one request, one version

    events = await history(client, tokens, case["id"])
    assert [e["kind"] for e in events] == ["opened", "lead", "risk_flags", "facts"]  # title unchanged
    lead = events[1]
    assert lead["before"] == {"lead_username": "csw-higashi"}
    assert lead["after"] == {"lead_username": "csw-higashi2"}
    assert lead["actor"] == "csw-higashi"
    assert events[2]["after"] == {"risk_flags": ["self_neglect", "visit_caution"]}
    assert events[3]["before"] == {"existing_system": "none", "between_systems": False, "difficult": False}
    assert events[3]["after"] == {"existing_system": "kaigo", "between_systems": True, "difficult": False}

    removed = await patch(
        client, east(tokens), case["id"], {"lead_username": None, "risk_flags": []}, 'W/"2"'
    )
    assert removed.status_code == 200
    assert removed.json()["lead_username"] is None
    assert removed.json()["risk_flags"] == []


async def test_patch_that_changes_nothing_keeps_the_version(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case = await open_case(client, tokens)
    for body in ({}, {"title": case["title"], "risk_flags": []}):
        response = await patch(client, east(tokens), case["id"], body, 'W/"1"')
        assert response.status_code == 200
        assert response.json()["version"] == 1
    assert [e["kind"] for e in await history(client, tokens, case["id"])] == ["opened"]


BAD_PATCHES = [
    pytest.param({"title": ""}, "title", id="empty title"),
    pytest.param({"title": "x" * 201}, "title", id="title too long"),
    pytest.param({"title": None}, "title", id="null title"),
    pytest.param({"title": 12}, "title", id="title not a string"),
    pytest.param({"lead_username": "csw higashi"}, "lead_username", id="lead with a space"),
    pytest.param({"lead_username": "x" * 101}, "lead_username", id="lead too long"),
    pytest.param({"risk_flags": ["danger"]}, "risk_flags", id="unknown risk flag"),
    pytest.param({"risk_flags": "violence"}, "risk_flags", id="flags not a list"),
    pytest.param({"risk_flags": None}, "risk_flags", id="null flags"),
    pytest.param({"risk_flags": ["violence"] * 5}, "risk_flags", id="too many flags"),
    pytest.param({"existing_system": "welfare"}, "existing_system", id="unknown system"),
    pytest.param({"existing_system": None}, "existing_system", id="null system"),
    pytest.param({"between_systems": "yes"}, "between_systems", id="between not a bool"),
    pytest.param({"between_systems": 1}, "between_systems", id="between a number"),
    pytest.param({"difficult": "true"}, "difficult", id="difficult a string"),
    pytest.param({"difficult": None}, "difficult", id="null difficult"),
    pytest.param({"status": "closed"}, "status", id="status is not patched"),
    pytest.param({"area": "nishi"}, "area", id="area is fixed"),
    pytest.param({"version": 5}, "version", id="version is not client data"),
]


@pytest.mark.parametrize(("body", "field"), BAD_PATCHES)
async def test_bad_patch_is_422_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict, field: str
) -> None:
    case = await open_case(client, tokens)
    response = await patch(client, east(tokens), case["id"], {"title": "変更", **body}, 'W/"1"')
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert any(field in err["loc"] for err in response.json()["errors"])
    assert (await current(client, tokens, case["id"])).json() == case
    assert len(await history(client, tokens, case["id"])) == 1


# ---- status, closure, reopening ---------------------------------------------------------------------


async def test_a_case_walks_its_stages_closes_and_reopens_keeping_history(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case = await open_case(client, tokens)
    await give_consent(client, tokens, case["id"])
    await patch(
        client,
        supervisor(tokens),
        case["id"],
        {"existing_system": "seikatsu_konkyu"},
        (await current(client, tokens, case["id"])).headers["etag"],
    )
    for stage in ("assessment", "planning", "supporting", "evaluation"):
        response = await move(client, east(tokens), case["id"], {"to": stage, "reason": f"{stage} へ"})
        assert response.status_code == 200, response.text
        assert response.json()["status"] == stage
        assert response.headers["etag"] == f'W/"{response.json()["version"]}"'

    closed = await move(
        client,
        east(tokens),
        case["id"],
        {"to": "closed", "closure_reason": "goal_met", "reason": "就労が安定した。"},
    )
    assert closed.status_code == 200, closed.text
    body = closed.json()
    assert (body["status"], body["closure_reason"], body["closure_detail"]) == (
        "closed",
        "goal_met",
        "就労が安定した。",
    )
    assert body["closed_at"] is not None
    assert body["closure_decision_id"] is None  # 支援調整会議 case: no 重層事業 decision needed

    # Closed cases stay readable and listed.
    listed = (await client.get("/api/v1/cases?status=closed", headers=east(tokens))).json()
    assert [c["id"] for c in listed["items"]] == [case["id"]]
    assert (await client.get("/api/v1/cases", headers=east(tokens))).json()["total"] == 1
    assert (await client.get("/api/v1/cases?open=true", headers=east(tokens))).json()["total"] == 0

    reopened = await move(client, east(tokens), case["id"], {"to": "assessment", "reason": "再度の相談"})
    assert reopened.status_code == 200
    assert reopened.json()["status"] == "assessment"
    assert reopened.json()["closure_reason"] is None and reopened.json()["closed_at"] is None
    assert (await client.get("/api/v1/cases?open=true", headers=east(tokens))).json()["total"] == 1

    statuses = [
        (e["before"]["status"], e["after"]["status"], e["reason"])
        for e in await history(client, tokens, case["id"])
        if e["kind"] == "status"
    ]
    assert statuses == [
        ("intake", "assessment", "assessment へ"),
        ("assessment", "planning", "planning へ"),
        ("planning", "supporting", "supporting へ"),
        ("supporting", "evaluation", "evaluation へ"),
        ("evaluation", "closed", "就労が安定した。"),
        ("closed", "assessment", "再度の相談"),
    ]
    events = await history(client, tokens, case["id"])
    closing = next(e for e in events if e["after"].get("status") == "closed")
    assert closing["after"]["closure_reason"] == "goal_met"


async def test_status_needs_if_match(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case = await open_case(client, tokens)
    assert (await move(client, east(tokens), case["id"], {"to": "assessment"}, None)).status_code == 428
    assert (await move(client, east(tokens), case["id"], {"to": "assessment"}, 'W/"0"')).status_code == 412
    assert (await current(client, tokens, case["id"])).json()["status"] == "intake"


async def test_a_move_the_rules_refuse_is_409_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case = await open_case(client, tokens)
    response = await move(client, east(tokens), case["id"], {"to": "supporting"})
    assert response.status_code == 409
    problem = response.json()
    assert problem["type"] == "/problems/status-transition-not-allowed"
    assert sorted(problem["allowed"]) == ["assessment", "closed", "watching"]
    same = await move(client, east(tokens), case["id"], {"to": "intake"})
    assert same.status_code == 409
    assert (await current(client, tokens, case["id"])).json() == case
    assert len(await history(client, tokens, case["id"])) == 1


async def test_closing_a_juusou_case_needs_the_meeting_decision(
    client: httpx.AsyncClient, tokens: TokenFactory, meeting_api
) -> None:
    case = await open_case(client, tokens)  # no consent, no system: 支援会議 (a 重層事業 body)
    assert case["effective_body"] == "shien"
    without = await move(client, east(tokens), case["id"], {"to": "closed", "closure_reason": "moved"})
    assert without.status_code == 422
    assert without.json()["type"] == "/problems/closure-decision-required"
    no_reason = await move(client, east(tokens), case["id"], {"to": "closed"})
    assert no_reason.json()["type"] == "/problems/closure-reason-required"

    decision, role_division = str(uuid.uuid4()), str(uuid.uuid4())
    meeting_api.decisions[case["id"]] = [
        {"id": decision, "type": "closure"},
        {"id": role_division, "type": "role_division"},
    ]
    for wrong in (str(uuid.uuid4()), role_division):  # unknown, or not a 終結 decision
        refused = await move(
            client,
            east(tokens),
            case["id"],
            {"to": "closed", "closure_reason": "moved", "decision_id": wrong},
        )
        assert refused.status_code == 422
        assert refused.json()["type"] == "/problems/closure-decision-unknown"
        assert refused.json()["errors"][0]["loc"] == ["body", "decision_id"]
    meeting_api.up = False
    unasked = await move(
        client, east(tokens), case["id"], {"to": "closed", "closure_reason": "moved", "decision_id": decision}
    )
    assert unasked.status_code == 503 and unasked.headers["retry-after"] == "30"
    assert (await current(client, tokens, case["id"])).json()["status"] == "intake"

    meeting_api.up = True
    closed = await move(
        client, east(tokens), case["id"], {"to": "closed", "closure_reason": "moved", "decision_id": decision}
    )
    assert closed.status_code == 200, closed.text
    assert closed.json()["closure_decision_id"] == decision
    event = (await history(client, tokens, case["id"]))[-1]
    assert event["after"] == {"status": "closed", "closure_reason": "moved", "decision_id": decision}


async def test_an_overridden_body_decides_whether_closure_needs_a_decision(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case = await open_case(client, tokens)
    overridden = await client.post(
        f"/api/v1/cases/{case['id']}/recommendation/override",
        json={"body": "shien_chousei", "reason": "生活困窮の枠組みで対応する。"},
        headers=supervisor(tokens),
    )
    assert overridden.status_code == 200
    closed = await move(
        client,
        east(tokens),
        case["id"],
        {"to": "closed", "closure_reason": "refused", "reason": "本人が支援を望まない。"},
    )
    assert closed.status_code == 200, closed.text


BAD_MOVES = [
    pytest.param({"to": "open"}, "to", id="unknown status"),
    pytest.param({}, "to", id="missing to"),
    pytest.param({"to": "closed", "closure_reason": "bored"}, "closure_reason", id="unknown closure reason"),
    pytest.param({"to": "closed", "closure_reason": "other"}, "body", id="other without text"),
    pytest.param(
        {"to": "closed", "closure_reason": "goal_met", "decision_id": "d-1"},
        "decision_id",
        id="decision not a uuid",
    ),
    pytest.param({"to": "assessment", "reason": "x" * 1001}, "reason", id="reason too long"),
    pytest.param({"to": "assessment", "reason": "   "}, "reason", id="blank reason"),
    pytest.param({"to": "assessment", "at": "2026-11-01"}, "at", id="unknown field"),
]


@pytest.mark.parametrize(("body", "field"), BAD_MOVES)
async def test_bad_status_input_is_422_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict, field: str
) -> None:
    case = await open_case(client, tokens)
    response = await move(client, east(tokens), case["id"], body)
    assert response.status_code == 422
    assert any(field in err["loc"] for err in response.json()["errors"])
    assert (await current(client, tokens, case["id"])).json() == case


async def test_closure_fields_on_a_non_closing_move_are_refused(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case = await open_case(client, tokens)
    response = await move(client, east(tokens), case["id"], {"to": "assessment", "closure_reason": "moved"})
    assert response.status_code == 422
    assert response.json()["type"] == "/problems/closure-fields-only-on-closing"


# ---- recommendation ---------------------------------------------------------------------------------


async def test_scenario_8050_household_refuses_and_gets_shien_kaigi(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case = await open_case(client, tokens, title="8050世帯（母と長男）")
    await give_consent(client, tokens, case["id"], "refused", method="verbal", note="長男が接触を拒否。")
    response = await client.get(f"/api/v1/cases/{case['id']}/recommendation", headers=east(tokens))
    assert response.status_code == 200
    assert response.headers["etag"] == (await current(client, tokens, case["id"])).headers["etag"]
    result = response.json()
    assert result["recommended"]["body"] == "shien"
    assert "拒否" in result["recommended"]["reason"]
    assert "106条の6" in result["recommended"]["reason"]
    assert result["override"] is None
    assert result["effective_body"] == "shien"
    assert (await current(client, tokens, case["id"])).json()["consent_status"] == "refused"


async def test_facts_and_consent_move_the_recommendation(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case = await open_case(client, tokens)
    etag = (await current(client, tokens, case["id"])).headers["etag"]
    await patch(client, east(tokens), case["id"], {"existing_system": "kaigo"}, etag)
    url = f"/api/v1/cases/{case['id']}/recommendation"
    assert (await client.get(url, headers=east(tokens))).json()["recommended"]["body"] == "shien"
    await give_consent(client, tokens, case["id"])
    assert (await client.get(url, headers=east(tokens))).json()["recommended"]["body"] == "chiiki_care"
    etag = (await current(client, tokens, case["id"])).headers["etag"]
    await patch(client, east(tokens), case["id"], {"difficult": True}, etag)
    result = (await client.get(url, headers=east(tokens))).json()
    assert result["recommended"]["body"] == "juusou"
    assert "支援困難" in result["recommended"]["reason"]


async def test_a_supervisor_overrides_with_a_reason_others_may_not(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case = await open_case(client, tokens)
    url = f"/api/v1/cases/{case['id']}/recommendation/override"
    body = {"body": "juusou", "reason": "本人と家族の意向を確認済みのため。"}
    assert (await client.post(url, json=body, headers=east(tokens))).status_code == 403
    stale = await client.post(url, json=body, headers={**supervisor(tokens), "If-Match": 'W/"9"'})
    assert stale.status_code == 412

    done = await client.post(url, json=body, headers={**supervisor(tokens), "If-Match": 'W/"1"'})
    assert done.status_code == 200, done.text
    result = done.json()
    assert result["recommended"]["body"] == "shien"
    assert result["override"]["body"] == "juusou"
    assert result["override"]["by"] == "sup1"
    assert result["override"]["reason"] == body["reason"]
    assert result["effective_body"] == "juusou"
    assert done.headers["etag"] == 'W/"2"'
    assert (await current(client, tokens, case["id"])).json()["effective_body"] == "juusou"
    event = (await history(client, tokens, case["id"]))[-1]
    assert event["kind"] == "recommendation_override"
    assert event["before"] == {"body": None, "recommended": "shien"}
    assert event["after"] == {"body": "juusou", "recommended": "shien"}
    assert event["reason"] == body["reason"]
    admin = tokens.headers("admin", username="admin")
    back = await client.post(url, json={"body": "shien", "reason": "戻す"}, headers=admin)
    assert back.status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"body": "juusou"}, id="no reason"),
        pytest.param({"body": "juusou", "reason": ""}, id="empty reason"),
        pytest.param({"body": "juusou", "reason": "x" * 1001}, id="reason too long"),
        pytest.param({"body": "kaigi", "reason": "理由"}, id="unknown body"),
        pytest.param(
            {"body": "case_conference", "reason": "理由"}, id="meeting type that is no routing body"
        ),
        pytest.param({"reason": "理由"}, id="no body"),
        pytest.param({"body": "juusou", "reason": "理由", "by": "sup2"}, id="unknown field"),
    ],
)
async def test_bad_override_is_422_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict
) -> None:
    case = await open_case(client, tokens)
    response = await client.post(
        f"/api/v1/cases/{case['id']}/recommendation/override", json=body, headers=supervisor(tokens)
    )
    assert response.status_code == 422
    assert (await current(client, tokens, case["id"])).json() == case


# ---- list --------------------------------------------------------------------------------------------


async def test_list_filters_and_carries_consent_flags_and_body(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    a = await open_case(client, tokens, title="100%の世帯", opened_at="2026-11-01T09:00:00+09:00")
    b = await open_case(
        client,
        tokens,
        title="小金井_世帯",
        lead_username="csw-higashi2",
        opened_at="2026-11-02T09:00:00+09:00",
    )
    await patch(client, supervisor(tokens), a["id"], {"risk_flags": ["suicide_risk"]}, 'W/"1"')
    await give_consent(client, tokens, a["id"], "refused", method="verbal", recorded_at="2026-11-01")
    await give_consent(client, tokens, a["id"], "given", recorded_at="2026-11-03")
    etag = (await current(client, tokens, b["id"])).headers["etag"]
    await patch(client, supervisor(tokens), b["id"], {"existing_system": "shougai"}, etag)

    async def ids(query: str) -> list[str]:
        response = await client.get(f"/api/v1/cases?{query}", headers=east(tokens))
        assert response.status_code == 200, response.text
        return [c["id"] for c in response.json()["items"]]

    assert await ids("") == [b["id"], a["id"]]
    assert await ids("risk=suicide_risk") == [a["id"]]
    assert await ids("risk=violence") == []
    assert await ids("lead=csw-higashi2") == [b["id"]]
    assert await ids("q=%25") == [a["id"]]  # % is a character, not a wildcard
    assert await ids("q=_") == [b["id"]]
    assert await ids("q=小金井") == [b["id"]]
    assert await ids("q=ＷＸ") == []

    items = {c["id"]: c for c in (await client.get("/api/v1/cases", headers=east(tokens))).json()["items"]}
    assert items[a["id"]]["consent_status"] == "given"  # the latest entry
    assert items[a["id"]]["risk_flags"] == ["suicide_risk"]
    assert items[a["id"]]["effective_body"] == "juusou"
    assert items[b["id"]]["consent_status"] == "not_asked"
    assert items[b["id"]]["effective_body"] == "shien"


async def test_the_title_search_finds_two_characters_any_case_and_follows_a_rename(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    sato = await open_case(client, tokens, title="（デモ）佐藤さん世帯 001")
    tanaka = await open_case(client, tokens, title="Tanaka さん世帯")

    async def titles(q: str) -> list[str]:
        response = await client.get("/api/v1/cases", params={"q": q}, headers=supervisor(tokens))
        assert response.status_code == 200, response.text
        return sorted(c["title"] for c in response.json()["items"])

    both = sorted([sato["title"], tanaka["title"]])
    assert await titles("佐藤") == [sato["title"]]  # two kanji: no trigram, the bigram index serves it
    assert await titles("さん世帯") == both
    assert await titles("TANAKA") == [tanaka["title"]]  # case-insensitive, as before
    assert await titles("ｔａｎａｋａ") == [tanaka["title"]]  # full-width folded
    assert await titles("帯 00") == [sato["title"]]  # across a space, still one piece of the title
    assert await titles("藤") == [sato["title"]]  # one character: no piece to index, still found
    assert await titles("佐田") == []
    etag = (await current(client, tokens, sato["id"])).headers["etag"]
    renamed = await patch(client, supervisor(tokens), sato["id"], {"title": "（デモ）鈴木さん世帯"}, etag)
    assert renamed.status_code == 200, renamed.text
    assert await titles("佐藤") == []  # PostgreSQL keeps the pieces with the title
    assert await titles("鈴木") == [renamed.json()["title"]]


@pytest.mark.parametrize("query", ["risk=danger", "lead=a%20b", "q=", "q=" + "x" * 101, "status=done"])
async def test_bad_list_filters_are_422(client: httpx.AsyncClient, tokens: TokenFactory, query: str) -> None:
    response = await client.get(f"/api/v1/cases?{query}", headers=east(tokens))
    assert response.status_code == 422


async def test_history_pages(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case = await open_case(client, tokens)
    for n in range(3):
        etag = (await current(client, tokens, case["id"])).headers["etag"]
        await patch(client, east(tokens), case["id"], {"title": f"世帯{n}"}, etag)
    page = (
        await client.get(f"/api/v1/cases/{case['id']}/history?limit=2&offset=1", headers=east(tokens))
    ).json()
    assert page["total"] == 4
    assert [e["after"]["title"] for e in page["items"]] == ["世帯0", "世帯1"]


async def test_overdue_filter_finds_cases_with_a_late_safety_check(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    supervisor = tokens.headers("supervisor", username="sup1")
    late = (
        await client.post(
            "/api/v1/cases", json={"title": "期限超過テスト", "area": "higashi"}, headers=supervisor
        )
    ).json()["id"]
    calm = (
        await client.post(
            "/api/v1/cases", json={"title": "期限内テスト", "area": "higashi"}, headers=supervisor
        )
    ).json()["id"]
    for case_id, due in (
        (late, "2020-01-01T01:00:00Z"),
        (calm, (datetime.now(UTC) + timedelta(days=30)).isoformat()),
    ):
        raised = await client.post(
            "/api/v1/safety-checks",
            headers=supervisor,
            json={"case_id": case_id, "reason": "確認", "due_at": due},
        )
        assert raised.status_code == 201, raised.text
    listed = (await client.get("/api/v1/cases", params={"overdue": "true"}, headers=supervisor)).json()
    ids = [c["id"] for c in listed["items"]]
    assert late in ids and calm not in ids
