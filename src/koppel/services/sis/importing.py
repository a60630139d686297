"""``koppel oneroster import``: an SIS set (OneRoster 1.1/1.2 CSV, School Data Sync)
mapped onto the school and previewed or applied, like the file imports: one transaction,
one change set of kind ``integration.roster`` that ``koppel undo`` reverses, the same
JSON shape, and the same safety rule (refused without ``--force`` when too many students
or staff would be marked as left; nothing written).

A dry run writes nothing at all; running the same set again changes nothing
(``written: false``). Passwords in a set are dropped by the readers: never stored, never
logged, never in a report.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from koppel.domain.errors import InvalidValue, KoppelError
from koppel.domain.gc_pause import cyclic_gc_paused
from koppel.domain.imports.staff import Link
from koppel.domain.sis.findings import Finding, Findings
from koppel.domain.sis.keys import student_number_field
from koppel.domain.sis.plan import SisPlan, plan_sis_import
from koppel.domain.sis.sets import SisFormat, SisSet
from koppel.files.problems import ImportFileError, Problem
from koppel.i18n import translate
from koppel.progress import NoProgress, Progress
from koppel.services.audit.change_sets import ChangeRecorder
from koppel.services.imports.report import Counts
from koppel.services.sis.applying import apply_sis_plan
from koppel.services.sis.portal_state import (
    current_year,
    home_class_pattern,
    read_portal_state,
    school_year_of,
)
from koppel.services.sis.report import KIND, Changed, SisOptions, SisReport
from koppel.services.sis.safety import sis_refusal
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

REPORT_KIND = "oneroster"
LISTED = 100
"""At most this many memberships and links are listed one by one in ``details``."""


def import_sis(
    uow: SqlAlchemyUnitOfWork,
    path: Path,
    *,
    options: SisOptions,
    progress: Progress | None = None,
) -> SisReport:
    """Read the set in ``path`` (a folder or a zip file), then preview or apply it."""
    from koppel.files.sis import read_sis_set

    report = SisReport(file=options.file_label or path.name, kind=REPORT_KIND)
    shown = progress or NoProgress()
    shown.step(translate("roster.progress.read", file=report.file), 1)
    try:
        reading = read_sis_set(path)
    except ImportFileError as error:
        report.errors.append(error.problem)
        return report
    except Exception as error:  # a reader's fault: reported with the set
        report.errors.append(
            Problem(report.file, None, None, "roster.unexpected", {"error": _described(error)})
        )
        return report
    shown.advance()
    report.errors.extend(reading.errors)
    report.warnings.extend(reading.warnings)
    if reading.sis_set is None or report.errors:
        return report
    return import_sis_set(uow, reading.sis_set, options=options, report=report, progress=shown)


def import_sis_set(
    uow: SqlAlchemyUnitOfWork,
    sis_set: SisSet,
    *,
    options: SisOptions,
    report: SisReport | None = None,
    progress: Progress | None = None,
) -> SisReport:
    """Preview (``options.dry_run``) or apply an SIS set that has been read. Whatever
    stops the work, also an unexpected error, is an error of the report (nothing written:
    the transaction is rolled back); only a failing database goes up as it is."""
    if report is None:
        report = SisReport(file=options.file_label or sis_set.source, kind=REPORT_KIND)
    try:
        return _import_sis_set(uow, sis_set, options=options, report=report, progress=progress)
    except SQLAlchemyError:
        raise
    except KoppelError as error:
        report.errors.append(failure_problem(error, report.file))
    except Exception as error:  # reported with the set
        report.errors.append(
            Problem(report.file, None, None, "roster.unexpected", {"error": _described(error)})
        )
    report.written = False
    report.changeset = None
    return report


def failure_problem(error: KoppelError, label: str) -> Problem:
    """The error that stopped an import as a problem of the set ``label`` (its own file,
    row and column when it names them)."""
    found = getattr(error, "problem", None)
    if isinstance(found, Problem):
        return found
    return Problem(label, None, None, error.code, dict(error.params))


def _described(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def _import_sis_set(
    uow: SqlAlchemyUnitOfWork,
    sis_set: SisSet,
    *,
    options: SisOptions,
    report: SisReport,
    progress: Progress | None,
) -> SisReport:
    report.dry_run = options.dry_run
    report.format = sis_set.format.value
    report.fingerprint = sis_set.fingerprint
    report.rows = _rows(sis_set)
    shown = progress or NoProgress()
    with cyclic_gc_paused(), uow.transaction(write_lock=not options.dry_run):
        shown.step(translate("roster.progress.plan"), 1)
        findings = Findings()
        sis_ids = uow.sis_ids.all()
        year = school_year_of(uow, sis_set, sis_ids, findings)
        report.school_year = year.name
        try:
            pattern = home_class_pattern(uow, options.home_class_pattern)
            chosen = _student_number_field(options.student_number)
        except InvalidValue as error:
            report.errors.append(Problem(report.file, None, None, error.code, dict(error.params)))
            return report
        state = read_portal_state(uow, year, sis_ids)
        plan = plan_sis_import(
            sis_set, state, home_class_pattern=pattern, findings=findings, student_number=chosen
        )
        report.errors.extend(_problem(f, report.file, sis_set.format) for f in findings.errors)
        report.warnings.extend(_problem(f, report.file, sis_set.format) for f in findings.warnings)
        shown.advance()
        if report.errors:
            return report
        _describe(report, plan)
        if not options.force:
            report.refusal = sis_refusal(
                uow, plan, students=state.students, staff=state.staff, current=current_year(uow)
            )
        if options.dry_run or report.refusal is not None or plan.is_empty:
            return report
        shown.step(translate("roster.progress.apply"), 1)
        recorder = ChangeRecorder(KIND, actor=options.actor)
        apply_sis_plan(uow, plan, recorder)
        report.changeset = recorder.save(uow, report.summary())
        uow.commit()
        report.written = True
        shown.advance()
    return report


def _student_number_field(given: str | None) -> str | None:
    return None if given is None or not given.strip() else student_number_field(given)


def _rows(sis_set: SisSet) -> int:
    return sum(
        len(records)
        for records in (
            sis_set.orgs,
            sis_set.sessions,
            sis_set.classes,
            sis_set.users,
            sis_set.enrollments,
            sis_set.demographics,
        )
    )


SDS_CLASSIC_COLUMNS = {
    "sourcedId": "SIS ID",
    "userSourcedId": "SIS ID",
    "classSourcedId": "Section SIS ID",
    "givenName": "First Name",
    "familyName": "Last Name",
    "middleName": "Middle Name",
    "email": "Secondary Email",
    "username": "Username",
    "title": "Section Name",
    "termSourcedIds": "Term SIS ID",
    "name": "Name",
}
"""The plan names columns as OneRoster does; SDS classic's headers for the same fields."""


