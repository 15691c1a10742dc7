"""Every query of users, clients and areas."""

import uuid

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.identity.models import ApiClient, Area, StaffUser, user_search_text
from tsunagu_services.db import contains
from tsunagu_services.japanese import search_key


async def user_by_username(session: AsyncSession, username: str) -> StaffUser | None:
    rows = await session.execute(select(StaffUser).where(StaffUser.username == username))
    return rows.scalar_one_or_none()


async def client_by_id(session: AsyncSession, client_id: str) -> ApiClient | None:
    return await session.get(ApiClient, client_id)


async def areas(session: AsyncSession) -> list[Area]:
    rows = await session.execute(select(Area).order_by(Area.sort_order, Area.code))
    return list(rows.scalars().all())


async def upsert_area(
    session: AsyncSession, code: str, name: str, sort_order: int, population: int | None = None
) -> None:
    statement = insert(Area).values(code=code, name=name, sort_order=sort_order, population=population)
    changed = {"name": name, "sort_order": sort_order, "population": population}
    await session.execute(statement.on_conflict_do_update(index_elements=[Area.code], set_=changed))


async def upsert_user(session: AsyncSession, values: dict[str, object]) -> None:
    values = values | {
        "search_text": user_search_text(
            str(values["display_name"]),
            values.get("display_kana"),
            str(values["username"]),  # type: ignore[arg-type]
        )
    }
    statement = insert(StaffUser).values(**values)
    changed = {k: v for k, v in values.items() if k not in ("id", "username")}
    await session.execute(statement.on_conflict_do_update(index_elements=[StaffUser.username], set_=changed))


async def upsert_client(session: AsyncSession, values: dict[str, object]) -> None:
    statement = insert(ApiClient).values(**values)
    changed = {k: v for k, v in values.items() if k != "client_id"}
    await session.execute(statement.on_conflict_do_update(index_elements=[ApiClient.client_id], set_=changed))


async def display_names(session: AsyncSession, usernames: list[str]) -> dict[str, str]:
    """username → display name, for the usernames that are staff (others are left out)."""
    if not usernames:
        return {}
    rows = await session.execute(
        select(StaffUser.username, StaffUser.display_name).where(StaffUser.username.in_(usernames))
    )
    return {username: name for username, name in rows.all()}


async def users(
    session: AsyncSession,
    *,
    q: str | None,
    role: str | None,
    area: str | None,
    agency_id: str | None,
    include_inactive: bool,
    limit: int,
    offset: int,
) -> tuple[list[StaffUser], int]:
    """Staff matching the filters, by kana then username; and how many match in all."""
    query = select(StaffUser)
    if q:
        for word in q.split():
            query = query.where(contains(StaffUser.search_text, search_key(word)))
    if role is not None:
        query = query.where(StaffUser.role == role)
    if area is not None:
        query = query.where(StaffUser.area == area)
    if agency_id is not None:
        query = query.where(StaffUser.agency_id == agency_id)
    if not include_inactive:
        query = query.where(StaffUser.active.is_(True))
    total = await session.scalar(select(func.count()).select_from(query.subquery()))
    ordered = query.order_by(
        func.coalesce(StaffUser.display_kana, StaffUser.display_name), StaffUser.username
    )
    rows = await session.execute(ordered.limit(limit).offset(offset))
    return list(rows.scalars().all()), int(total or 0)


async def user_names(session: AsyncSession, usernames: list[str]) -> list[StaffUser]:
    rows = await session.execute(select(StaffUser).where(StaffUser.username.in_(usernames)))
    return list(rows.scalars().all())


async def user_for_update(session: AsyncSession, user_id: uuid.UUID) -> StaffUser | None:
    rows = await session.execute(select(StaffUser).where(StaffUser.id == user_id).with_for_update())
    return rows.scalar_one_or_none()


async def area_for_update(session: AsyncSession, code: str) -> Area | None:
    rows = await session.execute(select(Area).where(Area.code == code).with_for_update())
    return rows.scalar_one_or_none()


async def population(session: AsyncSession, area: str | None, city: int) -> int | None:
    """Residents of one area (None when not set), or of the city: the areas' sum when every area has
    one, else `city` (TSUNAGU_STATISTICS_POPULATION)."""
    if area is not None:
        return await session.scalar(select(Area.population).where(Area.code == area))
    counts = list((await session.execute(select(Area.population))).scalars())
    return sum(counts) if counts and all(counts) else city  # type: ignore[arg-type]
