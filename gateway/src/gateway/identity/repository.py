"""Every query of users, clients and areas."""

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.identity.models import ApiClient, Area, StaffUser


async def user_by_username(session: AsyncSession, username: str) -> StaffUser | None:
    rows = await session.execute(select(StaffUser).where(StaffUser.username == username))
    return rows.scalar_one_or_none()


async def client_by_id(session: AsyncSession, client_id: str) -> ApiClient | None:
    return await session.get(ApiClient, client_id)


async def areas(session: AsyncSession) -> list[Area]:
    rows = await session.execute(select(Area).order_by(Area.sort_order, Area.code))
    return list(rows.scalars().all())


async def upsert_area(session: AsyncSession, code: str, name: str, sort_order: int) -> None:
    statement = insert(Area).values(code=code, name=name, sort_order=sort_order)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[Area.code], set_={"name": name, "sort_order": sort_order}
        )
    )


async def upsert_user(session: AsyncSession, values: dict[str, object]) -> None:
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
