"""The groups window (the seed's "Lesgroepindelingen"): per department the counts of
home classes and groups on the left, per student and group x / D / P on the right, the
upload of group assignments and the download of portal-led home classes, and the
scheduler's own edit of a student's groups in the project."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from koppel.connector.groups_view import (
    DepartmentGroups,
    StudentLine,
    group_names,
    groups_overview,
    natural,
    student_groups,
)
from koppel.connector.project_setup import assign_groups
from koppel.connector.snapshot import Snapshot
from koppel.domain.errors import KoppelError
from koppel.domain.sync.domains import SyncDomain
from koppel.store.project.file import ProjectFile, ProjectFileError
from koppel.web.project.common import CheckedDep, StateDep, explain, render
from koppel.web.project.state import ProjectState

router = APIRouter()


@dataclass(frozen=True)
class Edited:
    """The scheduler's last edit, shown once on the window."""

    student: str
    changeset: str | None


def window_url(department: str | None, *, only_differences: bool = False) -> str:
    query: dict[str, str] = {}
    if department:
        query["afdeling"] = department
    if only_differences:
        query["verschillen"] = "1"
    return "/groepen" + (f"?{urlencode(query)}" if query else "")


def _chosen(overview: tuple[DepartmentGroups, ...], wanted: str | None) -> DepartmentGroups | None:
    for department in overview:
        if department.department == (wanted or "").upper():
            return department
    for department in overview:
        if department.uploads or department.downloads or department.only_project:
            return department
    return overview[0] if overview else None


def _flash_edit(request: Request) -> Edited | None:
    edited: Edited | None = getattr(request.app.state, "group_edit", None)
    request.app.state.group_edit = None
    return edited


@router.get("/groepen", response_class=HTMLResponse)
def groups_window(
    request: Request,
    state: StateDep,
    afdeling: str | None = None,
    verschillen: bool = False,
) -> HTMLResponse:
    problem = None
    snapshot: Snapshot | None = None
    try:
        snapshot = state.current()
    except KoppelError as error:
        problem = explain(error, request)
    overview = groups_overview(snapshot) if snapshot else ()
    shown = _chosen(overview, afdeling)
    lines: tuple[StudentLine, ...] = ()
    if shown is not None:
        lines = tuple(line for line in shown.lines if line.differs or not verschillen)
    return render(
        request,
        "project/groups.html",
        snapshot=snapshot,
        problem=problem,
        overview=overview,
        shown=shown,
        lines=lines,
        only_differences=verschillen,
        here=window_url(shown.department if shown else None, only_differences=verschillen),
        window_url=window_url,
        edited=_flash_edit(request),
    )


def _open_project(state: ProjectState) -> ProjectFile:
    return ProjectFile.open(state.path)


@router.get("/groepen/leerling/{student}", response_class=HTMLResponse)
def edit_form(
    request: Request, state: StateDep, student: str, afdeling: str | None = None
) -> HTMLResponse:
    """The student's home class in the shown department and cluster groups, to edit."""
    project = _open_project(state)
    try:
        found = student_groups(project, student)
    finally:
        project.close()
    if not found.known:
        error = ProjectFileError("project.unknown_student", student=student)
        return render(request, "project/problem.html", problem=explain(error, request))
    try:
        snapshot = state.current()
    except KoppelError as error:
        return render(request, "project/problem.html", problem=explain(error, request))
    shown = _chosen(groups_overview(snapshot), afdeling)
    in_portal = group_names(snapshot.views[SyncDomain.CLUSTER_GROUPS].portal.get((student, None)))
    return render(
        request,
        "project/groups_edit.html",
        found=found,
        shown=shown,
        portal_groups=sorted(in_portal, key=natural),
        takes_part=shown is not None and any(line.student == student for line in shown.lines),
        back=window_url(shown.department if shown else None),
    )


@router.post("/groepen/leerling/{student}")
def save_edit(
    request: Request,
    state: CheckedDep,
    student: str,
    groups: Annotated[str, Form()] = "",
    department: Annotated[str, Form()] = "",
    home_class: Annotated[str | None, Form()] = None,
) -> RedirectResponse:
    """``assign_groups``: one change set in the project, undone from the window."""
    back = window_url(department or None)
    again = f"/groepen/leerling/{student}?{urlencode({'afdeling': department})}"
    try:
        with state.lock:
            project = _open_project(state)
            try:
                changeset = assign_groups(
                    project,
                    student,
                    home_class=(department, home_class) if home_class is not None else None,
                    groups=groups.split(","),
                )
            finally:
                project.close()
            if changeset is not None:
                state.last_apply = None  # the undo button must not claim an older apply
                state.last_undo = None
    except KoppelError as error:
        state.problem = explain(error, request)
        return RedirectResponse(again, status_code=303)
    request.app.state.group_edit = Edited(student, changeset)
    try:
        state.refresh()
    except KoppelError as error:
        state.problem = explain(error, request)
    return RedirectResponse(back, status_code=303)
