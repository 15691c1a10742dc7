"""A case opened from intake's triage: household, persons, case, consent and the intake record at once.

intake-api calls this through its outbox with a service token; the staff member who
triaged (already authorized by intake-api) is named as the author of what is written.
"""

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.cases import repository as cases_repository
from case_api.cases import service as cases
from case_api.cases.schemas import CaseCreate
from case_api.consents import service as consents
from case_api.consents.schemas import ConsentCreate
from case_api.households import service as households
from case_api.households.schemas import HouseholdCreate, MemberCreate
from case_api.intake.schemas import CaseFromIntake, CaseOpened, IntakeMember, ReportFollowUp
from case_api.persons.schemas import PersonCreate
from case_api.records import repository as records_repository
from case_api.records.models import SupportRecord
from case_api.records.schemas import RecordSource
from tsunagu_services import notices
from tsunagu_services.problems import NotFound
from tsunagu_services.tokens import Principal

TOKYO = ZoneInfo("Asia/Tokyo")
TOKYO_DATE_FORMAT = "%Y-%m-%d"
# The consultation's channel → the kind of timeline record that reads naturally.
RECORD_KIND = {
    "visit": "office",
    "phone": "call",
    "email": "email",
    "outreach": "visit",
    "popup": "office",
    "referral": "other",
    "neighbour_family": "call",
    "anonymous": "other",
}


def _member(member: IntakeMember) -> MemberCreate:
    person = None
    if member.person_id is None:
        person = PersonCreate(
            name=member.name or "",
            name_kana=member.name_kana,
            birth_date=member.birth_date,
            sex=member.sex,
            address=member.address,
            phone=member.phone,
        )
    return MemberCreate(
        person=person,
        person_id=member.person_id,
        relationship=member.relationship,
        is_primary=member.is_primary,
    )


async def open_from_intake(session: AsyncSession, principal: Principal, data: CaseFromIntake) -> CaseOpened:
    """Open the case triage asked for, once per consultation."""
    access.ensure_own_service(principal)
    existing = await cases_repository.by_consultation(session, data.consultation_id)
    if existing is not None:
        return CaseOpened(
            id=existing.id, household_id=existing.household_id, created=False, opened_at=existing.opened_at
        )
    acting = access.acting_for(principal, data.opened_by)
    household = await households.create(
        session,
        acting,
        HouseholdCreate(
            name=data.household_name or data.title, area=data.area, members=[_member(m) for m in data.members]
        ),
    )
    case = await cases.open_case(
        session,
        acting,
        CaseCreate(
            title=data.title,
            area=data.area,
            lead_username=data.lead_username,
            household_id=household.id,
            opened_at=data.intake.received_at,
        ),
    )
    await cases_repository.set_consultation(session, case.id, data.consultation_id)
    if data.consent != "not_asked":
        await consents.record(
            session,
            acting,
            case.id,
            ConsentCreate(
                status=data.consent,
                recorded_at=_tokyo_date(data.intake.received_at),
                method="verbal",
                note="相談受付時に確認",
            ),
            None,
        )
    records_repository.add(
        session,
        SupportRecord(
            case_id=case.id,
            kind=RECORD_KIND.get(data.intake.channel, "other"),
            occurred_at=data.intake.received_at,
            minutes_spent=0,
            author=data.opened_by,
            text=f"【相談受付】\n{data.intake.summary}",
            source=RecordSource.intake,
        ),
    )
    await session.flush()
    return CaseOpened(id=case.id, household_id=household.id, created=True, opened_at=case.opened_at)


def _tokyo_date(moment: datetime) -> str:
    return moment.astimezone(TOKYO).strftime(TOKYO_DATE_FORMAT)


async def tell_of_follow_up(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, data: ReportFollowUp
) -> None:
    """A follow-up to the report this case came from (or was linked to): its lead hears of it (intake-
    api has told the supervisors and the triager already). Only our services call this; the text
    stays in intake-api."""
    access.ensure_own_service(principal)
    case = await cases_repository.get(session, case_id)
    if case is None:
        raise NotFound()
    if case.lead_username is None:
        return
    notices.tell(
        session,
        kind="report_follow_up",
        text=f"ケース「{case.title}」のもとになった匿名の通報に続報が届きました。",
        # Where the follow-up is read and acknowledged. A lead outside the consultation's area gets
        # a 404 there (intake-api's rule); the supervisors, told too, can open it.
        link=f"/consultations/{data.consultation_id}",
        usernames=[case.lead_username],
    )
