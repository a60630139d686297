"""The year transition as the portal's wizard runs it (Beheer > Jaarovergang): which
uploaded file each of the five steps takes, keeping the files between a step's preview and
its apply, and one step previewed or applied with the administrator's choices by the same
services as its command (:mod:`koppel.services.transition.steps` names the steps)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO

from koppel.domain.errors import InvalidValue, KoppelError
from koppel.files.columns import ImportKind
from koppel.files.problems import ImportFileError, Problem
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.report import ImportReport
from koppel.services.imports.run import run_import
from koppel.services.transition.groups_delete import (
    GroupsDeleteReport,
    GroupsDeleteRequest,
    delete_groups,
)
from koppel.services.transition.staff_departure import remove_departed_staff
from koppel.services.transition.uploads import StoredUpload, UploadStore
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

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


@dataclass(frozen=True)
class ChosenFile:
    """A file the administrator chose in a step's form, as it arrived."""

    content: BinaryIO
    filename: str


@dataclass
class Choices:
    """What the administrator chose, carried from the preview to the apply."""

    tokens: dict[ImportKind, str] = field(default_factory=dict)
    scope: str = "all"
    folder: str = ""
    mark_absent_left: bool = False


StepReport = ImportReport | GroupsDeleteReport
"""What a step's service reported (a departure report is an import report too)."""


@dataclass
class StepOutcome:
    step: int
    applying: bool
    choices: Choices
    uploads: dict[ImportKind, StoredUpload] = field(default_factory=dict)
    reports: list[StepReport] = field(default_factory=list)
    checked: ImportReport | None = None
    """Step 1's students file: only checked there (it is applied in step 3), so its
    refusal informs and stops nothing."""
    refused_files: list[Problem] = field(default_factory=list)
    """Chosen files that could not be kept (too large): the step did not run."""
    written: bool = False
    changeset: str | None = None
    problem: KoppelError | None = None
    """A choice the service refused (an unknown folder)."""

    @property
    def has_errors(self) -> bool:
        found = [r for r in (*self.reports, self.checked) if isinstance(r, ImportReport)]
        return (
            self.problem is not None
            or bool(self.refused_files)
            or any(report.errors for report in found)
        )

    @property
    def refused(self) -> bool:
        return any(isinstance(r, ImportReport) and r.refusal is not None for r in self.reports)

    @property
    def applied(self) -> bool:
        """An apply that went through (written, or with nothing left to change)."""
        return self.applying and not self.has_errors and not self.refused


def keep_files(
    store: UploadStore,
    step: int,
    chosen: Mapping[ImportKind, ChosenFile],
    choices: Choices,
    *,
    username: str,
) -> list[Problem]:
    """Keep the files chosen for ``step`` (a file chosen now wins over a kept one: its
    token goes into ``choices``); the problems of those that could not be kept."""
    refused: list[Problem] = []
    for kind in FILES_OF_STEP[step]:
        if kind not in chosen:
            continue
        try:
            stored = store.save(
                chosen[kind].content,
                filename=chosen[kind].filename,
                kind=kind.value,
                username=username,
            )
        except ImportFileError as error:
            refused.append(error.problem)
            continue
        choices.tokens[kind] = stored.token
    return refused


def missing_file(step: int, choices: Choices) -> ImportKind | None:
    """The first file ``step`` needs that ``choices`` does not name."""
    return next((k for k in REQUIRED_FILES.get(step, ()) if k not in choices.tokens), None)


@dataclass(frozen=True)
class _Run:
    uow: SqlAlchemyUnitOfWork
    outcome: StepOutcome
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
) -> StepOutcome:
    """Preview (``apply`` false: nothing written) or apply ``step`` with ``choices``; raises
    :class:`koppel.services.transition.uploads.UnknownUpload` for a token it does not keep.
    An applied step's files are forgotten, but for those a later step takes again."""
    outcome = StepOutcome(step, apply, choices)
    for kind, token in choices.tokens.items():
        outcome.uploads[kind] = store.get(token, username=actor, kind=kind.value)
    _RUNNERS[step](_Run(uow, outcome, force, actor))
    if outcome.applied:
        for kind in FILES_OF_STEP[step]:
            if kind not in REUSED_LATER.get(step, ()):
                store.remove_all(username=actor, kind=kind.value)
    return outcome


def _import_files(run: _Run) -> None:
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
    outcome.reports.append(staff)
    outcome.checked = checked


def _delete_groups(run: _Run) -> None:
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
    run.outcome.reports.append(report)


def _import_participants(run: _Run) -> None:
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
    outcome.reports.append(report)


def _link_staff(run: _Run) -> None:
    outcome = run.outcome
    report = run_import(
        run.uow,
        ImportKind.TEACHER_GROUPS,
        outcome.uploads[ImportKind.TEACHER_GROUPS].path,
        options=run.options(ImportKind.TEACHER_GROUPS, dry_run=not outcome.applying),
    )
    _took(outcome, report)
    outcome.reports.append(report)


def _remove_departed(run: _Run) -> None:
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
    outcome.reports.append(report)


_RUNNERS: dict[int, Callable[[_Run], None]] = {
    1: _import_files,
    2: _delete_groups,
    3: _import_participants,
    4: _link_staff,
    5: _remove_departed,
}


def _took(outcome: StepOutcome, report: ImportReport) -> None:
    outcome.written, outcome.changeset = report.written, report.changeset
