"""Settings refuse placeholder secrets outside demo mode."""

import pytest
from pydantic import ValidationError

from tsunagu_services.settings import ServiceSettings


@pytest.mark.parametrize("secret", ["", "changeme", "secret", "password"])
def test_placeholder_secret_is_refused_outside_demo_mode(secret: str) -> None:
    with pytest.raises(ValidationError):
        ServiceSettings(service_client_secret=secret, demo_mode=False)


def test_demo_mode_and_real_secrets_are_accepted() -> None:
    assert ServiceSettings(service_client_secret="", demo_mode=True).demo_mode
    assert ServiceSettings(service_client_secret="x" * 32, demo_mode=False).service_client_secret == "x" * 32
    assert ServiceSettings(service_client_secret="", demo_mode=False, needs_service_token=False)
