"""A small school written through the repositories, for storage tests."""

from __future__ import annotations

from sqlalchemy import Engine

from koppel.domain.accounts import Account, AccountKind, Role
from koppel.domain.groups import Group, GroupKind, GroupMembership
from koppel.domain.personal import Gender, PersonalData
from koppel.domain.planning import (
    DepartmentParticipation,
    DepartmentShare,
    PackageChoice,
    Prognosis,
)
from koppel.domain.school import Branch, Department, EducationType, LeadingSide, SchoolYear
from koppel.domain.staff import StaffLink, StaffMember, StaffRole
from koppel.domain.students import Student
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

YEAR = SchoolYear("2026-2027")
NEXT = SchoolYear("2027-2028")
NUMBERS = ("000123", "004567", "012345", "100001")


def student(number: str, last: str = "Berg", infix: str = "van den") -> Student:
    return Student(
        number,
        PersonalData(
            first_name="Jan",
            infix=infix,
            last_name=last,
            gender=Gender.MALE,
            street="Kerkstraat",
            house_number="1a",
            postcode="1234ab",
            city="Utrecht",
            email=f"{number}@leerling.example.org",
        ),
    )


def build_small_school(engine: Engine) -> None:
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.school.add_school_year(YEAR, is_current=True)
        uow.school.add_school_year(NEXT)
        uow.school.add_branch(Branch("HV", "Hoofdvestiging"))
        uow.school.add_departments(
            [
                Department("4H", "4 HAVO", 4, EducationType.HAVO, "HV"),
                Department("4V", "4 VWO", 4, EducationType.VWO, "HV", LeadingSide.PROJECT),
                Department("5V", "5 VWO", 5, EducationType.VWO, "HV"),
            ]
        )
        uow.students.add_many([student(n, last=f"Achternaam{i}") for i, n in enumerate(NUMBERS)])
        uow.planning.add_participations(
            YEAR,
            [
                DepartmentParticipation("000123", "4V"),
                DepartmentParticipation("004567", "4V"),
                DepartmentParticipation("012345", "4H", 50),
                DepartmentParticipation("012345", "4V", 50),
                DepartmentParticipation("100001", "4H"),
            ],
        )
        uow.planning.add_prognoses(
            NEXT,
            [
                Prognosis("000123", (DepartmentShare("5V", 100),)),
                Prognosis(
                    "012345",
                    (DepartmentShare("4H", 50), DepartmentShare("4V", 50)),
                    round=2,
                    comment="twijfel",
                ),
            ],
        )
        uow.planning.add_package_choices(
            YEAR,
            [
                PackageChoice(
                    "000123",
                    "4V",
                    frozenset({"ne", "en", "wisb", "nat", "schk", "lo"}),
                    frozenset({"lo"}),
                    profile="NT",
                )
            ],
        )
        uow.staff.add_many(
            [
                StaffMember("JANS", "Piet", "Jansen", email="jans@example.org"),
                StaffMember("BERG", "Ans", "Berg", infix="van den"),
            ]
        )
        uow.groups.add_many(
            [
                Group("4V1", GroupKind.HOME_CLASS, YEAR.name, "4V", folder="Stamklassen"),
                Group("4H1", GroupKind.HOME_CLASS, YEAR.name, "4H", folder="Stamklassen"),
                Group("4V.netl1", GroupKind.CLUSTER_GROUP, YEAR.name, "4V", folder="Cluster"),
            ]
        )
        uow.groups.add_memberships(
            YEAR,
            [
                GroupMembership("4V1", "000123"),
                GroupMembership("4V1", "004567"),
                GroupMembership("4V1", "012345"),
                GroupMembership("4H1", "012345"),
                GroupMembership("4H1", "100001"),
                GroupMembership("4V.netl1", "000123"),
            ],
        )
        uow.groups.add_staff_links(
            YEAR,
            [
                StaffLink("JANS", "4V1", StaffRole.MENTOR),
                StaffLink("BERG", "4V.netl1", StaffRole.TEACHER),
            ],
        )
        uow.accounts.add_many(
            [
                Account("beheerder", "Beheerder", frozenset({Role.ADMINISTRATOR})),
                Account(
                    "jans",
                    "Piet Jansen",
                    frozenset({Role.TEACHER, Role.TEAM_LEADER}),
                    AccountKind.STAFF,
                    staff_code="JANS",
                    departments=frozenset({"4V", "4H"}),
                ),
                Account(
                    "000123",
                    "Jan van den Berg",
                    frozenset({Role.STUDENT}),
                    AccountKind.STUDENT,
                    student_number="000123",
                ),
            ],
            password_hashes={"beheerder": "hash"},
        )
        uow.commit()
