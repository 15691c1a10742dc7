"""Dependencies the gateway's routers share: its settings and its signing key."""

from typing import Annotated

from fastapi import Depends, Request

from gateway.settings import Settings
from tsunagu_services.tokens import SigningKey


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def _signing_key(request: Request) -> SigningKey:
    return request.app.state.signing_key


SettingsDep = Annotated[Settings, Depends(_settings)]
SigningKeyDep = Annotated[SigningKey, Depends(_signing_key)]
