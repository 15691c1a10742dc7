"""Who may sign in, and as whom: staff users by password, systems by client credentials."""

import uuid

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.identity import repository
from gateway.identity.models import ApiClient, Area, StaffUser, user_search_text
from gateway.identity.passwords import hash_secret, needs_rehash, verify_secret
from gateway.identity.schemas import AreaCreate, AreaUpdate, UserCreate, UserUpdate
from gateway.sessions import service as sessions
from tsunagu_services.etag import check_if_match
from tsunagu_services.problems import Conflict, Forbidden, NotFound, ValidationFailed
from tsunagu_services.tokens import Principal


async def authenticate_user(session: AsyncSession, username: str, password: str) -> StaffUser | None:
    """The active user with this username and password, else None (same cost either way)."""
    user = await repository.user_by_username(session, username)
    matched = await verify_secret(user.password_hash if user else None, password)
    if user is None or not matched or not user.active:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = await hash_secret(password)
        await session.flush()
    return user


async def authenticate_client(session: AsyncSession, client_id: str, secret: str) -> ApiClient | None:
    """The active client with this id and secret, else None (same cost either way)."""
    client = await repository.client_by_id(session, client_id)
    matched = await verify_secret(client.secret_hash if client else None, secret)
    if client is None or not matched or not client.active:
        return None
    return client


def user_principal(user: StaffUser) -> Principal:
    """The identity a staff user's token carries."""
    return Principal(
        sub=str(user.id),
        username=user.username,
        role=user.role,
        display_name=user.display_name,
        area=user.area,
        agency_id=user.agency_id,
    )


def client_principal(client: ApiClient, scopes: frozenset[str]) -> Principal:
    """The identity a client's token carries: role `system`, with the granted scopes."""
    # Services and external systems are both "system" to the services; scopes tell them apart.
    return Principal(
        sub=client.client_id,
        username=client.client_id,
        role="system",
        display_name=client.display_name,
        scopes=scopes,
    )


async def list_areas(session: AsyncSession) -> list[Area]:
    """All areas, in the municipality's order."""
    return await repository.areas(session)


# --- the staff directory ------------------------------------------------------------------------

STAFF_ROLES_SEEING_ALL = ("admin", "supervisor", "csw", "sc")


class UsernameTaken(Conflict):
    type = "/problems/username-taken"
    title = "このユーザー名はすでに使われています。"


class AreaCodeTaken(Conflict):
    type = "/problems/area-code-taken"
    title = "この圏域コードはすでに使われています。"


class LastAdministrator(Conflict):
    type = "/problems/own-administrator-account"
    title = "ご自身の管理者権限は、ここでは外せません（ほかの管理者に依頼してください）。"


def _directory_scope(principal: Principal) -> str | None:
    """The agency whose members the caller may list; None for every member of staff."""
    if principal.is_system or principal.role in STAFF_ROLES_SEEING_ALL:
        return None
    if principal.role == "agency" and principal.agency_id:
        return principal.agency_id
    raise Forbidden()


async def list_users(
    session: AsyncSession,
    principal: Principal,
    *,
    q: str | None,
    role: str | None,
    area: str | None,
    include_inactive: bool,
    limit: int,
    offset: int,
) -> tuple[list[StaffUser], int]:
    """The directory as the caller may see it: agency members see their own colleagues only, and only
    administrators see former staff."""
    return await repository.users(
        session,
        q=q,
        role=role,
        area=area,
        agency_id=_directory_scope(principal),
        include_inactive=include_inactive and principal.role == "admin",
        limit=limit,
        offset=offset,
    )


async def user_names(session: AsyncSession, principal: Principal, usernames: list[str]) -> list[StaffUser]:
    """Names for usernames found in records (former staff too: an old record still names them)."""
    if not principal.is_system and principal.role not in (*STAFF_ROLES_SEEING_ALL, "agency"):
        raise Forbidden()
    return await repository.user_names(session, sorted(set(usernames)))


async def read_user(session: AsyncSession, principal: Principal, user_id: uuid.UUID) -> StaffUser:
    user = await session.get(StaffUser, user_id)
    scope = _directory_scope(principal)
    if user is None or (
        scope is not None and user.agency_id != scope and user.username != principal.username
    ):
        raise NotFound()
    if not user.active and principal.role != "admin":
        raise NotFound()
    return user


