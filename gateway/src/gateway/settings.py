from pathlib import Path

from pydantic import Field, SecretStr

from tsunagu_services.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "gateway"
    # The gateway issues service tokens and never asks for one.
    needs_service_token: bool = False
    database_name: str = "tsunagu_gateway"
    # Relative paths resolve against the working directory (the repository root under `make run`).
    signing_key_path: Path = Path("var/keys/gateway-signing.pem")
    # `intake-api=…,case-api=…,meeting-api=…`: the service clients the gateway registers at start.
    service_secrets: SecretStr = SecretStr("")
    static_dir: Path = Path("frontend/dist")
    # Short: the SPA refreshes it with the session's cookie; a deactivated user or a changed role
    # takes effect at the next refresh.
    access_token_ttl_seconds: int = Field(default=300, ge=30, le=300)
    # A browser left alone this long signs in again; a session ends this long after sign-in at most.
    session_idle_seconds: float = Field(default=3600.0, gt=0)
    session_max_seconds: float = Field(default=12 * 3600.0, gt=0)
    service_token_ttl_seconds: int = 600
    # A failed login waits about this long (plus jitter), doubling with each failure before it, up to
    # the max; past the attempts per window, an account or a client address is refused (429).
    failed_login_delay_seconds: float = 0.3
    failed_login_delay_max_seconds: float = Field(default=5.0, ge=0)
    login_window_seconds: float = Field(default=900.0, gt=0)
    login_attempts_per_account: int = Field(default=10, ge=1)
    login_attempts_per_address: int = Field(default=100, ge=1)
    # Readiness and OpenAPI fetches must not hold the gateway up when a service is dead.
    upstream_probe_timeout_seconds: float = 2.0
    # One pool per service: a full one answers 503 at once (Retry-After) rather than queueing.
    upstream_max_connections: int = Field(default=64, ge=1)
    upstream_pool_timeout_seconds: float = Field(default=0.25, gt=0)
    upstream_connect_timeout_seconds: float = Field(default=2.0, gt=0)
    upstream_read_timeout_seconds: float = Field(default=10.0, gt=0)
    openapi_cache_seconds: float = 60.0
    # The public report form (counted in PostgreSQL): submissions per client per ten minutes, reads
    # per client per minute, and every public request together per minute.
    public_submissions_per_10_minutes: int = 10
    public_reads_per_minute: int = Field(default=60, ge=1)
    public_requests_per_minute_everyone: int = Field(default=600, ge=1)
    # Monthly statistics (統計): residents, for the national figures per 100,000 (Koganei: 125,960).
    statistics_population: int = Field(default=125_960, ge=1)
    # Each service's figures must come back quickly; a slow one fails the request (504), not the gateway.
    statistics_timeout_seconds: float = Field(default=3.0, gt=0)
    # How often the gateway anchors the audit chains (a signed snapshot of their heads).
    audit_anchor_interval_seconds: float = Field(default=3600.0, gt=0)
    # Supervisors' attention view: a case in work with no support record for this many days.
    attention_no_contact_days: int = Field(default=30, ge=1, le=365)

    @property
    def upstreams(self) -> dict[str, str]:
        """Base URL of every service behind the gateway, by service name."""
        return {"intake-api": self.intake_url, "case-api": self.case_url, "meeting-api": self.meeting_url}
