"""The first screen of the school year's life (Beheer > Jaarovergang > Nieuw schooljaar
klaarzetten): which departments carry over into the year to prepare, and, once it is
prepared, a department changed for next year only or added for next year only (the forms
checked field by field, then :mod:`koppel.services.school_years.next_departments`)."""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.errors import InvalidValue, KoppelError
from koppel.domain.school import Branch, Department, EducationType, LeadingSide
from koppel.domain.school_years import SchoolYears
from koppel.domain.text import clean_text
from koppel.services.departments import InvalidFields, parse_choice_window, parse_subjects
from koppel.services.school_years.next_departments import (
    KIND,
    DepartmentChange,
    DepartmentChangeReport,
    change_next_department,
)
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

NAME_LIMIT = 60


@dataclass(frozen=True)
class NextYearDepartment:
    department: Department
    """As it is (or will be) in the year to prepare."""
    now: Department | None
    """As it is in the current year; ``None`` for one added for next year only."""
    students: int
    """Active students in it this year."""

    @property
    def changed(self) -> bool:
        return self.now is None or self.now != self.department

    @property
    def added(self) -> bool:
        return self.now is None or not self.now.is_open


@dataclass(frozen=True)
class PrepareScreen:
    years: SchoolYears
    departments: list[NextYearDepartment]
    branches: list[Branch]
    department_change: str | None = None
    """The newest change set when it changed a department for next year: undo takes it."""
    changed_department: str = ""

    @property
    def prepared(self) -> bool:
        return self.years.prepared is not None

    @property
    def year(self) -> str:
        """The year prepared, or to prepare."""
        prepared = self.years.prepared
        return (prepared or self.years.current.next()).name

    @property
    def open_count(self) -> int:
        return sum(1 for d in self.departments if d.department.is_open)


def prepare_screen(uow: SqlAlchemyUnitOfWork) -> PrepareScreen:
    """The departments that carry over (nothing prepared yet: as they are this year, the
    preview of preparing) or that the prepared year has."""
    with uow.unlocked():
        years = uow.school_years.years()
        now = {d.code: d for d in uow.school.departments()}
        counts = uow.students.count_per_department(years.current.name)
        then = (
            [d for d in now.values() if d.is_open]
            if years.prepared is None
            else uow.school_years.departments_in(years.prepared)
        )
        departments = [
            NextYearDepartment(d, now.get(d.code), counts.get(d.code, 0))
            for d in sorted(then, key=lambda d: (d.year_of_study, d.code))
        ]
        latest = uow.changesets.latest_applied()
        branches = uow.school.branches()
    if latest is None or latest.kind != KIND or years.prepared is None:
        return PrepareScreen(years, departments, branches)
    if latest.summary.get("school_year") != years.prepared.name:
        return PrepareScreen(years, departments, branches)
    code = str(latest.summary.get("department") or "")
    return PrepareScreen(years, departments, branches, latest.id, code)


@dataclass(frozen=True)
class DepartmentForm:
    """One department's form for next year, as typed (text)."""

    name: str = ""
    is_open: str = "open"
    lead: str = ""
    opens: str = ""
    closes: str = ""
    subjects: str = ""
    code: str = ""
    """Only when adding: the new department's code (its first digit is the year of study)."""
    education_type: str = ""
    branch: str = ""


def _checked_name(text: str, errors: dict[str, KoppelError]) -> str | None:
    name = clean_text(text)
    if not name:
        errors["name"] = InvalidValue("required", field="naam")
        return None
    if len(name) > NAME_LIMIT:
        errors["name"] = InvalidValue("year_life.department.name_long", limit=NAME_LIMIT)
        return None
    return name


def _checked_lead(text: str, errors: dict[str, KoppelError]) -> LeadingSide | None:
    try:
        return LeadingSide(text)
    except ValueError:
        errors["lead"] = InvalidValue("department.lead", value=text)
        return None


def _checked_new(
    form: DepartmentForm, errors: dict[str, KoppelError]
) -> tuple[str, int | None, EducationType | None]:
    code = clean_text(form.code).upper().replace(" ", "")
    year_of_study: int | None = None
    try:
        kind: EducationType | None = EducationType(form.education_type)
    except ValueError:
        errors["education_type"] = InvalidValue("year_life.department.type")
        kind = None
    if not code:
        errors["code"] = InvalidValue("required", field="code")
    elif code[0].isdigit() and kind is not None:
        year_of_study = int(code[0])
        try:
            Department(code, "x", year_of_study, kind, form.branch or "X")
        except InvalidValue as error:
            errors["code"] = error
    else:
        errors.setdefault("code", InvalidValue("department.code", value=code))
    return code, year_of_study, kind


def department_change(
    code: str, form: DepartmentForm, *, adding: bool, actor: str
) -> DepartmentChange:
    """The change a form asks for, every field set (the service writes only what differs
    from next year's department); InvalidFields names each wrong field, nothing written."""
    errors: dict[str, KoppelError] = {}
    name = _checked_name(form.name, errors)
    lead = _checked_lead(form.lead, errors)
    window = parse_choice_window(code or form.code, form.opens, form.closes, errors)
    subjects: frozenset[str] | None = None
    try:
        subjects = parse_subjects(form.subjects)
    except InvalidValue as error:
        errors["subjects"] = error
    year_of_study: int | None = None
    kind: EducationType | None = None
    if adding:
        code, year_of_study, kind = _checked_new(form, errors)
    if errors:
        raise InvalidFields(errors)
    return DepartmentChange(
        code,
        name=name,
        is_open=True if adding else form.is_open != "closed",
        home_class_lead=lead,
        subjects=subjects,
        choice_window=window,
        new_year_of_study=year_of_study,
        new_education_type=kind,
        new_branch=(form.branch.strip().upper() or None) if adding else None,
        actor=actor,
    )


def change_department(
    uow: SqlAlchemyUnitOfWork, code: str, form: DepartmentForm, *, adding: bool, actor: str
) -> DepartmentChangeReport:
    """Check the form, then change (or add) the department for the prepared year only:
    one change set, undone from the screen while it is the newest."""
    change = department_change(code, form, adding=adding, actor=actor)
    try:
        return change_next_department(uow, change)
    except InvalidValue as error:
        if error.code != "year.department.exists":
            raise
        raised = InvalidValue("year_life.department.exists", **error.params)
        raise InvalidFields({"code": raised}) from error
