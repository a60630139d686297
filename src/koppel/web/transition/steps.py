"""The five steps of the year-transition wizard, each previewed or applied by the same
service as its command, and its report turned into what the page shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from koppel.domain.errors import InvalidValue, KoppelError
from koppel.files.columns import ImportKind
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.report import ImportReport
from koppel.services.imports.run import run_import
from koppel.services.transition.groups_delete import GroupsDeleteRequest, delete_groups
from koppel.services.transition.staff_departure import remove_departed_staff
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.transition.reports import (
    ReportView,
    departure_view,
    groups_view,
    links_view,
    staff_view,
    students_view,
)
from koppel.web.transition.uploads import StoredUpload, UploadStore

STEP_NUMBERS = (1, 2, 3, 4, 5)
FILES_OF_STEP: dict[int, tuple[ImportKind, ...]] = {
    1: (ImportKind.STAFF, ImportKind.STUDENTS),
    2: (),
    3: (ImportKind.STUDENTS,),
    4: (ImportKind.TEACHER_GROUPS,),
    5: (ImportKind.STAFF,),
}
REQUIRED_FILES: dict[int, tuple[ImportKind, ...]] = {
    1: (ImportKind.STAFF,),
    3: (ImportKind.STUDENTS,),
    4: (ImportKind.TEACHER_GROUPS,),
    5: (ImportKind.STAFF,),
}
"""Step 1 checks the students file only when one is chosen (it is read in step 3)."""
REUSED_LATER: dict[int, tuple[ImportKind, ...]] = {1: (ImportKind.STAFF, ImportKind.STUDENTS)}
"""Files kept after their step is applied: step 3 offers the students file of step 1,
step 5 its staff file."""


@dataclass
class Choices:
    """What the administrator chose, carried from the preview to the apply."""

    tokens: dict[ImportKind, str] = field(default_factory=dict)
    scope: str = "all"
    folder: str = ""
    mark_absent_left: bool = False


@dataclass
class Outcome:
    step: int
    applying: bool
    choices: Choices
    uploads: dict[ImportKind, StoredUpload] = field(default_factory=dict)
    reports: list[ReportView] = field(default_factory=list)
    written: bool = False
    changeset: str | None = None
    problem: KoppelError | None = None
    """A choice the service refused (an unknown folder)."""

    @property
    def has_errors(self) -> bool:
        return self.problem is not None or any(r.errors for r in self.reports)

    @property
    def refused(self) -> bool:
        return any(r.refusal is not None and not r.checked_only for r in self.reports)

    @property
    def applied(self) -> bool:
        """An apply that went through (written, or with nothing left to change)."""
        return self.applying and not self.has_errors and not self.refused


@dataclass(frozen=True)
class Run:
    uow: SqlAlchemyUnitOfWork
    outcome: Outcome
    force: bool
    actor: str

    def options(
        self, kind: ImportKind, *, dry_run: bool, mark_absent_left: bool = False
    ) -> ImportOptions:
        return ImportOptions(
            dry_run=dry_run,
            force=self.force,
            file_label=self.outcome.uploads[kind].label,
            actor=self.actor,
            mark_absent_left=mark_absent_left,
        )


def run_step(
    uow: SqlAlchemyUnitOfWork,
    store: UploadStore,
    step: int,
    choices: Choices,
    *,
    apply: bool,
    force: bool,
    actor: str,
) -> Outcome:
    """Preview (``apply`` false: nothing written) or apply ``step`` with ``choices``; raises
    :class:`koppel.web.transition.uploads.UnknownUpload` for a token it does not keep."""
    outcome = Outcome(step, apply, choices)
    for kind, token in choices.tokens.items():
        outcome.uploads[kind] = store.get(token, username=actor, kind=kind.value)
    RUNNERS[step](Run(uow, outcome, force, actor))
    if outcome.applied:
        for kind in FILES_OF_STEP[step]:
            if kind not in REUSED_LATER.get(step, ()):
                store.remove_all(username=actor, kind=kind.value)
    return outcome


def _import_files(run: Run) -> None:
    """Step 1: the students file is checked first; the staff file is applied only when
    both are free of errors."""
    outcome = run.outcome
    checked: ImportReport | None = None
    if ImportKind.STUDENTS in outcome.uploads:
        checked = run_import(
            run.uow,
            ImportKind.STUDENTS,
            outcome.uploads[ImportKind.STUDENTS].path,
            options=run.options(ImportKind.STUDENTS, dry_run=True),
        )
    dry = not outcome.applying or (checked is not None and bool(checked.errors))
    staff = run_import(
        run.uow,
        ImportKind.STAFF,
        outcome.uploads[ImportKind.STAFF].path,
        options=run.options(ImportKind.STAFF, dry_run=dry),
    )
    _took(outcome, staff)
    outcome.reports.append(staff_view(staff))
    if checked is not None:
        students = students_view(checked)
        students.checked_only = True
        outcome.reports.append(students)


def _delete_groups(run: Run) -> None:
    choices = run.outcome.choices
    request = GroupsDeleteRequest(
        all_groups=choices.scope != "folder",
        folder=choices.folder if choices.scope == "folder" else None,
        dry_run=not run.outcome.applying,
        actor=run.actor,
    )
    try:
        report = delete_groups(run.uow, request)
    except InvalidValue as error:
        run.outcome.problem = error
        return
    run.outcome.written, run.outcome.changeset = report.written, report.changeset
    run.outcome.reports.append(groups_view(report))


def _import_participants(run: Run) -> None:
    outcome = run.outcome
    report = run_import(
        run.uow,
        ImportKind.STUDENTS,
        outcome.uploads[ImportKind.STUDENTS].path,
        options=run.options(
            ImportKind.STUDENTS,
            dry_run=not outcome.applying,
            mark_absent_left=outcome.choices.mark_absent_left,
        ),
    )
    _took(outcome, report)
    outcome.reports.append(students_view(report))


def _link_staff(run: Run) -> None:
    outcome = run.outcome
    report = run_import(
        run.uow,
        ImportKind.TEACHER_GROUPS,
        outcome.uploads[ImportKind.TEACHER_GROUPS].path,
        options=run.options(ImportKind.TEACHER_GROUPS, dry_run=not outcome.applying),
    )
    _took(outcome, report)
    outcome.reports.append(links_view(report))


def _remove_departed(run: Run) -> None:
    outcome = run.outcome
    upload = outcome.uploads[ImportKind.STAFF]
    report = remove_departed_staff(
        run.uow,
        upload.path,
        dry_run=not outcome.applying,
        force=run.force,
        actor=run.actor,
        file_label=upload.label,
    )
    _took(outcome, report)
    outcome.reports.append(departure_view(report))


RUNNERS: dict[int, Callable[[Run], None]] = {
    1: _import_files,
    2: _delete_groups,
    3: _import_participants,
    4: _link_staff,
    5: _remove_departed,
}


def _took(outcome: Outcome, report: ImportReport) -> None:
    outcome.written, outcome.changeset = report.written, report.changeset


def folders_of(uow: SqlAlchemyUnitOfWork) -> list[str]:
    """The folders (mappen) that hold groups in the current school year."""
    with uow:
        return uow.group_deletion.folders(uow.school.current_school_year())


def newest_changeset(uow: SqlAlchemyUnitOfWork) -> str | None:
    """The newest change set that stands: the only one undo accepts."""
    with uow:
        latest = uow.changesets.latest_applied()
    return None if latest is None else latest.id
