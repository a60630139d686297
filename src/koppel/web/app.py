"""The portal's FastAPI application, built by :func:`create_app` (nothing at import time)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from koppel import __version__
from koppel.logs import log_to_stderr
from koppel.settings import Settings
from koppel.store.database import connect
from koppel.web.admin import audit_log
from koppel.web.api import health, v1
from koppel.web.body_limit import BodyLimit
from koppel.web.denials import add_denial_handlers
from koppel.web.pages import account, departments, people, planning, sign_in
from koppel.web.security import add_security_headers_everywhere

STATIC = Path(__file__).with_name("static")


def create_app(settings: Settings, *, engine: Engine | None = None) -> FastAPI:
    """The portal for ``settings``; ``engine`` may be given to share one."""
    app = FastAPI(
        title="koppel portal",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.engine = engine or connect(settings.database_url)
    app.add_middleware(BodyLimit)
    add_security_headers_everywhere(app)  # added after BodyLimit: around it, so its 413 too
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(health.router)
    app.include_router(v1.router)
    v1.add_api_error_handlers(app)
    app.include_router(sign_in.router)
    app.include_router(account.router)
    app.include_router(audit_log.router)
    app.include_router(departments.router)
    app.include_router(planning.router)
    app.include_router(people.router)
    add_denial_handlers(app)
    return app


def app_from_environment() -> FastAPI:
    """The portal for the settings in the environment (``KOPPEL_*``): what each worker
    process of ``koppel serve --workers N`` builds."""
    settings = Settings()
    log_to_stderr(settings.log_level)
    return create_app(settings)
