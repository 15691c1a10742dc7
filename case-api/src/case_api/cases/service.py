"""The rules of cases: open, read, change, close, recommend a meeting body (no commit, no HTTP)."""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from case_api import access
from case_api.cases import repository, rules
from case_api.cases.decisions import MeetingDecisions
from case_api.cases.models import Case, CaseEvent
from case_api.cases.schemas import (
    CaseCreate,
    CaseRead,
    CaseStatus,
    CaseUpdate,
    ConsentStatus,
    EventKind,
    ExistingSystem,
    HistoryPage,
    MeetingBody,
    OverrideCreate,
    RecommendationRead,
    Recommended,
    RiskFlag,
    StatusChange,
)
from case_api.cases.schemas import Override as OverrideRead
from case_api.consents import repository as consents
from case_api.consents.models import Consent
from case_api.households import repository as households
from case_api.shares import repository as shares
from tsunagu_services import notices
from tsunagu_services.etag import IfMatch
from tsunagu_services.problems import NotFound
from tsunagu_services.tokens import Principal


def _now() -> datetime:
    return datetime.now(UTC)


async def open_case(session: AsyncSession, principal: Principal, data: CaseCreate) -> CaseRead:
    """Open a case in status intake (受付), now unless a time is given; the history starts here."""
    access.ensure_may_open(principal, data.area)
    await households.ensure_exists(session, data.household_id)
    case = Case(
        **data.model_dump(exclude={"opened_at"}),
        opened_at=data.opened_at or _now(),
        status=CaseStatus.intake,
        created_by=principal.username,
    )
    repository.add(session, case)
    await session.flush()
    record_event(
        session,
        case,
        principal,
        EventKind.opened,
        None,
        {"title": case.title, "area": case.area, "lead_username": case.lead_username, "status": case.status},
    )
    _tell_lead(session, case, principal)
    await session.flush()
    await session.refresh(case)
    return _summary(case, None)


def _tell_lead(session: AsyncSession, case: Case, principal: Principal) -> None:
    """The new 主担当 hears of it (unless they assigned themselves)."""
    if case.lead_username:
        notices.tell(
            session,
            kind="case_assigned",
            text=f"ケース「{case.title}」の主担当になりました。",
            link=f"/cases/{case.id}",
            usernames=[case.lead_username],
            actor=principal.username,
        )


async def read(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> Case:
    """One case the caller may see (anything else is not found), with what they see of it attached."""
    case = await repository.get(session, case_id)
    if case is None:
        raise NotFound()
    granted = (
        []
        if not access.shares_may_decide(principal, case)
        else (await shares.active_for_caller(session, case.id, principal.username, principal.agency_id))
    )
    if not access.can_see(principal, case, granted):
        raise NotFound()
    consent = (
        await consents.current(session, case.id) if access.needs_consent(principal, case, granted) else None
    )
    access.attach_view(case, access.view_of(principal, case, granted, consent))
    return case


async def read_summary(session: AsyncSession, principal: Principal, case_id: uuid.UUID) -> CaseRead:
    """One case as its header shows it: consent, flags and the body it goes to."""
    case = await read(session, principal, case_id)
    return _summary(case, await consents.current(session, case.id))


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    *,
    area: str | None,
    status: CaseStatus | None,
    risk: RiskFlag | None = None,
    lead: str | None = None,
    q: str | None = None,
    overdue: bool = False,
    open_only: bool = False,
    limit: int,
    offset: int,
) -> tuple[list[CaseRead], int]:
    """The cases the caller may see, most recently opened first, each with its consent and body."""
    items, total = await repository.page(
        session,
        access.visible(principal),
        area=area,
        status=status,
        open_only=open_only,
        risk=risk,
        lead=lead,
        title_contains=q,
        overdue=overdue,
        limit=limit,
        offset=offset,
    )
    return await _summaries(session, items), total


