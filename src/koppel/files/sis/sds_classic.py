"""School Data Sync classic (v1) sets: ``School.csv``, ``Section.csv``, ``Student.csv``,
``Teacher.csv``, ``StudentEnrollment.csv`` and ``TeacherRoster.csv``, all six required,
each a full snapshot.

Schools become orgs, sections classes (their term an academic session), students and
teachers users (``SIS ID``, names, ``Username``, their school), a student's
``Birthdate`` a demographic, and the two enrollment files enrollments as student or
teacher. Dates are American (``7/1/2017`` is 1 July) or ISO; ``Status`` is Active or
Inactive (inactive records are passed as to be deleted).
"""

from __future__ import annotations

from koppel.domain.sis.sets import Entity, FileMode, SisFormat, SisSet, UserKind
from koppel.files.limits import ImportLimits
from koppel.files.sis.assemble import Parts, assemble
from koppel.files.sis.csvfile import CsvTable, open_table
from koppel.files.sis.findings import Findings
from koppel.files.sis.references import Target
from koppel.files.sis.sds_classic_records import (
    SCHOOL,
    SECTION,
    SIS_ID,
    read_enrollments,
    read_people,
    read_schools,
    read_sections,
)
from koppel.files.sis.source import SisSource

FILES = (
    "School.csv",
    "Section.csv",
    "Student.csv",
    "Teacher.csv",
    "StudentEnrollment.csv",
    "TeacherRoster.csv",
)
REQUIRED = {
    "School.csv": (SIS_ID, "Name"),
    "Section.csv": (SIS_ID, SCHOOL, "Section Name"),
    "Student.csv": (SIS_ID, SCHOOL, "Username"),
    "Teacher.csv": (SIS_ID, SCHOOL, "Username"),
    "StudentEnrollment.csv": (SECTION, SIS_ID),
    "TeacherRoster.csv": (SECTION, SIS_ID),
}
CODES = {"School.csv": "roster.reference.org", "Section.csv": "roster.reference.class"}
STUDENT, TEACHER = "Student.csv", "Teacher.csv"


def read_sds_classic(source: SisSource, findings: Findings, limits: ImportLimits) -> SisSet | None:
    for name in FILES:
        if source.get(name) is None:
            findings.error(
                source.label, None, None, "roster.sds.missing_file", file=name, format="SDS classic"
            )
    if findings.has_errors:
        return None
    tables: dict[str, CsvTable | None] = {}
    for name in FILES:
        file = source.get(name)
        if file is not None:  # all six are there: checked above
            tables[name] = open_table(file, FileMode.BULK, findings, limits, REQUIRED[name])
    parts = Parts()
    if t := tables.get("School.csv"):
        parts.orgs = read_schools(t, findings)
    schools = _target(source, tables, "School.csv", {o.sourced_id for o in parts.orgs})
    if t := tables.get("Section.csv"):
        parts.classes, parts.sessions = read_sections(t, findings, schools)
    has_birthdates = False
    for name in (STUDENT, TEACHER):
        if t := tables.get(name):
            has_birthdates |= name == STUDENT and t.find("Birthdate") is not None
            read_people(t, findings, schools, parts, student=name == STUDENT)
    sections = _target(source, tables, "Section.csv", {c.sourced_id for c in parts.classes})
    for name, role, code, kind in (
        ("StudentEnrollment.csv", "student", "roster.reference.student", UserKind.STUDENT),
        ("TeacherRoster.csv", "teacher", "roster.reference.teacher", UserKind.STAFF),
    ):
        if t := tables.get(name):
            ids = {u.sourced_id for u in parts.users if u.kind is kind}
            people_file = STUDENT if kind is UserKind.STUDENT else TEACHER
            people = _target(source, tables, people_file, ids, code)
            parts.enrollments += read_enrollments(t, findings, role, sections, people)
    modes = dict.fromkeys(Entity, FileMode.BULK)
    modes[Entity.DEMOGRAPHICS] = FileMode.BULK if has_birthdates else FileMode.ABSENT
    return assemble(SisFormat.SDS_CLASSIC, source, modes, parts)


def _target(
    source: SisSource,
    tables: dict[str, CsvTable | None],
    name: str,
    ids: set[str],
    code: str = "",
) -> Target | None:
    """References to the records of file ``name``, when it could be read."""
    file = source.get(name)
    if file is None or tables.get(name) is None:
        return None
    return Target(file.name, ids, code or CODES[name])
