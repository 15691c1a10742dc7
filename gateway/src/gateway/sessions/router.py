"""Staying signed in: refresh and logout by cookie; administrators list and end a user's sessions."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from gateway.deps import SettingsDep, SigningKeyDep
from gateway.identity import service as identity
from gateway.sessions import cookies, service
from gateway.sessions.schemas import LoginSessionList, LoginSessionRead
from gateway.tokens.schemas import TokenResponse
from gateway.tokens.service import access_token
from tsunagu_services.auth import Principal, require_roles
from tsunagu_services.db import SessionDep
from tsunagu_services.openapi import PROBLEM_RESPONSES, Problem

router = APIRouter(prefix="/api/v1/auth", tags=["auth"], responses=PROBLEM_RESPONSES)
Admin = Annotated[Principal, Depends(require_roles("admin"))]
ENDED = {401: {"model": Problem, "description": "No session, or it ended (/problems/session-ended)."}}


@router.post("/refresh", response_model=TokenResponse, responses=ENDED)
async def refresh(
    request: Request, response: Response, settings: SettingsDep, key: SigningKeyDep
) -> TokenResponse:
    """Public (the refresh cookie): a new access token and a new refresh cookie; the old one is spent."""
    cookies.same_origin_only(request)
    response.headers["Cache-Control"] = "no-store"
    token = cookies.refresh_token(request)
    if token is None:
        raise service.SessionEnded()
    ended: service.SessionEnded | None = None
    # Its own transaction: a session's end (a reused token, a deactivated user) is kept though
    # the answer is a 401.
    async with request.app.state.sessionmaker() as session, session.begin():
        try:
            user, successor = await service.rotate(session, token, settings)
        except service.SessionEnded as exc:
            ended = exc
    if ended is not None:
        raise ended
    cookies.set_refresh(response, successor, settings)
    return access_token(settings, key, identity.user_principal(user), settings.access_token_ttl_seconds)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    """Public (the refresh cookie): this browser's session ends, and its cookie is cleared."""
    cookies.same_origin_only(request)
    token = cookies.refresh_token(request)
    if token is not None:
        await service.end_by_token(session, token)
    answer = Response(status_code=status.HTTP_204_NO_CONTENT)
    cookies.clear_refresh(answer, settings)
    return answer


@router.get("/sessions", response_model=LoginSessionList)
async def list_sessions(
    session: SessionDep,
    principal: Admin,
    username: Annotated[str, Query(min_length=1, max_length=100)],
    include_ended: bool = False,
) -> LoginSessionList:
    """A staff member's sessions, newest first (administrators)."""
    found = await service.of_user(session, username, include_ended=include_ended)
    return LoginSessionList(username=username, items=[LoginSessionRead.model_validate(s) for s in found])


@router.post("/sessions/{session_id}/revoke", response_model=LoginSessionRead)
async def revoke_session(session_id: uuid.UUID, session: SessionDep, principal: Admin) -> LoginSessionRead:
    """End one session now (administrators); its access token lapses within five minutes."""
    return LoginSessionRead.model_validate(await service.revoke(session, session_id, principal.username))
