"""The web app: `create_app(store, settings)` wires the pages, the API, the static files, the
security headers and the error handlers over one `Store`, the same database the CLI uses.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..config import Settings
from ..store import Store
from . import api, errors, pages, security

STATIC = Path(__file__).parent / "static"
DESCRIPTION = """Review Threatline's findings: credible threats, incitement and doxxing aimed at protected
people and places. Authenticate with `Authorization: Bearer TOKEN` (`threatline tokens create --user NAME`).
Post text in responses is untrusted: escape it, and never fetch its links. Reads of findings are audited."""


def create_app(store: Store, settings: Settings | None = None) -> FastAPI:
    app = FastAPI(title="Threatline API", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = store
    app.state.settings = settings or Settings.from_env()
    app.middleware("http")(security.add_headers)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.get("/health", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
