"""The Students window (the seed's "Leerlingen", DESKTOP 3.10) at ``/leerlingen``.

By default only the students with changes; ``alle=1`` shows all students. On the left
the seed's filters (``filter=afdeling|lwoo|stamklas|bij_af``), a search box (``q``,
number or name) and one department (``afd``). htmx swaps the window in place and pushes
the address; plain links and forms do the same without script. ``selectie=geen``
unchecks every row (there is no script for a select-all box: the CSP allows none).

The buttons post the checked students to ``/voorbeeld`` (a preview, applied on
confirm); the account upload goes through ``/leerlingen/uploaden``, which adds
``action=upload`` (one form cannot carry two actions). The rows are built once per
snapshot and kept on the :class:`ProjectState`.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse

from koppel.connector.one_sided import read_one_sided
from koppel.connector.snapshot import Snapshot
from koppel.connector.students_view import (
    Filter,
    StudentsView,
    build_students_view,
)
from koppel.connector.students_view import Query as ViewQuery
from koppel.domain.errors import KoppelError
from koppel.domain.sync.domains import SyncDomain
from koppel.web.project import applying
from koppel.web.project.common import CheckedDep, StateDep, explain, render
from koppel.web.project.state import ProjectState

router = APIRouter()

PATH = "/leerlingen"
SHOWN = 1000
"""Rows rendered at most; the rest is a search or a filter away."""
_KEPT = "_students_window"
"""The attribute of the ProjectState that keeps the built rows with their snapshot."""

BUTTONS: tuple[tuple[str, SyncDomain, str], ...] = (
    ("afdeling", SyncDomain.DEPARTMENT_PARTICIPATION, "students.button.afdeling"),
    ("lwoo", SyncDomain.LWOO, "domain.lwoo"),
    ("stamklassen", SyncDomain.HOME_CLASSES, "domain.home_classes"),
    ("download", SyncDomain.STUDENTS, "students.filter.bij_af"),
)
"""The seed's buttons: each takes over the portal's rows of one domain (key, domain, and
the text on the button)."""
FILTER_WORDS = {
    Filter.PARTICIPATION: "domain.department_participation",
    Filter.LWOO: "domain.lwoo",
    Filter.HOME_CLASSES: "students.filter.stamklas",
    Filter.ADDED_REMOVED: "students.filter.bij_af",
}
"""The text that names each of the seed's filters, in the order shown."""


@dataclass(frozen=True)
class Built:
    of: weakref.ref[Snapshot]
    """The snapshot the rows were built from (not kept alive by them)."""
    view: StudentsView
    portal_url: str


def students_view(state: ProjectState) -> tuple[Snapshot, Built]:
    """The current snapshot and the window's rows for it: built once, then kept."""
    snapshot = state.current()
    kept: Built | None = getattr(state, _KEPT, None)
    if kept is not None and kept.of() is snapshot:
        return snapshot, kept
    view = build_students_view(snapshot, read_one_sided(state.path, snapshot))
    built = Built(weakref.ref(snapshot), view, state.info().portal_url.rstrip("/"))
    setattr(state, _KEPT, built)
    return snapshot, built


@dataclass(frozen=True)
class Chosen:
    """The window's query string, parsed."""

    filter: Filter | None
    everyone: bool
    search: str
    department: str | None
    none_selected: bool

    def url(self, **changes: object) -> str:
        values: dict[str, object] = {
            "filter": self.filter.value if self.filter else None,
            "alle": "1" if self.everyone else None,
            "afd": self.department,
            "q": self.search or None,
            "selectie": "geen" if self.none_selected else None,
        }
        values.update(changes)
        query = urlencode({k: v for k, v in values.items() if v not in (None, "", False)})
        return f"{PATH}?{query}" if query else PATH

    @property
    def back(self) -> str:
        """Where an apply returns to: this view, every row checked again."""
        return self.url(selectie=None)


def _chosen(
    filter: str, alle: str, q: str, afd: str, selectie: str, known: tuple[str, ...]
) -> Chosen:
    chosen_filter = Filter(filter) if filter in Filter._value2member_map_ else None
    return Chosen(
        chosen_filter,
        chosen_filter is None and alle in ("1", "ja", "true", "on"),
        q.strip()[:100],
        afd if afd in known else None,
        selectie == "geen",
    )


Text = Annotated[str, Query()]


@router.get(PATH, response_class=HTMLResponse)
def students_window(
    request: Request,
    state: StateDep,
    filter: Text = "",
    alle: Text = "",
    q: Text = "",
    afd: Text = "",
    selectie: Text = "",
) -> HTMLResponse:
    partial = "HX-Request" in request.headers and "HX-History-Restore-Request" not in (
        request.headers
    )
    name = "project/students_window.html" if partial else "project/students.html"
    try:
        snapshot, built = students_view(state)
    except KoppelError as error:
        return render(request, "project/problem.html", problem=explain(error, request))
    view = built.view
    chosen = _chosen(filter, alle, q, afd, selectie, view.departments)
    rows = view.select(ViewQuery(chosen.filter, chosen.everyone, chosen.search, chosen.department))
    response = render(
        request,
        name,
        view=view,
        rows=rows[:SHOWN],
        more=max(0, len(rows) - SHOWN),
        total=len(view.rows),
        chosen=chosen,
        filters=FILTER_WORDS,
        snapshot=snapshot,
        statuses=snapshot.statuses,
        buttons=BUTTONS,
        portal_url=built.portal_url,
    )
    response.headers["Vary"] = "HX-Request"
    return response


Many = applying.Many


@router.post(f"{PATH}/uploaden", response_class=HTMLResponse)
def upload_accounts(
    request: Request,
    state: CheckedDep,
    student: Many | None = None,
    department: Many | None = None,
    next: Annotated[str, Form()] = PATH,  # the form field's name
) -> HTMLResponse:
    """Accounts in the portal for the checked students only the project has: the same
    preview as every apply."""
    fields = applying.ApplyFields(
        "upload", [SyncDomain.STUDENTS.value], department or [], student or [""], next=next
    )
    return applying.show_preview(request, state, fields)
