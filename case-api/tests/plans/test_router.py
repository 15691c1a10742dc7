"""The support plan (支援プラン) through case-api's HTTP interface, on a real PostgreSQL."""

import uuid

import httpx
import pytest

from tsunagu_services.testing import TokenFactory

EAST_CASE = {"title": "小金井さん世帯", "area": "higashi", "lead_username": "csw-higashi"}
PLAN = {
    "goals": [{"text": "長男が週1回、CSWと話せる関係をつくる"}, {"text": "母の介護負担を減らす"}],
    "review_date": "2027-02-28",
    "note": "支援会議（12月）の決定による",
    "actions": [
        {"text": "隔週で自宅訪問", "owner_kind": "staff", "owner": "csw-higashi", "due_date": "2026-12-15"},
        {
            "text": "母の介護保険サービス調整",
            "owner_kind": "agency",
            "owner": "houkatsu-higashi",
            "due_date": "2027-01-10",
        },
    ],
}
DECISION = {
    "actions": [
        {
            "text": "CSWが隔週で訪問する",
            "owner_kind": "staff",
            "owner": "csw-higashi",
            "due_date": "2026-12-10",
        },
        {"text": "地域包括が母を訪問する", "owner_kind": "agency", "owner": "houkatsu-higashi"},
    ],
    "source": "meeting",
    "source_ref": "decision:7f1c2b",
}


