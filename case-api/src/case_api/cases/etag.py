"""ETag and If-Match of a case: the ETag is the case's version (weak: W/"<version>")."""

from dataclasses import dataclass
from typing import Any

from tsunagu_services.openapi import Problem
from tsunagu_services.problems import PreconditionFailed, PreconditionRequired


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "model": Problem, "content": {"application/problem+json": {}}}


# The extra answers of routes that check If-Match (STALE) or require it (PRECONDITIONS).
STALE: dict[int | str, dict[str, Any]] = {412: _problem("If-Match names a version no longer current.")}
PRECONDITIONS: dict[int | str, dict[str, Any]] = {**STALE, 428: _problem("If-Match is required.")}


def etag(version: int) -> str:
    """The weak ETag of a case at `version`."""
    return f'W/"{version}"'


@dataclass(frozen=True)
class IfMatch:
    """The versions an If-Match header names; None is `*` (any current version)."""

    versions: frozenset[int] | None

    def ensure(self, version: int) -> None:
        """412 unless `version` (read under lock) is one the client named."""
        if self.versions is not None and version not in self.versions:
            raise PreconditionFailed()


def required_if_match(header: str | None) -> IfMatch:
    """If-Match of a change that needs it: 428 when missing."""
    parsed = optional_if_match(header)
    if parsed is None:
        raise PreconditionRequired()
    return parsed


def optional_if_match(header: str | None) -> IfMatch | None:
    """Parse If-Match (weak comparison, RFC 9110 §13.1.1); None when not sent."""
    if header is None or not header.strip():
        return None
    versions: set[int] = set()
    for tag in (t.strip() for t in header.split(",")):
        if tag == "*":
            return IfMatch(None)
        opaque = tag.removeprefix("W/")
        if len(opaque) >= 2 and opaque[0] == opaque[-1] == '"' and opaque[1:-1].isdigit():
            versions.add(int(opaque[1:-1]))
    # A header naming no version of ours matches nothing: 412 rather than 428, the client did try.
    return IfMatch(frozenset(versions))
