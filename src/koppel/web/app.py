"""The portal's FastAPI application, built by :func:`create_app` (nothing at import time)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from koppel import __version__
from koppel.logs import log_to_stderr
from koppel.places import keep_new_files_private
from koppel.settings import Settings
from koppel.store.database import connect
from koppel.store.secrets import SecretBox, key_source_of
from koppel.web.admin import accounts as admin_accounts
from koppel.web.admin import audit_log, sis, staff_links, tokens
from koppel.web.admin import departments as admin_departments
from koppel.web.admin import settings as admin_settings
from koppel.web.api import health, v1
from koppel.web.body_limit import BodyLimit
from koppel.web.denials import add_denial_handlers
from koppel.web.hash_slots import hash_slots_for
from koppel.web.pages import account, departments, people, planning, promotion, sign_in
from koppel.web.security import add_security_headers_everywhere
from koppel.web.transition import prepare, promote, switch, wizard

STATIC = Path(__file__).with_name("static")
ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    v1.router,
    sign_in.router,
    account.router,
    admin_accounts.router,
    admin_departments.router,
    tokens.router,
    admin_settings.router,
    staff_links.router,
    wizard.router,
    prepare.router,
    promote.router,
    switch.router,
    sis.router,
    audit_log.router,
    departments.router,
    planning.router,
    promotion.router,
    people.router,
)
"""Every router of the portal, in the order their routes are matched: the API, signing
in and one's own account, Beheer (the administrator's pages), the planning pages."""


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
    app.state.hash_slots = hash_slots_for(settings)
    app.state.secrets = SecretBox(key_source_of(settings, app.state.engine.url))
    app.add_middleware(BodyLimit)
    add_security_headers_everywhere(app)  # added after BodyLimit: around it, so its 413 too
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router)
    v1.add_api_error_handlers(app)
    add_denial_handlers(app)
    return app


def app_from_environment() -> FastAPI:
    """The portal for the settings in the environment (``KOPPEL_*``): what each worker
    process of ``koppel serve --workers N`` builds."""
    keep_new_files_private()
    settings = Settings()
    log_to_stderr(settings.log_level)
    return create_app(settings)
