"""A demo portal with next year prepared beside the current one, and the rows of one
school year as plain data, to prove that a project of one year leaves another alone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, Select, select

from koppel.domain.accounts import Role
from koppel.domain.groups import Group, GroupKind, GroupMembership
from koppel.domain.school import LeadingSide, SchoolYear
from koppel.services.accounts.tokens import create_token
from koppel.services.demo.build import build_demo_school
from koppel.services.school_years.next_departments import DepartmentChange, change_next_department
from koppel.services.school_years.prepare import PrepareRequest, prepare_year
from koppel.services.school_years.promote import PromoteRequest, promote
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.web.conftest import start_portal

CURRENT = "2026-2027"
NEXT = "2027-2028"
NEXT_DEPARTMENTS = ("3H", "3V", "4V")
"""Next year: 3H is led by the project (this year by the portal), 3V by the portal (its
home classes were filled as the transition's step 3 would), 4V by the project."""


@dataclass(frozen=True)
class Prepared:
    engine: Engine
    database: str
    url: str
    token: str
    folder: Path

    def uow(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self.engine)


def _students_in(engine: Engine, year: str, department: str) -> list[str]:
    s, p, d, y = t.students, t.department_participations, t.departments, t.school_years
    query = (
        select(s.c.student_number)
        .join(p, p.c.student_id == s.c.id)
        .join(d, d.c.id == p.c.department_id)
        .join(y, y.c.id == p.c.school_year_id)
        .where(y.c.name == year, d.c.code == department)
        .order_by(s.c.student_number)
    )
    with engine.connect() as connection:
        return list(connection.scalars(query))


def _fill_3v(uow: SqlAlchemyUnitOfWork, engine: Engine) -> None:
    """Next year's 3V home classes and one cluster group, with this year's names."""
    numbers = _students_in(engine, NEXT, "3V")
    year = SchoolYear(NEXT)
    with uow:
        uow.groups.add_many(
            [
                Group("3V1", GroupKind.HOME_CLASS, NEXT, "3V"),
                Group("3V2", GroupKind.HOME_CLASS, NEXT, "3V"),
                Group("3V.netl1", GroupKind.CLUSTER_GROUP, NEXT, "3V"),
            ]
        )
        uow.groups.add_memberships(
            year,
            [GroupMembership(f"3V{1 + i % 2}", n) for i, n in enumerate(numbers)]
            + [GroupMembership("3V.netl1", n) for n in numbers[:4]],
        )
        uow.commit()


@contextmanager
def prepared_portal(database_url: str, folder: Path) -> Iterator[Prepared]:
    """The demo school (current year 2026-2027) with 2027-2028 prepared and promoted,
    served over HTTP, and a scheduler's token."""
    engine = connect(database_url)
    upgrade(engine)
    built = build_demo_school(
        SqlAlchemyUnitOfWork(engine), students=300, seed=5, today=date(2026, 11, 23)
    )
    assert built.school_year == CURRENT
    prepare_year(SqlAlchemyUnitOfWork(engine), PrepareRequest())
    promote(SqlAlchemyUnitOfWork(engine), PromoteRequest())
    change_next_department(
        SqlAlchemyUnitOfWork(engine), DepartmentChange("3H", home_class_lead=LeadingSide.PROJECT)
    )
    _fill_3v(SqlAlchemyUnitOfWork(engine), engine)
    token = create_token(
        SqlAlchemyUnitOfWork(engine),
        "project",
        username=built.personas["scheduler"],
        role=Role.SCHEDULER,
        departments=("3H", "3V", "4H", "4V"),
    ).token
    process, url = start_portal(database_url)
    try:
        yield Prepared(engine, database_url, url, token, folder)
    finally:
        process.terminate()
        process.wait(timeout=10)
        engine.dispose()


def year_rows(engine: Engine, year: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of ``year``: participations, prognoses, package choices with their
    subjects, groups, memberships and teacher links; and the departments' settings that
    the current year keeps on the departments themselves."""
    y, g, pc = t.school_years, t.groups, t.package_choices
    with engine.connect() as connection:
        year_id = connection.scalar(select(y.c.id).where(y.c.name == year))
        queries: dict[str, Select[tuple[object, ...]]] = {
            "department_participations": select(t.department_participations).where(
                t.department_participations.c.school_year_id == year_id
            ),
            "prognoses": select(t.prognoses, t.prognosis_shares)
            .join(t.prognosis_shares, t.prognosis_shares.c.prognosis_id == t.prognoses.c.id)
            .where(t.prognoses.c.school_year_id == year_id),
            "package_choices": select(pc, t.package_subjects)
            .outerjoin(t.package_subjects, t.package_subjects.c.package_choice_id == pc.c.id)
            .where(pc.c.school_year_id == year_id),
            "groups": select(g).where(g.c.school_year_id == year_id),
            "group_memberships": select(t.group_memberships).where(
                t.group_memberships.c.school_year_id == year_id
            ),
            "staff_links": select(t.staff_links)
            .join(g, g.c.id == t.staff_links.c.group_id)
            .where(g.c.school_year_id == year_id),
            "departments": select(t.departments),
        }
        return {
            name: sorted((tuple(row) for row in connection.execute(query)), key=repr)
            for name, query in queries.items()
        }
