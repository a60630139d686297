"""Which year is current and which is prepared, and the departments of each year.

The current year's department settings live on ``departments``; the prepared year's and,
after a switch, the old year's on ``department_years`` (see :mod:`koppel.store.tables`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, Table, func, select, update

from koppel.domain.errors import NotFound
from koppel.domain.school import Department, EducationType, LeadingSide, SchoolYear
from koppel.domain.school_years import YEAR_COUNTS, SchoolYears
from koppel.store import tables as t
from koppel.store.repositories.school import SqlAlchemySchoolRepository


class SqlAlchemySchoolYearRepository:
    def __init__(self, connection: Connection, *, school: SqlAlchemySchoolRepository) -> None:
        self._connection = connection
        self._school = school

    def years(self) -> SchoolYears:
        y = t.school_years
        current = self._school.current_school_year()
        prepared = self._connection.scalar(select(y.c.name).where(y.c.is_prepared.is_(True)))
        return SchoolYears(current, None if prepared is None else SchoolYear(prepared))

    def ensure(self, year: SchoolYear) -> bool:
        """Add ``year`` when the school has not got it yet (prognoses made it, often);
        whether it was added."""
        if self._school.school_year_ids.find(year.name) is not None:
            return False
        self._school.add_school_year(year)
        return True

    def remove(self, year: SchoolYear) -> None:
        """Take away a year that holds nothing (undo of a prepare that added it)."""
        self._connection.execute(t.school_years.delete().where(t.school_years.c.name == year.name))
        self._school.school_year_ids.forget()

    def set_prepared(self, year: SchoolYear, prepared: bool) -> None:
        y = t.school_years
        self._connection.execute(
            update(y).where(y.c.name == year.name).values(is_prepared=prepared)
        )

    def set_current(self, year: SchoolYear) -> None:
        y = t.school_years
        if self._school.school_year_ids.find(year.name) is None:
            raise NotFound("schooljaar", year.name)
        self._connection.execute(update(y).values(is_current=y.c.name == year.name))

    # departments per year
    def departments_in(self, year: SchoolYear) -> list[Department]:
        """The departments as they are in a year other than the current one (those with
        settings of that year), closed ones included."""
        d, dy, b = t.departments, t.department_years, t.branches
        year_id = self._school.school_year_ids.id_of(year.name)
        rows = self._connection.execute(
            select(
                d.c.code,
                dy.c.name,
                d.c.year_of_study,
                d.c.education_type,
                b.c.code,
                dy.c.home_class_lead,
                dy.c.choice_opens_on,
                dy.c.choice_closes_on,
                dy.c.subjects,
                dy.c.is_open,
            )
            .join(dy, dy.c.department_id == d.c.id)
            .join(b, b.c.id == d.c.branch_id)
            .where(dy.c.school_year_id == year_id)
        )
        return sorted(
            (
                Department(
                    code,
                    name,
                    study,
                    EducationType(kind),
                    branch,
                    LeadingSide(lead),
                    choice_opens_on=opens,
                    choice_closes_on=closes,
                    subjects=frozenset(subjects or ()),
                    is_open=bool(is_open),
                )
                for code, name, study, kind, branch, lead, opens, closes, subjects, is_open in rows
            ),
            key=lambda dep: (dep.year_of_study, dep.code),
        )

    def write_departments_in(self, year: SchoolYear, departments: Iterable[Department]) -> None:
        """Set the settings of these departments in ``year`` (added or replaced)."""
        dy = t.department_years
        year_id = self._school.school_year_ids.id_of(year.name)
        rows = [
            {
                "department_id": self._school.department_ids.id_of(dep.code),
                "school_year_id": year_id,
                "name": dep.name,
                "home_class_lead": dep.home_class_lead.value,
                "choice_opens_on": dep.choice_opens_on,
                "choice_closes_on": dep.choice_closes_on,
                "is_open": dep.is_open,
                "subjects": sorted(dep.subjects),
            }
            for dep in departments
        ]
        if not rows:
            return
        self._connection.execute(
            dy.delete().where(
                dy.c.school_year_id == year_id,
                dy.c.department_id.in_([row["department_id"] for row in rows]),
            )
        )
        self._connection.execute(dy.insert(), rows)

    def forget_departments_in(self, year: SchoolYear, codes: Iterable[str]) -> None:
        dy = t.department_years
        ids = [self._school.department_ids.id_of(code) for code in codes]
        if ids:
            self._connection.execute(
                dy.delete().where(
                    dy.c.school_year_id == self._school.school_year_ids.id_of(year.name),
                    dy.c.department_id.in_(ids),
                )
            )

    def set_live(self, departments: Iterable[Department]) -> None:
        """Make these the current year's settings of existing departments."""
        d = t.departments
        for dep in departments:
            self._connection.execute(
                update(d)
                .where(d.c.code == dep.code)
                .values(
                    name=dep.name,
                    home_class_lead=dep.home_class_lead.value,
                    choice_opens_on=dep.choice_opens_on,
                    choice_closes_on=dep.choice_closes_on,
                    is_open=dep.is_open,
                )
            )
        self._school.set_subjects({dep.code: dep.subjects for dep in departments})

    def remove_departments(self, codes: Iterable[str]) -> None:
        """Take away departments that hold nothing (undo of one added for next year)."""
        wanted = list(codes)
        if wanted:
            self._connection.execute(t.departments.delete().where(t.departments.c.code.in_(wanted)))
            self._school.department_ids.forget()

    # what a year holds
    def counts(self, year: SchoolYear) -> dict[str, int]:
        year_id = self._school.school_year_ids.find(year.name)
        if year_id is None:
            return dict.fromkeys(YEAR_COUNTS, 0)
        g, links = t.groups, t.staff_links

        def count(table: Table) -> int:
            statement = (
                select(func.count()).select_from(table).where(table.c.school_year_id == year_id)
            )
            return self._connection.scalar(statement) or 0

        teacher_links = self._connection.scalar(
            select(func.count())
            .select_from(links.join(g, g.c.id == links.c.group_id))
            .where(g.c.school_year_id == year_id)
        )
        return {
            "participations": count(t.department_participations),
            "groups": count(g),
            "memberships": count(t.group_memberships),
            "teacher_links": teacher_links or 0,
            "prognoses": count(t.prognoses),
            "package_choices": count(t.package_choices),
        }

    def holds_anything(self, year: SchoolYear) -> bool:
        return any(self.counts(year).values())

    def participation_counts(self, year: SchoolYear) -> Mapping[str, int]:
        """Department code -> students participating in ``year``."""
        p, d = t.department_participations, t.departments
        year_id = self._school.school_year_ids.id_of(year.name)
        rows = self._connection.execute(
            select(d.c.code, func.count())
            .join(p, p.c.department_id == d.c.id)
            .where(p.c.school_year_id == year_id)
            .group_by(d.c.code)
        )
        return {code: n for code, n in rows}
