"""The records of a School Data Sync classic set, file by file: schools, sections (with
their terms), students and teachers (with a student's birth date), and the enrollments of
StudentEnrollment.csv and TeacherRoster.csv."""

from __future__ import annotations

from koppel.domain.sis.sets import (
    Origin,
    RecordStatus,
    SisClass,
    SisDemographic,
    SisEnrollment,
    SisOrg,
    SisSession,
    SisUser,
    UserKind,
)
from koppel.files.sis.assemble import Parts
from koppel.files.sis.checks import NO_EXT, Checks
from koppel.files.sis.csvfile import CsvTable
from koppel.files.sis.findings import Findings
from koppel.files.sis.references import Target, check, new_id
from koppel.files.sis.values import SDS_CLASSIC_STATUS, allowed_text, school_year

SIS_ID = "SIS ID"
SCHOOL = "School SIS ID"
SECTION = "Section SIS ID"
ACTIVE = RecordStatus.ACTIVE


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


def read_schools(table: CsvTable, findings: Findings) -> list[SisOrg]:
    c = Checks(table, findings)
    p_id, p_name, p_number = table.at(SIS_ID), table.at("Name"), table.find("School Number")
    seen: dict[str, int] = {}
    orgs = []
    for number, v in table.rows:
        sourced_id = v[p_id]
        if new_id(c, seen, number, p_id, sourced_id):
            c.required(number, p_name, v[p_name])
            origin = Origin(table.file, number)
            orgs.append(
                SisOrg(sourced_id, v[p_name], "school", _get(v, p_number), "", ACTIVE, origin)
            )
    return orgs


def read_sections(
    table: CsvTable, findings: Findings, schools: Target | None
) -> tuple[list[SisClass], list[SisSession]]:
    c = Checks(table, findings)
    find = table.find
    p_id, p_school, p_name = table.at(SIS_ID), table.at(SCHOOL), table.at("Section Name")
    p_number, p_status, p_term = find("Section Number"), find("Status"), find("Term SIS ID")
    p_term_name, p_start, p_end = find("Term Name"), find("Term StartDate"), find("Term EndDate")
    seen: dict[str, int] = {}
    classes: list[SisClass] = []
    terms: dict[str, SisSession] = {}
    for number, v in table.rows:
        sourced_id = v[p_id]
        if not new_id(c, seen, number, p_id, sourced_id):
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
            terms[term] = SisSession(
                term, _get(v, p_term_name), "term", start, end, "", year, ACTIVE, origin
            )
        sessions = (term,) if term else ()
        classes.append(
            SisClass(
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


def read_people(
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
        if not new_id(c, seen, number, p_id, sourced_id):
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
        user = SisUser(
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
            parts.demographics.append(SisDemographic(sourced_id, birth, "", status, origin))


def read_enrollments(
    table: CsvTable, findings: Findings, role: str, sections: Target | None, people: Target | None
) -> list[SisEnrollment]:
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
        enrollments.append(SisEnrollment("", section, user, role, False, ACTIVE, origin, NO_EXT))
    return enrollments
