"""Who may see and record consultations: the one authorization helper of intake-api."""

from sqlalchemy import ColumnElement, false, or_, true

from intake_api.consultations.models import Consultation
from tsunagu_services.problems import Forbidden
from tsunagu_services.tokens import Principal

ALL_AREAS_ROLES = {"admin", "supervisor"}
# Anonymous reports arrive without an area; every CSW sees them until triage assigns one.
UNASSIGNED_AREA = "unassigned"
RECORDING_ROLES = {"admin", "supervisor", "csw"}


def can_see(principal: Principal, consultation: Consultation) -> bool:
    """Supervisors see all; a CSW their own area and what they received; systems need a scope."""
    if principal.role in ALL_AREAS_ROLES:
        return True
    if principal.is_system:
        return principal.has_scope("consultations:read")
    if principal.role == "csw":
        return consultation.area in (principal.area, UNASSIGNED_AREA) or (
            consultation.received_by == principal.username
        )
    return False


def visible(principal: Principal) -> ColumnElement[bool]:
    """The same rule as `can_see`, as a WHERE clause for lists."""
    if principal.role in ALL_AREAS_ROLES:
        return true()
    if principal.is_system:
        return true() if principal.has_scope("consultations:read") else false()
    if principal.role == "csw":
        return or_(
            Consultation.area.in_([principal.area, UNASSIGNED_AREA]),
            Consultation.received_by == principal.username,
        )
    return false()


def ensure_may_triage(principal: Principal) -> None:
    """Desk staff triage; systems and partners do not."""
    if principal.is_system or principal.role not in RECORDING_ROLES:
        raise Forbidden()


def ensure_may_open_case(principal: Principal, area: str) -> None:
    """Mirrors case-api's rule, which cannot see the user behind intake's service token."""
    if principal.role == "csw" and area != principal.area:
        raise Forbidden("CSW は担当圏域のケースのみ開始できます。")


def ensure_may_record(principal: Principal) -> None:
    """Staff at the desk record consultations; systems need consultations:write."""
    if principal.is_system:
        if not principal.has_scope("consultations:write"):
            raise Forbidden()
    elif principal.role not in RECORDING_ROLES:
        raise Forbidden()


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


def ensure_may_see_attention(principal: Principal) -> None:
    """The supervisors' attention view (what is waiting too long): supervisors and admins only."""
    if principal.is_system or principal.role not in ALL_AREAS_ROLES:
        raise Forbidden()
