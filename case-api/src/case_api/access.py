"""Who may see and change cases: the one authorization helper of case-api.

Seeing a case: supervisors and admins see all; a CSW their own area and the cases they lead;
anyone a case is shared with by name (a user share); an agency member the cases shared with
their agency; a system client with cases:read. Everyone else gets 404.

How much: everyone above sees the whole case, except an agency member who sees it only through an
agency share: they get the summary, and the parts the person's current consent (本人同意) opens to
their agency, nothing more. `cases.service.read` loads the shares and the consent that decide it and
attaches the resulting `CaseView` to the case, so that `ensure_part_visible` stays synchronous.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, and_, exists, false, inspect, or_, select, true
from sqlalchemy.orm import aliased

from case_api.activities import repository as activities_repository
from case_api.activities.models import CommunityActivity
from case_api.cases.models import Case
from case_api.consents.models import Consent
from case_api.records.models import SupportRecord
from case_api.safety_checks import repository as safety_checks_repository
from case_api.safety_checks.models import SafetyCheck
from case_api.shares.models import CaseShare
from tsunagu_services.problems import Forbidden, NotFound
from tsunagu_services.tokens import Principal

SERVICE_SCOPE = "service"
ALL_AREAS_ROLES = {"admin", "supervisor"}
OPENING_ROLES = {"admin", "supervisor", "csw"}
WRITING_ROLES = {"admin", "supervisor", "csw"}

CasePart = Literal["records", "plan", "consents", "safety_checks", "agencies"]


@dataclass(frozen=True)
class CaseView:
    """How much of one case the caller sees: all of it, or the summary plus the listed parts."""

    full: bool
    parts: frozenset[str] = frozenset()


FULL_VIEW = CaseView(full=True)
SUMMARY_ONLY = CaseView(full=False)
_VIEW_KEY = "case_api.access.view"


def _user_share(principal: Principal, shares: Sequence[CaseShare]) -> bool:
    return any(
        s.grantee_kind == "user" and s.grantee == principal.username and s.revoked_at is None for s in shares
    )


def _agency_share(principal: Principal, shares: Sequence[CaseShare]) -> bool:
    return (
        principal.role == "agency"
        and principal.agency_id is not None
        and any(
            s.grantee_kind == "agency" and s.grantee == principal.agency_id and s.revoked_at is None
            for s in shares
        )
    )


def system_reads_cases(principal: Principal) -> bool:
    """A system client with cases:read, or one of our own services (scope `service`), which acts
    for a user already authorized where the request began (intake's triage, a meeting's decision)."""
    return principal.has_scope("cases:read") or principal.has_scope(SERVICE_SCOPE)


def is_own_service(principal: Principal) -> bool:
    """One of Tsunagu's own services (intake-api, meeting-api), by its service token."""
    return principal.is_system and principal.has_scope(SERVICE_SCOPE)


def ensure_own_service(principal: Principal) -> None:
    """Hand-offs between our services: nobody else may call them."""
    if not is_own_service(principal):
        raise Forbidden()


def acting_for(service: Principal, username: str) -> Principal:
    """The service, writing on behalf of the staff member it names (who is recorded as author)."""
    return Principal(
        sub=service.sub, username=username, role="system", scopes=service.scopes, display_name=username
    )


def sees_by_role(principal: Principal, case: Case) -> bool:
    """Visible without any share: by role, area, lead, or a system scope."""
    if principal.role in ALL_AREAS_ROLES:
        return True
    if principal.is_system:
        return system_reads_cases(principal)
    if principal.role == "csw":
        in_area = principal.area is not None and case.area == principal.area
        return in_area or case.lead_username == principal.username
    return False


def shares_may_decide(principal: Principal, case: Case) -> bool:
    """Whether the caller's shares of the case matter (neither their role nor a system scope decides)."""
    return not (sees_by_role(principal, case) or principal.is_system)


def can_see(principal: Principal, case: Case, shares: Sequence[CaseShare] = ()) -> bool:
    """The rule above for one case; `shares` are the case's active shares (others are ignored)."""
    if sees_by_role(principal, case):
        return True
    if principal.is_system:
        return False  # a system client's rights are its scopes, never a share
    return _user_share(principal, shares) or _agency_share(principal, shares)


def view_of(
    principal: Principal, case: Case, shares: Sequence[CaseShare], consent: Consent | None
) -> CaseView:
    """What a caller who may see the case sees of it; `consent` is the current one (or None)."""
    if principal.role != "agency" or sees_by_role(principal, case) or _user_share(principal, shares):
        return FULL_VIEW
    if consent is not None and consent.status == "given" and principal.agency_id in consent.scope_agencies:
        return CaseView(full=False, parts=frozenset(consent.scope_parts))
    return SUMMARY_ONLY


