"""The counters, one statement each: the increment and the check are one atomic UPSERT."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

# A window that has run out starts again at 1; otherwise one more hit. Concurrent hits on one key
# queue on its row, so N requests at once count N, whatever they then do. The clock is the wall
# clock, not the transaction's start (now()), which an outer transaction would hold still.
_HIT = text(
    """
    INSERT INTO throttle_window AS w (key, window_started_at, hits) VALUES (:key, clock_timestamp(), 1)
    ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN w.window_started_at <= clock_timestamp() - make_interval(secs => :window)
                    THEN 1 ELSE w.hits + 1 END,
        window_started_at = CASE
            WHEN w.window_started_at <= clock_timestamp() - make_interval(secs => :window)
            THEN clock_timestamp() ELSE w.window_started_at END
    RETURNING hits, window_started_at + make_interval(secs => :window) AS window_ends_at,
        clock_timestamp() AS now
    """
)
_FORGET = text("DELETE FROM throttle_window WHERE key = :key")
_TAKE_BACK = text("UPDATE throttle_window SET hits = greatest(hits - 1, 0) WHERE key = :key")
_EXPIRE = text("DELETE FROM throttle_window WHERE window_started_at < now() - interval '1 day'")


@dataclass(frozen=True)
class Count:
    hits: int
    window_ends_at: datetime
    now: datetime

    def seconds_left(self) -> float:
        return max((self.window_ends_at - self.now).total_seconds(), 0.0)


async def hit(session: AsyncSession, key: str, window_seconds: float) -> Count:
    row = (await session.execute(_HIT, {"key": key, "window": window_seconds})).one()
    return Count(hits=row.hits, window_ends_at=row.window_ends_at, now=row.now)


async def forget(session: AsyncSession, key: str) -> None:
    await session.execute(_FORGET, {"key": key})


async def take_back(session: AsyncSession, key: str) -> None:
    await session.execute(_TAKE_BACK, {"key": key})


async def expire_old(session: AsyncSession) -> None:
    await session.execute(_EXPIRE)
