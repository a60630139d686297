"""koppel's school as a OneRoster 1.1 bulk CSV set: which rows go into which file (pure).

The portal is read into a :class:`PortalExport`; :func:`export_files` maps it onto the
files of the CSV binding, each with its header in the order the standard gives, followed
by koppel's vendor columns (``ext_koppel_*``: allowed by the standard, ignored by other
systems) so that koppel reads its own set back unchanged.

Only the personal data the standard needs is written: names, username, e-mail, birth
date and sex. No address (data minimisation for minors), and never a password.
Prognoses and package choices have no place in OneRoster and are not written.

Identifiers are UUIDs derived from koppel's keys (student number, staff code, group
name and school year, ...): the same portal gives the same ``sourcedId`` values in
every export, so a receiving system recognises what it has seen before.
"""

from __future__ import annotations

from collections.abc import Sequence

from koppel.domain.groups import GroupKind
from koppel.domain.sis.export_format import (
    CLASSES,
    COURSES,
    DEMOGRAPHICS,
    ENROLLMENTS,
    EXT,
    FILE_ORDER,
    HEADERS,
    LEFT,
    ORGS,
    OTHER_COURSE_TITLE,
    SESSIONS,
    SEX,
    USERS,
    ExportFile,
    Row,
    sourced_id,
)
from koppel.domain.sis.export_input import (
    ExportGroup,
    ExportStudent,
    PortalExport,
)
from koppel.domain.sis.sets import KOPPEL_EXT


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _row(values: Sequence[str], ext: Sequence[str] = ()) -> Row:
    """A row with empty ``status`` and ``dateLastModified`` (a bulk set leaves them
    blank) after its ``sourcedId``, then the file's own fields and koppel's columns."""
    return (values[0], "", "", *values[1:], *ext)


class _Ids:
    """The sourcedIds of one export, each derived once."""

    def __init__(self, portal: PortalExport) -> None:
        self.school = sourced_id("school")
        self.branches = {b.code: sourced_id("branch", b.code) for b in portal.branches}
        self.departments = {d.code: sourced_id("department", d.code) for d in portal.departments}
        self.years = {y.name: sourced_id("school_year", y.name) for y in portal.years}
        self.courses = {d.code: sourced_id("course", d.code) for d in portal.departments}
        self.other_course = sourced_id("course", "")
        self.groups = {
            (g.school_year, g.name): sourced_id("group", g.school_year, g.name)
            for g in portal.groups
        }
        self.students = {s.number: sourced_id("student", s.number) for s in portal.students}
        self.staff = {m.code: sourced_id("staff", m.code) for m in portal.staff}
        self.schools = list(self.branches.values()) or [self.school]
        """What a class or user belongs to: the branches (type school); without any
        branch the school itself is written as one."""
        branch_of = {d.code: d.branch_code for d in portal.departments}
        self.school_of_department = {
            code: self.branches.get(branch, self.schools[0]) for code, branch in branch_of.items()
        }


def _orgs(portal: PortalExport, ids: _Ids) -> list[Row]:
    name = portal.school_name or "School"
    if not portal.branches:
        return [_row((ids.school, name, "school", "", ""), ("", "", "", ""))]
    rows = [_row((ids.school, name, "district", "", ""), ("", "", "", ""))]
    for branch in sorted(portal.branches, key=lambda b: b.code):
        rows.append(
            _row(
                (ids.branches[branch.code], branch.name, "school", branch.code, ids.school),
                (branch.code, "", "", ""),
            )
        )
    for department in portal.departments:
        rows.append(
            _row(
                (
                    ids.departments[department.code],
                    department.name,
                    "department",
                    department.code,
                    ids.branches.get(department.branch_code, ids.school),
                ),
                (
                    department.code,
                    str(department.year_of_study),
                    department.education_type,
                    department.branch_code,
                ),
            )
        )
    return rows


def _sessions(portal: PortalExport, ids: _Ids) -> list[Row]:
    return [
        _row(
            (
                ids.years[year.name],
                year.name,
                "schoolYear",
                year.starts_on.isoformat(),
                year.ends_on.isoformat(),
                "",
                str(year.ends_on.year),
            ),
        )
        for year in sorted(portal.years, key=lambda y: y.name)
    ]


def _needs_other_course(portal: PortalExport) -> bool:
    known = {d.code for d in portal.departments}
    return any(g.department_code not in known for g in portal.groups)


def _courses(portal: PortalExport, ids: _Ids) -> list[Row]:
    rows = [
        _row(
            (
                ids.courses[d.code],
                "",
                d.name,
                d.code,
                "",
                ids.school_of_department[d.code],
                "",
                "",
            ),
        )
        for d in portal.departments
    ]
    if _needs_other_course(portal):
        rows.append(
            _row((ids.other_course, "", OTHER_COURSE_TITLE, "", "", ids.schools[0], "", ""))
        )
    return rows