def needs_consent(principal: Principal, case: Case, shares: Sequence[CaseShare]) -> bool:
    """Whether the caller's view depends on the consent scope (an agency member seeing by agency share)."""
    return view_of(principal, case, shares, None) != FULL_VIEW


def attach_view(case: Case, view: CaseView) -> None:
    """Remember on the loaded case what this request's caller sees of it."""
    inspect(case).info[_VIEW_KEY] = view


def _view(principal: Principal, case: Case) -> CaseView:
    attached = inspect(case).info.get(_VIEW_KEY)
    if isinstance(attached, CaseView):
        return attached
    # A case not loaded through cases.service.read: deny agency members any part (safe default).
    return SUMMARY_ONLY if principal.role == "agency" else FULL_VIEW


def _shared_with(principal: Principal, *, agency: bool = True) -> ColumnElement[bool]:
    """EXISTS an active share of the case (correlated to support_case) naming the caller."""
    grantee = and_(CaseShare.grantee_kind == "user", CaseShare.grantee == principal.username)
    if agency and principal.role == "agency" and principal.agency_id is not None:
        grantee = or_(
            grantee, and_(CaseShare.grantee_kind == "agency", CaseShare.grantee == principal.agency_id)
        )
    return exists().where(CaseShare.case_id == Case.id, CaseShare.revoked_at.is_(None), grantee)


def _by_role(principal: Principal) -> ColumnElement[bool]:
    if principal.role in ALL_AREAS_ROLES:
        return true()
    if principal.is_system:
        return true() if system_reads_cases(principal) else false()
    if principal.role == "csw":
        leads = Case.lead_username == principal.username
        return or_(Case.area == principal.area, leads) if principal.area is not None else leads
    return false()


def visible(principal: Principal) -> ColumnElement[bool]:
    """The same rule as `can_see`, as a WHERE clause for lists of cases."""
    if principal.role in ALL_AREAS_ROLES or principal.is_system:
        return _by_role(principal)
    return or_(_by_role(principal), _shared_with(principal))


def visible_part(principal: Principal, part: CasePart) -> ColumnElement[bool]:
    """`visible` and `ensure_part_visible` together, as a WHERE clause for lists across cases.

    For lists of one part over many cases (e.g. every safety check due): an agency member gets
    the cases shared with them by name, and those shared with their agency whose current consent
    opens `part` to it.
    """
    if principal.role != "agency":
        return visible(principal)
    by_name = _shared_with(principal, agency=False)
    if principal.agency_id is None:
        return by_name
    latest = aliased(Consent)
    current_id = (
        select(latest.id)
        .where(latest.case_id == Case.id)
        .order_by(latest.recorded_at.desc(), latest.created_at.desc(), latest.id.desc())
        .limit(1)
        .correlate(Case)
        .scalar_subquery()
    )  # two levels down: name the outer table
    consent_opens = exists().where(
        Consent.id == current_id,
        Consent.status == "given",
        Consent.scope_agencies.contains([principal.agency_id]),
        Consent.scope_parts.contains([part]),
    )
    by_agency = exists().where(
        CaseShare.case_id == Case.id,
        CaseShare.revoked_at.is_(None),
        CaseShare.grantee_kind == "agency",
        CaseShare.grantee == principal.agency_id,
    )
    return or_(by_name, and_(by_agency, consent_opens))


def ensure_may_open(principal: Principal, area: str) -> None:
    """Supervisors open cases in any area, a CSW in their own; systems need cases:write."""
    if principal.is_system:
        if not (principal.has_scope("cases:write") or is_own_service(principal)):
            raise Forbidden()
    elif principal.role not in OPENING_ROLES:
        raise Forbidden()
    elif principal.role == "csw" and area != principal.area:
        raise Forbidden("CSW は担当圏域のケースのみ開始できます。")


def ensure_part_visible(principal: Principal, case: Case, part: CasePart) -> None:
    """Beyond the summary, an agency member sees only the parts the person's consent allows (404).

    Call after `cases.service.read` (which already 404s a case the caller may not see, and
    attaches what the caller sees of it).
    """
    view = _view(principal, case)
    if not (view.full or part in view.parts):
        raise NotFound()


def ensure_full_view(principal: Principal, case: Case) -> None:
    """What is neither summary nor a consentable part (history, shares, recommendation): 404 for
    an agency member who sees the case only through their agency."""
    if not _view(principal, case).full:
        raise NotFound()


def ensure_may_write(principal: Principal, case: Case) -> None:
    """Staff who may see a case may add to it (records, plan, safety checks); others may not."""
    if principal.role not in WRITING_ROLES and not is_own_service(principal):
        raise Forbidden()


