"""ETag and If-Match (RFC 9110 §8.8.3, §13.1.1): one way for every service.

Each resource keeps its own tag (weak `W/"3"` or strong `"3"`, `"2.3"` for a plan); If-Match is
always compared weakly (W/ ignored), so a client that sends back what it was given matches.
"""

from dataclasses import dataclass
from typing import Any

from tsunagu_services.problems import PreconditionFailed, PreconditionRequired


def etag(version: int | str, *, weak: bool = False) -> str:
    """The ETag of a resource at `version`: `"<version>"`, or `W/"<version>"` when weak."""
    return f'{"W/" if weak else ""}"{version}"'


def _opaque(tag: str) -> str:
    return tag.strip().removeprefix("W/")


@dataclass(frozen=True)
class IfMatch:
    """The entity tags an If-Match header names (W/ dropped); None stands for `*` (any current)."""

    tags: frozenset[str] | None

    def matches(self, current: int | str) -> bool:
        """Whether `current` is one the client named: an entity tag, or a version (its tag `"<n>"`)."""
        if self.tags is None:
            return True
        return _opaque(etag(current) if isinstance(current, int) else current) in self.tags

    def ensure(self, current: int | str, **extensions: Any) -> None:
        """412 unless `current` (read under lock) is one the client named; `extensions` join the problem."""
        if not self.matches(current):
            raise PreconditionFailed(**extensions)


def parse_if_match(header: str | None) -> IfMatch | None:
    """Parse If-Match; None when not sent (absent or blank).

    A header naming nothing of ours (e.g. an unquoted `3`) matches nothing: 412 rather than 428,
    since the client did try.
    """
    if header is None or not header.strip():
        return None
    tags = {t.strip() for t in header.split(",")}
    if "*" in tags:
        return IfMatch(None)
    return IfMatch(frozenset(_opaque(t) for t in tags))


def required_if_match(header: str | None) -> IfMatch:
    """If-Match of a change that needs it: 428 when missing."""
    parsed = parse_if_match(header)
    if parsed is None:
        raise PreconditionRequired()
    return parsed


def if_match_satisfied(header: str | None, current_etag: str) -> bool:
    """Whether If-Match names `current_etag` (or is `*`); a missing header names nothing."""
    parsed = parse_if_match(header)
    return parsed is not None and parsed.matches(current_etag)


def check_if_match(header: str | None, current: int | str, **extensions: Any) -> None:
    """A change that needs If-Match: 428 when missing, 412 unless it names `current`."""
    required_if_match(header).ensure(current, **extensions)
