"""What the project's pages share: rendering with the project's words, the CSRF check,
and turning a refusal into a message in the user's words."""

from __future__ import annotations

import hmac
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse

from koppel.domain.errors import KoppelError
from koppel.domain.sync.domains import Value
from koppel.i18n import texts_in
from koppel.web.language import language_of
from koppel.web.project.state import ProjectState
from koppel.web.rendering import templates

COOKIE = "koppel_project"


def shown(value: Value) -> str:
    """A field's value as the windows show it: lists joined, nothing as a dash."""
    if value is None or value == () or value == "":
        return "—"
    if isinstance(value, tuple):
        return " ".join(value)
    if isinstance(value, bool):
        return "✓" if value else "–"
    return str(value)


def local_time(iso: str) -> str:
    """``2026-11-23T17:30:15Z`` -> ``18:30:15`` on the scheduler's own clock (the app runs
    on the scheduler's machine)."""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return moment.astimezone().strftime("%H:%M:%S")


templates.env.filters["shown"] = shown
templates.env.filters["local_time"] = local_time


def project_state(request: Request) -> ProjectState:
    state: ProjectState = request.app.state.project
    return state


StateDep = Annotated[ProjectState, Depends(project_state)]


def checked(request: Request, csrf_token: Annotated[str, Form()] = "") -> ProjectState:
    """A form post from the project's own pages (the CSRF token matches)."""
    state = project_state(request)
    if not hmac.compare_digest(csrf_token, state.csrf_token):
        raise HTTPException(403, "CSRF")
    return state


CheckedDep = Annotated[ProjectState, Depends(checked)]


def render(
    request: Request,
    name: str,
    language: str | None = None,
    status_code: int = 200,
    **context: object,
) -> HTMLResponse:
    chosen = language or language_of(request)
    state: ProjectState = request.app.state.project
    flash_problem, state.problem = state.problem, None
    response = templates.TemplateResponse(
        request,
        name,
        {
            "t": texts_in(chosen),
            "lang": chosen,
            "csrf_token": state.csrf_token,
            "project": state,
            "flash_problem": flash_problem,
            **context,
        },
        status_code=status_code,
    )
    if request.query_params.get("lang") == chosen:
        response.set_cookie("lang", chosen, samesite="lax", httponly=True, max_age=31_536_000)
    return response


def explain(error: KoppelError, request: Request) -> str:
    """A refusal (the portal's or the project's) in the user's language."""
    return error.message(language_of(request))
