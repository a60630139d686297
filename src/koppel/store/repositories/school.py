"""School years, branches, departments and the school's settings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, func, select, update

from koppel.domain.errors import AlreadyExists, NotFound
from koppel.domain.school import Branch, Department, EducationType, LeadingSide, SchoolYear
from koppel.store import tables as t
from koppel.store.repositories.keys import KeyIndex

JsonSetting = str | int | float | bool | None | list[object] | dict[str, object]


class SqlAlchemySchoolRepository:
    """Schooljaren, vestigingen, afdelingen and settings."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self.school_year_ids = KeyIndex(connection, t.school_years, "name", "schooljaar")
        self.branch_ids = KeyIndex(connection, t.branches, "code", "vestiging")
        self.department_ids = KeyIndex(connection, t.departments, "code", "afdeling")

    # school years
    def add_school_year(self, year: SchoolYear, *, is_current: bool = False) -> None:
        if self.school_year_ids.find(year.name) is not None:
            raise AlreadyExists("schooljaar", year.name)
        if is_current:
            self._connection.execute(update(t.school_years).values(is_current=False))
        self._connection.execute(
            t.school_years.insert().values(
                name=year.name,
                starts_on=year.starts_on,
                ends_on=year.ends_on,
                is_current=is_current,
            )
        )
        self.school_year_ids.forget()

    def school_years(self) -> list[SchoolYear]:
        rows = self._connection.execute(select(t.school_years.c.name).order_by("name"))
        return [SchoolYear(name) for (name,) in rows]

    def current_school_year(self) -> SchoolYear:
        name = self._connection.scalar(
            select(t.school_years.c.name).where(t.school_years.c.is_current.is_(True))
        )
        if name is None:
            raise NotFound("schooljaar", "huidig")
        return SchoolYear(name)

    # branches
    def add_branch(self, branch: Branch) -> None:
        if self.branch_ids.find(branch.code) is not None:
            raise AlreadyExists("vestiging", branch.code)
        self._connection.execute(t.branches.insert().values(code=branch.code, name=branch.name))
        self.branch_ids.forget()

    def branches(self) -> list[Branch]:
        rows = self._connection.execute(select(t.branches.c.code, t.branches.c.name))
        return [Branch(code, name) for code, name in rows]

    # departments
    def add_departments(self, departments: Iterable[Department]) -> None:
        rows = [
            {
                "code": d.code,
                "name": d.name,
                "year_of_study": d.year_of_study,
                "education_type": d.education_type.value,
                "branch_id": self.branch_ids.id_of(d.branch_code),
                "home_class_lead": d.home_class_lead.value,
                "choice_opens_on": d.choice_opens_on,
                "choice_closes_on": d.choice_closes_on,
                "is_open": d.is_open,
            }
            for d in departments
        ]
        for row in rows:
            if self.department_ids.find(str(row["code"])) is not None:
                raise AlreadyExists("afdeling", str(row["code"]))
        if rows:
            self._connection.execute(t.departments.insert(), rows)
        self.department_ids.forget()
        self.set_subjects({d.code: d.subjects for d in departments if d.subjects})

    def update_department(self, department: Department) -> None:
        """Store who leads the home classes, the choice window and the subjects."""
        department_id = self.department_ids.id_of(department.code)
        self._connection.execute(
            t.departments.update()
            .where(t.departments.c.id == department_id)
            .values(
                home_class_lead=department.home_class_lead.value,
                choice_opens_on=department.choice_opens_on,
                choice_closes_on=department.choice_closes_on,
            )
        )
        self.set_subjects({department.code: department.subjects})

    def set_subjects(self, subjects: Mapping[str, frozenset[str]]) -> None:
        ds = t.department_subjects
        for code, chosen in subjects.items():
            department_id = self.department_ids.id_of(code)
            self._connection.execute(ds.delete().where(ds.c.department_id == department_id))
            if chosen:
                self._connection.execute(
                    ds.insert(),
                    [{"department_id": department_id, "subject": s} for s in sorted(chosen)],
                )

    def departments(self) -> list[Department]:
        d, b = t.departments, t.branches
        rows = self._connection.execute(
            select(
                d.c.code,
                d.c.name,
                d.c.year_of_study,
                d.c.education_type,
                b.c.code,
                d.c.home_class_lead,
                d.c.choice_opens_on,
                d.c.choice_closes_on,
                d.c.is_open,
            )
            .join(b, b.c.id == d.c.branch_id)
            .order_by(d.c.year_of_study, d.c.code)
        )
        ds = t.department_subjects
        subjects: dict[str, set[str]] = {}
        for code, subject in self._connection.execute(
            select(d.c.code, ds.c.subject).join(ds, ds.c.department_id == d.c.id)
        ):
            subjects.setdefault(code, set()).add(subject)
        found = [
            Department(
                code,
                name,
                year,
                EducationType(kind),
                branch,
                LeadingSide(lead),
                choice_opens_on=opens,
                choice_closes_on=closes,
                subjects=frozenset(subjects.get(code, ())),
                is_open=bool(is_open),
            )
            for code, name, year, kind, branch, lead, opens, closes, is_open in rows
        ]
        levels = list(EducationType)
        return sorted(
            found, key=lambda d: (d.year_of_study, levels.index(d.education_type), d.code)
        )

    def department(self, code: str) -> Department:
        for department in self.departments():
            if department.code == code.upper():
                return department
        raise NotFound("afdeling", code)

    def count_departments(self) -> int:
        return self._connection.scalar(select(func.count()).select_from(t.departments)) or 0

    # settings
    def setting(self, key: str, default: JsonSetting = None) -> JsonSetting:
        value = self._connection.scalar(select(t.settings.c.value).where(t.settings.c.key == key))
        return default if value is None else value

    def set_setting(self, key: str, value: JsonSetting) -> None:
        self._connection.execute(t.settings.delete().where(t.settings.c.key == key))
        self._connection.execute(t.settings.insert().values(key=key, value=value))
