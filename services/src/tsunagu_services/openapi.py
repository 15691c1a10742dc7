"""OpenAPI pieces every router shares: the problem schema and the common error answers."""

from typing import Any

from pydantic import BaseModel


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[dict[str, Any]] | None = None


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "model": Problem, "content": {"application/problem+json": {}}}


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: _problem("No valid token."),
    403: _problem("The caller's role or scope does not allow this."),
    404: _problem("Not found, or not visible to the caller."),
    413: _problem("Body too large."),
    422: _problem("Invalid input; nothing was written."),
}