def may_manage(principal: Principal, case: Case) -> bool:
    """Supervisors, admins, the lead, and CSWs of the case's area run the case itself."""
    if principal.role in ALL_AREAS_ROLES or is_own_service(principal):
        return True
    if principal.role == "csw":
        return case.lead_username == principal.username or (
            principal.area is not None and case.area == principal.area
        )
    return False


def ensure_may_manage(principal: Principal, case: Case) -> None:
    """Status, details, flags, consent and shares: supervisors, admins, the lead, same-area CSWs (403).

    A CSW of another area who sees a case through a share may add records, not run the case.
    """
    if not may_manage(principal, case):
        raise Forbidden("ケースの管理は統括・主担当・同じ圏域の CSW が行います。")


def ensure_may_override(principal: Principal) -> None:
    """Only supervisors (and admins) change the body a case goes to (DOMAIN.md step 5)."""
    if principal.role not in ALL_AREAS_ROLES:
        raise Forbidden("会議体の変更は統括のみが行えます。")


# Persons and households (対象者・世帯) hold identifying basics only, never case content.
# Staff who triage and run cases find and record them across areas: a CSW at triage must
# find a person another area already supports, to link rather than duplicate. Others
# (sc, agency, system clients) neither search nor read them until sharing says otherwise.
PERSON_ROLES = {"admin", "supervisor", "csw"}


def ensure_may_search_persons(principal: Principal) -> None:
    """Admins, supervisors and CSWs may search persons in every area; anyone else gets 403."""
    if principal.is_system or principal.role not in PERSON_ROLES:
        raise Forbidden()


def can_read_person(principal: Principal) -> bool:
    """Whether the caller may read persons and households (read them as 404 otherwise)."""
    return is_own_service(principal) or (not principal.is_system and principal.role in PERSON_ROLES)


def ensure_may_write_persons(principal: Principal) -> None:
    """Admins, supervisors and CSWs record households and correct persons; anyone else gets 403."""
    if not can_read_person(principal):
        raise Forbidden()


# Records (支援経過): after `ensure_part_visible` and `ensure_may_write` on the case.


def ensure_may_edit_record(principal: Principal, record: SupportRecord) -> None:
    """A record is changed in place by its author only; anyone else adds an amendment (403)."""
    if record.author != principal.username:
        raise Forbidden("記録を編集できるのは記録した本人だけです。訂正記録を追加してください。")


# Support plans (支援プラン): after `ensure_part_visible(..., "plan")` on the case.
# meeting-api delivers decisions with a service token; other systems need cases:write.
DELIVERING_SCOPES = ("cases:write", SERVICE_SCOPE)


def ensure_may_deliver_plan_actions(principal: Principal, case: Case) -> None:
    """A meeting decision's actions: systems holding a delivering scope, staff who may write (403)."""
    if principal.is_system:
        if not any(principal.has_scope(scope) for scope in DELIVERING_SCOPES):
            raise Forbidden()
    else:
        ensure_may_write(principal, case)


# Safety checks (安否確認): staff see them by area, assignment and case; systems only raise them.
SAFETY_CHECK_ROLES = {"admin", "supervisor", "csw"}
# Intake raises checks through its outbox with a service token; other systems need the scope.
RAISING_SCOPES = ("safety-checks:write", SERVICE_SCOPE)


def safety_checks_visible(principal: Principal) -> ColumnElement[bool]:
    """Supervisors see every check; a CSW their area's, those assigned to them and their cases'."""
    if principal.role in ALL_AREAS_ROLES:
        return true()
    if principal.role == "csw":
        return safety_checks_repository.visible_where(
            area=principal.area, username=principal.username, cases=visible(principal)
        )
    return false()


def ensure_may_raise_safety_check(principal: Principal) -> None:
    """Staff raise checks; a system needs safety-checks:write or to be one of our services (403)."""
    if principal.is_system:
        if not any(principal.has_scope(scope) for scope in RAISING_SCOPES):
            raise Forbidden()
    elif principal.role not in SAFETY_CHECK_ROLES:
        raise Forbidden()


def ensure_may_link_safety_check(principal: Principal, case: Case) -> None:
    """Staff raise a check on (or link it to) a case they may write to; a system, one it may see."""
    if not principal.is_system:
        ensure_may_write(principal, case)


def ensure_may_list_safety_checks(principal: Principal) -> None:
    """The list of checks across cases is staff's (403)."""
    if principal.role not in SAFETY_CHECK_ROLES:
        raise Forbidden()


def ensure_may_change_safety_check(principal: Principal, check: SafetyCheck) -> None:
    """Reassign, move or link a visible check: supervisors, or the CSW of its area (403)."""
    if not (principal.role in ALL_AREAS_ROLES or (principal.role == "csw" and principal.area == check.area)):
        raise Forbidden("安否確認を変更できるのは統括と担当圏域の CSW です。")


