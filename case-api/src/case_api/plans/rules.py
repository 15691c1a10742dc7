"""Pure rules of the support plan (支援プラン): its ETag and an action's completion time."""

from datetime import datetime

from tsunagu_services import etag as etags


def etag(version: int, revision: int) -> str:
    """A plan's ETag: its version (再プラン) and the revision within it (an action marked done)."""
    return etags.etag(f"{version}.{revision}")


def done_at(new_status: str, old_status: str, old_done_at: datetime | None, now: datetime) -> datetime | None:
    """When an action was done: kept while it stays done, now when it becomes done, else none."""
    if new_status != "done":
        return None
    if old_status == "done" and old_done_at is not None:
        return old_done_at
    return now
