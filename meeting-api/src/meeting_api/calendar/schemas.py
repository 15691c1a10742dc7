from pydantic import BaseModel, Field


class FeedTokenRead(BaseModel):
    """A new personal feed URL: shown once; only its hash is kept. Rotating makes the old one fail."""

    token: str
    url: str = Field(description="Subscribe to this in a calendar client (Google, Outlook, iPhone).")
    path: str = Field(description="The same, relative to the gateway.")
