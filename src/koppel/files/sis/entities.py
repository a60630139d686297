"""Orgs, academic sessions, classes, enrollments and demographics, read alike from
OneRoster 1.1/1.2 and School Data Sync v2.1 (whose files are OneRoster's, simplified):
a :class:`Dialect` says what differs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from koppel.domain.sis.sets import (
    Entity,
    Origin,
    RecordStatus,
    SisClass,
    SisOrg,
    SisSession,
)
from koppel.files.sis.checks import Checks
from koppel.files.sis.csvfile import CsvTable
from koppel.files.sis.findings import Findings
from koppel.files.sis.references import Target, check, check_all, check_parents, new_id
from koppel.files.sis.values import (
    CLASS_TYPES,
    ENROLLMENT_ROLES,
    ORG_TYPES,
    SDS_ORG_TYPES,
    SDS_ROLES,
    SESSION_TYPES,
    school_year,
    school_year_ending,
    split_ids,
)

ACTIVE = RecordStatus.ACTIVE


@dataclass(frozen=True)
class Dialect:
    org_types: Mapping[str, str]
    enrollment_roles: Mapping[str, str]
    vendor: bool
    """Enumerations may hold vendor values ``ext:...`` (OneRoster)."""
    strict_session_types: bool
    """An unknown session type is an error (OneRoster) or a warning (SDS)."""
    required: Mapping[str, tuple[str | tuple[str, ...], ...]]
    """Per file (entity name), the columns that must be there and be filled in."""
    school_year_ends: bool = False
    """A session's ``schoolYear`` is the year its school year ends in and wins over its
    dates (OneRoster; SDS's samples write the year it starts in: dates decide there)."""


ONEROSTER = Dialect(
    ORG_TYPES,
    ENROLLMENT_ROLES,
    vendor=True,
    strict_session_types=True,
    required={
        Entity.ORGS: ("sourcedId", "name", "type"),
        Entity.SESSIONS: ("sourcedId", "title", "type", "startDate", "endDate"),
        Entity.CLASSES: ("sourcedId", "title", "classType", "schoolSourcedId", "termSourcedIds"),
        Entity.ENROLLMENTS: (
            "sourcedId",
            "classSourcedId",
            "schoolSourcedId",
            "userSourcedId",
            "role",
        ),
        Entity.DEMOGRAPHICS: (("sourcedId", "userSourcedId"),),
    },
    school_year_ends=True,
)
SDS = Dialect(
    SDS_ORG_TYPES,
    SDS_ROLES,
    vendor=False,
    strict_session_types=False,
    required={
        Entity.ORGS: ("sourcedId", "name", "type"),
        Entity.SESSIONS: ("sourcedId", "title", "type", "startDate", "endDate"),
        Entity.CLASSES: ("sourcedId", "orgSourcedId", "title"),
        Entity.ENROLLMENTS: ("classSourcedId", "userSourcedId", "role"),
        Entity.DEMOGRAPHICS: ("userSourcedId",),
    },
)


def _get(values: list[str], position: int | None) -> str:
    return values[position] if position is not None else ""


def checked_status(
    c: Checks,
    number: int,
    v: list[str],
    positions: tuple[int | None, int | None],
    dialect: Dialect,
    required: list[int],
) -> RecordStatus | None:
    """The row's status (``positions``: its status and dateLastModified columns), its
    modification date checked, and for an active row every required column filled in."""
    p_status, p_modified = positions
    status = c.status(number, p_status, v, vendor=dialect.vendor)
    c.modified(number, p_modified, v)
    if status is ACTIVE:
        for position in required:
            c.required(number, position, v[position])
    return status


def required_positions(table: CsvTable, dialect: Dialect, entity: Entity) -> list[int]:
    """The positions of the required columns other than the record's own id."""
    names = (n for n in dialect.required[entity] if isinstance(n, str) and n != "sourcedId")
    return [p for p in (table.find(name) for name in names) if p is not None]


def read_orgs(table: CsvTable, findings: Findings, dialect: Dialect, bulk: bool) -> list[SisOrg]:
    c = Checks(table, findings)
    p_id, p_name, p_type = table.at("sourcedId"), table.at("name"), table.at("type")
    p_status, p_modified = table.find("status"), table.find("dateLastModified")
    p_identifier, p_parent = table.find("identifier"), table.find("parentSourcedId")
    required = required_positions(table, dialect, Entity.ORGS)
    seen: dict[str, int] = {}
    orgs: list[SisOrg] = []
    for number, v in table.rows:
        sourced_id = v[p_id]
        if not new_id(c, seen, number, p_id, sourced_id):
            continue
        status = checked_status(c, number, v, (p_status, p_modified), dialect, required)
        kind = v[p_type]
        if kind:
            kind = c.enum(number, p_type, kind, dialect.org_types, vendor=dialect.vendor) or kind
        origin = Origin(table.file, number)
        parent = _get(v, p_parent)
        orgs.append(
            SisOrg(
                sourced_id,
                v[p_name],
                kind,
                _get(v, p_identifier),
                parent,
                status or ACTIVE,
                origin,
                c.ext(v),
            )
        )
    if bulk and p_parent is not None:
        parents = ((o.parent_id, o.origin.row, o.sourced_id) for o in orgs if o.status is ACTIVE)
        check_parents(
            findings, parents, table.file, table.header(p_parent), seen, "roster.reference.org"
        )
    return orgs


def read_sessions(
    table: CsvTable, findings: Findings, dialect: Dialect, bulk: bool
) -> list[SisSession]:
    c = Checks(table, findings)
    p_id, p_title, p_type = table.at("sourcedId"), table.at("title"), table.at("type")
    p_start, p_end = table.at("startDate"), table.at("endDate")
    p_status, p_modified = table.find("status"), table.find("dateLastModified")
    p_parent = table.find("parentSourcedId")
    p_year = table.find("schoolYear") if dialect.school_year_ends else None
    # dates must have a column but may be empty: the session takes its parent's school year
    required = [
        p for p in required_positions(table, dialect, Entity.SESSIONS) if p not in (p_start, p_end)
    ]
    seen: dict[str, int] = {}
    sessions: list[SisSession] = []
    for number, v in table.rows:
        sourced_id = v[p_id]
        if not new_id(c, seen, number, p_id, sourced_id):
            continue
        status = checked_status(c, number, v, (p_status, p_modified), dialect, required)
        kind = v[p_type]
        if kind and dialect.strict_session_types:
            kind = c.enum(number, p_type, kind, SESSION_TYPES, vendor=dialect.vendor) or kind
        elif kind.lower() in SESSION_TYPES:
            kind = SESSION_TYPES[kind.lower()]
        elif kind:
            c.warning(number, p_type, "roster.value.session_type", value=kind)
        start, end = c.date(number, p_start, v), c.date(number, p_end, v)
        c.period(number, p_end, start, end)
        year = _school_year(c, number, p_year, v) or school_year(start, end)
        origin = Origin(table.file, number)
        sessions.append(
            SisSession(
                sourced_id,
                v[p_title],
                kind,
                start,
                end,
                _get(v, p_parent),
                year,
                status or ACTIVE,
                origin,
            )
        )
    if bulk and p_parent is not None:
        parents = (
            (s.parent_id, s.origin.row, s.sourced_id) for s in sessions if s.status is ACTIVE
        )
        check_parents(
            findings,
            parents,
            table.file,
            table.header(p_parent),
            seen,
            "roster.reference.session",
            warn=True,
        )
    return sessions


def _school_year(c: Checks, number: int, position: int | None, values: list[str]) -> str:
    """The session's ``schoolYear`` (``2027``: koppel's 2026-2027), which wins over its
    dates (a school with an April-March calendar); empty when blank or wrong."""
    raw = _get(values, position)
    if not raw:
        return ""
    found = school_year_ending(raw)
    if found is None:
        c.error(number, position, "roster.value.school_year", value=raw)
        return ""
    return found


def read_classes(
    table: CsvTable,
    findings: Findings,
    dialect: Dialect,
    orgs: Target | None,
    sessions: Target | None,
) -> list[SisClass]:
    c = Checks(table, findings)
    p_id, p_title = table.at("sourcedId"), table.at("title")
    p_school = table.at("schoolSourcedId", "orgSourcedId")
    p_type, p_terms = table.find("classType"), table.find("termSourcedIds", "sessionSourcedIds")
    p_status, p_modified, p_code = (
        table.find("status"),
        table.find("dateLastModified"),
        table.find("classCode"),
    )
    required = required_positions(table, dialect, Entity.CLASSES)
    seen: dict[str, int] = {}
    classes: list[SisClass] = []
    for number, v in table.rows:
        sourced_id = v[p_id]
        if not new_id(c, seen, number, p_id, sourced_id):
            continue
        status = checked_status(c, number, v, (p_status, p_modified), dialect, required)
        kind = _get(v, p_type)
        terms = split_ids(_get(v, p_terms))
        if status is ACTIVE:
            check(c, number, p_school, v[p_school], orgs)
            check_all(c, number, p_terms, terms, sessions)
        if kind and p_type is not None:
            kind = c.enum(number, p_type, kind, CLASS_TYPES, vendor=dialect.vendor) or kind
        origin = Origin(table.file, number)
        classes.append(
            SisClass(
                sourced_id,
                v[p_title],
                _get(v, p_code),
                kind,
                v[p_school],
                terms,
                status or ACTIVE,
                origin,
                c.ext(v),
            )
        )
    return classes
