"""The access rules as functions, and `visible_part` (the WHERE clause for lists of one part across cases)."""

import uuid
from datetime import UTC, date, datetime

import httpx
import pytest
from sqlalchemy import select

from case_api import access
from case_api.cases.models import Case
from case_api.consents.models import Consent
from case_api.shares.models import CaseShare
from tsunagu_services.testing import TokenFactory
from tsunagu_services.tokens import Principal

NOW = datetime(2026, 11, 26, tzinfo=UTC)
CASE = Case(
    id=uuid.uuid4(),
    title="世帯",
    area="higashi",
    lead_username="csw-higashi",
    opened_at=NOW,
    created_by="sup1",
)


def who(
    role: str,
    username: str,
    area: str | None = None,
    agency_id: str | None = None,
    scopes: tuple[str, ...] = (),
) -> Principal:
    return Principal(
        sub=username, username=username, role=role, area=area, agency_id=agency_id, scopes=frozenset(scopes)
    )


def shared(kind: str, grantee: str, revoked: bool = False) -> CaseShare:
    return CaseShare(
        case_id=CASE.id,
        grantee_kind=kind,
        grantee=grantee,
        granted_by="sup1",
        granted_at=NOW,
        revoked_at=NOW if revoked else None,
        revoked_by="sup1" if revoked else None,
    )


def consent(status: str, agencies: list[str], parts: list[str]) -> Consent:
    return Consent(
        case_id=CASE.id,
        status=status,
        recorded_at=date(2026, 11, 1),
        method="written",
        scope_agencies=agencies,
        scope_parts=parts,
        recorded_by="csw-higashi",
    )


MEMBER = who("agency", "m1", agency_id="houkatsu")
GIVEN = consent("given", ["houkatsu"], ["plan", "records"])
FULL, SUMMARY = access.FULL_VIEW, access.SUMMARY_ONLY
PLAN_RECORDS = access.CaseView(full=False, parts=frozenset({"plan", "records"}))

TABLE = [
    # (principal, shares, consent, can see, view)
    pytest.param(who("supervisor", "sup1"), [], None, True, FULL, id="supervisor"),
    pytest.param(who("admin", "admin"), [], None, True, FULL, id="admin"),
    pytest.param(who("csw", "csw-x", "higashi"), [], None, True, FULL, id="csw of the area"),
    pytest.param(who("csw", "csw-higashi", "kita"), [], None, True, FULL, id="lead from another area"),
    pytest.param(who("csw", "csw-nishi", "nishi"), [], None, False, None, id="csw of another area"),
    pytest.param(
        who("csw", "csw-nishi", "nishi"),
        [shared("user", "csw-nishi")],
        None,
        True,
        FULL,
        id="csw of another area, shared",
    ),
    pytest.param(
        who("csw", "csw-nishi", "nishi"),
        [shared("user", "csw-nishi", revoked=True)],
        None,
        False,
        None,
        id="revoked share",
    ),
    pytest.param(
        who("csw", "csw-nishi", "nishi"),
        [shared("agency", "csw-nishi")],
        None,
        False,
        None,
        id="an agency share never names a user",
    ),
    pytest.param(who("sc", "sc1", "higashi"), [], None, False, None, id="sc without share"),
    pytest.param(who("sc", "sc1", "higashi"), [shared("user", "sc1")], None, True, FULL, id="sc shared"),
    pytest.param(MEMBER, [], GIVEN, False, None, id="agency without share"),
    pytest.param(MEMBER, [shared("agency", "houkatsu")], None, True, SUMMARY, id="agency share, no consent"),
    pytest.param(
        MEMBER,
        [shared("agency", "houkatsu")],
        GIVEN,
        True,
        PLAN_RECORDS,
        id="agency share, consent opens plan and records",
    ),
    pytest.param(
        MEMBER,
        [shared("agency", "houkatsu")],
        consent("given", ["other"], ["plan"]),
        True,
        SUMMARY,
        id="consent for another agency",
    ),
    pytest.param(
        MEMBER,
        [shared("agency", "houkatsu")],
        consent("withdrawn", [], []),
        True,
        SUMMARY,
        id="consent withdrawn",
    ),
    pytest.param(MEMBER, [shared("user", "m1")], None, True, FULL, id="agency member shared by name"),
    pytest.param(
        who("agency", "m2", agency_id=None),
        [shared("agency", "houkatsu")],
        GIVEN,
        False,
        None,
        id="agency member without agency id",
    ),
    pytest.param(who("system", "sys", scopes=("cases:read",)), [], None, True, FULL, id="system reader"),
    pytest.param(
        who("system", "sys"),
        [shared("user", "sys")],
        None,
        False,
        None,
        id="system without scope, even if named",
    ),
]


