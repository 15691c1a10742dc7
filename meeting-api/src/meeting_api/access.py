"""Who may see and change meeting bodies and meetings: the one authorization helper of meeting-api.

支援会議 (社会福祉法106条の6) material is bound by statutory confidentiality: only the active
members of its body see its meetings, agenda, material and minutes, whatever their role (no
supervisor, admin or system sees them by rank: 404), and a member who has not yet confirmed
the duty of confidentiality (守秘義務) gets 403 until they do. Lists show a 支援会議 meeting
only to members who have confirmed.

Other meetings: supervisors and admins see all; CSWs and SCs those of their area or citywide;
anyone sees the meetings they organise or take part in, or whose body they belong to (agency
contacts included); a system client with meetings:read sees them all.
"""

from sqlalchemy import ColumnElement, and_, exists, false, or_, true

from meeting_api.agenda.models import AgendaItem
from meeting_api.bodies.models import BodyMember, MeetingBody
from meeting_api.meetings.models import Meeting
from meeting_api.vocabulary import BodyType
from tsunagu_services.problems import Forbidden
from tsunagu_services.tokens import Principal

ALL_AREAS_ROLES = {"admin", "supervisor"}
AREA_ROLES = {"csw", "sc"}
STAFF_ROLES = {"admin", "supervisor", "csw", "sc"}
SCHEDULING_ROLES = {"admin", "supervisor", "csw", "sc"}
BODY_MANAGERS = {"admin", "supervisor"}
# Members who run a body's meetings besides the organiser.
RUNNING_MEMBER_ROLES = {"chair", "secretariat"}
# Roles that bring cases to a meeting (case-api decides whether they may see the case).
AGENDA_ROLES = {"admin", "supervisor", "csw"}


class ConfidentialityNotConfirmed(Forbidden):
    type = "/problems/confidentiality-not-confirmed"
    title = "支援会議の資料を見る前に、守秘義務（社会福祉法106条の6）の確認が必要です。"


def confidential(body_type: str) -> bool:
    """支援会議 is the one body bound by statutory confidentiality."""
    return body_type == BodyType.shien


def ensure_person(principal: Principal) -> None:
    """What belongs to a person (notifications, a calendar feed): a system client has none (403)."""
    if principal.is_system:
        raise Forbidden()


# --- bodies ---------------------------------------------------------------------------------------


def can_see_body(principal: Principal, body: MeetingBody, member: BodyMember | None) -> bool:
    """Staff see every body (names and members are not confidential); agency contacts their own."""
    if principal.is_system:
        return principal.has_scope("meetings:read")
    return principal.role in STAFF_ROLES or member is not None


def visible_bodies(principal: Principal) -> ColumnElement[bool]:
    """`can_see_body` as a WHERE clause."""
    if principal.is_system:
        return true() if principal.has_scope("meetings:read") else false()
    if principal.role in STAFF_ROLES:
        return true()
    return exists().where(
        BodyMember.body_id == MeetingBody.id,
        BodyMember.username == principal.username,
        BodyMember.removed_at.is_(None),
    )


def ensure_may_create_body(principal: Principal) -> None:
    """Admins and supervisors set up bodies."""
    if principal.is_system or principal.role not in BODY_MANAGERS:
        raise Forbidden()


def ensure_may_manage_body(principal: Principal, body: MeetingBody, member: BodyMember | None) -> None:
    """Admins and supervisors run bodies; a 支援会議 only an admin or a supervisor among its members.

    Otherwise a supervisor could make themself a member and read what the law keeps from them.
    """
    ensure_may_create_body(principal)
    if confidential(body.type) and principal.role != "admin" and member is None:
        raise Forbidden("支援会議の構成員を変更できるのは、管理者または構成員である統括だけです。")


def ensure_may_record_for_member(principal: Principal, body: MeetingBody, me: BodyMember | None) -> None:
    """A contact's written confirmation is recorded by an admin or the body's chair or secretariat."""
    if principal.role == "admin" and not principal.is_system:
        return
    if me is None or me.role not in RUNNING_MEMBER_ROLES:
        raise Forbidden("構成員に代わって守秘義務の確認を記録できるのは、管理者・議長・事務局です。")


# --- meetings -------------------------------------------------------------------------------------


def can_see(principal: Principal, meeting: Meeting, member: BodyMember | None) -> bool:
    """The rule of the module docstring for one meeting; `member` is the caller's active membership
    of the meeting's body, if any. Confirmation is checked apart (`ensure_confirmed`)."""
    if principal.is_system:
        return not confidential(meeting.body_type) and principal.has_scope("meetings:read")
    if confidential(meeting.body_type):
        return member is not None
    if (
        member is not None
        or meeting.organiser == principal.username
        or principal.username in meeting.participants
    ):
        return True
    if principal.role in ALL_AREAS_ROLES:
        return True
    if principal.role in AREA_ROLES:
        return meeting.area is None or meeting.area == principal.area
    return False


