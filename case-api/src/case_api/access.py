"""Who may see and open cases: the one authorization helper of case-api."""

from typing import Literal

from sqlalchemy import ColumnElement, false, or_, true

from case_api.cases.models import Case
from tsunagu_services.problems import Forbidden, NotFound
from tsunagu_services.tokens import Principal

ALL_AREAS_ROLES = {"admin", "supervisor"}
OPENING_ROLES = {"admin", "supervisor", "csw"}

# sc and agency see the cases shared with them (their agency, or them by name).
# Sharing is not built yet, so both see nothing: add the share to `can_see` and
# `visible` together when it comes.


def can_see(principal: Principal, case: Case) -> bool:
    """Supervisors see all; a CSW their own area and the cases they lead; systems need a scope."""
    if principal.role in ALL_AREAS_ROLES:
        return True
    if principal.is_system:
        return principal.has_scope("cases:read")
    if principal.role == "csw":
        in_area = principal.area is not None and case.area == principal.area
        return in_area or case.lead_username == principal.username
    return False


def visible(principal: Principal) -> ColumnElement[bool]:
    """The same rule as `can_see`, as a WHERE clause for lists."""
    if principal.role in ALL_AREAS_ROLES:
        return true()
    if principal.is_system:
        return true() if principal.has_scope("cases:read") else false()
    if principal.role == "csw":
        leads = Case.lead_username == principal.username
        return or_(Case.area == principal.area, leads) if principal.area is not None else leads
    return false()


def ensure_may_open(principal: Principal, area: str) -> None:
    """Supervisors open cases in any area, a CSW in their own; systems need cases:write."""
    if principal.is_system:
        if not principal.has_scope("cases:write"):
            raise Forbidden()
    elif principal.role not in OPENING_ROLES:
        raise Forbidden()
    elif principal.role == "csw" and area != principal.area:
        raise Forbidden("CSW は担当圏域のケースのみ開始できます。")


CasePart = Literal["records", "plan", "consents", "safety_checks", "agencies"]
WRITING_ROLES = {"admin", "supervisor", "csw"}


def ensure_part_visible(principal: Principal, case: Case, part: CasePart) -> None:
    """Beyond the summary, an agency member sees only the parts the person's consent allows.

    Call after `cases.service.read` (which already 404s a case the caller may not see).
    Until consent scopes exist, agency members see no part at all (deny by default).
    """
    if principal.role == "agency":
        raise NotFound()


def ensure_may_write(principal: Principal, case: Case) -> None:
    """Staff who may see a case may add to it (records, plan, safety checks); others may not."""
    if principal.role not in WRITING_ROLES:
        raise Forbidden()