async def _check_assignment(
    session: AsyncSession, role: str, area: str | None, agency_id: str | None
) -> None:
    """What each role needs: a CSW an area, an agency member an agency; nobody else an agency."""
    if role == "csw" and area is None:
        raise ValidationFailed.for_field("area", "a CSW works in an area")
    if role == "agency" and agency_id is None:
        raise ValidationFailed.for_field("agency_id", "an agency member belongs to an agency")
    if role != "agency" and agency_id is not None:
        raise ValidationFailed.for_field("agency_id", "only agency members belong to an agency")
    if area is not None and await session.get(Area, area) is None:
        raise ValidationFailed.for_field("area", "no such area")


async def create_user(session: AsyncSession, data: UserCreate) -> StaffUser:
    await _check_assignment(session, data.role, data.area, data.agency_id)
    values = data.model_dump(exclude={"password"})
    statement = (
        insert(StaffUser)
        .values(
            id=uuid.uuid4(),
            **values,
            search_text=user_search_text(data.display_name, data.display_kana, data.username),
            password_hash=await hash_secret(data.password),
            active=True,
            version=1,
        )
        .on_conflict_do_nothing(index_elements=[StaffUser.username])
        .returning(StaffUser.id)
    )
    # The unique username decides between two identical requests at once: one is created, one is 409.
    created = (await session.execute(statement)).scalar_one_or_none()
    if created is None:
        raise UsernameTaken()
    user = await session.get(StaffUser, created)
    assert user is not None
    return user


async def update_user(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, data: UserUpdate, if_match: str | None
) -> StaffUser:
    user = await repository.user_for_update(session, user_id)
    if user is None:
        raise NotFound()
    check_if_match(if_match, user.version)
    changes = data.model_dump(exclude_unset=True)
    for field in ("display_name", "role", "active"):
        if field in changes and changes[field] is None:
            raise ValidationFailed.for_field(field, "cannot be empty")
    if user.id == uuid.UUID(principal.sub) and (
        changes.get("role", "admin") != "admin" or changes.get("active", True) is False
    ):
        raise LastAdministrator()
    role = changes.get("role", user.role)
    area = changes["area"] if "area" in changes else user.area
    agency_id = changes["agency_id"] if "agency_id" in changes else user.agency_id
    await _check_assignment(session, role, area, agency_id)
    ends_access = changes.get("active") is False or role != user.role or agency_id != user.agency_id
    for field, value in changes.items():
        setattr(user, field, value)
    user.version += 1
    await session.flush()
    if ends_access:
        # Signed in elsewhere with the old rights: those sessions end now, their access token within 5 min.
        await sessions.revoke_all(session, user.id, principal.username, reason="account_changed")
    return user


async def reset_password(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, password: str
) -> None:
    user = await repository.user_for_update(session, user_id)
    if user is None:
        raise NotFound()
    user.password_hash = await hash_secret(password)
    user.version += 1
    await session.flush()
    await sessions.revoke_all(session, user.id, principal.username, reason="password_reset")


async def create_area(session: AsyncSession, data: AreaCreate) -> Area:
    statement = (
        insert(Area)
        .values(
            code=data.code, name=data.name, sort_order=data.sort_order, population=data.population, version=1
        )
        .on_conflict_do_nothing(index_elements=[Area.code])
        .returning(Area.code)
    )
    if (await session.execute(statement)).scalar_one_or_none() is None:
        raise AreaCodeTaken()
    area = await session.get(Area, data.code)
    assert area is not None
    return area


async def update_area(session: AsyncSession, code: str, data: AreaUpdate, if_match: str | None) -> Area:
    area = await repository.area_for_update(session, code)
    if area is None:
        raise NotFound()
    check_if_match(if_match, area.version)
    for field, value in data.model_dump(exclude_unset=True).items():
        if value is None and field != "population":
            raise ValidationFailed.for_field(field, "cannot be empty")
        setattr(area, field, value)
    area.version += 1
    await session.flush()
    return area