def ensure_may_record_safety_check_outcome(principal: Principal) -> None:
    """Outcomes are staff's; to anyone else the check does not exist (404)."""
    if principal.role not in SAFETY_CHECK_ROLES:
        raise NotFound()


# Community activities (地域づくり活動): a CSW's own and their area's; supervisors all of them.
ACTIVITY_ROLES = {"admin", "supervisor", "csw"}


def sees_all_activities(principal: Principal) -> bool:
    """Supervisors and admins see (and log for) every CSW."""
    return principal.role in ALL_AREAS_ROLES


def activity_logged_as(principal: Principal, csw: str | None, area: str | None) -> tuple[str, str] | None:
    """Whose activity the caller may log: a CSW their own, in their area (403 for any other); None
    for supervisors, who log for the CSW and area they name."""
    if principal.role not in ACTIVITY_ROLES:
        raise Forbidden()
    if sees_all_activities(principal):
        return None
    if principal.area is None:
        raise Forbidden("担当圏域のない CSW は活動を記録できません。")
    if csw not in (None, principal.username) or area not in (None, principal.area):
        raise Forbidden("CSW は自分の担当圏域の活動のみ記録できます。")
    return principal.username, principal.area


def activities_visible(principal: Principal) -> ColumnElement[bool]:
    """`can_see_activity` as a WHERE clause; 403 for anyone who sees no activity at all."""
    if sees_all_activities(principal):
        return activities_repository.visible_where(all_areas=True, area=None, username=principal.username)
    if principal.role == "csw":
        return activities_repository.visible_where(
            all_areas=False, area=principal.area, username=principal.username
        )
    raise Forbidden()


def can_see_activity(principal: Principal, activity: CommunityActivity) -> bool:
    """Supervisors see every activity; a CSW their own and those of their area."""
    if sees_all_activities(principal):
        return True
    return principal.role == "csw" and (activity.csw == principal.username or activity.area == principal.area)


def ensure_may_change_activity(principal: Principal, activity: CommunityActivity) -> None:
    """A visible activity is changed by its CSW or a supervisor (403)."""
    if not (sees_all_activities(principal) or activity.csw == principal.username):
        raise Forbidden("活動記録を変更できるのは本人と統括です。")


def workload_limited_to(principal: Principal) -> str | None:
    """Who may see the workload split: staff, and systems holding statistics:read (the monthly
    statistics carry it); others 403. A CSW sees only their own row: their username, else None."""
    if principal.is_system:
        if not principal.has_scope("statistics:read"):
            raise Forbidden()
    elif principal.role not in ACTIVITY_ROLES:
        raise Forbidden()
    return principal.username if principal.role == "csw" else None


# Agency directory (関係機関): every signed-in person reads it; admins and supervisors keep it.
AGENCY_EDITOR_ROLES = {"admin", "supervisor"}
AGENCY_READER_ROLES = {"admin", "supervisor", "csw", "sc", "agency"}


def ensure_may_read_agencies(principal: Principal) -> None:
    """Staff and agency members read the directory; systems need agencies:read (403)."""
    if principal.is_system:
        if not principal.has_scope("agencies:read"):
            raise Forbidden()
    elif principal.role not in AGENCY_READER_ROLES:
        raise Forbidden()


def ensure_may_edit_agencies(principal: Principal) -> None:
    """Admins and supervisors add and change agencies (403)."""
    if principal.role not in AGENCY_EDITOR_ROLES:
        raise Forbidden("関係機関の登録・変更は管理者と統括が行います。")


STATISTICS_SCOPE = "statistics:read"


def statistics_area(principal: Principal, area: str | None) -> str | None:
    """The area the caller's monthly figures may cover (None: every area).

    Supervisors, admins and systems holding statistics:read: any area or all; a CSW their own
    area only (403 for another); anyone else 403.
    """
    if principal.role in ALL_AREAS_ROLES:
        return area
    if principal.is_system:
        if not principal.has_scope(STATISTICS_SCOPE):
            raise Forbidden()
        return area
    if principal.role == "csw" and principal.area is not None:
        if area not in (None, principal.area):
            raise Forbidden("CSW は担当圏域の統計のみ閲覧できます。")
        return principal.area
    raise Forbidden()


def statistics_person(principal: Principal, csw: str | None) -> str | None:
    """Whose per-person figures (time per CSW) the caller may see: a CSW only their own row (403)."""
    if principal.role != "csw":
        return csw
    if csw not in (None, principal.username):
        raise Forbidden("ほかの職員の個人別の統計は閲覧できません。")
    return principal.username


def ensure_may_see_attention(principal: Principal) -> None:
    """The supervisors' attention view (what is overdue or out of touch): supervisors and admins only."""
    if principal.is_system or principal.role not in ALL_AREAS_ROLES:
        raise Forbidden()