def csw_east(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("csw", area="higashi", username="csw-higashi")


def supervisor(tokens: TokenFactory) -> dict[str, str]:
    return tokens.headers("supervisor", username="sup1")


def meeting_api(tokens: TokenFactory, *scopes: str) -> dict[str, str]:
    return tokens.headers("system", username="meeting-api", scopes=scopes)


async def open_case(client: httpx.AsyncClient, tokens: TokenFactory, **fields: str) -> str:
    created = await client.post("/api/v1/cases", json={**EAST_CASE, **fields}, headers=supervisor(tokens))
    assert created.status_code == 201, created.text
    return created.json()["id"]


async def put_plan(
    client: httpx.AsyncClient, headers: dict[str, str], case_id: str, body: dict, etag: str | None = None
) -> httpx.Response:
    extra = {"If-Match": etag} if etag else {}
    return await client.put(f"/api/v1/cases/{case_id}/plan", json=body, headers={**headers, **extra})


async def current(client: httpx.AsyncClient, headers: dict[str, str], case_id: str) -> httpx.Response:
    return await client.get(f"/api/v1/cases/{case_id}/plan", headers=headers)


async def test_no_plan_yet_is_a_404_problem(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case_id = await open_case(client, tokens)
    response = await current(client, csw_east(tokens), case_id)
    assert response.status_code == 404
    assert response.json()["type"] == "/problems/no-plan"
    assert (await client.get(f"/api/v1/cases/{case_id}/plan/versions", headers=csw_east(tokens))).json() == []


async def test_first_plan_is_version_1_without_if_match(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    created = await put_plan(client, headers, case_id, PLAN)
    assert created.status_code == 201, created.text
    plan = created.json()
    assert plan["version"] == 1
    assert plan["status"] == "current"
    assert plan["created_by"] == "csw-higashi"
    assert plan["goals"] == PLAN["goals"]
    assert plan["review_date"] == "2027-02-28"
    assert [
        (a["text"], a["owner_kind"], a["owner"], a["due_date"], a["status"], a["source"])
        for a in plan["actions"]
    ] == [
        ("隔週で自宅訪問", "staff", "csw-higashi", "2026-12-15", "open", "staff"),
        ("母の介護保険サービス調整", "agency", "houkatsu-higashi", "2027-01-10", "open", "staff"),
    ]
    assert created.headers["etag"] == plan["etag"] == '"1.1"'

    read = await current(client, headers, case_id)
    assert read.status_code == 200
    assert read.json() == plan
    assert read.headers["etag"] == '"1.1"'


async def test_replan_makes_a_new_version_and_keeps_the_old_readable(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    v1 = (await put_plan(client, headers, case_id, PLAN)).json()

    replan = {
        **PLAN,
        "goals": [{"text": "長男が地域の居場所に月1回参加する"}],
        "review_date": "2027-05-31",
        "actions": [{"text": "居場所への同行", "owner_kind": "staff", "owner": "csw-higashi"}],
    }
    v2 = await put_plan(client, supervisor(tokens), case_id, replan, etag=v1["etag"])
    assert v2.status_code == 200, v2.text
    assert v2.json()["version"] == 2
    assert v2.json()["created_by"] == "sup1"
    assert v2.headers["etag"] == '"2.1"'
    assert [a["text"] for a in v2.json()["actions"]] == ["居場所への同行"]

    assert (await current(client, headers, case_id)).json()["version"] == 2
    versions = (await client.get(f"/api/v1/cases/{case_id}/plan/versions", headers=headers)).json()
    assert [(v["version"], v["status"]) for v in versions] == [(2, "current"), (1, "superseded")]
    old = (await client.get(f"/api/v1/cases/{case_id}/plan/versions/1", headers=headers)).json()
    assert old["status"] == "superseded"
    assert old["goals"] == v1["goals"]
    assert old["actions"] == v1["actions"]  # kept exactly as written
    assert (await client.get(f"/api/v1/cases/{case_id}/plan/versions/3", headers=headers)).status_code == 404
    assert (await client.get(f"/api/v1/cases/{case_id}/plan/versions/0", headers=headers)).status_code == 422


async def test_two_editors_of_one_plan_the_second_gets_412(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    await put_plan(client, csw_east(tokens), case_id, PLAN)
    first_editor, second_editor = csw_east(tokens), supervisor(tokens)
    seen_by_first = (await current(client, first_editor, case_id)).headers["etag"]
    seen_by_second = (await current(client, second_editor, case_id)).headers["etag"]
    assert seen_by_first == seen_by_second

    won = await put_plan(client, first_editor, case_id, {**PLAN, "note": "第一の編集"}, etag=seen_by_first)
    assert won.status_code == 200
    lost = await put_plan(client, second_editor, case_id, {**PLAN, "note": "第二の編集"}, etag=seen_by_second)
    assert lost.status_code == 412
    assert lost.json()["type"] == "/problems/precondition-failed"

    now = (await current(client, first_editor, case_id)).json()
    assert now["note"] == "第一の編集"
    assert now["version"] == 2
    versions = (await client.get(f"/api/v1/cases/{case_id}/plan/versions", headers=first_editor)).json()
    assert len(versions) == 2  # the loser wrote nothing


async def test_a_replan_without_if_match_is_428(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    await put_plan(client, headers, case_id, PLAN)
    response = await put_plan(client, headers, case_id, {**PLAN, "note": "上書き"})
    assert response.status_code == 428
    assert response.json()["type"] == "/problems/precondition-required"
    assert (await current(client, headers, case_id)).json()["version"] == 1


async def test_if_match_on_a_plan_that_does_not_exist_is_412(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    response = await put_plan(client, csw_east(tokens), case_id, PLAN, etag='"1.1"')
    assert response.status_code == 412
    assert (await current(client, csw_east(tokens), case_id)).status_code == 404


async def test_marking_an_action_done_bumps_the_etag_not_the_version(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    plan = (await put_plan(client, headers, case_id, PLAN)).json()
    action = plan["actions"][0]
    url = f"/api/v1/cases/{case_id}/plan/actions/{action['id']}"

    assert (await client.patch(url, json={"status": "done"}, headers=headers)).status_code == 428
    done = await client.patch(url, json={"status": "done"}, headers={**headers, "If-Match": plan["etag"]})
    assert done.status_code == 200, done.text
    assert done.headers["etag"] == '"1.2"'
    after = done.json()
    assert after["version"] == 1
    assert after["actions"][0]["status"] == "done"
    assert after["actions"][0]["done_at"] is not None
    assert after["actions"][1]["status"] == "open"

    stale = await client.patch(url, json={"status": "open"}, headers={**headers, "If-Match": plan["etag"]})
    assert stale.status_code == 412
    # the stale ETag no longer re-plans either
    assert (await put_plan(client, headers, case_id, PLAN, etag=plan["etag"])).status_code == 412

    reopened = await client.patch(url, json={"status": "open"}, headers={**headers, "If-Match": '"1.2"'})
    assert reopened.json()["actions"][0]["done_at"] is None
    assert reopened.headers["etag"] == '"1.3"'
    assert (await client.get(f"/api/v1/cases/{case_id}/plan/versions", headers=headers)).json()[0][
        "version"
    ] == 1


async def test_actions_of_a_superseded_version_are_read_only(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    v1 = (await put_plan(client, headers, case_id, PLAN)).json()
    v2 = (await put_plan(client, headers, case_id, PLAN, etag=v1["etag"])).json()
    old_action = v1["actions"][0]["id"]
    response = await client.patch(
        f"/api/v1/cases/{case_id}/plan/actions/{old_action}",
        json={"status": "done"},
        headers={**headers, "If-Match": v2["etag"]},
    )
    assert response.status_code == 409
    assert response.json()["type"] == "/problems/plan-version-read-only"
    unknown = await client.patch(
        f"/api/v1/cases/{case_id}/plan/actions/{uuid.uuid4()}",
        json={"status": "done"},
        headers={**headers, "If-Match": v2["etag"]},
    )
    assert unknown.status_code == 404


async def test_a_replan_carries_actions_over_with_their_origin(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    plan = (await client.post(f"/api/v1/cases/{case_id}/plan/actions", json=DECISION, headers=headers)).json()
    from_meeting = plan["actions"][0]
    done = (
        await client.patch(
            f"/api/v1/cases/{case_id}/plan/actions/{from_meeting['id']}",
            json={"status": "done"},
            headers={**headers, "If-Match": plan["etag"]},
        )
    ).json()
    done_at = done["actions"][0]["done_at"]

    carried = {
        **PLAN,
        "actions": [
            {
                "id": from_meeting["id"],
                "text": from_meeting["text"],
                "owner_kind": "staff",
                "owner": "csw-higashi",
                "status": "done",
            },
            {"text": "新しいアクション", "owner_kind": "staff", "owner": "csw-higashi"},
        ],
    }
    v2 = await put_plan(client, headers, case_id, carried, etag=done["etag"])
    assert v2.status_code == 200, v2.text
    kept, new = v2.json()["actions"]
    assert kept["id"] != from_meeting["id"]  # a new row of the new version
    assert (kept["source"], kept["source_ref"], kept["status"], kept["done_at"]) == (
        "meeting",
        "decision:7f1c2b",
        "done",
        done_at,
    )
    assert (new["source"], new["source_ref"]) == ("staff", None)

    # The decision, delivered again after the 再プラン, still adds nothing.
    again = await client.post(
        f"/api/v1/cases/{case_id}/plan/actions",
        json=DECISION,
        headers=meeting_api(tokens, "cases:read", "service"),
    )
    assert again.status_code == 200
    assert len(again.json()["actions"]) == 2

    unknown = await put_plan(
        client,
        headers,
        case_id,
        {
            **PLAN,
            "actions": [
                {"id": str(uuid.uuid4()), "text": "x", "owner_kind": "staff", "owner": "csw-higashi"}
            ],
        },
        etag=v2.headers["etag"],
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["loc"] == ["body", "actions", 0, "id"]


async def test_a_meeting_decision_delivered_twice_adds_its_actions_once(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    case_id = await open_case(client, tokens)
    sender = meeting_api(tokens, "cases:read", "service")
    url = f"/api/v1/cases/{case_id}/plan/actions"

    first = await client.post(url, json=DECISION, headers=sender)
    assert first.status_code == 201, first.text
    plan = first.json()
    assert plan["version"] == 1  # no plan yet: the decision starts version 1
    assert plan["created_by"] == "meeting-api"
    assert [(a["owner"], a["source"], a["source_ref"]) for a in plan["actions"]] == [
        ("csw-higashi", "meeting", "decision:7f1c2b"),
        ("houkatsu-higashi", "meeting", "decision:7f1c2b"),
    ]

    again = await client.post(url, json=DECISION, headers=sender)
    assert again.status_code == 200
    assert again.json() == plan
    assert again.headers["etag"] == first.headers["etag"]

    other = await client.post(
        url,
        headers=sender,
        json={**DECISION, "source_ref": "decision:8a2d3c", "actions": [DECISION["actions"][0]]},
    )
    assert other.status_code == 201
    appended = other.json()
    assert appended["version"] == 1
    assert len(appended["actions"]) == 3
    assert other.headers["etag"] == '"1.2"'  # the plan changed: editors holding "1.1" must reload


@pytest.mark.parametrize(
    ("scopes", "expected"),
    [
        (("cases:read", "service"), 201),
        (("cases:read", "cases:write"), 201),
        (("cases:read",), 403),
        (("service",), 201),  # our own services (meeting-api) deliver with scope "service" alone
        ((), 403),  # a system client without a scope is refused before anything is looked up
    ],
)
async def test_who_may_deliver_meeting_actions(
    client: httpx.AsyncClient, tokens: TokenFactory, scopes: tuple[str, ...], expected: int
) -> None:
    case_id = await open_case(client, tokens)
    response = await client.post(
        f"/api/v1/cases/{case_id}/plan/actions", json=DECISION, headers=meeting_api(tokens, *scopes)
    )
    assert response.status_code == expected


# Who may read and change the plan of an east case led by csw-higashi: (read, write) status.
ROLE_MATRIX = [
    pytest.param(
        lambda t: t.headers("csw", area="higashi", username="csw-higashi"), 200, 200, id="csw 東 (lead)"
    ),
    pytest.param(lambda t: t.headers("csw", area="nishi", username="csw-nishi"), 404, 404, id="csw 西"),
    pytest.param(lambda t: t.headers("supervisor", username="sup1"), 200, 200, id="supervisor"),
    pytest.param(lambda t: t.headers("sc", area="higashi", username="sc-higashi"), 404, 404, id="sc"),
    pytest.param(
        lambda t: t.headers("agency", username="agency-houkatsu-higashi", agency_id="houkatsu-higashi"),
        404,
        404,
        id="agency without share",
    ),
    pytest.param(
        lambda t: t.headers("system", username="city-system", scopes=("cases:read",)),
        200,
        403,
        id="system cases:read",
    ),
    pytest.param(
        lambda t: t.headers("system", username="stats", scopes=("statistics:read",)),
        403,  # no cases scope: insufficient_scope, before the case is even looked up
        403,
        id="system without scope",
    ),
]


@pytest.mark.parametrize(("who", "read", "write_status"), ROLE_MATRIX)
async def test_role_matrix(
    client: httpx.AsyncClient,
    tokens: TokenFactory,
    who,
    read: int,  # type: ignore[no-untyped-def]
    write_status: int,
) -> None:
    case_id = await open_case(client, tokens)
    plan = (await put_plan(client, csw_east(tokens), case_id, PLAN)).json()
    headers = who(tokens)
    base = f"/api/v1/cases/{case_id}/plan"
    assert (await client.get(base, headers=headers)).status_code == read
    assert (await client.get(f"{base}/versions", headers=headers)).status_code == read
    assert (await client.get(f"{base}/versions/1", headers=headers)).status_code == read
    action = await client.patch(
        f"{base}/actions/{plan['actions'][0]['id']}",
        json={"status": "done"},
        headers={**headers, "If-Match": plan["etag"]},
    )
    assert action.status_code == write_status
    etag = action.headers.get("etag", plan["etag"])
    assert (await put_plan(client, headers, case_id, PLAN, etag=etag)).status_code == write_status
    meeting = await client.post(f"{base}/actions", json=DECISION, headers=headers)
    assert meeting.status_code == (201 if write_status == 200 else write_status)
    listed = await client.get("/api/v1/plan-actions", headers=headers)
    if read == 403:  # a system without the cases scope gets no list at all
        assert listed.status_code == 403
        return
    assert listed.status_code == 200
    assert bool(listed.json()["items"]) is (read == 200)


async def test_plan_actions_due_across_visible_cases(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    east = await open_case(client, tokens)
    west = await open_case(client, tokens, area="nishi", lead_username="csw-nishi", title="西の世帯")
    v1 = (await put_plan(client, csw_east(tokens), east, PLAN)).json()
    await put_plan(
        client,
        tokens.headers("csw", area="nishi", username="csw-nishi"),
        west,
        {
            **PLAN,
            "actions": [
                {"text": "西の訪問", "owner_kind": "staff", "owner": "csw-nishi", "due_date": "2026-12-01"}
            ],
        },
    )

    mine = (await client.get("/api/v1/plan-actions", headers=csw_east(tokens))).json()["items"]
    assert [(a["text"], a["case_id"], a["case_title"], a["plan_version"]) for a in mine] == [
        ("隔週で自宅訪問", east, "小金井さん世帯", 1),
        ("母の介護保険サービス調整", east, "小金井さん世帯", 1),
    ]
    soon = (await client.get("/api/v1/plan-actions?due_before=2027-01-01", headers=csw_east(tokens))).json()
    assert [a["text"] for a in soon["items"]] == ["隔週で自宅訪問"]
    by_agency = (
        await client.get("/api/v1/plan-actions?owner=houkatsu-higashi", headers=csw_east(tokens))
    ).json()
    assert [a["text"] for a in by_agency["items"]] == ["母の介護保険サービス調整"]

    everyone = (await client.get("/api/v1/plan-actions", headers=supervisor(tokens))).json()["items"]
    assert [a["text"] for a in everyone] == ["西の訪問", "隔週で自宅訪問", "母の介護保険サービス調整"]

    # Done actions leave the list; actions of a superseded version are not listed twice.
    done = await client.patch(
        f"/api/v1/cases/{east}/plan/actions/{v1['actions'][0]['id']}",
        json={"status": "done"},
        headers={**csw_east(tokens), "If-Match": v1["etag"]},
    )
    await put_plan(
        client, csw_east(tokens), east, {**PLAN, "actions": [PLAN["actions"][1]]}, etag=done.headers["etag"]
    )
    mine = (await client.get("/api/v1/plan-actions", headers=csw_east(tokens))).json()["items"]
    assert [(a["text"], a["plan_version"]) for a in mine] == [("母の介護保険サービス調整", 2)]
    finished = (await client.get("/api/v1/plan-actions?status=done", headers=csw_east(tokens))).json()
    assert finished["items"] == []  # the done action belongs to version 1, now superseded


BAD_PLANS = [
    pytest.param({**PLAN, "goals": "自立"}, "goals", id="goals not a list"),
    pytest.param({**PLAN, "goals": [{"text": ""}]}, "text", id="empty goal"),
    pytest.param({**PLAN, "goals": [{"text": "あ" * 501}]}, "text", id="goal too long"),
    pytest.param({**PLAN, "goals": [{"text": "目標", "weight": 1}]}, "weight", id="unknown goal field"),
    pytest.param({**PLAN, "goals": [{"text": f"目標{i}"} for i in range(21)]}, "goals", id="too many goals"),
    pytest.param({**PLAN, "review_date": "来年2月"}, "review_date", id="review date not a date"),
    pytest.param({**PLAN, "review_date": "2027-02-30"}, "review_date", id="no such day"),
    pytest.param({**PLAN, "note": "あ" * 4001}, "note", id="note too long"),
    pytest.param({**PLAN, "note": "メモ\x00"}, "note", id="NUL in note"),
    pytest.param({**PLAN, "actions": [{**PLAN["actions"][0], "text": " "}]}, "text", id="blank action"),
    pytest.param(
        {**PLAN, "actions": [{**PLAN["actions"][0], "owner_kind": "family"}]},
        "owner_kind",
        id="unknown owner kind",
    ),
    pytest.param(
        {**PLAN, "actions": [{**PLAN["actions"][0], "owner": "csw higashi"}]},
        "owner",
        id="staff owner not a username",
    ),
    pytest.param({**PLAN, "actions": [{**PLAN["actions"][0], "owner": ""}]}, "owner", id="empty owner"),
    pytest.param(
        {**PLAN, "actions": [{**PLAN["actions"][1], "owner": "地域包括"}]},
        "owner",
        id="agency owner not an id",
    ),
    pytest.param(
        {**PLAN, "actions": [{**PLAN["actions"][0], "due_date": "2026-13-01"}]}, "due_date", id="bad due date"
    ),
    pytest.param(
        {**PLAN, "actions": [{**PLAN["actions"][0], "status": "finished"}]},
        "status",
        id="unknown action status",
    ),
    pytest.param(
        {**PLAN, "actions": [{**PLAN["actions"][0], "source": "meeting"}]},
        "source",
        id="source is not set by a plan write",
    ),
    pytest.param({**PLAN, "actions": [PLAN["actions"][0]] * 51}, "actions", id="too many actions"),
    pytest.param({**PLAN, "version": 5}, "version", id="version is not the client's"),
]


@pytest.mark.parametrize(("body", "field"), BAD_PLANS)
async def test_bad_plan_is_a_422_problem_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict, field: str
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    response = await put_plan(client, headers, case_id, body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert field in [err["loc"][-1] for err in response.json()["errors"]]
    assert (await current(client, headers, case_id)).status_code == 404


async def test_duplicate_carried_action_is_422(client: httpx.AsyncClient, tokens: TokenFactory) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    plan = (await put_plan(client, headers, case_id, PLAN)).json()
    twice = {**PLAN["actions"][0], "id": plan["actions"][0]["id"]}
    response = await put_plan(
        client, headers, case_id, {**PLAN, "actions": [twice, twice]}, etag=plan["etag"]
    )
    assert response.status_code == 422
    assert (await current(client, headers, case_id)).json()["version"] == 1


BAD_DECISIONS = [
    pytest.param({**DECISION, "source": "staff"}, "source", id="not from a meeting"),
    pytest.param({k: v for k, v in DECISION.items() if k != "source_ref"}, "source_ref", id="no source_ref"),
    pytest.param({**DECISION, "source_ref": "決定 1"}, "source_ref", id="source_ref not an id"),
    pytest.param({**DECISION, "source_ref": "x" * 101}, "source_ref", id="source_ref too long"),
    pytest.param({**DECISION, "actions": []}, "actions", id="no actions"),
    pytest.param(
        {**DECISION, "actions": [{**DECISION["actions"][0], "status": "done"}]},
        "status",
        id="status is not delivered",
    ),
    pytest.param(
        {**DECISION, "actions": [{**DECISION["actions"][0], "owner_kind": None}]},
        "owner_kind",
        id="no owner kind",
    ),
]


@pytest.mark.parametrize(("body", "field"), BAD_DECISIONS)
async def test_bad_decision_is_a_422_and_writes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict, field: str
) -> None:
    case_id = await open_case(client, tokens)
    response = await client.post(
        f"/api/v1/cases/{case_id}/plan/actions",
        json=body,
        headers=meeting_api(tokens, "cases:read", "service"),
    )
    assert response.status_code == 422, response.text
    assert field in [err["loc"][-1] for err in response.json()["errors"]]
    assert (await current(client, csw_east(tokens), case_id)).status_code == 404


@pytest.mark.parametrize(
    "body",
    [{"status": "finished"}, {}, {"status": "done", "text": "x"}, {"status": None}],
    ids=["unknown status", "empty", "unknown field", "null"],
)
async def test_bad_action_update_is_a_422_and_changes_nothing(
    client: httpx.AsyncClient, tokens: TokenFactory, body: dict
) -> None:
    case_id = await open_case(client, tokens)
    headers = csw_east(tokens)
    plan = (await put_plan(client, headers, case_id, PLAN)).json()
    response = await client.patch(
        f"/api/v1/cases/{case_id}/plan/actions/{plan['actions'][0]['id']}",
        json=body,
        headers={**headers, "If-Match": plan["etag"]},
    )
    assert response.status_code == 422
    assert (await current(client, headers, case_id)).json() == plan


@pytest.mark.parametrize("query", ["due_before=soon", "status=late", "limit=0", "limit=501", "owner="])
async def test_bad_plan_actions_query_is_422(
    client: httpx.AsyncClient, tokens: TokenFactory, query: str
) -> None:
    response = await client.get(f"/api/v1/plan-actions?{query}", headers=csw_east(tokens))
    assert response.status_code == 422


async def share_with_agency(
    client: httpx.AsyncClient, tokens: TokenFactory, case_id: str, parts: list[str]
) -> None:
    """Share the case with the east 地域包括 and record a consent opening `parts` to it."""
    shared = await client.post(
        f"/api/v1/cases/{case_id}/shares",
        headers=supervisor(tokens),
        json={"grantee_kind": "agency", "grantee": "houkatsu-higashi"},
    )
    assert shared.status_code == 201, shared.text
    consent = await client.post(
        f"/api/v1/cases/{case_id}/consents",
        headers=supervisor(tokens),
        json={
            "status": "given",
            "recorded_at": "2026-11-20",
            "method": "written",
            "scope": {"agencies": ["houkatsu-higashi"], "parts": parts},
        },
    )
    assert consent.status_code == 201, consent.text


@pytest.mark.parametrize(("parts", "read"), [(["plan"], 200), (["records"], 404)])
async def test_an_agency_sees_the_plan_only_when_consent_opens_it(
    client: httpx.AsyncClient, tokens: TokenFactory, parts: list[str], read: int
) -> None:
    case_id = await open_case(client, tokens)
    plan = (await put_plan(client, csw_east(tokens), case_id, PLAN)).json()
    await share_with_agency(client, tokens, case_id, parts)
    agency = tokens.headers("agency", username="agency-houkatsu-higashi", agency_id="houkatsu-higashi")
    assert (await current(client, agency, case_id)).status_code == read
    assert (await client.get(f"/api/v1/cases/{case_id}/plan/versions/1", headers=agency)).status_code == read
    listed = (await client.get("/api/v1/plan-actions?owner=houkatsu-higashi", headers=agency)).json()["items"]
    assert [a["text"] for a in listed] == (["母の介護保険サービス調整"] if read == 200 else [])
    # Seeing is not writing: the agency's own progress reaches the plan through staff or a meeting.
    refused = await put_plan(client, agency, case_id, PLAN, etag=plan["etag"])
    assert refused.status_code == (403 if read == 200 else 404)
