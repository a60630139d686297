"""A small school over four school years, with students who left 0, 1, 2 and 3 school
years ago and active ones, built the way a school builds it: a participants import per
year (students missing from the file marked left), the old year's groups deleted, a
student's own package choice and sign-ins, a connector upload with an Idempotency-Key,
SIS ids and an integration run that lists absent students."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, String, cast, select, update

from koppel.domain.accounts import Account, AccountKind, Role, TokenScope
from koppel.domain.personal import Gender, PersonalData
from koppel.domain.school import Branch, Department, EducationType, SchoolYear
from koppel.domain.sis.keys import SisId
from koppel.domain.sis.runs import RunStatus, SisRun
from koppel.domain.students import Student
from koppel.files.columns import ImportKind
from koppel.services.accounts.manage import add_account
from koppel.services.accounts.tokens import create_token
from koppel.services.connector_api.changes import NewStudentRequest
from koppel.services.connector_api.writes import WriteRequest, add_student, perform
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.run import run_import
from koppel.services.planning.edits import PlanningEdit, edit_students
from koppel.services.planning.people_views import choose_own_package
from koppel.services.transition.groups_delete import GroupsDeleteRequest, delete_groups
from koppel.settings import Settings
from koppel.store import tables as t
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.integration.signing import sign_in

YEARS = ("2023-2024", "2024-2025", "2025-2026", "2026-2027")
CURRENT = YEARS[-1]
PASSWORD = "lang-genoeg-wachtwoord-42"


@dataclass(frozen=True)
class Pupil:
    number: str
    first: str
    last: str
    years: tuple[str, ...]
    """The school years whose participants file lists the student."""
    placed: bool = True
    """With a home class and department in the files (else no yearly record at all)."""

    @property
    def street(self) -> str:
        return f"{self.last}laan"

    @property
    def postcode(self) -> str:
        return f"{self.number[-4:].replace('0', '9')} {self.first[:2].upper()}"

    @property
    def email(self) -> str:
        return f"{self.first}.{self.last}@leerling.example.org".lower()


LEFT_3 = Pupil("870003", "Annefleur", "Oudvertrek", YEARS[:1])
LEFT_2 = Pupil("870002", "Bartholomeus", "Tweejaarsma", YEARS[:2])
LEFT_1 = Pupil("870001", "Cornelisje", "Eenjaarsveld", YEARS[:3])
LEFT_0 = Pupil("870000", "Dirkjan", "Pasvertrokken", YEARS)
"""Listed every year, then marked left by a second file of this school year."""
UNPLACED = Pupil("870020", "Evertje", "Zonderklasma", YEARS[:1], placed=False)
"""No yearly record ever: left when the change set of 2024-2025 marked it left."""
ACTIVE_OLD = Pupil("870010", "Fenneke", "Blijverink", YEARS)
ACTIVE_NEW = Pupil("870011", "Gerritje", "Nieuwkomerts", YEARS[-1:])
RETURNED = Pupil("870012", "Jozefientje", "Terugkeerder", (YEARS[0], YEARS[-1]))
"""Left after 2023-2024 (marked left in 2024-2025), back in 2026-2027: active again."""
UPLOADED = Pupil("870030", "Hendrikus", "Uploadsma", ())
"""Added by the connector in 2023-2024 (with an Idempotency-Key), gone the year after."""
PUPILS = (LEFT_3, LEFT_2, LEFT_1, LEFT_0, UNPLACED, ACTIVE_OLD, ACTIVE_NEW, RETURNED)
STUDENT_ACCOUNTS = {LEFT_3: "annefleur.oudvertrek", ACTIVE_OLD: "fenneke.blijverink"}

FORGOTTEN_AFTER = {
    1: {LEFT_3.number, UPLOADED.number, LEFT_2.number, UNPLACED.number},
    2: {LEFT_3.number, UPLOADED.number},
    3: set[str](),
}
"""Who is past the retention period in 2026-2027, per setting."""
UNTRACED = "870099"
"""Marked left without any trace of when (as only a script or the demo makes one)."""


def _file(folder: Path, year: str, pupils: list[Pupil]) -> Path:
    path = folder / f"leerlingen-{year}.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(
            [
                *("Leerlingnummer", "Roepnaam", "Achternaam", "Straat", "Huisnummer"),
                *("Postcode", "Woonplaats", "E-mail", "Stamklas", "Afdeling", "Geboortedatum"),
            ]
        )
        for p in pupils:
            placed = ("4H1", "4H") if p.placed else ("", "")
            person = (p.number, p.first, p.last, p.street, "12", p.postcode, "Utrecht", p.email)
            writer.writerow([*person, *placed, "2009-05-17"])
    return path


def _import(engine: Engine, path: Path) -> None:
    options = ImportOptions(mark_absent_left=True, force=True)
    report = run_import(SqlAlchemyUnitOfWork(engine), ImportKind.STUDENTS, path, options=options)
    assert report.written, report.as_json()


def _student_account(pupil: Pupil) -> Account:
    return Account(
        STUDENT_ACCOUNTS[pupil],
        f"{pupil.first} {pupil.last}",
        frozenset({Role.STUDENT}),
        AccountKind.STUDENT,
        student_number=pupil.number,
        email=pupil.email,
    )


def _first_year(engine: Engine) -> None:
    """Accounts, a sign-in, the own package choice and the upload of 2023-2024 (passwords
    only where a sign-in needs one: each argon2 hash costs a third of a second)."""
    leaver = _student_account(LEFT_3)
    add_account(SqlAlchemyUnitOfWork(engine), leaver, password=PASSWORD)
    sign_in(SqlAlchemyUnitOfWork(engine), leaver.username, PASSWORD, settings=Settings())
    choose_own_package(
        SqlAlchemyUnitOfWork(engine), leaver, "4H", frozenset({"netl"}), date(2024, 3, 1)
    )
    team_leader = Account(
        "tl.vries", "Teamleider", frozenset({Role.TEAM_LEADER}), departments={"4H"}
    )
    forecast = PlanningEdit(prognosis="4H", comment="blijft zitten")  # kept under 2024-2025
    edit_students(SqlAlchemyUnitOfWork(engine), team_leader, "4H", [LEFT_3.number], forecast)
    stayer = _student_account(ACTIVE_OLD)
    now = datetime.now(UTC)
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.accounts.add_many(
            [stayer, Account("rooster", "Roos Termaker", frozenset({Role.SCHEDULER}))]
        )
        uow.sessions.add_failure(leaver.username, now)  # a wrong password, a day later
        uow.sessions.add(token_hash="b" * 64, username=stayer.username, csrf_token="c" * 32, at=now)
        uow.commit()
    create_token(
        SqlAlchemyUnitOfWork(engine),
        "pc",
        username="rooster",
        role=Role.SCHEDULER,
        departments=["4H"],
    )
    new = NewStudentRequest(
        UPLOADED.number,
        "4H",
        UPLOADED.email,
        {"first_name": UPLOADED.first, "last_name": UPLOADED.last, "street": UPLOADED.street},
        school_year=YEARS[0],
    )
    request = WriteRequest("pc", "rooster", "hash-upload", "upload-1")
    operation = add_student(new, token=TokenScope(frozenset({"4H"})))
    assert perform(SqlAlchemyUnitOfWork(engine), request, operation).status_code == 201


def _integration_traces(engine: Engine) -> None:
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.sis_ids.add_many(
            [SisId("student", f"sis-{p.number}", p.number) for p in (LEFT_3, ACTIVE_OLD)]
        )
        uow.sis_runs.add(
            SisRun(
                id="run-2024",
                source="/srv/sis/export.zip",
                fingerprint="f" * 64,
                format="oneroster-1.1",
                received_at=datetime(2024, 9, 2, tzinfo=UTC),
                status=RunStatus.APPLIED,
                changeset=None,
                summary={
                    "school_year": YEARS[1],
                    "absent": [LEFT_3.number, ACTIVE_OLD.number],
                    "warnings": [
                        {"file": "users.csv", "row": 3, "column": "email", "code": "x"}
                        | {"params": {"value": LEFT_3.email}}
                    ],
                },
                kept_at=None,
                decided_by=None,
                decided_at=None,
            )
        )
        uow.commit()


def _make_current(engine: Engine, year: str) -> None:
    """The new school year begins (it may be there already: planning makes next year's)."""
    with SqlAlchemyUnitOfWork(engine) as uow:
        if year not in {y.name for y in uow.school.school_years()}:
            uow.school.add_school_year(SchoolYear(year))
        uow.commit()
    y = t.school_years
    with engine.begin() as connection:
        connection.execute(update(y).values(is_current=y.c.name == year))


def build_leavers_school(engine: Engine, folder: Path) -> None:
    for index, year in enumerate(YEARS):
        _make_current(engine, year)
        with SqlAlchemyUnitOfWork(engine) as uow:
            if index == 0:
                uow.school.add_branch(Branch("HV", "Hoofdvestiging"))
                uow.school.add_departments(
                    [
                        Department(
                            "4H",
                            "4 HAVO",
                            4,
                            EducationType.HAVO,
                            "HV",
                            choice_opens_on=date(2023, 9, 1),
                            choice_closes_on=date(2099, 7, 31),
                            subjects=frozenset({"netl", "entl"}),
                        )
                    ]
                )
            uow.commit()
        if index > 0:
            delete_groups(
                SqlAlchemyUnitOfWork(engine),
                GroupsDeleteRequest(all_groups=True, school_year=YEARS[index - 1]),
            )
        _import(engine, _file(folder, year, [p for p in PUPILS if year in p.years]))
        if index == 0:
            _first_year(engine)
            _integration_traces(engine)
    late = [p for p in PUPILS if CURRENT in p.years and p is not LEFT_0]
    _import(engine, _file(folder, f"{CURRENT}-later", late))
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.students.add_many(
            [Student(UNTRACED, PersonalData("Ingeborgje", "Spoorloosma", gender=Gender.FEMALE))]
        )
        uow.students.mark_left([UNTRACED])
        uow.commit()


def identifying_values(engine: Engine, numbers: set[str]) -> dict[str, list[str]]:
    """Per student: number, names, street, postcode, e-mail and usernames, as stored."""
    s, a = t.students, t.accounts
    found: dict[str, list[str]] = {}
    with engine.connect() as connection:
        rows = connection.execute(
            select(s.c.id, s.c.student_number, s.c.first_name, s.c.last_name)
            .add_columns(s.c.street, s.c.postcode, s.c.email)
            .where(s.c.student_number.in_(numbers))
        ).all()
        for student_id, *values in rows:
            usernames = connection.scalars(select(a.c.username).where(a.c.student_id == student_id))
            found[values[0]] = [v for v in (*values, *usernames) if v]
    return found


def every_text(engine: Engine) -> list[tuple[str, str]]:
    """(table, value) for every non-empty value of every row of every table, as text."""
    found: list[tuple[str, str]] = []
    with engine.connect() as connection:
        for name, table in t.metadata.tables.items():
            columns = [cast(column, String) for column in table.columns]
            for row in connection.execute(select(*columns)):
                found.extend((name, str(value).lower()) for value in row if value is not None)
    return found
