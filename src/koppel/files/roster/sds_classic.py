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

from koppel.domain.roster import (
    Entity,
    FileMode,
    Origin,
    RecordStatus,
    RosterClass,
    RosterDemographic,
    RosterEnrollment,
    RosterFormat,
    RosterOrg,
    RosterSession,
    RosterSet,
    RosterUser,
    UserKind,
)
from koppel.files.limits import ImportLimits
from koppel.files.roster.assemble import Parts, assemble
from koppel.files.roster.checks import NO_EXT, Checks
from koppel.files.roster.csvfile import CsvTable, open_table
from koppel.files.roster.findings import Findings
from koppel.files.roster.references import Target, check, first_time
from koppel.files.roster.source import RosterSource
from koppel.files.roster.values import SDS_CLASSIC_STATUS, allowed_text, school_year

FILES = (
    "School.csv",
    "Section.csv",
    "Student.csv",
    "Teacher.csv",
    "StudentEnrollment.csv",
    "TeacherRoster.csv",
)
SIS_ID = "SIS ID"
SCHOOL = "School SIS ID"
SECTION = "Section SIS ID"
REQUIRED = {
    "School.csv": (SIS_ID, "Name"),
    "Section.csv": (SIS_ID, SCHOOL, "Section Name"),
    "Student.csv": (SIS_ID, SCHOOL, "Username"),
    "Teacher.csv": (SIS_ID, SCHOOL, "Username"),
    "StudentEnrollment.csv": (SECTION, SIS_ID),
    "TeacherRoster.csv": (SECTION, SIS_ID),
}
ACTIVE = RecordStatus.ACTIVE
CODES = {"School.csv": "roster.reference.org", "Section.csv": "roster.reference.class"}
STUDENT, TEACHER = "Student.csv", "Teacher.csv"


def read_sds_classic(
    source: RosterSource, findings: Findings, limits: ImportLimits
) -> RosterSet | None:
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
        parts.orgs = _schools(t, findings)
    schools = _target(source, tables, "School.csv", {o.sourced_id for o in parts.orgs})
    if t := tables.get("Section.csv"):
        parts.classes, parts.sessions = _sections(t, findings, schools)
    has_birthdates = False
    for name in (STUDENT, TEACHER):
        if t := tables.get(name):
            has_birthdates |= name == STUDENT and t.find("Birthdate") is not None
            _people(t, findings, schools, parts, student=name == STUDENT)
    sections = _target(source, tables, "Section.csv", {c.sourced_id for c in parts.classes})
    for name, role, code, kind in (
        ("StudentEnrollment.csv", "student", "roster.reference.student", UserKind.STUDENT),
        ("TeacherRoster.csv", "teacher", "roster.reference.teacher", UserKind.STAFF),
    ):
        if t := tables.get(name):
            ids = {u.sourced_id for u in parts.users if u.kind is kind}
            people_file = STUDENT if kind is UserKind.STUDENT else TEACHER
            people = _target(source, tables, people_file, ids, code)
            parts.enrollments += _enrollments(t, findings, role, sections, people)
    modes = dict.fromkeys(Entity, FileMode.BULK)
    modes[Entity.DEMOGRAPHICS] = FileMode.BULK if has_birthdates else FileMode.ABSENT
    return assemble(RosterFormat.SDS_CLASSIC, source, modes, parts)


