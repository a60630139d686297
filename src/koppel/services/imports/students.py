"""Inlezen deelnemers: a students file from the SIS, previewed or applied."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from koppel.domain.audit import JsonValue
from koppel.domain.errors import KoppelError
from koppel.domain.imports.students import (
    DEFAULT_STATE,
    IncomingStudent,
    StudentImportPlan,
    StudentState,
    personal_of,
    plan_student_import,
)
from koppel.files.columns import Column, ImportKind
from koppel.files.problems import ImportFileError, Problem
from koppel.i18n import translate
from koppel.progress import NoProgress, Progress
from koppel.services.audit.change_sets import ChangeRecorder
from koppel.services.imports.apply_students import apply_student_plan
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.prognosis_check import prognosis_differences
from koppel.services.imports.report import Counts, ImportReport
from koppel.services.imports.rows import ParsedRow, ParsedTable, RowProblems, parse_file
from koppel.services.imports.student_safety import absence_refusal, expected_absent
from koppel.services.imports.student_values import StudentValues
from koppel.services.school_years.years import open_department_list, year_of_work
from koppel.services.transition.previews import note_report_preview
from koppel.services.transition.steps import IMPORT_PARTICIPANTS
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

PLAIN_TEXT = {
    Column.FIRST_NAME: "first_name",
    Column.INFIX: "infix",
    Column.LAST_NAME: "last_name",
    Column.STREET: "street",
    Column.CITY: "city",
}
REQUIRED_FOR_NEW = (Column.FIRST_NAME, Column.LAST_NAME)


def import_students(
    uow: SqlAlchemyUnitOfWork,
    path: Path,
    *,
    options: ImportOptions,
    progress: Progress | None = None,
) -> ImportReport:
    """Preview (``options.dry_run``) or apply a students file in one transaction."""
    label = options.file_label or path.name
    report = ImportReport(file=label, kind=ImportKind.STUDENTS.value)
    shown = progress or NoProgress()
    shown.step(translate("progress.read", file=label), 1)
    try:
        table = parse_file(path, ImportKind.STUDENTS, options=options, file_label=label)
    except ImportFileError as error:
        report.errors.append(error.problem)
        return report
    report.rows = len(table.rows)
    report.warnings.extend(table.warnings)
    shown.advance()
    shown.step(translate("progress.check"), report.rows)
    with uow.transaction(write_lock=not options.dry_run):
        year = year_of_work(uow, options.school_year)
        existing = uow.student_states.states(year)
        report.school_year = year.name
        groups = {g.name: g for g in uow.groups.list(year)}
        width = uow.school.setting("student_number_width")
        try:
            matched = StudentValues.of(
                table,
                open_department_list(uow, year),
                {n: g.department_code for n, g in groups.items()},
                profile_file=options.mapping.name if options.mapping else label,
            )
        except ImportFileError as error:
            report.errors.append(error.problem)
            return report
        incoming = _rows_to_students(
            table, report, existing, matched, width if isinstance(width, int) else None
        )
        mapped: list[JsonValue] = list(matched.tally.as_json())
        report.details["values_mapped"] = mapped
        shown.advance(report.rows)
        if report.errors:
            return report
        plan = plan_student_import(
            incoming,
            existing,
            existing_groups=set(groups),
            mark_absent_left=options.mark_absent_left,
        )
        _describe(report, plan, existing)
        report.details["values_mapped"] = mapped
        filling = year != uow.school.current_school_year()  # a prepared year, step 3
        if filling:
            report.details["prognosis_differs"] = prognosis_differences(uow, year, incoming)
        expected = expected_absent(uow, year, existing, plan)
        report.details["absent_final_year"] = len(expected)
        report.refusal = absence_refusal(uow, year, existing, plan, options, len(expected))
        if options.dry_run or report.refusal is not None:
            note_report_preview(
                uow,
                IMPORT_PARTICIPANTS,
                school_year=year.name,
                actor=options.actor,
                report=report.as_json(),
            )
        if options.dry_run or report.refusal is not None or plan.is_empty:
            return report
        recorder = ChangeRecorder("import.students", actor=options.actor)
        shown.step(translate("progress.apply"), 1)
        apply_student_plan(uow, year, plan, recorder, placed_before=existing if filling else None)
        shown.advance()
        report.changeset = recorder.save(
            uow,
            {"school_year": year.name, "file": label, **report.students.as_json()},  # type: ignore[union-attr]
        )
        uow.commit()
        report.written = True
    return report


def _describe(
    report: ImportReport, plan: StudentImportPlan, existing: Mapping[str, StudentState]
) -> None:
    report.students = Counts(
        new=len(plan.new),
        updated=len(plan.updated),
        unchanged=len(plan.unchanged),
        absent=len(plan.absent),
    )
    report.groups_new = len(plan.new_groups)
    report.marked_left = len(plan.to_mark_left)
    report.details = {
        "new": [n.student_number for n in plan.new],
        "updated": [
            {
                "student": u.student_number,
                "row": u.row,
                "fields": {
                    name: {"before": c.before, "after": c.after} for name, c in u.changes.items()
                },
            }
            for u in plan.updated
        ],
        "absent": list(plan.absent),
        "groups_new": [{"name": g.name, "department": g.department_code} for g in plan.new_groups],
    }


def _rows_to_students(
    table: ParsedTable,
    report: ImportReport,
    existing: Mapping[str, StudentState],
    matched: StudentValues,
    width: int | None,
) -> list[IncomingStudent]:
    """Each row as the fields it sets; problems go to the report, naming row and column."""
    incoming: list[IncomingStudent] = []
    first_row: dict[str, int] = {}
    present = set(table.index)
    for row in table.rows:
        problems = RowProblems(table, row)
        number, repaired = row.student_number(width, on_error=problems.add)
        if not number:
            report.errors.extend(problems.found)
            continue
        if repaired:
            report.warnings.append(
                Problem(
                    table.file,
                    row.number,
                    table.header(Column.STUDENT_NUMBER),
                    "import.number_repaired",
                    {"value": number, "width": width},
                )
            )
        values = _values(row, present, problems, matched)
        values.update(matched.placement(row, present, problems))
        for column in REQUIRED_FOR_NEW:
            if column in present and not values.get(PLAIN_TEXT[column]):
                problems.required(column)
        if number in first_row:
            problems.message(
                Column.STUDENT_NUMBER,
                "import.duplicate_key",
                value=number,
                other_row=first_row[number],
            )
        else:
            first_row[number] = row.number
        if not problems.found and number not in existing:
            try:
                personal_of({**DEFAULT_STATE, **values})
            except KoppelError as error:
                problems.add(Column.STUDENT_NUMBER, error)
        report.errors.extend(problems.found)
        if not problems.found:
            incoming.append(IncomingStudent(row.number, number, values))
    return incoming


def _values(
    row: ParsedRow, present: set[Column], problems: RowProblems, matched: StudentValues
) -> dict[str, JsonValue]:
    """The personal fields, birth date and LWOO that the file has columns for."""
    values: dict[str, JsonValue] = {
        name: row.text(column) for column, name in PLAIN_TEXT.items() if column in present
    }
    if Column.HOUSE_NUMBER in present:
        values["house_number"] = row.house_number()
    if Column.GENDER in present:
        values["gender"] = matched.gender(row, problems)
    if Column.POSTCODE in present:
        values["postcode"] = row.postcode(on_error=problems.add)
    if Column.EMAIL in present:
        values["email"] = row.email(on_error=problems.add)
    if Column.BIRTH_DATE in present:
        born = row.date(Column.BIRTH_DATE, on_error=problems.add)
        values["birth_date"] = born.isoformat() if born else None
    if Column.LWOO in present:
        values["lwoo"] = row.flag(Column.LWOO, on_error=problems.add)
    return values
