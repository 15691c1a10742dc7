"""The staff SPA and the public report page: static files, with index.html for client routes."""

from pathlib import Path

from fastapi import APIRouter, Request
from starlette.responses import FileResponse, HTMLResponse, Response

from tsunagu_services.problems import NotFound

# Paths that belong to the server; a miss there is a 404, never the SPA's index.html.
SERVER_PREFIXES = ("api/", ".well-known/")
SERVER_PATHS = frozenset({"api", ".well-known", "healthz", "readyz"})
# Only the app's own scripts, styles, workers and API: no inline script or style, no framing
# (clickjacking), no plugins, no <base> games. Vite builds everything into files of its own.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# The receipt code of an anonymous report can sit in the page URL: never leak it in a Referer.
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
IMMUTABLE = "public, max-age=31536000, immutable"  # Vite puts a content hash in every asset name
NOT_BUILT = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>Tsunagu</title></head>
<body><h1>画面がまだビルドされていません</h1>
<p>The SPA is not built. <code>make run</code> builds it (frontend/dist).</p></body></html>
"""

router = APIRouter()


def _file_in(static_dir: Path, path: str) -> Path | None:
    """The file at `path` inside `static_dir`, or None (never a file outside it)."""
    root = static_dir.resolve()
    candidate = (root / path).resolve()
    if candidate != root and candidate.is_relative_to(root) and candidate.is_file():
        return candidate
    return None


@router.api_route("/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
async def serve_spa(request: Request, path: str) -> Response:
    """Public: a static file of the SPA, or its index.html for any client-side route."""
    if path in SERVER_PATHS or path.startswith(SERVER_PREFIXES):
        raise NotFound()
    static_dir: Path = request.app.state.settings.static_dir
    index = static_dir / "index.html"
    if not index.is_file():
        return HTMLResponse(
            NOT_BUILT, status_code=503, headers={"Cache-Control": "no-store", "Retry-After": "30"}
        )
    found = _file_in(static_dir, path) if path else None
    if found is not None and found.name != "index.html":
        cache = IMMUTABLE if path.startswith("assets/") else "no-cache"
        return FileResponse(found, headers={**SECURITY_HEADERS, "Cache-Control": cache})
    # index.html must be revalidated: it names the current hashed assets.
    return FileResponse(
        index,
        media_type="text/html; charset=utf-8",
        headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"},
    )
