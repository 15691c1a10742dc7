"""Who may see and schedule meetings: the one authorization helper of meeting-api.

支援会議 (社会福祉法106条の6) material is bound by statutory confidentiality: its
members alone see it, whatever their role; no supervisor, admin or system sees
it by rank. Until body membership (BodyMember) exists, its only member is the
organiser: widen `_is_member` and `_member_clause` together when it comes.
"""

from sqlalchemy import ColumnElement, and_, false, or_, true

from meeting_api.meetings.models import Meeting
from meeting_api.meetings.schemas import BodyType
from tsunagu_services.problems import Forbidden
from tsunagu_services.tokens import Principal

ALL_AREAS_ROLES = {"admin", "supervisor"}
AREA_ROLES = {"csw", "sc"}
SCHEDULING_ROLES = {"admin", "supervisor", "csw", "sc"}

# agency members see the meetings their agency takes part in; participation comes
# with the meetings issue, so for now they see none.


def can_see(principal: Principal, meeting: Meeting) -> bool:
    """支援会議 to its members only; others by role and area (see the module docstring)."""
    if meeting.body_type == BodyType.shien:
        return _is_member(principal, meeting)
    if principal.role in ALL_AREAS_ROLES:
        return True
    if principal.is_system:
        return principal.has_scope("meetings:read")
    if principal.role in AREA_ROLES:
        return (meeting.area is None or meeting.area == principal.area
                or meeting.organiser == principal.username)
    return False


def visible(principal: Principal) -> ColumnElement[bool]:
    """The same rule as `can_see`, as a WHERE clause for lists."""
    confidential = Meeting.body_type == BodyType.shien
    return or_(and_(confidential, _member_clause(principal)),
               and_(~confidential, _open_clause(principal)))


def ensure_may_schedule(principal: Principal) -> None:
    """Supervisors, admins, CSWs and SCs schedule meetings."""
    if principal.is_system or principal.role not in SCHEDULING_ROLES:
        raise Forbidden()


def _is_member(principal: Principal, meeting: Meeting) -> bool:
    return not principal.is_system and meeting.organiser == principal.username


def _member_clause(principal: Principal) -> ColumnElement[bool]:
    return false() if principal.is_system else Meeting.organiser == principal.username


def _open_clause(principal: Principal) -> ColumnElement[bool]:
    """Meetings other than 支援会議."""
    if principal.role in ALL_AREAS_ROLES:
        return true()
    if principal.is_system:
        return true() if principal.has_scope("meetings:read") else false()
    if principal.role in AREA_ROLES:
        mine = [Meeting.area.is_(None), Meeting.organiser == principal.username]
        if principal.area is not None:
            mine.append(Meeting.area == principal.area)
        return or_(*mine)
    return false()
