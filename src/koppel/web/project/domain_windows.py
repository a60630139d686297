"""The windows of the domains that only come down: Persoonsgegevens, Prognoses and
Pakketkeuzes. Every differing student is listed and selected; the download button posts
the selection to ``/voorbeeld`` (see :mod:`koppel.web.project.applying`).

``GET /domein/{personal_data|prognoses|package_choices}``, with ``kies=geen`` to start
with nobody selected and, for package choices, ``afdeling=<code>`` for the department
whose students are shown."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from koppel.connector.domain_windows import WINDOW_DOMAINS, domain_window
from koppel.domain.errors import KoppelError
from koppel.domain.sync.domains import SyncDomain
from koppel.web.project.common import StateDep, explain, render

router = APIRouter()

TEMPLATES = {
    SyncDomain.PERSONAL_DATA: "project/domain.html",
    SyncDomain.PROGNOSES: "project/domain.html",
    SyncDomain.PACKAGE_CHOICES: "project/domain_packages.html",
}


@router.get("/domein/{name}", response_class=HTMLResponse)
def window(
    request: Request,
    state: StateDep,
    name: str,
    kies: Annotated[str, Query()] = "alle",
    afdeling: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    domain = next((d for d in WINDOW_DOMAINS if d.value == name), None)
    if domain is None:
        raise HTTPException(404)
    try:
        snapshot = state.current()
    except KoppelError as error:
        return render(request, "project/problem.html", problem=explain(error, request))
    return render(
        request,
        TEMPLATES[domain],
        snapshot=snapshot,
        window=domain_window(snapshot, domain, afdeling),
        selected=kies != "geen",
        here=f"/domein/{domain.value}",
    )
