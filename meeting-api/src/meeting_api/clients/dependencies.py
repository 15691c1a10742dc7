"""FastAPI dependencies that hand a route the clients of other services."""

from typing import Annotated

from fastapi import Depends, Request

from meeting_api.clients.case_api import CaseApi


def _case_api(request: Request) -> CaseApi:
    """case-api with the caller's own Authorization header: their rights apply there too."""
    settings = request.app.state.settings
    return CaseApi(
        request.app.state.http,
        settings.case_url,
        request.headers.get("authorization", ""),
        settings.case_timeout_seconds,
    )


CaseApiDep = Annotated[CaseApi, Depends(_case_api)]