@pytest.mark.parametrize(("principal", "shares", "current", "sees", "view"), TABLE)
def test_who_sees_what(principal, shares, current, sees, view) -> None:
    assert access.can_see(principal, CASE, shares) is sees
    if sees:
        assert access.view_of(principal, CASE, shares, current) == view


@pytest.mark.parametrize(
    ("principal", "manages"),
    [
        (who("supervisor", "sup1"), True),
        (who("admin", "admin"), True),
        (who("csw", "csw-x", "higashi"), True),
        (who("csw", "csw-higashi", "kita"), True),
        (who("csw", "csw-nishi", "nishi"), False),
        (who("sc", "sc1", "higashi"), False),
        (MEMBER, False),
        (who("system", "sys", scopes=("cases:read", "cases:write")), False),
    ],
)
def test_who_runs_the_case(principal: Principal, manages: bool) -> None:
    assert access.may_manage(principal, CASE) is manages


def test_a_case_not_loaded_through_read_shows_agency_members_no_part() -> None:
    loose = Case(title="世帯", area="higashi", opened_at=NOW, created_by="sup1")
    with pytest.raises(access.NotFound):
        access.ensure_part_visible(MEMBER, loose, "plan")
    access.ensure_part_visible(who("supervisor", "sup1"), loose, "plan")


async def test_visible_part_lists_the_cases_whose_consent_opens_the_part(
    client: httpx.AsyncClient, tokens: TokenFactory
) -> None:
    sup = tokens.headers("supervisor", username="sup1")

    async def case_with(consent_body: dict | None, share: dict | None) -> str:
        created = await client.post("/api/v1/cases", json={"title": "世帯", "area": "higashi"}, headers=sup)
        case_id = created.json()["id"]
        if share:
            response = await client.post(f"/api/v1/cases/{case_id}/shares", json=share, headers=sup)
            assert response.status_code == 201
        if consent_body:
            body = {"recorded_at": "2026-11-20", "method": "written", **consent_body}
            response = await client.post(f"/api/v1/cases/{case_id}/consents", json=body, headers=sup)
            assert response.status_code == 201
        return case_id

    agency_share = {"grantee_kind": "agency", "grantee": "houkatsu"}
    opens_plan = {"status": "given", "scope": {"agencies": ["houkatsu"], "parts": ["plan"]}}
    yes = await case_with(opens_plan, agency_share)
    by_name = await case_with(None, {"grantee_kind": "user", "grantee": "m1"})
    await case_with(opens_plan, None)  # consent but no share
    opens_records = {"status": "given", "scope": {"agencies": ["houkatsu"], "parts": ["records"]}}
    await case_with(opens_records, agency_share)
    later_withdrawn = await case_with(opens_plan, agency_share)
    body = {"status": "withdrawn", "recorded_at": "2026-11-21", "method": "verbal"}
    await client.post(f"/api/v1/cases/{later_withdrawn}/consents", json=body, headers=sup)

    app = client._transport.app  # type: ignore[attr-defined]
    async with app.state.sessionmaker() as session:
        rows = await session.scalars(select(Case.id).where(access.visible_part(MEMBER, "plan")))
        assert {str(i) for i in rows} == {yes, by_name}
        supervisor = who("supervisor", "s")
        everyone = await session.scalars(select(Case.id).where(access.visible_part(supervisor, "plan")))
        assert len(list(everyone)) == 5
