"""Offline GraphiQL playground for the PartnerGraph gateway.

The page (``playground/index.html``) and its assets are served by the gateway
itself; the assets come from ``playground/node_modules`` (installed by
``make playground`` = ``npm ci --prefix playground``), and the hierarchy view's own
modules from ``playground/hierarchy/``. Only a fixed whitelist of files is exposed
under ``/playground/assets/``; nothing else of the repo or of ``node_modules`` is
reachable.

In demo mode (``settings.demo_login_enabled``) the page shows a persona picker
that calls ``GET /playground/demo-token?persona=NAME``. That route is only
registered when demo login is enabled, so it is a plain 404 otherwise.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from auth.personas import DEMO_PERSONAS
from gateway.identity import mint_demo_token
from gateway.settings import Settings

REPO_ROOT = Path(__file__).resolve().parent.parent
PLAYGROUND_DIR = REPO_ROOT / "playground"
NODE_MODULES = PLAYGROUND_DIR / "node_modules"
INDEX_HTML = PLAYGROUND_DIR / "index.html"

ASSETS_PREFIX = "/playground/assets"
DEMO_TOKEN_PATH = "/playground/demo-token"

DEMO_PLACEHOLDER = "__PARTNERGRAPH_DEMO__"
PERSONAS_PLACEHOLDER = "__PARTNERGRAPH_PERSONAS__"

# URL path under /playground/assets/  ->  file under playground/node_modules/.
# Keep in sync with the <script>/<link> tags in playground/index.html.
ASSET_FILES: dict[str, str] = {
    "react/react.production.min.js": "react/umd/react.production.min.js",
    "react-dom/react-dom.production.min.js": "react-dom/umd/react-dom.production.min.js",
    "graphiql/graphiql.min.js": "graphiql/graphiql.min.js",
    "graphiql/graphiql.min.css": "graphiql/graphiql.min.css",
    "plugin-explorer/index.umd.js": "@graphiql/plugin-explorer/dist/index.umd.js",
    "plugin-explorer/style.css": "@graphiql/plugin-explorer/dist/style.css",
}

# URL path under /playground/assets/  ->  file of ours under playground/: the hierarchy view's ES modules (they
# import each other by relative URL, so each one the view imports is listed) and its stylesheet.
OWN_ASSET_FILES: dict[str, str] = {
    f"hierarchy/{name}": f"hierarchy/{name}"
    for name in (
        "view.js", "api.js", "queries.js", "roots.js", "tree.js", "panel.js", "chart.js", "dom.js", "format.js",
        "hierarchy.css",
    )
}

MISSING_ASSETS_HTML = (
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>PartnerGraph playground unavailable</title></head><body>"
    "<p>The GraphQL playground assets are not installed: run <code>make playground</code>"
    " (npm ci --prefix playground) and reload.</p></body></html>"
)

# Inline <script> blocks without attributes are executable code; their hashes
# go into the Content-Security-Policy so that no 'unsafe-inline' is needed.
_INLINE_SCRIPT_RE = re.compile(r"<script>(.*?)</script>", re.DOTALL)


class WhitelistStaticFiles(StaticFiles):
    """StaticFiles that serves exactly the files of a URL-path -> file mapping."""

    def __init__(self, files: Mapping[str, Path]) -> None:
        super().__init__(directory=None, check_dir=False)
        self.files = {key.strip("/"): Path(value) for key, value in files.items()}

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        key = path.replace(os.sep, "/").strip("/")
        target = self.files.get(key)
        if target is None:
            return "", None
        try:
            return str(target), os.stat(target)
        except (FileNotFoundError, NotADirectoryError):
            return "", None


def asset_files(node_modules: Path | None = None) -> dict[str, Path]:
    base = NODE_MODULES if node_modules is None else node_modules
    files = {url: base / rel for url, rel in ASSET_FILES.items()}
    files.update({url: PLAYGROUND_DIR / rel for url, rel in OWN_ASSET_FILES.items()})
    return files


def assets_installed(node_modules: Path | None = None) -> bool:
    """Whether the npm packages are installed (our own files are in the repository)."""
    base = NODE_MODULES if node_modules is None else node_modules
    return all((base / rel).is_file() for rel in ASSET_FILES.values())


def _json_for_script(value: Any) -> str:
    """JSON that is safe inside a <script> element."""
    return (
        json.dumps(value)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def _content_security_policy(html: str) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode() + "'"
        for m in _INLINE_SCRIPT_RE.finditer(html)
    )
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {hashes}".strip(),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


def render_playground(settings: Settings) -> HTMLResponse:
    """The GraphiQL page with the demo placeholders filled in.

    Returns a 503 page (not an exception) when the npm assets are missing.
    """
    if not assets_installed():
        return HTMLResponse(
            MISSING_ASSETS_HTML, status_code=503, headers={"Cache-Control": "no-store"}
        )

    demo = settings.demo_login_enabled
    personas = list(DEMO_PERSONAS) if demo else []

    html = INDEX_HTML.read_text(encoding="utf-8")
    html = html.replace(DEMO_PLACEHOLDER, "true" if demo else "false")
    html = html.replace(PERSONAS_PLACEHOLDER, _json_for_script(personas))
    return HTMLResponse(
        html,
        headers={
            "Cache-Control": "no-store",
            "Content-Security-Policy": _content_security_policy(html),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )


def _demo_token_endpoint(settings: Settings):
    async def demo_token(request: Request) -> JSONResponse:
        persona = request.query_params.get("persona", "").strip()
        no_store = {"Cache-Control": "no-store"}
        if not persona:
            return JSONResponse(
                {"error": "missing query parameter: persona"}, status_code=400, headers=no_store
            )
        try:
            token = mint_demo_token(settings, persona)
        except ValueError as exc:
            return JSONResponse(
                {"error": str(exc) or f"unknown persona: {persona}"},
                status_code=400,
                headers=no_store,
            )
        return JSONResponse({"token": token}, headers=no_store)

    return demo_token


def playground_routes(settings: Settings) -> list[BaseRoute]:
    """Routes for the playground assets and, in demo mode only, the demo-token endpoint."""
    routes: list[BaseRoute] = [
        Mount(ASSETS_PREFIX, app=WhitelistStaticFiles(asset_files()), name="playground-assets"),
    ]
    if settings.demo_login_enabled:
        routes.append(
            Route(
                DEMO_TOKEN_PATH,
                _demo_token_endpoint(settings),
                methods=["GET"],
                name="playground-demo-token",
            )
        )
    return routes


__all__ = [
    "ASSET_FILES",
    "OWN_ASSET_FILES",
    "WhitelistStaticFiles",
    "assets_installed",
    "playground_routes",
    "render_playground",
]
