"""A team leader's view of one department: its students with prognosis, LWOO, home class
and package choice, filtered, searched and sorted. LWOO is only read for accounts that
may see it, and such a read is logged (without the values)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from koppel.domain.access import (
    may_edit_home_classes,
    may_edit_planning,
    may_view_department,
    sees_lwoo,
)
from koppel.domain.accounts import Account
from koppel.domain.errors import NotAllowed, NotFound
from koppel.domain.school import Department
from koppel.domain.text import clean_text
from koppel.services.audit.entries import audit_entry
from koppel.services.planning.edits import next_school_year
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

PAGE_SIZE = 250


class SortKey(StrEnum):
    NAME = "naam"
    NUMBER = "nummer"
    HOME_CLASS = "stamklas"
    PROGNOSIS = "prognose"


class PrognosisFilter(StrEnum):
    ALL = ""
    UNDECIDED = "twijfel"
    MISSING = "geen"


@dataclass(frozen=True)
class ViewQuery:
    search: str = ""
    home_class: str = ""
    prognosis: PrognosisFilter = PrognosisFilter.ALL
    sort: SortKey = SortKey.NAME
    descending: bool = False
    page: int = 1


@dataclass(frozen=True)
class PlanningRow:
    student_number: str
    sort_name: str
    home_class: str
    prognosis: str
    round: int | None
    comment: str
    lwoo: bool | None
    """``None`` when the viewer may not see LWOO."""
    subjects: tuple[str, ...]
    exemptions: tuple[str, ...]

    @property
    def is_undecided(self) -> bool:
        return " / " in self.prognosis


@dataclass(frozen=True)
class DepartmentView:
    department: Department
    school_year: str
    prognosis_year: str
    rows: list[PlanningRow]
    total: int
    """Students in the department; ``rows`` holds those that pass the filters."""
    matching: int
    page: int
    pages: int
    home_classes: list[str]
    may_edit: bool
    may_edit_home_classes: bool
    shows_lwoo: bool
    query: ViewQuery
    prepared_year: str | None = None
    """Next year when it is prepared beside this one (its prognoses plan it)."""
    may_promote: bool = False
    """Next year is prepared and the viewer may promote this department's students."""


def _matches(row: PlanningRow, query: ViewQuery) -> bool:
    wanted = clean_text(query.search).lower()
    if wanted and wanted not in row.sort_name.lower() and wanted not in row.student_number:
        return False
    if query.home_class and row.home_class != query.home_class:
        return False
    if query.prognosis is PrognosisFilter.UNDECIDED and not row.is_undecided:
        return False
    return not (query.prognosis is PrognosisFilter.MISSING and row.prognosis)


def _sort_key(query: ViewQuery) -> Callable[[PlanningRow], tuple[str, ...] | str]:
    keys: dict[SortKey, Callable[[PlanningRow], tuple[str, ...] | str]] = {
        SortKey.NAME: lambda r: (r.sort_name.lower(), r.student_number),
        SortKey.NUMBER: lambda r: r.student_number,
        SortKey.HOME_CLASS: lambda r: (r.home_class, r.sort_name.lower()),
        SortKey.PROGNOSIS: lambda r: (r.prognosis, r.sort_name.lower()),
    }
    return keys[query.sort]


def department_view(
    uow: SqlAlchemyUnitOfWork, viewer: Account, code: str, query: ViewQuery
) -> DepartmentView:
    """The department's students for ``viewer``; NotAllowed outside its scope."""
    if not may_view_department(viewer, code):
        raise NotAllowed  # before the lookup: an unknown code is no business of theirs
    with uow.unlocked():
        department = uow.school.department(code)
        if not department.is_open:  # closed this year (added for next year only, or gone)
            raise NotFound("afdeling", department.code)
        year = uow.school.current_school_year()
        prepared = uow.school_years.years().prepared
        following = next_school_year(uow, year)
        students = [
            s
            for s in uow.students.list(department_code=department.code, year_name=year.name)
            if s.is_active
        ]
        numbers = [s.student_number for s in students]
        planning = uow.student_planning
        prognoses = planning.prognoses_of(following, numbers)
        classes = planning.home_classes_of(year, department.code, numbers)
        choices = planning.package_choices_of(year, department.code, numbers)
        shows_lwoo = sees_lwoo(viewer, department.code)
        rows = [
            PlanningRow(
                student_number=s.student_number,
                sort_name=s.personal.sort_name,
                home_class=classes.get(s.student_number, ""),
                prognosis=p.text if (p := prognoses.get(s.student_number)) else "",
                round=p.round if p else None,
                comment=p.comment if p else "",
                lwoo=s.lwoo if shows_lwoo else None,
                subjects=tuple(sorted(c.subjects)) if (c := choices.get(s.student_number)) else (),
                exemptions=tuple(sorted(c.exemptions)) if c else (),
            )
            for s in students
        ]
        matching = [row for row in rows if _matches(row, query)]
        matching.sort(key=_sort_key(query), reverse=query.descending)
        pages = max(1, -(-len(matching) // PAGE_SIZE))
        page = min(max(1, query.page), pages)
        shown = matching[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        home_classes = planning.home_class_names(year, department.code)
        if shows_lwoo and shown:
            uow.audit.add_many(
                [
                    audit_entry(
                        "read",
                        "department",
                        department.code,
                        actor=viewer.username,
                        after={"fields": ["lwoo"], "students": len(shown)},
                    )
                ]
            )
            uow.commit()
        return DepartmentView(
            department=department,
            school_year=year.name,
            prognosis_year=following.name,
            rows=shown,
            total=len(rows),
            matching=len(matching),
            page=page,
            pages=pages,
            home_classes=home_classes,
            may_edit=may_edit_planning(viewer, department.code),
            may_edit_home_classes=may_edit_home_classes(viewer, department),
            shows_lwoo=shows_lwoo,
            query=query,
            prepared_year=None if prepared is None else prepared.name,
            may_promote=prepared is not None and may_edit_planning(viewer, department.code),
        )
