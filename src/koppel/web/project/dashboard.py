"""The dashboard: one row per domain with its status and direction, the refresh button
with the time of the portal's data, and undo of the last change set."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from koppel.connector.sync import DOWNLOADS, UPLOADS, undo_latest
from koppel.domain.errors import KoppelError
from koppel.domain.sync.domains import SyncDomain
from koppel.web.project.common import CheckedDep, StateDep, explain, render

router = APIRouter()

WINDOWS: dict[SyncDomain, str] = {
    SyncDomain.STUDENTS: "/leerlingen",
    SyncDomain.PERSONAL_DATA: "/domein/personal_data",
    SyncDomain.DEPARTMENT_PARTICIPATION: "/leerlingen?filter=afdeling",
    SyncDomain.LWOO: "/leerlingen?filter=lwoo",
    SyncDomain.PROGNOSES: "/domein/prognoses",
    SyncDomain.PACKAGE_CHOICES: "/domein/package_choices",
    SyncDomain.HOME_CLASSES: "/leerlingen?filter=stamklas",
    SyncDomain.CLUSTER_GROUPS: "/groepen",
}
"""Where each domain's differences are shown (the seed's windows)."""


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, state: StateDep) -> HTMLResponse:
    problem = None
    try:
        snapshot = state.current()
    except KoppelError as error:
        snapshot, problem = None, explain(error, request)
    return render(
        request,
        "project/dashboard.html",
        snapshot=snapshot,
        problem=problem,
        info=state.info(),
        windows=WINDOWS,
        downloads=DOWNLOADS,
        uploads=UPLOADS,
        domains=list(SyncDomain),
    )


def _back(request: Request, fallback: str = "/") -> str:
    target = request.headers.get("referer", "")
    base = str(request.base_url)
    if target.startswith(base):
        return "/" + target[len(base) :]
    return fallback


@router.post("/ververs")
def refresh(request: Request, state: CheckedDep) -> RedirectResponse:
    try:
        state.refresh()
    except KoppelError as error:
        state.problem = explain(error, request)
    return RedirectResponse(_back(request), status_code=303)


@router.post("/ongedaan")
def undo(request: Request, state: CheckedDep) -> RedirectResponse:
    try:
        with state.lock, state.comparer() as comparer:
            state.last_undo = undo_latest(comparer)
            state.last_apply = None
        state.refresh()
    except KoppelError as error:
        state.problem = explain(error, request)
    return RedirectResponse(_back(request), status_code=303)
