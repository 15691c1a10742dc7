import secrets

from pydantic import model_validator

from tsunagu_services.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "intake-api"
    database_name: str = "tsunagu_intake"
    # Signs the public form's proof-of-work challenges. In demo mode a fresh one per start is fine.
    challenge_secret: str = ""
    challenge_difficulty: int = 18  # leading zero bits: about a second of hashing on a phone
    challenge_ttl_seconds: int = 900

    @model_validator(mode="after")
    def _challenge_secret(self) -> "Settings":
        if not self.challenge_secret:
            if not self.demo_mode:
                raise ValueError("TSUNAGU_CHALLENGE_SECRET must be set outside demo mode")
            self.challenge_secret = secrets.token_urlsafe(32)
        return self

    @property
    def challenge_secret_bytes(self) -> bytes:
        return self.challenge_secret.encode()
