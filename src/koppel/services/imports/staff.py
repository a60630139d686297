"""Inlezen personeel and docenten koppelen aan groepen: staff files and teacher-groups
files, previewed or applied."""

from __future__ import annotations

from pathlib import Path

from koppel.domain.accounts import Account, AccountKind, Role
from koppel.domain.audit import JsonValue
from koppel.domain.imports.staff import (
    IncomingStaff,
    Link,
    StaffImportPlan,
    plan_links,
    plan_staff_import,
)
from koppel.domain.personal import full_name
from koppel.domain.school import SchoolYear
from koppel.domain.staff import StaffLink, StaffMember, StaffRole
from koppel.files.columns import Column, ImportKind
from koppel.files.problems import ImportFileError, Problem
from koppel.i18n import translate
from koppel.progress import NoProgress, Progress
from koppel.services.audit.change_sets import ChangeRecorder
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.report import Counts, ImportReport
from koppel.services.imports.rows import ParsedTable, RowProblems, parse_file
from koppel.services.school_years.years import year_of_work
from koppel.services.transition.previews import note_report_preview
from koppel.services.transition.steps import IMPORT_FILES, LINK_STAFF, Step
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

ROLE_WORDS: dict[str, Role] = {
    "docent": Role.TEACHER,
    "teacher": Role.TEACHER,
    "mentor": Role.MENTOR,
    "teamleider": Role.TEAM_LEADER,
    "team_leader": Role.TEAM_LEADER,
    "roostermaker": Role.SCHEDULER,
    "scheduler": Role.SCHEDULER,
    "beheerder": Role.ADMINISTRATOR,
    "applicatiebeheerder": Role.ADMINISTRATOR,
    "administrator": Role.ADMINISTRATOR,
}
LINK_ROLES: dict[str, StaffRole] = {
    "docent": StaffRole.TEACHER,
    "teacher": StaffRole.TEACHER,
    "mentor": StaffRole.MENTOR,
}


def _read(
    path: Path,
    kind: ImportKind,
    options: ImportOptions,
    report: ImportReport,
    progress: Progress | None,
) -> ParsedTable | None:
    shown = progress or NoProgress()
    shown.step(translate("progress.read", file=report.file), 1)
    try:
        table = parse_file(path, kind, options=options, file_label=report.file)
    except ImportFileError as error:
        report.errors.append(error.problem)
        return None
    report.rows = len(table.rows)
    report.warnings.extend(table.warnings)
    shown.advance()
    return table


def _note(
    uow: SqlAlchemyUnitOfWork,
    step: Step,
    year: SchoolYear,
    options: ImportOptions,
    report: ImportReport,
) -> None:
    note_report_preview(
        uow, step, school_year=year.name, actor=options.actor, report=report.as_json()
    )


def import_staff(
    uow: SqlAlchemyUnitOfWork,
    path: Path,
    *,
    options: ImportOptions,
    progress: Progress | None = None,
) -> ImportReport:
    report = ImportReport(file=options.file_label or path.name, kind=ImportKind.STAFF.value)
    table = read_staff_file(path, options, report, progress)
    if table is None:
        return report
    with uow.transaction(write_lock=not options.dry_run):
        year = year_of_work(uow, options.school_year)
        report.school_year = year.name
        incoming = staff_in_file(uow, year, table, report)
        existing = uow.staff.states()
        if report.errors:
            return report
        plan = plan_staff_import(incoming, existing, existing_links=uow.groups.staff_links(year))
        report.staff = Counts(
            len(plan.new), len(plan.updated), len(plan.unchanged), len(plan.absent)
        )
        report.links = Counts(new=len(plan.new_links), unchanged=plan.unchanged_links)
        report.details = _staff_details(plan)
        if options.dry_run:
            _note(uow, IMPORT_FILES, year, options, report)
        if options.dry_run or plan.is_empty:
            return report
        recorder = ChangeRecorder("import.staff", actor=options.actor)
        _apply_staff(uow, year, plan, recorder)
        summary: dict[str, JsonValue] = {"school_year": year.name, "file": report.file}
        report.changeset = recorder.save(uow, summary)
        uow.commit()
        report.written = True
    return report


def read_staff_file(
    path: Path, options: ImportOptions, report: ImportReport, progress: Progress | None
) -> ParsedTable | None:
    """The staff file read and its headers matched; None (with the errors in ``report``)
    when it cannot be used."""
    return _read(path, ImportKind.STAFF, options, report, progress)


def staff_in_file(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, table: ParsedTable, report: ImportReport
) -> list[IncomingStaff]:
    """Inside an open unit of work: the file's staff, each row checked (its groups
    against those of ``year``); problems go into ``report``."""
    groups = {g.name for g in uow.groups.list(year)}
    return _staff_rows(table, report, groups)


def _staff_rows(table: ParsedTable, report: ImportReport, groups: set[str]) -> list[IncomingStaff]:
    incoming: list[IncomingStaff] = []
    first_row: dict[str, int] = {}
    for row in table.rows:
        problems = RowProblems(table, row)
        code = row.staff_code(on_error=problems.add)
        values: dict[str, JsonValue] = {
            "first_name": row.text(Column.FIRST_NAME),
            "last_name": row.text(Column.LAST_NAME),
        }
        if table.has(Column.INFIX):
            values["infix"] = row.text(Column.INFIX)
        if table.has(Column.EMAIL):
            values["email"] = row.email(on_error=problems.add)
        for column in (Column.FIRST_NAME, Column.LAST_NAME):
            if not row.text(column):
                problems.required(column)
        roles: list[str] = []
        for word in row.items(Column.ROLES) if table.has(Column.ROLES) else []:
            role = ROLE_WORDS.get(word.lower())
            if role is None:
                problems.message(Column.ROLES, "import.role_unknown", value=word)
            else:
                roles.append(role.value)
        linked: list[str] = []
        for group in row.items(Column.GROUPS) if table.has(Column.GROUPS) else []:
            if group in groups:
                linked.append(group)
            else:
                report.warnings.append(
                    Problem(
                        table.file,
                        row.number,
                        table.header(Column.GROUPS),
                        "import.group_unknown_skipped",
                        {"group": group},
                    )
                )
        if code and code in first_row:
            problems.message(
                Column.STAFF_CODE, "import.duplicate_key", value=code, other_row=first_row[code]
            )
        elif code:
            first_row[code] = row.number
        report.errors.extend(problems.found)
        if code and not problems.found:
            incoming.append(IncomingStaff(row.number, code, values, tuple(roles), tuple(linked)))
    return incoming


