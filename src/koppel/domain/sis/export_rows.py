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

from collections import defaultdict
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
from koppel.domain.sis.export_input import PortalExport
from koppel.domain.sis.keys import SisKind
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
        self.branches = {b.code: sourced_id(SisKind.BRANCH, b.code) for b in portal.branches}
        self.departments = {
            d.code: sourced_id(SisKind.DEPARTMENT, d.code) for d in portal.departments
        }
        self.years = {y.name: sourced_id(SisKind.SCHOOL_YEAR, y.name) for y in portal.years}
        self.courses = {d.code: sourced_id("course", d.code) for d in portal.departments}
        self.other_course = sourced_id("course", "")
        self.groups = {
            (g.school_year, g.name): sourced_id(SisKind.GROUP, g.school_year, g.name)
            for g in portal.groups
        }
        self.students = {s.number: sourced_id(SisKind.STUDENT, s.number) for s in portal.students}
        self.staff = {m.code: sourced_id(SisKind.STAFF, m.code) for m in portal.staff}
        self.schools = list(self.branches.values()) or [self.school]
        """What a class belongs to: the branches (type school); without any branch the
        school itself is written as one."""
        branch_of = {d.code: d.branch_code for d in portal.departments}
        self.school_of_department = {
            code: self.branches.get(branch, self.schools[0]) for code, branch in branch_of.items()
        }
        self.school_of_group = {
            (g.school_year, g.name): self.school_of_department.get(
                g.department_code, self.schools[0]
            )
            for g in portal.groups
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
                    ids.school_of_group[(group.school_year, group.name)],
                    ids.years[group.school_year],
                    "",
                    "",
                    "",
                ),
                (group.kind, group.department_code, group.folder),
            )
        )
    return rows


class _Memberships:
    """The schools each person belongs to (pure): a student those of this year's
    departments and of the groups they are in; a staff member those of the groups they
    teach or mentor. Someone in none is listed in the school as a whole (the top org)."""

    def __init__(self, portal: PortalExport, ids: _Ids) -> None:
        self._fallback = ids.school
        self.students: dict[str, set[str]] = defaultdict(set)
        self.staff: dict[str, set[str]] = defaultdict(set)
        for student in portal.students:
            for code in _department_codes(student.department):
                if code in ids.school_of_department:
                    self.students[student.number].add(ids.school_of_department[code])
        for m in portal.memberships:
            self.students[m.student_number].add(ids.school_of_group[(m.school_year, m.group)])
        for link in portal.links:
            self.staff[link.staff_code].add(ids.school_of_group[(link.school_year, link.group)])

    def of(self, schools: set[str]) -> str:
        return ",".join(sorted(schools)) if schools else self._fallback


def _department_codes(department: str) -> list[str]:
    """The codes of this year's participation (``4H 50 / 4V 50``: 4H and 4V)."""
    return [part.split()[0] for part in department.split(" / ") if part.strip()]


NO_PASSWORD = ""
"""The ``password`` column: present, as the standard has it, and always empty."""


def _users(portal: PortalExport, ids: _Ids) -> list[Row]:
    schools = _Memberships(portal, ids)
    rows = []
    for s in portal.students:
        rows.append(
            _row(
                (
                    ids.students[s.number],
                    _flag(s.status != LEFT),
                    schools.of(schools.students.get(s.number, set())),
                    "student",
                    s.username or s.number,
                    "",
                    s.first_name,
                    s.last_name,
                    s.infix,
                    s.number,
                    s.email,
                    *("", "", "", ""),
                    NO_PASSWORD,
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
                    schools.of(schools.staff.get(m.code, set())),
                    "teacher",
                    m.username or m.code.lower(),
                    "",
                    m.first_name,
                    m.last_name,
                    m.infix,
                    m.code,
                    m.email,
                    *("", "", "", ""),
                    NO_PASSWORD,
                ),
                (m.code, m.infix, "", m.status, ""),
            )
        )
    return rows


def _enrollments(portal: PortalExport, ids: _Ids) -> list[Row]:
    school_of = ids.school_of_group
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
                SEX.get(s.gender, ""),
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
