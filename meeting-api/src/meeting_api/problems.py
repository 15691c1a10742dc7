"""OpenAPI entries for the problems meeting-api answers beyond the kit's common ones."""

from typing import Any

from tsunagu_services.openapi import Problem


def problem(description: str) -> dict[str, Any]:
    """One `responses=` entry rendered as application/problem+json."""
    return {"description": description, "model": Problem, "content": {"application/problem+json": {}}}


PRECONDITIONS: dict[int | str, dict[str, Any]] = {
    412: problem("If-Match names a version that is no longer current (/problems/precondition-failed)."),
    428: problem("If-Match is required (/problems/precondition-required)."),
}
# For changes where If-Match is optional (checked when sent).
STALE: dict[int | str, dict[str, Any]] = {
    412: problem("If-Match was sent and names a version that is no longer current."),
}
CONFIDENTIAL: dict[int | str, dict[str, Any]] = {
    403: problem(
        "The role does not allow this, or a 支援会議 member has not yet confirmed 守秘義務 "
        "(/problems/confidentiality-not-confirmed, with body_id)."
    ),
}
