"""Sessions that survive a reload and can be ended: refresh tokens rotated on every use.

The refresh token lives in an httpOnly, SameSite=Strict cookie scoped to the auth path;
the access token (five minutes) only in the page's memory. Every refresh reads the user
again, so a deactivated user or a changed role takes effect within one access-token
lifetime. A refresh token used twice means a copy is in other hands: the whole session
ends.
"""

import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.identity.models import StaffUser
from gateway.sessions.models import LoginSession, RefreshToken
from gateway.settings import Settings
from tsunagu_services.problems import NotFound, ProblemError


class SessionEnded(ProblemError):
    status = 401
    type = "/problems/session-ended"
    title = "ログインの有効期限が切れたか、ログアウトされました。もう一度ログインしてください。"

    def __init__(self) -> None:
        super().__init__(headers={"WWW-Authenticate": "Bearer"})


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _issue(session: AsyncSession, login: LoginSession, settings: Settings, now: datetime) -> str:
    token = secrets.token_urlsafe(32)
    idle = timedelta(seconds=settings.session_idle_seconds)
    session.add(
        RefreshToken(
            token_hash=_digest(token),
            session_id=login.id,
            issued_at=now,
            idle_expires_at=min(now + idle, login.expires_at),
        )
    )
    return token


async def start(session: AsyncSession, user: StaffUser, settings: Settings, user_agent: str | None) -> str:
    """A new session for `user`; its first refresh token."""
    now = _now()
    login = LoginSession(
        user_id=user.id,
        created_at=now,
        last_used_at=now,
        expires_at=now + timedelta(seconds=settings.session_max_seconds),
        user_agent=(user_agent or "")[:200] or None,
    )
    session.add(login)
    await session.flush()
    token = _issue(session, login, settings, now)
    await session.flush()
    return token


def _end(login: LoginSession, reason: str, now: datetime, by: str | None = None) -> None:
    if login.ended_at is None:
        login.ended_at, login.end_reason, login.ended_by = now, reason, by


async def rotate(session: AsyncSession, token: str, settings: Settings) -> tuple[StaffUser, str]:
    """The user of a valid refresh token and its successor (the token is spent); SessionEnded else."""
    now = _now()
    row = (
        await session.execute(
            select(RefreshToken, LoginSession)
            .join(LoginSession, LoginSession.id == RefreshToken.session_id)
            .where(RefreshToken.token_hash == _digest(token))
            .with_for_update()  # two refreshes with one token: the second sees the first's use
        )
    ).one_or_none()
    if row is None:
        raise SessionEnded()
    refresh, login = row
    if refresh.used_at is not None:
        _end(login, "reused", now)
        await session.flush()
        raise SessionEnded()
    if login.ended_at is not None or refresh.idle_expires_at <= now or login.expires_at <= now:
        raise SessionEnded()
    user = await session.get(StaffUser, login.user_id)
    if user is None or not user.active:
        _end(login, "user_inactive", now)
        await session.flush()
        raise SessionEnded()
    refresh.used_at = now
    login.last_used_at = now
    successor = _issue(session, login, settings, now)
    await session.flush()
    return user, successor


async def end_by_token(session: AsyncSession, token: str) -> None:
    """Logout: the session of this refresh token ends (an unknown token: nothing to do)."""
    login = await session.scalar(
        select(LoginSession)
        .join(RefreshToken, RefreshToken.session_id == LoginSession.id)
        .where(RefreshToken.token_hash == _digest(token))
    )
    if login is not None:
        _end(login, "logout", _now())
        await session.flush()


async def of_user(session: AsyncSession, username: str, *, include_ended: bool) -> list[LoginSession]:
    """A user's sessions, newest first (NotFound for an unknown username)."""
    user = await session.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None:
        raise NotFound()
    query = select(LoginSession).where(LoginSession.user_id == user.id)
    if not include_ended:
        query = query.where(LoginSession.ended_at.is_(None), LoginSession.expires_at > _now())
    rows = await session.execute(query.order_by(LoginSession.created_at.desc()).limit(100))
    return list(rows.scalars().all())


async def revoke(session: AsyncSession, session_id: uuid.UUID, by: str) -> LoginSession:
    """An administrator ends a session; its access token lapses within its five minutes."""
    login = await session.get(LoginSession, session_id, with_for_update=True)
    if login is None:
        raise NotFound()
    _end(login, "revoked", _now(), by)
    await session.flush()
    return login


async def revoke_all(session: AsyncSession, user_id: uuid.UUID, by: str, reason: str = "revoked") -> int:
    """Every open session of a user ends (deactivation, a role change)."""
    rows = await session.execute(
        select(LoginSession).where(LoginSession.user_id == user_id, LoginSession.ended_at.is_(None))
    )
    now = _now()
    ended = 0
    for login in rows.scalars().all():
        _end(login, reason, now, by)
        ended += 1
    await session.flush()
    return ended
