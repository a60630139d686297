"""One entry point for every kind of import file."""

from __future__ import annotations

from pathlib import Path

from koppel.domain.gc_pause import cyclic_gc_paused
from koppel.files.columns import ImportKind
from koppel.progress import Progress
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.report import ImportReport
from koppel.services.imports.staff import import_staff, import_teacher_groups
from koppel.services.imports.students import import_students
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

IMPORTERS = {
    ImportKind.STUDENTS: import_students,
    ImportKind.STAFF: import_staff,
    ImportKind.TEACHER_GROUPS: import_teacher_groups,
}


def run_import(
    uow: SqlAlchemyUnitOfWork,
    kind: ImportKind,
    path: Path,
    *,
    options: ImportOptions,
    progress: Progress | None = None,
) -> ImportReport:
    with cyclic_gc_paused():
        return IMPORTERS[kind](uow, path, options=options, progress=progress)
