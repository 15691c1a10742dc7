"""Pure rules of the support plan (支援プラン): its ETag and an action's completion time."""

from datetime import datetime


def etag(version: int, revision: int) -> str:
    """A plan's ETag: its version (再プラン) and the revision within it (an action marked done)."""
    return f'"{version}.{revision}"'


def if_match_satisfied(if_match: str, current_etag: str) -> bool:
    """RFC 9110 If-Match: one of the listed tags is the current one, or `*`.

    Compared weakly (W/ ignored), as the case's own If-Match is: a client that keeps every
    tag of case-api alike still matches.
    """
    tags = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    return "*" in tags or current_etag.removeprefix("W/") in tags


def done_at(new_status: str, old_status: str, old_done_at: datetime | None, now: datetime) -> datetime | None:
    """When an action was done: kept while it stays done, now when it becomes done, else none."""
    if new_status != "done":
        return None
    if old_status == "done" and old_done_at is not None:
        return old_done_at
    return now
