"""Builds the whole demo school as domain objects (no I/O), deterministic for a seed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from koppel.domain.accounts import Account, Role
from koppel.domain.groups import Group, GroupMembership, check_one_home_class_per_department
from koppel.domain.planning import DepartmentParticipation, PackageChoice, Prognosis
from koppel.domain.school import Branch, Department, SchoolYear
from koppel.domain.staff import StaffLink, StaffMember
from koppel.domain.students import Student, ensure_unique_student_numbers
from koppel.services.demo.catalog import BRANCH_CODE, BRANCH_NAME, DEPARTMENTS
from koppel.services.demo.people import PeopleFactory
from koppel.services.demo.staffing import make_staffing
from koppel.services.demo.students import make_students


@dataclass(frozen=True)
class DemoSchool:
    """A synthetic school: this year's groups and planning, next year's prognoses."""

    year: SchoolYear
    next_year: SchoolYear
    branch: Branch
    departments: list[Department]
    students: list[Student]
    participations: list[DepartmentParticipation]
    prognoses: list[Prognosis]
    choices_now: list[PackageChoice]
    choices_next: list[PackageChoice]
    groups: list[Group]
    memberships: list[GroupMembership]
    staff: list[StaffMember]
    staff_links: list[StaffLink]
    accounts: list[Account]
    personas: dict[Role, str]


def generate_demo_school(students: int, *, seed: int, today: date) -> DemoSchool:
    """``students`` students in the school year that contains ``today``."""
    rng = random.Random(seed)  # noqa: S311 - synthetic demo data, reproducible  # nosec B311
    people = PeopleFactory(rng)
    year = SchoolYear.containing(today)
    body = make_students(rng, people, students, year)
    staffing = make_staffing(rng, people, body.students, body.groups)
    ensure_unique_student_numbers(s.student_number for s in body.students)
    check_one_home_class_per_department({g.name: g for g in body.groups}, body.memberships)
    departments = [
        Department(d.code, d.name, d.year, d.education_type, BRANCH_CODE, d.home_class_lead)
        for d in DEPARTMENTS
    ]
    return DemoSchool(
        year=year,
        next_year=year.next(),
        branch=Branch(BRANCH_CODE, BRANCH_NAME),
        departments=departments,
        students=body.students,
        participations=body.participations,
        prognoses=body.prognoses,
        choices_now=body.choices_now,
        choices_next=body.choices_next,
        groups=body.groups,
        memberships=body.memberships,
        staff=staffing.staff,
        staff_links=staffing.links,
        accounts=staffing.accounts,
        personas=staffing.personas,
    )
