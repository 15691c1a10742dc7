"""Settings shared by every service, read from the environment."""

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret", "password", "demo"}


class ServiceSettings(BaseSettings):
    """Base settings; each service subclasses it and sets its own defaults."""

    model_config = SettingsConfigDict(env_prefix="TSUNAGU_", extra="ignore")

    service_name: str = "service"
    # The PostgreSQL *server* (any database path in it is ignored); each service
    # uses its own database on it, named by database_name.
    database_url: str = Field(
        default="postgresql://postgres@127.0.0.1:5432/postgres",
        validation_alias="DATABASE_URL",
    )
    database_name: str = "tsunagu"
    demo_mode: bool = False
    # Where the other parts answer; every service may need to call another.
    gateway_url: str = "http://127.0.0.1:8000"
    intake_url: str = "http://127.0.0.1:8001"
    case_url: str = "http://127.0.0.1:8002"
    meeting_url: str = "http://127.0.0.1:8003"
    token_issuer: str = "tsunagu-gateway"  # noqa: S105 (an identifier, not a secret)
    token_audience: str = "tsunagu"  # noqa: S105
    # Credentials this service uses to get a service token from the gateway.
    service_client_secret: str = ""
    # False for a part that never calls another service with a token of its own (the gateway).
    needs_service_token: bool = True
    max_body_bytes: int = 1_048_576
    # Served to browsers over HTTPS (TLS ends at an ingress in front): HSTS, and Secure cookies.
    behind_tls: bool = False
    # The longest pause between two delivery attempts of one outbox message.
    outbox_max_backoff_seconds: float = Field(default=300.0, gt=0)
    log_level: str = "INFO"

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> "ServiceSettings":
        placeholder = self.service_client_secret.lower() in PLACEHOLDER_SECRETS
        if self.needs_service_token and not self.demo_mode and placeholder:
            raise ValueError("TSUNAGU_SERVICE_CLIENT_SECRET must be set to a real secret outside demo mode")
        return self

    @property
    def jwks_url(self) -> str:
        return f"{self.gateway_url}/.well-known/jwks.json"