async def update(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, data: CaseUpdate, if_match: IfMatch
) -> CaseRead:
    """Change title, lead, risk flags or the recommendation's facts; each change goes to the history."""
    case = await _for_change(session, principal, case_id, if_match)
    fields = data.model_dump(exclude_unset=True)
    changed = False
    if "title" in fields and fields["title"] != case.title:
        record_event(
            session, case, principal, EventKind.title, {"title": case.title}, {"title": fields["title"]}
        )
        case.title = fields["title"]
        changed = True
    if "lead_username" in fields and fields["lead_username"] != case.lead_username:
        record_event(
            session,
            case,
            principal,
            EventKind.lead,
            {"lead_username": case.lead_username},
            {"lead_username": fields["lead_username"]},
        )
        case.lead_username = fields["lead_username"]
        _tell_lead(session, case, principal)
        changed = True
    if "risk_flags" in fields:
        flags = sorted(set(fields["risk_flags"]))
        if flags != sorted(case.risk_flags):
            record_event(
                session,
                case,
                principal,
                EventKind.risk_flags,
                {"risk_flags": sorted(case.risk_flags)},
                {"risk_flags": flags},
            )
            case.risk_flags = flags
            changed = True
    fact_names = ("existing_system", "between_systems", "difficult")
    before = {name: getattr(case, name) for name in fact_names}
    after = {name: fields.get(name, before[name]) for name in fact_names}
    if after != before:
        record_event(session, case, principal, EventKind.facts, before, after)
        for name, value in after.items():
            setattr(case, name, value)
        changed = True
    if changed:
        await _bump(session, case)
    return _summary(case, await consents.current(session, case.id))


async def change_status(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    data: StatusChange,
    if_match: IfMatch,
    decisions: MeetingDecisions,
    authorization: str,
) -> CaseRead:
    """Move a case along its stages; closing needs a reason, and for a 重層事業 case the meeting
    decision (終結) that agreed it, which meeting-api must know as one about this case."""
    case = await _for_change(session, principal, case_id, if_match)
    consent = await consents.current(session, case.id)
    body = _recommendation(case, consent).effective_body
    juusou_case = body in rules.JUUSOU_BODIES
    problem = rules.check_transition(
        CaseStatus(case.status),
        data.to,
        closure_reason=data.closure_reason,
        decision_id=data.decision_id,
        juusou_case=juusou_case,
    )
    if problem is not None:
        raise problem
    if juusou_case and data.to is CaseStatus.closed and data.decision_id is not None:
        await decisions.ensure_closure_of(case.id, data.decision_id, authorization)
    before = _status_facts(case)
    case.status = data.to
    if data.to is CaseStatus.closed:
        case.closure_reason = data.closure_reason
        case.closure_detail = data.reason
        case.closure_decision_id = data.decision_id
        case.closed_at = _now()
    else:
        # Reopening clears the current closure; the history keeps it.
        case.closure_reason = case.closure_detail = case.closure_decision_id = case.closed_at = None
    record_event(session, case, principal, EventKind.status, before, _status_facts(case), data.reason)
    await _bump(session, case)
    return _summary(case, consent)


async def history(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, *, limit: int, offset: int
) -> HistoryPage:
    """Every change of a case, oldest first."""
    case = await read(session, principal, case_id)
    access.ensure_full_view(principal, case)
    items, total = await repository.events(session, case.id, limit=limit, offset=offset)
    return HistoryPage.model_validate({"items": items, "total": total})


async def recommendation(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID
) -> tuple[RecommendationRead, int]:
    """The recommended body with its reason, the supervisor's override, and the one that applies."""
    case = await read(session, principal, case_id)
    access.ensure_full_view(principal, case)
    return _recommendation(case, await consents.current(session, case.id)), case.version


