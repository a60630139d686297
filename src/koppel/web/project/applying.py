"""Every apply from a window: first what it will do (a preview, nothing written), then,
confirmed, one change set; back on the window with the result and an undo button.

A window posts its selection to ``/voorbeeld``: ``action`` (download or upload), one
or more ``domain`` (``group_assignments`` for home classes and cluster groups),
optionally ``department`` and ``student`` (repeated), ``accept_conflicts``,
``take_portal``, ``only_new`` and ``next`` (the window to return to)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from koppel.connector.applying import Selection, chosen_rows, download, upload
from koppel.connector.comparing import Comparer
from koppel.connector.results import ApplyResult
from koppel.connector.sync import download_domain, upload_domains
from koppel.domain.errors import KoppelError
from koppel.domain.sync.compare import DiffRow
from koppel.domain.sync.domains import Direction, SyncDomain
from koppel.web.project.common import CheckedDep, explain, render
from koppel.web.project.state import ProjectState

router = APIRouter()
PREVIEW_ROWS = 100


@dataclass(frozen=True)
class ApplyForm:
    action: Direction
    domains: tuple[SyncDomain, ...]
    selection: Selection
    next: str
    hidden: list[tuple[str, str]]
    """The form's fields again, for the confirm button."""


@dataclass(frozen=True)
class ApplyFields:
    """The fields of an apply form, as posted."""

    action: str
    domain: list[str]
    department: list[str] = field(default_factory=list)
    student: list[str] = field(default_factory=list)
    accept_conflicts: bool = False
    take_portal: bool = False
    only_new: bool = False
    next: str = "/"

    @property
    def back(self) -> str:
        """Where to go afterwards: a path of this app only."""
        ok = self.next.startswith("/") and not self.next.startswith("//")
        return self.next if ok else "/"


Many = Annotated[list[str], Form()]


def apply_fields(
    action: Annotated[str, Form()],
    domain: Many,
    department: Many | None = None,
    student: Many | None = None,
    accept_conflicts: Annotated[bool, Form()] = False,
    take_portal: Annotated[bool, Form()] = False,
    only_new: Annotated[bool, Form()] = False,
    next: Annotated[str, Form()] = "/",  # the form field's name
) -> ApplyFields:
    return ApplyFields(
        action,
        domain,
        department or [],
        student or [],
        accept_conflicts,
        take_portal,
        only_new,
        next,
    )


FieldsDep = Annotated[ApplyFields, Depends(apply_fields)]


def _form(fields: ApplyFields) -> ApplyForm:
    direction = Direction.UPLOAD if fields.action == "upload" else Direction.DOWNLOAD
    if direction is Direction.UPLOAD:
        domains = tuple(d for text in fields.domain for d in upload_domains(text))
    else:
        domains = tuple(
            download_domain(text, take_portal=fields.take_portal) for text in fields.domain
        )
    selection = Selection(
        departments=fields.department or None,
        students=fields.student or None,
        accept_conflicts=fields.accept_conflicts,
        only_new_package_departments=fields.only_new,
        take_portal=fields.take_portal,
    )
    hidden = [("action", direction.value)]
    hidden += [("domain", text) for text in fields.domain]
    hidden += [("department", d) for d in fields.department]
    hidden += [("student", s) for s in fields.student]
    for name, on in (
        ("accept_conflicts", fields.accept_conflicts),
        ("take_portal", fields.take_portal),
        ("only_new", fields.only_new),
    ):
        if on:
            hidden.append((name, "1"))
    hidden.append(("next", fields.back))
    return ApplyForm(direction, domains, selection, fields.back, hidden)


def show_preview(request: Request, state: ProjectState, fields: ApplyFields) -> HTMLResponse:
    """What the apply will do, per domain: the rows, the conflicts left; nothing written."""
    try:
        form = _form(fields)
    except KoppelError as error:
        return render(request, "project/problem.html", problem=explain(error, request))
    snapshot = state.current()
    plans: list[tuple[SyncDomain, list[DiffRow], list[DiffRow]]] = []
    for chosen in form.domains:
        rows, waiting = chosen_rows(
            snapshot.views, chosen, form.action, form.selection, snapshot.departments
        )
        plans.append((chosen, rows, waiting))
    return render(
        request,
        "project/confirm.html",
        form=form,
        plans=plans,
        shown=PREVIEW_ROWS,
        snapshot=snapshot,
    )


@router.post("/voorbeeld", response_class=HTMLResponse)
def preview(request: Request, state: CheckedDep, fields: FieldsDep) -> HTMLResponse:
    return show_preview(request, state, fields)


def _downloader(domain: SyncDomain, selection: Selection) -> Callable[[Comparer], ApplyResult]:
    def work(comparer: Comparer) -> ApplyResult:
        return download(comparer, domain, selection)

    return work


@router.post("/toepassen")
def apply(request: Request, state: CheckedDep, fields: FieldsDep) -> RedirectResponse:
    """The confirmed apply: one change set (an upload: one in the portal too)."""
    try:
        form = _form(fields)
        if form.action is Direction.UPLOAD:
            state.run(lambda comparer: upload(comparer, form.domains, form.selection))
        else:
            for chosen in form.domains:
                state.run(_downloader(chosen, form.selection))
    except KoppelError as error:
        state.problem = explain(error, request)
    return RedirectResponse(fields.back, status_code=303)
