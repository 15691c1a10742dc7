"""Which requests are audited, and what resource a path names (pure functions)."""

API_PREFIX = "/api/v1/"
# Anonymous reporters must stay anonymous: nothing about these requests is kept.
UNAUDITED_RESOURCES = frozenset({"public"})


def resource_of(path: str) -> tuple[str | None, str | None]:
    """(resource_type, resource_id): the first two segments after /api/v1/, when present."""
    if not path.startswith(API_PREFIX):
        return None, None
    # Empty segments are skipped the same way the proxy skips them, so `//public` is still public.
    segments = [s for s in path[len(API_PREFIX) :].split("/") if s]
    resource_type = segments[0] if segments else None
    resource_id = segments[1] if len(segments) > 1 else None
    return resource_type, resource_id


def is_audited(path: str) -> bool:
    """Every request of a verified caller is audited, except on the public report routes."""
    return resource_of(path)[0] not in UNAUDITED_RESOURCES