def _staff_details(plan: StaffImportPlan) -> dict[str, JsonValue]:
    return {
        "new": [s.staff_code for s in plan.new],
        "updated": [
            {
                "staff": u.staff_code,
                "row": u.row,
                "fields": {n: {"before": c.before, "after": c.after} for n, c in u.changes.items()},
            }
            for u in plan.updated
        ],
        "absent": list(plan.absent),
        "links_new": [link.key for link in plan.new_links],
    }


def _apply_staff(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, plan: StaffImportPlan, recorder: ChangeRecorder
) -> None:
    members = [
        StaffMember(
            s.staff_code,
            str(s.values["first_name"]),
            str(s.values["last_name"]),
            infix=str(s.values.get("infix") or ""),
            email=str(s.values.get("email") or ""),
        )
        for s in plan.new
    ]
    uow.staff.add_many(members)
    for member in members:
        recorder.record(
            "staff.add",
            "staff",
            member.staff_code,
            after={"first_name": member.first_name, "last_name": member.last_name},
        )
    accounts = [
        Account(
            s.staff_code.lower(),
            full_name(m.first_name, m.infix, m.last_name),
            frozenset(Role(r) for r in (s.roles or (Role.TEACHER.value,))),
            AccountKind.STAFF,
            staff_code=s.staff_code,
            email=m.email,
        )
        for s, m in zip(plan.new, members, strict=True)
    ]
    fresh = [a for a in accounts if uow.accounts.ids.find(a.username) is None]
    uow.accounts.add_many(fresh)
    for account in fresh:
        recorder.record(
            "account.add",
            "account",
            account.username,
            after={"roles": [r.value for r in sorted(account.roles)]},
        )
    uow.staff.write_many(
        {u.staff_code: {n: c.after for n, c in u.changes.items()} for u in plan.updated}
    )
    for update in plan.updated:
        recorder.record(
            "staff.update",
            "staff",
            update.staff_code,
            before={n: c.before for n, c in update.changes.items()},
            after={n: c.after for n, c in update.changes.items()},
        )
    _add_links(uow, year, plan.new_links, recorder)


def _add_links(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, links: list[Link], recorder: ChangeRecorder
) -> None:
    uow.groups.add_staff_links(
        year, [StaffLink(link.staff_code, link.group, link.role) for link in links]
    )
    for link in links:
        recorder.record("staff_link.add", "staff_link", link.key)


def import_teacher_groups(
    uow: SqlAlchemyUnitOfWork,
    path: Path,
    *,
    options: ImportOptions,
    progress: Progress | None = None,
) -> ImportReport:
    report = ImportReport(
        file=options.file_label or path.name, kind=ImportKind.TEACHER_GROUPS.value
    )
    table = _read(path, ImportKind.TEACHER_GROUPS, options, report, progress)
    if table is None:
        return report
    with uow.transaction(write_lock=not options.dry_run):
        year = year_of_work(uow, options.school_year)
        report.school_year = year.name
        codes = set(uow.staff.states())
        by_email = uow.staff.codes_by_email()
        groups = {g.name for g in uow.groups.list(year)}
        wanted: list[Link] = []
        for row in table.rows:
            problems = RowProblems(table, row)
            code = ""
            if table.has(Column.STAFF_CODE) and row.text(Column.STAFF_CODE):
                code = row.staff_code(on_error=problems.add)
                if code and code not in codes:
                    problems.message(Column.STAFF_CODE, "import.staff_unknown", value=code)
            elif table.has(Column.EMAIL) and row.text(Column.EMAIL):
                email = row.email(on_error=problems.add)
                code = by_email.get(email.lower(), "")
                if email and not code:
                    problems.message(Column.EMAIL, "import.staff_email_unknown", value=email)
            else:
                problems.message(Column.STAFF_CODE, "import.staff_missing")
            group = row.text(Column.GROUP)
            if not group:
                problems.required(Column.GROUP)
            elif group not in groups:
                problems.message(Column.GROUP, "import.group_unknown", group=group, year=year.name)
            word = row.text(Column.ROLE).lower() if table.has(Column.ROLE) else "docent"
            role = LINK_ROLES.get(word or "docent")
            if role is None:
                problems.message(Column.ROLE, "import.link_role_unknown", value=word)
            report.errors.extend(problems.found)
            if not problems.found and role is not None:
                wanted.append(Link(code, group, role))
        if report.errors:
            return report
        new, unchanged = plan_links(wanted, uow.groups.staff_links(year))
        report.links = Counts(new=len(new), unchanged=unchanged)
        report.details = {"links_new": [link.key for link in new]}
        if options.dry_run:
            _note(uow, LINK_STAFF, year, options, report)
        if options.dry_run or not new:
            return report
        recorder = ChangeRecorder("import.teacher_groups", actor=options.actor)
        _add_links(uow, year, new, recorder)
        report.changeset = recorder.save(uow, {"school_year": year.name, "file": report.file})
        uow.commit()
        report.written = True
    return report
