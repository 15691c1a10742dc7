"""Every query of calendar feed tokens."""

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from meeting_api.calendar.models import FeedToken


async def owner(session: AsyncSession, token_hash: str) -> str | None:
    """The username whose current token has this hash."""
    return (
        await session.execute(select(FeedToken.username).where(FeedToken.token_hash == token_hash))
    ).scalar_one_or_none()


async def put(session: AsyncSession, username: str, token_hash: str) -> None:
    """Create or replace the user's token (the old one stops working at once)."""
    statement = insert(FeedToken).values(username=username, token_hash=token_hash)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[FeedToken.username],
            set_={"token_hash": statement.excluded.token_hash, "created_at": statement.excluded.created_at},
        )
    )


async def remove(session: AsyncSession, username: str) -> bool:
    result = await session.execute(delete(FeedToken).where(FeedToken.username == username))
    return bool(result.rowcount)  # type: ignore[attr-defined]