async def override(
    session: AsyncSession,
    principal: Principal,
    case_id: uuid.UUID,
    data: OverrideCreate,
    if_match: IfMatch | None,
) -> tuple[RecommendationRead, int]:
    """A supervisor sets the body the case goes to, with a reason kept in the history."""
    case = await read(session, principal, case_id)
    access.ensure_may_override(principal)
    await _lock(session, case, if_match)
    consent = await consents.current(session, case.id)
    recommended = _recommendation(case, consent).recommended.body
    record_event(
        session,
        case,
        principal,
        EventKind.recommendation_override,
        {"body": case.override_body, "recommended": recommended},
        {"body": data.body, "recommended": recommended},
        data.reason,
    )
    case.override_body = data.body
    case.override_reason = data.reason
    case.override_by = principal.username
    case.override_at = _now()
    await _bump(session, case)
    return _recommendation(case, consent), case.version


async def for_management(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, if_match: IfMatch | None
) -> Case:
    """A case the caller may see and run (consent, shares), locked, its If-Match checked when sent."""
    return await _for_change(session, principal, case_id, if_match)


def record_event(
    session: AsyncSession,
    case: Case,
    principal: Principal,
    kind: EventKind,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    reason: str | None = None,
) -> None:
    """Append one change to the case's history."""
    repository.add_event(
        session,
        CaseEvent(
            case_id=case.id,
            at=_now(),
            actor=principal.username,
            kind=kind,
            before=_jsonable(before),
            after=_jsonable(after),
            reason=reason,
        ),
    )


async def bump_version(session: AsyncSession, case: Case) -> None:
    """The case's response changed (e.g. its consent): a new version, so stale ETags fail."""
    await _bump(session, case)


async def _for_change(
    session: AsyncSession, principal: Principal, case_id: uuid.UUID, if_match: IfMatch | None
) -> Case:
    case = await read(session, principal, case_id)
    access.ensure_may_manage(principal, case)
    await _lock(session, case, if_match)
    return case


async def _lock(session: AsyncSession, case: Case, if_match: IfMatch | None) -> None:
    await repository.lock(session, case)
    if if_match is not None:
        if_match.ensure(case.version)


async def _bump(session: AsyncSession, case: Case) -> None:
    case.version += 1
    await session.flush()
    await session.refresh(case)


def _status_facts(case: Case) -> dict[str, Any]:
    return {
        "status": case.status,
        "closure_reason": case.closure_reason,
        "decision_id": case.closure_decision_id,
    }


def _jsonable(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {k: str(v) if isinstance(v, uuid.UUID | datetime) else v for k, v in value.items()}


def _consent_status(consent: Consent | None) -> ConsentStatus:
    return ConsentStatus(consent.status) if consent is not None else ConsentStatus.not_asked


def _recommendation(case: Case, consent: Consent | None) -> RecommendationRead:
    recommended = rules.recommend_body(
        rules.Facts(
            existing_system=ExistingSystem(case.existing_system),
            between_systems=case.between_systems,
            difficult=case.difficult,
            consent=_consent_status(consent),
        )
    )
    overridden = None
    if case.override_body is not None:
        overridden = OverrideRead(
            body=MeetingBody(case.override_body),
            reason=case.override_reason or "",
            by=case.override_by or "",
            at=case.override_at or case.updated_at,
        )
    return RecommendationRead(
        recommended=Recommended(body=recommended.body, reason=recommended.reason_ja),
        override=overridden,
        effective_body=rules.effective_body(recommended.body, overridden.body if overridden else None),
    )


def _summary(case: Case, consent: Consent | None) -> CaseRead:
    return CaseRead.model_validate(
        {
            **case.model_dump(),
            "risk_flags": sorted(case.risk_flags),
            "consent_status": _consent_status(consent),
            "effective_body": _recommendation(case, consent).effective_body,
        }
    )


async def _summaries(session: AsyncSession, cases: Sequence[Case]) -> list[CaseRead]:
    current = await consents.current_for(session, [c.id for c in cases])
    return [_summary(c, current.get(c.id)) for c in cases]
