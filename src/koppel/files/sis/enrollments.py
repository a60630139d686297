"""Enrollments (inschrijvingen: a user in a class, as student or teacher) and
demographics (birth date and sex), for OneRoster and SDS v2.1.

Enrollments are the big file (500,000 rows for a school board), so the common case
(an active row with known references) runs without a call per value.
"""

from __future__ import annotations

from collections.abc import Collection

from koppel.domain.sis.sets import (
    Entity,
    Origin,
    RecordStatus,
    SisDemographic,
    SisEnrollment,
)
from koppel.files.sis.checks import NO_EXT, Checks
from koppel.files.sis.csvfile import CsvTable
from koppel.files.sis.entities import Dialect
from koppel.files.sis.findings import Findings
from koppel.files.sis.references import Target, check, new_id
from koppel.files.sis.values import SEXES

ACTIVE = RecordStatus.ACTIVE


def _ids(target: Target | None) -> Collection[str] | None:
    return target.ids if target is not None else None


def _refer(c: Checks, number: int, position: int, value: str, target: Target | None) -> None:
    """A required reference: filled in, and to a known record."""
    if c.required(number, position, value):
        check(c, number, position, value, target)


def read_enrollments(
    table: CsvTable,
    findings: Findings,
    dialect: Dialect,
    *,
    classes: Target | None,
    users: Target | None,
    orgs: Target | None,
) -> list[SisEnrollment]:
    c = Checks(table, findings)
    find = table.find
    p_id, p_status, p_modified = find("sourcedId"), find("status"), find("dateLastModified")
    p_class, p_user, p_role = (
        table.at("classSourcedId"),
        table.at("userSourcedId"),
        table.at("role"),
    )
    p_school = (
        find("schoolSourcedId")
        if "schoolSourcedId" in dialect.required[Entity.ENROLLMENTS]
        else None
    )
    p_primary = find("primary", "isPrimary")
    dates = [p for p in (find("beginDate"), find("endDate")) if p is not None]
    class_ids, user_ids = _ids(classes), _ids(users)
    org_ids = _ids(orgs)
    roles, delta, file = dialect.enrollment_roles, c.delta, table.file
    good_datetimes = c.datetimes
    has_ext = bool(table.ext)
    seen: dict[str, int] = {}
    seen_keys: dict[tuple[str, str, str], int] = {}
    enrollments: list[SisEnrollment] = []
    append = enrollments.append
    for number, v in table.rows:
        cls, user, role = v[p_class], v[p_user], v[p_role]
        lowered = role.lower()
        if p_id is not None:
            sourced_id = v[p_id]
            if not new_id(c, seen, number, p_id, sourced_id):
                continue
        else:
            sourced_id = ""
            first = seen_keys.setdefault((cls, user, lowered), number)
            if first != number:
                c.warning(number, p_user, "roster.duplicate_enrollment", first=first)
                continue
        raw = v[p_status] if p_status is not None else ""
        if raw == "active" or not (raw or delta):
            status: RecordStatus | None = ACTIVE
        else:
            status = c.status(number, p_status, v, vendor=dialect.vendor)
        if p_modified is not None and v[p_modified] not in good_datetimes:
            c.modified(number, p_modified, v)
        if status is ACTIVE:
            if not cls or (class_ids is not None and cls not in class_ids):
                _refer(c, number, p_class, cls, classes)
            if not user or (user_ids is not None and user not in user_ids):
                _refer(c, number, p_user, user, users)
            if p_school is not None:
                school = v[p_school]
                if not school or (org_ids is not None and school not in org_ids):
                    _refer(c, number, p_school, school, orgs)
        if lowered not in roles:
            if role:
                c.enum(number, p_role, role, roles, vendor=dialect.vendor)
            elif status is ACTIVE:
                c.required(number, p_role, role)
        primary = False
        if p_primary is not None:
            flag = v[p_primary]
            if flag == "true":
                primary = True
            elif flag and flag != "false":
                primary = c.boolean(number, p_primary, v, default=False)
        for position in dates:
            c.date(number, position, v)
        origin = Origin(file, number)
        ext = c.ext(v) if has_ext else NO_EXT
        append(
            SisEnrollment(sourced_id, cls, user, lowered, primary, status or ACTIVE, origin, ext)
        )
    return enrollments


def read_demographics(
    table: CsvTable, findings: Findings, dialect: Dialect, users: Target | None
) -> list[SisDemographic]:
    c = Checks(table, findings)
    p_id = table.at("sourcedId", "userSourcedId")
    p_status, p_modified = table.find("status"), table.find("dateLastModified")
    p_birth, p_sex = table.find("birthDate"), table.find("sex")
    seen: dict[str, int] = {}
    demographics: list[SisDemographic] = []
    for number, v in table.rows:
        user = v[p_id]
        if not new_id(c, seen, number, p_id, user):
            continue
        status = c.status(number, p_status, v, vendor=dialect.vendor)
        c.modified(number, p_modified, v)
        if status is ACTIVE:
            check(c, number, p_id, user, users)
        sex = ""
        if p_sex is not None and v[p_sex]:
            sex = (c.enum(number, p_sex, v[p_sex], SEXES, vendor=dialect.vendor) or "").lower()
        birth = c.date(number, p_birth, v)
        demographics.append(
            SisDemographic(user, birth, sex, status or ACTIVE, Origin(table.file, number))
        )
    return demographics
