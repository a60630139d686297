"""How the scheduler's browser gets into the project app without the key ever standing in
an address or on a command line (where ``ps`` shows it to every local user).

``koppel project open`` writes a **launch file**: a small HTML page, mode 0600 in a
folder of the user's own (0700), holding the one-time key in a form that POSTs it to
``/sleutel``. The browser is started on the file's path; the file's script (served by
the app, as the strict CSP wants: no inline code) submits the form, and a button does
the same without script. The app answers the first right key with the session cookie
(a secret of its own, never the key: HttpOnly, SameSite=Strict) and a page that
refreshes to the dashboard; the key is then used up and the file removed. Any later
use of the key, from any client, gets 403.

The dashboard is reached by that refresh, a navigation of the app's own page, so the
SameSite=Strict cookie goes along (after a redirect the browser would still count the
file's page as the origin, and keep the cookie back).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from koppel.i18n import current_language, texts_in
from koppel.web.project.common import COOKIE, StateDep, render
from koppel.web.rendering import templates

KEY_FIELD = "sleutel"
KEY_PATH = "/sleutel"

router = APIRouter()


def new_launch_key() -> str:
    return secrets.token_urlsafe(32)


def write_launch_file(folder: Path, *, base: str, key: str, project: Path) -> Path:
    """The launch file in ``folder`` (a private folder: see
    :func:`koppel.services.private_folders.private_directory`), made 0600 before the key
    is written into it."""
    language = current_language()
    page = templates.env.get_template("project/launch.html").render(
        t=texts_in(language), lang=language, base=base, key=key, project_path=project.name
    )
    path = folder / f"open-{secrets.token_hex(8)}.html"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as written:
        written.write(page)
    return path


@router.post(KEY_PATH, response_class=HTMLResponse)
def hand_in_the_key(
    request: Request, state: StateDep, sleutel: Annotated[str, Form()] = ""
) -> HTMLResponse:
    """The launch file's form: the first right key opens a session; anything else is
    refused."""
    if not state.take_launch_key(sleutel):
        return render(request, "project/key_refused.html", status_code=403)
    response = render(request, "project/signed_in.html")
    response.set_cookie(COOKIE, state.secret, httponly=True, samesite="strict")
    return response
