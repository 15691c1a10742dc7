"""The routing table: which service answers which part of /api/v1 (data, not branches)."""

from gateway.audit.rules import resource_of

# First path segment after /api/v1/ → the service that owns it.
ROUTES: dict[str, str] = {
    "consultations": "intake-api",
    "public": "intake-api",
    "cases": "case-api",
    "persons": "case-api",
    "safety-checks": "case-api",
    "agencies": "case-api",
    "activities": "case-api",
    "households": "case-api",
    "plan-actions": "case-api",
    "meeting-bodies": "meeting-api",
    "meetings": "meeting-api",
    "calendar": "meeting-api",
}


def service_for(path: str) -> str | None:
    """The service that owns `path`, or None when no service does."""
    resource_type, _ = resource_of(path)
    # `meetings/{id}.ics` starts with "meetings"; a bare `meetings.ics` is not a route.
    return ROUTES.get(resource_type) if resource_type else None
