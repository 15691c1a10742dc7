"""Who may sign in, and as whom: staff users by password, systems by client credentials."""

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.identity import repository
from gateway.identity.models import ApiClient, Area, StaffUser
from gateway.identity.passwords import hash_secret, needs_rehash, verify_secret
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