def ensure_confirmed(meeting: Meeting, member: BodyMember | None) -> None:
    """A 支援会議 member sees nothing of its meetings before confirming 守秘義務 (403)."""
    if confidential(meeting.body_type) and (member is None or member.confidentiality_confirmed_at is None):
        raise ConfidentialityNotConfirmed(body_id=str(meeting.body_id))


def _member_of_meeting_body(username: str, *, confirmed: bool) -> ColumnElement[bool]:
    conditions = [
        BodyMember.body_id == Meeting.body_id,
        BodyMember.username == username,
        BodyMember.removed_at.is_(None),
    ]
    if confirmed:
        conditions.append(BodyMember.confidentiality_confirmed_at.is_not(None))
    return exists().where(*conditions)


def visible(principal: Principal) -> ColumnElement[bool]:
    """`can_see` and `ensure_confirmed` together, as a WHERE clause for lists."""
    is_confidential = Meeting.body_type == BodyType.shien
    if principal.is_system:
        return and_(~is_confidential, true() if principal.has_scope("meetings:read") else false())
    username = principal.username
    closed = and_(is_confidential, _member_of_meeting_body(username, confirmed=True))
    mine = [
        Meeting.organiser == username,
        Meeting.participants.contains([username]),
        _member_of_meeting_body(username, confirmed=False),
    ]
    if principal.role in ALL_AREAS_ROLES:
        mine.append(true())
    elif principal.role in AREA_ROLES:
        mine.append(Meeting.area.is_(None))
        if principal.area is not None:
            mine.append(Meeting.area == principal.area)
    return or_(closed, and_(~is_confidential, or_(*mine)))


def in_feed(username: str) -> ColumnElement[bool]:
    """A personal calendar feed: meetings the user organises or attends that they may still see."""
    is_confidential = Meeting.body_type == BodyType.shien
    theirs = or_(Meeting.organiser == username, Meeting.participants.contains([username]))
    return and_(theirs, or_(~is_confidential, _member_of_meeting_body(username, confirmed=True)))


def ensure_may_schedule(principal: Principal) -> None:
    """Supervisors, admins, CSWs and SCs schedule meetings."""
    if principal.is_system or principal.role not in SCHEDULING_ROLES:
        raise Forbidden()


def ensure_may_schedule_for(principal: Principal, body: MeetingBody, member: BodyMember | None) -> None:
    """A 支援会議 is scheduled by its members only, once they have confirmed 守秘義務."""
    ensure_may_schedule(principal)
    if confidential(body.type):
        if member is None:
            raise Forbidden("支援会議を設定できるのはその会議体の構成員だけです。")
        if member.confidentiality_confirmed_at is None:
            raise ConfidentialityNotConfirmed(body_id=str(body.id))


def may_run(principal: Principal, meeting: Meeting, member: BodyMember | None) -> bool:
    """Who changes a visible meeting and writes its minutes: organiser, supervisors, admins, and the
    chair or secretariat of its body."""
    if principal.is_system or principal.role not in STAFF_ROLES:
        return False
    return (
        meeting.organiser == principal.username
        or principal.role in ALL_AREAS_ROLES
        or (member is not None and member.role in RUNNING_MEMBER_ROLES)
    )


def ensure_may_run(principal: Principal, meeting: Meeting, member: BodyMember | None) -> None:
    if not may_run(principal, meeting, member):
        raise Forbidden("会議を変更できるのは主催者・統括・会議体の議長と事務局です。")


def ensure_may_add_agenda(principal: Principal, meeting: Meeting, member: BodyMember | None) -> None:
    """Those who run the meeting, and CSWs who take part in it or belong to its body."""
    if may_run(principal, meeting, member):
        return
    taking_part = principal.username in meeting.participants or member is not None
    if principal.is_system or principal.role not in AGENDA_ROLES or not taking_part:
        raise Forbidden("議題を追加できるのは会議の主催者・統括・参加する CSW です。")


def ensure_may_remove_agenda_item(
    principal: Principal, meeting: Meeting, member: BodyMember | None, item: AgendaItem
) -> None:
    """Those who run the meeting, or whoever added the item, take it off the agenda (403)."""
    if not may_run(principal, meeting, member) and item.added_by != principal.username:
        raise Forbidden("議題を外せるのは会議を運営する人か、議題を追加した人です。")


# --- statistics -----------------------------------------------------------------------------------

STATISTICS_SCOPE = "statistics:read"


def statistics_area(principal: Principal, area: str | None) -> str | None:
    """The area the caller's monthly figures may cover (None: every area).

    Counts only (meetings held by body, cases discussed): no 支援会議 material is in them, so the
    rule is the same as the other services' figures. Supervisors, admins and systems holding
    statistics:read: any area or all; a CSW their own area only (403 for another); others 403.
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