def _group_school(group: ExportGroup, ids: _Ids) -> str:
    return ids.school_of_department.get(group.department_code, ids.schools[0])


def _classes(portal: PortalExport, ids: _Ids) -> list[Row]:
    rows = []
    for group in portal.groups:
        course = ids.courses.get(group.department_code, ids.other_course)
        class_type = "homeroom" if group.kind == GroupKind.HOME_CLASS.value else "scheduled"
        rows.append(
            _row(
                (
                    ids.groups[(group.school_year, group.name)],
                    group.name,
                    "",
                    course,
                    group.name,
                    class_type,
                    "",
                    _group_school(group, ids),
                    ids.years[group.school_year],
                    "",
                    "",
                    "",
                ),
                (group.kind, group.department_code, group.folder),
            )
        )
    return rows


def _student_schools(student: ExportStudent, ids: _Ids, branch_of: dict[str, str]) -> str:
    codes = [part.split()[0] for part in student.department.split(" / ") if part.strip()]
    schools = sorted(
        {ids.branches[branch_of[c]] for c in codes if branch_of.get(c) in ids.branches}
    )
    return ",".join(schools or ids.schools)


def _users(portal: PortalExport, ids: _Ids) -> list[Row]:
    branch_of = {d.code: d.branch_code for d in portal.departments}
    everywhere = ",".join(ids.schools)
    rows = []
    for s in portal.students:
        rows.append(
            _row(
                (
                    ids.students[s.number],
                    _flag(s.status != LEFT),
                    _student_schools(s, ids, branch_of),
                    "student",
                    s.username or s.number,
                    "",
                    s.first_name,
                    s.last_name,
                    s.infix,
                    s.number,
                    s.email,
                    *("", "", "", ""),
                ),
                (s.number, s.infix, s.department, s.status, _flag(s.lwoo)),
            )
        )
    for m in portal.staff:
        rows.append(
            _row(
                (
                    ids.staff[m.code],
                    _flag(m.status != LEFT),
                    everywhere,
                    "teacher",
                    m.username or m.code.lower(),
                    "",
                    m.first_name,
                    m.last_name,
                    m.infix,
                    m.code,
                    m.email,
                    *("", "", "", ""),
                ),
                (m.code, m.infix, "", m.status, ""),
            )
        )
    return rows


def _enrollments(portal: PortalExport, ids: _Ids) -> list[Row]:
    school_of = {(g.school_year, g.name): _group_school(g, ids) for g in portal.groups}
    rows = []
    for m in portal.memberships:
        group = (m.school_year, m.group)
        rows.append(
            _row(
                (
                    sourced_id("enrollment", m.school_year, m.group, "student", m.student_number),
                    ids.groups[group],
                    school_of[group],
                    ids.students[m.student_number],
                    "student",
                    "",
                    "",
                    "",
                ),
                ("",),
            )
        )
    for link in portal.links:
        group = (link.school_year, link.group)
        rows.append(
            _row(
                (
                    sourced_id(
                        "enrollment", link.school_year, link.group, link.role, link.staff_code
                    ),
                    ids.groups[group],
                    school_of[group],
                    ids.staff[link.staff_code],
                    "teacher",
                    _flag(link.role == "mentor"),
                    "",
                    "",
                ),
                (link.role,),
            )
        )
    return rows


def _demographics(portal: PortalExport, ids: _Ids) -> list[Row]:
    blanks = ("",) * (len(HEADERS[DEMOGRAPHICS]) - 5)
    return [
        _row(
            (
                ids.students[s.number],
                s.birth_date.isoformat() if s.birth_date else "",
                SEX.get(s.gender, "other"),
                *blanks,
            ),
        )
        for s in portal.students
    ]


def export_files(portal: PortalExport) -> list[ExportFile]:
    """The data files of the set, in :data:`FILE_ORDER`; a file without rows is left
    out (the standard allows no empty data file: the manifest names it ``absent``)."""
    ids = _Ids(portal)
    builders = {
        ORGS: _orgs,
        SESSIONS: _sessions,
        COURSES: _courses,
        CLASSES: _classes,
        USERS: _users,
        ENROLLMENTS: _enrollments,
        DEMOGRAPHICS: _demographics,
    }
    tables = []
    for name in FILE_ORDER:
        rows = builders[name](portal, ids)
        if rows:
            headers = (*HEADERS[name], *(KOPPEL_EXT + e for e in EXT.get(name, ())))
            tables.append(ExportFile(name, headers, rows))
    return tables
