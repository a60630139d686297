"""Writes the demo school into the portal database in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from koppel.domain.accounts import Role
from koppel.domain.errors import InvalidValue
from koppel.progress import NoProgress, Progress
from koppel.services.accounts.passwords import generate_password, hash_password
from koppel.services.audit.entries import audit_entry
from koppel.services.demo.limits import DEMO_MAX_STUDENTS, DEMO_MIN_STUDENTS
from koppel.services.demo.school import DemoSchool, generate_demo_school
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

BATCH = 5_000
STUDENT_NUMBER_WIDTH = 6

Item = TypeVar("Item")


@dataclass(frozen=True)
class DemoResult:
    students: int
    staff: int
    departments: int
    groups: int
    accounts: int
    school_year: str
    administrator: str
    administrator_password: str
    personas: dict[str, str]
    """role -> username of an account to try the portal with, all with ``persona_password``."""
    persona_password: str
    next_year: str
    """The year after: it exists (team leaders plan it) but is not prepared."""
    next_year_prognoses: int
    next_year_package_choices: int

    def as_json(self, project: str | None = None) -> dict[str, object]:
        return {
            "students": self.students,
            "staff": self.staff,
            "departments": self.departments,
            "groups": self.groups,
            "accounts": self.accounts,
            "project": project,
            "school_year": self.school_year,
            "administrator": {
                "username": self.administrator,
                "password": self.administrator_password,
            },
            "personas": {
                "usernames": self.personas,
                "password": self.persona_password,
            },
            "next_year": {
                "school_year": self.next_year,
                "prepared": False,
                "prognoses": self.next_year_prognoses,
                "package_choices": self.next_year_package_choices,
            },
        }


def _in_batches(
    items: Sequence[Item], write: Callable[[Sequence[Item]], object], progress: Progress
) -> None:
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        write(batch)
        progress.advance(len(batch))


def build_demo_school(
    uow: SqlAlchemyUnitOfWork,
    *,
    students: int,
    seed: int,
    today: date,
    progress: Progress | None = None,
) -> DemoResult:
    """Generate the demo school and write it into an empty portal database, atomically."""
    if not DEMO_MIN_STUDENTS <= students <= DEMO_MAX_STUDENTS:
        raise InvalidValue(
            "demo.size", low=DEMO_MIN_STUDENTS, high=DEMO_MAX_STUDENTS, value=students
        )
    shown = progress or NoProgress()
    shown.step("Demoschool samenstellen", 1)
    school = generate_demo_school(students, seed=seed, today=today)
    shown.advance()
    administrator_password = generate_password()
    persona_password = generate_password()
    with uow:
        existing = sum(uow.students.count_by_status().values())
        if existing:
            raise InvalidValue("demo.not_empty", students=existing)
        _write(uow, school, shown, administrator_password, persona_password)
        uow.commit()
    return DemoResult(
        students=len(school.students),
        staff=len(school.staff),
        departments=len(school.departments),
        groups=len(school.groups),
        accounts=len(school.accounts),
        school_year=school.year.name,
        administrator=school.personas[Role.ADMINISTRATOR],
        administrator_password=administrator_password,
        personas={
            role.value: name for role, name in school.personas.items() if role != Role.ADMINISTRATOR
        },
        persona_password=persona_password,
        next_year=school.next_year.name,
        next_year_prognoses=len(school.prognoses),
        next_year_package_choices=len(school.choices_next),
    )


def _write(
    uow: SqlAlchemyUnitOfWork,
    school: DemoSchool,
    progress: Progress,
    administrator_password: str,
    persona_password: str,
) -> None:
    existing_years = {year.name for year in uow.school.school_years()}
    for year, is_current in ((school.year, True), (school.next_year, False)):
        if year.name not in existing_years:
            uow.school.add_school_year(year, is_current=is_current)
    uow.school.add_branch(school.branch)
    uow.school.add_departments(school.departments)
    uow.school.set_setting("school_name", "Demo College")
    uow.school.set_setting("student_number_width", STUDENT_NUMBER_WIDTH)

    progress.step("Leerlingen", len(school.students))
    _in_batches(school.students, uow.students.add_many, progress)
    progress.step("Afdelingsdeelnames en prognoses", 2)
    uow.planning.add_participations(school.year, school.participations)
    progress.advance()
    uow.planning.add_prognoses(school.next_year, school.prognoses)
    progress.advance()
    progress.step("Pakketkeuzes", 2)
    uow.planning.add_package_choices(school.year, school.choices_now)
    progress.advance()
    uow.planning.add_package_choices(school.next_year, school.choices_next)
    progress.advance()
    progress.step("Personeel en groepen", len(school.staff) + len(school.groups))
    _in_batches(school.staff, uow.staff.add_many, progress)
    _in_batches(school.groups, uow.groups.add_many, progress)
    progress.step("Groepsindelingen", len(school.memberships) + len(school.staff_links))
    _in_batches(school.memberships, lambda b: uow.groups.add_memberships(school.year, b), progress)
    _in_batches(school.staff_links, lambda b: uow.groups.add_staff_links(school.year, b), progress)
    progress.step("Accounts", len(school.accounts))
    hashes = {school.personas[Role.ADMINISTRATOR]: hash_password(administrator_password)}
    persona_hash = hash_password(persona_password)
    hashes.update(
        {name: persona_hash for role, name in school.personas.items() if role != Role.ADMINISTRATOR}
    )
    _in_batches(
        school.accounts,
        lambda batch: uow.accounts.add_many(
            batch,
            password_hashes={a.username: hashes[a.username] for a in batch if a.username in hashes},
        ),
        progress,
    )
    uow.audit.add_many(
        [
            audit_entry(
                "demo.build",
                "school",
                school.year.name,
                after={
                    "students": len(school.students),
                    "staff": len(school.staff),
                    "groups": len(school.groups),
                },
            )
        ]
    )
