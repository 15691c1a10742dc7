"""ETag of case-api's version-numbered resources (weak: W/"<version>") and their If-Match answers.

Parsing and comparing If-Match is the kit's (`tsunagu_services.etag`).
"""

from typing import Any

from tsunagu_services import etag as etags
from tsunagu_services.openapi import Problem


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "model": Problem, "content": {"application/problem+json": {}}}


# The extra answers of routes that check If-Match (STALE) or require it (PRECONDITIONS).
STALE: dict[int | str, dict[str, Any]] = {412: _problem("If-Match names a version no longer current.")}
PRECONDITIONS: dict[int | str, dict[str, Any]] = {**STALE, 428: _problem("If-Match is required.")}


def etag(version: int) -> str:
    """The weak ETag of a case (or agency, safety check, activity) at `version`."""
    return etags.etag(version, weak=True)
