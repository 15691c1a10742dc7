from tsunagu_services.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "meeting-api"
    database_name: str = "tsunagu_meeting"
    # Where a calendar client reaches the personal feed (the gateway as browsers see it);
    # empty means gateway_url. Env: TSUNAGU_PUBLIC_URL=https://tsunagu.example.lg.jp
    public_url: str = ""
    # A call to case-api while a user waits (agenda): answer 503 rather than hang.
    case_timeout_seconds: float = 5.0

    @property
    def feed_base_url(self) -> str:
        return (self.public_url or self.gateway_url).rstrip("/")
