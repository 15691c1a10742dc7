"""Local secrets kept under var/: the demo password and the service clients' secrets.

Generated once and reused, so a second `make run` keeps the same logins. The
demo password comes from TSUNAGU_DEMO_PASSWORD when that is set.
"""

import json
import os
import secrets
from pathlib import Path

SERVICE_CLIENTS = ("intake-api", "case-api", "meeting-api")


def load_or_create(var_dir: Path) -> tuple[str, dict[str, str]]:
    path = var_dir / "secrets.json"
    stored: dict[str, object] = json.loads(path.read_text()) if path.exists() else {}
    demo_password = os.environ.get("TSUNAGU_DEMO_PASSWORD") or str(
        stored.get("demo_password") or secrets.token_urlsafe(12)
    )
    service = dict(stored.get("service_secrets") or {})  # type: ignore[call-overload]
    for name in SERVICE_CLIENTS:
        service.setdefault(name, secrets.token_urlsafe(32))
    var_dir.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(json.dumps({"demo_password": demo_password, "service_secrets": service}, indent=2))
    return demo_password, service