def _column(format: SisFormat, file: str, column: str | None) -> str | None:
    if column is None or format is SisFormat.ONEROSTER_1_1:
        return column
    if format is SisFormat.SDS_2_1 and column == "termSourcedIds":
        return "sessionSourcedIds"
    if format is not SisFormat.SDS_CLASSIC:
        return column
    if column == "identifier":
        return "Teacher Number" if file.lower() == "teacher.csv" else "Student Number"
    return SDS_CLASSIC_COLUMNS.get(column, column)


def _problem(finding: Finding, label: str, format: SisFormat) -> Problem:
    column = _column(format, finding.file, finding.column)
    return Problem(finding.file or label, finding.row, column, finding.code, finding.params)


def _key(link: Link) -> str:
    return link.key


def _describe(report: SisReport, plan: SisPlan) -> None:
    students, staff, found = plan.students, plan.staff, plan.enrollments
    report.students = Counts(
        len(students.new), len(students.updated), len(students.unchanged), len(students.absent)
    )
    report.staff = Counts(
        len(staff.new), len(staff.updated), len(staff.unchanged), len(staff.absent)
    )
    report.groups_new = len(plan.groups.new)
    report.groups_deleted = len(plan.groups.deleted)
    report.marked_left = students.leaving + staff.leaving
    report.memberships = Changed(len(found.added), len(found.removed), found.unchanged)
    report.teacher_links = Changed(
        len(found.links_added), len(found.links_removed), found.links_unchanged
    )
    report.others = plan.others
    report.details = {
        "new": [n.key for n in students.new],
        "updated": [
            {
                "student": u.key,
                "row": u.row,
                "fields": {n: {"before": c.before, "after": c.after} for n, c in u.changes.items()},
            }
            for u in students.updated
        ],
        "absent": list(students.absent),
        "staff_new": [n.key for n in staff.new],
        "staff_updated": [
            {
                "staff": u.key,
                "row": u.row,
                "fields": {n: {"before": c.before, "after": c.after} for n, c in u.changes.items()},
            }
            for u in staff.updated
        ],
        "staff_absent": list(staff.absent),
        "groups_new": [
            {"name": g.name, "kind": g.kind.value, "department": g.department_code}
            for g in plan.groups.new
        ],
        "groups_deleted": list(plan.groups.deleted),
        "accounts_new": [a.username for a in plan.accounts],
        "branches_new": [b.code for b in plan.structure.new_branches],
        "departments_new": [d.code for d in plan.structure.new_departments],
        "school_year_new": plan.year.name if plan.year.is_new else None,
        "memberships_new": [f"{g}|{n}" for g, n in sorted(found.added)[:LISTED]],
        "memberships_removed": [f"{g}|{n}" for g, n in sorted(found.removed)[:LISTED]],
        "links_new": [link.key for link in sorted(found.links_added, key=_key)[:LISTED]],
        "links_removed": [link.key for link in sorted(found.links_removed, key=_key)[:LISTED]],
    }