def _target(
    source: RosterSource,
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


def _get(values: list[str], position: int | None) -> str:
    return values[position] if position is not None else ""


def _status(c: Checks, number: int, position: int | None, values: list[str]) -> RecordStatus:
    raw = _get(values, position)
    if not raw:
        return ACTIVE
    found = SDS_CLASSIC_STATUS.get(raw.lower())
    if found is None:
        allowed = allowed_text({"active": "Active", "inactive": "Inactive"}, vendor=False)
        c.error(number, position, "roster.value.enum", value=raw, allowed=allowed)
        return ACTIVE
    return found


def _schools(table: CsvTable, findings: Findings) -> list[RosterOrg]:
    c = Checks(table, findings)
    p_id, p_name, p_number = table.at(SIS_ID), table.at("Name"), table.find("School Number")
    seen: dict[str, int] = {}
    orgs = []
    for number, v in table.rows:
        sourced_id = v[p_id]
        if c.required(number, p_id, sourced_id) and first_time(c, seen, number, p_id, sourced_id):
            c.required(number, p_name, v[p_name])
            origin = Origin(table.file, number)
            orgs.append(
                RosterOrg(sourced_id, v[p_name], "school", _get(v, p_number), "", ACTIVE, origin)
            )
    return orgs


def _sections(
    table: CsvTable, findings: Findings, schools: Target | None
) -> tuple[list[RosterClass], list[RosterSession]]:
    c = Checks(table, findings)
    find = table.find
    p_id, p_school, p_name = table.at(SIS_ID), table.at(SCHOOL), table.at("Section Name")
    p_number, p_status, p_term = find("Section Number"), find("Status"), find("Term SIS ID")
    p_term_name, p_start, p_end = find("Term Name"), find("Term StartDate"), find("Term EndDate")
    seen: dict[str, int] = {}
    classes: list[RosterClass] = []
    terms: dict[str, RosterSession] = {}
    for number, v in table.rows:
        sourced_id = v[p_id]
        if not c.required(number, p_id, sourced_id) or not first_time(
            c, seen, number, p_id, sourced_id
        ):
            continue
        status = _status(c, number, p_status, v)
        if status is ACTIVE:
            c.required(number, p_name, v[p_name])
            if c.required(number, p_school, v[p_school]):
                check(c, number, p_school, v[p_school], schools)
        start, end = c.date(number, p_start, v, us=True), c.date(number, p_end, v, us=True)
        c.period(number, p_end, start, end)
        term = _get(v, p_term)
        origin = Origin(table.file, number)
        if term and term not in terms:
            year = school_year(start, end)
            terms[term] = RosterSession(
                term, _get(v, p_term_name), "term", start, end, "", year, ACTIVE, origin
            )
        sessions = (term,) if term else ()
        classes.append(
            RosterClass(
                sourced_id,
                v[p_name],
                _get(v, p_number),
                "",
                v[p_school],
                sessions,
                status,
                origin,
                NO_EXT,
            )
        )
    return classes, list(terms.values())


def _people(
    table: CsvTable, findings: Findings, schools: Target | None, parts: Parts, *, student: bool
) -> None:
    c = Checks(table, findings)
    find = table.find
    p_id, p_school, p_username = table.at(SIS_ID), table.at(SCHOOL), table.at("Username")
    p_given, p_family, p_middle = find("First Name"), find("Last Name"), find("Middle Name")
    p_number = find("Student Number" if student else "Teacher Number")
    p_email, p_status, p_birth = (
        find("Secondary Email"),
        find("Status"),
        find("Birthdate") if student else None,
    )
    others = {u.sourced_id: u.origin for u in parts.users}
    seen: dict[str, int] = {}
    kind, role = (UserKind.STUDENT, "student") if student else (UserKind.STAFF, "teacher")
    for number, v in table.rows:
        sourced_id = v[p_id]
        if not c.required(number, p_id, sourced_id) or not first_time(
            c, seen, number, p_id, sourced_id
        ):
            continue
        if sourced_id in others:
            other = others[sourced_id]
            c.error(
                number,
                p_id,
                "roster.duplicate_other_file",
                value=sourced_id,
                other=other.file,
                first=other.row,
            )
            continue
        status = _status(c, number, p_status, v)
        school = v[p_school]
        if status is ACTIVE:
            c.required(number, p_username, v[p_username])
            if c.required(number, p_school, school):
                check(c, number, p_school, school, schools)
        origin = Origin(table.file, number)
        user = RosterUser(
            sourced_id=sourced_id,
            kind=kind,
            role=role,
            given_name=_get(v, p_given),
            family_name=_get(v, p_family),
            middle_name=_get(v, p_middle),
            identifier=_get(v, p_number),
            username=v[p_username],
            email=_get(v, p_email),
            org_ids=(school,) if school else (),
            enabled=True,
            status=status,
            origin=origin,
        )
        parts.users.append(user)
        birth = c.date(number, p_birth, v, us=True)
        if birth is not None:
            parts.demographics.append(RosterDemographic(sourced_id, birth, "", status, origin))


def _enrollments(
    table: CsvTable, findings: Findings, role: str, sections: Target | None, people: Target | None
) -> list[RosterEnrollment]:
    c = Checks(table, findings)
    p_section, p_user = table.at(SECTION), table.at(SIS_ID)
    seen: dict[tuple[str, str], int] = {}
    enrollments = []
    for number, v in table.rows:
        section, user = v[p_section], v[p_user]
        if c.required(number, p_section, section):
            check(c, number, p_section, section, sections)
        if c.required(number, p_user, user):
            check(c, number, p_user, user, people)
        first = seen.setdefault((section, user), number)
        if first != number:
            c.warning(number, p_user, "roster.duplicate_enrollment", first=first)
            continue
        origin = Origin(table.file, number)
        enrollments.append(RosterEnrollment("", section, user, role, False, ACTIVE, origin, NO_EXT))
    return enrollments
