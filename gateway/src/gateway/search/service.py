"""The one search box: persons, cases and consultations found by each service, with the caller's token.

Each service applies its own rules (what the caller may see); a section the caller's role has no right
to is left empty, and one whose service does not answer is named in `unavailable`, so the rest still
comes back.
"""

from typing import Any

from gateway.errors import UpstreamBusy
from gateway.proxy.calls import Upstream, UpstreamProblem, gather
from gateway.search.schemas import CaseHit, ConsultationHit, PersonHit, SearchResults, Section
from tsunagu_services.problems import BadGateway, GatewayTimeout

SHOWN = 8


async def _section(upstream: Upstream, service: str, path: str, params: dict[str, Any]) -> list[Any] | None:
    """The items a service found; [] when the caller has no right to them, None when it did not answer."""
    try:
        answer = await upstream.get(service, path, params)
    except UpstreamProblem as problem:
        if problem.status in (403, 404, 422):  # not for this role, or not a query this service can use
            return []
        raise
    except (BadGateway, GatewayTimeout, UpstreamBusy):
        return None
    return list(answer.get("items", []))


async def search(upstream: Upstream, q: str) -> SearchResults:
    # Who may look persons up is case-api's rule: a role it refuses gets an empty section.
    persons, cases, consultations = await gather(
        _section(upstream, "case-api", "/api/v1/persons", {"q": q, "limit": SHOWN}),
        _section(upstream, "case-api", "/api/v1/cases", {"q": q, "limit": SHOWN}),
        _section(upstream, "intake-api", "/api/v1/consultations", {"q": q, "limit": SHOWN}),
    )
    sections: dict[Section, list[Any] | None] = {
        "persons": persons,
        "cases": cases,
        "consultations": consultations,
    }
    return SearchResults(
        q=q,
        persons=[PersonHit.model_validate(m["person"] | {"cases": m["cases"]}) for m in persons or []],
        cases=[CaseHit.model_validate(c) for c in cases or []],
        consultations=[ConsultationHit.model_validate(c) for c in consultations or []],
        unavailable=[name for name, items in sections.items() if items is None],
    )
