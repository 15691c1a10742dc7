"""What a refused delivery was, read from where it was going (pure functions, table-driven)."""

import re

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_CONSULTATION_KEY = re.compile(rf"^consultation-({_UUID})-")
_CASE_PATH = re.compile(rf"^/api/v1/cases/({_UUID})/")

# (sending service, path pattern) → kind; the SPA names each kind in Japanese.
KINDS: list[tuple[str, re.Pattern[str], str]] = [
    ("intake-api", re.compile(r"^/api/v1/safety-checks$"), "safety_check_request"),
    ("intake-api", re.compile(r"^/api/v1/cases/from-intake$"), "case_from_triage"),
    ("meeting-api", re.compile(rf"^/api/v1/cases/{_UUID}/plan/actions$"), "decision_actions"),
    ("meeting-api", re.compile(rf"^/api/v1/cases/{_UUID}/records$"), "decision_record"),
]


def describe(service: str, path: str, idempotency_key: str) -> tuple[str, str | None]:
    """(kind, SPA link of the thing it came from): a consultation for intake's, the case for meetings'."""
    kind = next((k for s, pattern, k in KINDS if s == service and pattern.match(path)), "other")
    if (case := _CASE_PATH.match(path)) is not None:
        return kind, f"/cases/{case.group(1)}"
    if (consultation := _CONSULTATION_KEY.match(idempotency_key)) is not None:
        return kind, f"/consultations/{consultation.group(1)}"
    return kind, None
