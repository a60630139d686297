"""What koppel's OneRoster export reads from the portal (pure data): the school years,
branches, departments, students, staff, groups, memberships and teacher links that the
standard can carry, read in one go by the export's repository and mapped onto the set's
files by :mod:`koppel.domain.sis.export_rows`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ExportYear:
    name: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True, slots=True)
class ExportBranch:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class ExportDepartment:
    code: str
    name: str
    year_of_study: int
    education_type: str
    branch_code: str


@dataclass(frozen=True, slots=True)
class ExportStudent:
    number: str
    first_name: str
    infix: str
    last_name: str
    gender: str
    birth_date: date | None
    email: str
    lwoo: bool
    status: str
    department: str
    """This school year's participation as the portal writes it: ``4V``, ``4H 50 / 4V 50``."""
    username: str
    """Of the student's account; empty without one."""


@dataclass(frozen=True, slots=True)
class ExportStaff:
    code: str
    first_name: str
    infix: str
    last_name: str
    email: str
    status: str
    username: str


@dataclass(frozen=True, slots=True)
class ExportGroup:
    school_year: str
    name: str
    kind: str
    department_code: str
    folder: str


@dataclass(frozen=True, slots=True)
class ExportMembership:
    school_year: str
    group: str
    student_number: str


@dataclass(frozen=True, slots=True)
class ExportLink:
    school_year: str
    group: str
    staff_code: str
    role: str
    """teacher or mentor."""


@dataclass(frozen=True)
class PortalExport:
    """What the portal holds that OneRoster can carry, read in one go."""

    school_name: str
    years: Sequence[ExportYear]
    branches: Sequence[ExportBranch]
    departments: Sequence[ExportDepartment]
    students: Sequence[ExportStudent]
    staff: Sequence[ExportStaff]
    groups: Sequence[ExportGroup]
    memberships: Sequence[ExportMembership]
    links: Sequence[ExportLink]
