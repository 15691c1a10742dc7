"""What a path names, what is audited, and which service owns it (table-driven)."""

import pytest

from gateway.audit.rules import is_audited, resource_of
from gateway.proxy.routes import service_for

CASES = [
    # path, resource (type, id), audited, service
    ("/api/v1/consultations", ("consultations", None), True, "intake-api"),
    ("/api/v1/consultations/3f6c/triage", ("consultations", "3f6c"), True, "intake-api"),
    ("/api/v1/public/reports", ("public", "reports"), False, "intake-api"),
    ("/api/v1/public/reports/AB12-CD34/messages", ("public", "reports"), False, "intake-api"),
    ("/api/v1//public/reports", ("public", "reports"), False, "intake-api"),
    ("/api/v1/cases/9/records", ("cases", "9"), True, "case-api"),
    ("/api/v1/persons", ("persons", None), True, "case-api"),
    ("/api/v1/safety-checks", ("safety-checks", None), True, "case-api"),
    ("/api/v1/agencies", ("agencies", None), True, "case-api"),
    ("/api/v1/activities", ("activities", None), True, "case-api"),
    ("/api/v1/households/h1", ("households", "h1"), True, "case-api"),
    ("/api/v1/meeting-bodies", ("meeting-bodies", None), True, "meeting-api"),
    ("/api/v1/meetings/m1.ics", ("meetings", "m1.ics"), True, "meeting-api"),
    ("/api/v1/calendar", ("calendar", None), True, "meeting-api"),
    ("/api/v1/audit-events", ("audit-events", None), True, None),
    ("/api/v1/publications", ("publications", None), True, None),
    ("/api/v1/", (None, None), True, None),
    ("/healthz", (None, None), True, None),
]


@pytest.mark.parametrize(("path", "resource", "audited", "service"), CASES)
def test_path_rules(path: str, resource: tuple, audited: bool, service: str | None) -> None:
    assert resource_of(path) == resource
    assert is_audited(path) is audited
    assert service_for(path) == service
