"""ETag and If-Match of meeting-api's mutable resources: the ETag is a version number, "<n>"."""

from dataclasses import dataclass

from tsunagu_services.problems import PreconditionFailed, PreconditionRequired


def etag(version: int) -> str:
    """The ETag of a resource at `version`."""
    return f'"{version}"'


@dataclass(frozen=True)
class IfMatch:
    """The versions an If-Match header names; None stands for `*` (any current version)."""

    versions: frozenset[int] | None

    def ensure(self, version: int) -> None:
        """412 unless `version` (read under lock) is one the client named."""
        if self.versions is not None and version not in self.versions:
            raise PreconditionFailed()


def parse_if_match(header: str | None) -> IfMatch | None:
    """Parse If-Match with weak comparison (RFC 9110 §13.1.1); None when not sent."""
    if header is None or not header.strip():
        return None
    versions: set[int] = set()
    for tag in (t.strip() for t in header.split(",")):
        if tag == "*":
            return IfMatch(None)
        opaque = tag.removeprefix("W/")
        if len(opaque) >= 2 and opaque[0] == opaque[-1] == '"' and opaque[1:-1].isdigit():
            versions.add(int(opaque[1:-1]))
    # Naming no version of ours matches nothing: 412 rather than 428, since the client did try.
    return IfMatch(frozenset(versions))


def required_if_match(header: str | None) -> IfMatch:
    """If-Match of a change that needs it: 428 when missing."""
    parsed = parse_if_match(header)
    if parsed is None:
        raise PreconditionRequired()
    return parsed
