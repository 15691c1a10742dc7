"""Response headers every answer carries: API answers are never stored or sniffed.

An API answer may hold personal data (要配慮個人情報): no cache, shared or private,
keeps a copy (`Cache-Control: no-store`, replacing whatever a route set), and no
browser guesses its type. Behind TLS the gateway adds HSTS.
"""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_PREFIXES = ("/api/",)  # the JWKS is public, and meant to be cached briefly
NOSNIFF = (b"x-content-type-options", b"nosniff")
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class ResponseHeadersMiddleware:
    """Cache-Control: no-store and nosniff on every API answer; HSTS on every answer when `hsts`."""

    def __init__(self, app: ASGIApp, *, hsts: bool = False) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = scope["path"].startswith(API_PREFIXES)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if not (api and k.lower() == b"cache-control") and k.lower() != NOSNIFF[0]
                ]
                headers.append(NOSNIFF)
                if api:
                    headers.append((b"cache-control", b"no-store"))
                if self.hsts:
                    headers.append(HSTS)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
