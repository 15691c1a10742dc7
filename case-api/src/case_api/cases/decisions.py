"""Closing a 重層事業 case names the meeting decision that agreed it; meeting-api says whether it did.

Asked with the caller's own token: who closes the case must be able to see the decision (a 支援会議's
decisions only its members may read; meeting-api keeps them from every system, ours included).
Decisions are final once their minutes are, so a positive answer cannot go stale.
"""

import uuid

import httpx
from fastapi import FastAPI

from case_api.settings import Settings
from tsunagu_services.problems import ProblemError, ValidationFailed

TIMEOUT_SECONDS = 3.0


class ClosureDecisionUnknown(ValidationFailed):
    type = "/problems/closure-decision-unknown"
    title = "この決定事項は、このケースの終結を決めた会議の決定事項として見つかりません。"

    def __init__(self) -> None:
        super().__init__(
            errors=[{"loc": ["body", "decision_id"], "type": "value_error", "msg": "no such decision"}]
        )


class MeetingsUnavailable(ProblemError):
    status = 503
    type = "/problems/meetings-unavailable"
    title = "会議サービスに確認できないため、いまは終結できません。しばらく待ってからやり直してください。"

    def __init__(self) -> None:
        super().__init__(headers={"Retry-After": "30"})


class MeetingDecisions:
    def __init__(self, http: httpx.AsyncClient, settings: Settings) -> None:
        self._http = http
        self._url = f"{settings.meeting_url.rstrip('/')}/api/v1/meetings/decisions"

    async def ensure_closure_of(self, case_id: uuid.UUID, decision_id: uuid.UUID, authorization: str) -> None:
        """Nothing when `decision_id` is a 終結 decision about `case_id` that the caller (whose
        Authorization header this is) may see; else the problem to answer."""
        try:
            answer = await self._http.get(
                self._url,
                params={"case_id": str(case_id)},
                headers={"Authorization": authorization},
                timeout=TIMEOUT_SECONDS,
            )
        except httpx.HTTPError as exc:
            raise MeetingsUnavailable() from exc
        if answer.status_code != 200:
            raise MeetingsUnavailable()
        try:
            decisions = answer.json()
            found = any(d["id"] == str(decision_id) and d["type"] == "closure" for d in decisions)
        except (ValueError, TypeError, KeyError) as exc:
            raise MeetingsUnavailable() from exc
        if not found:
            raise ClosureDecisionUnknown()


async def open_decisions(app: FastAPI) -> None:
    """An on_start hook: the app's way to ask meeting-api."""
    app.state.meeting_decisions = MeetingDecisions(app.state.http, app.state.settings)
