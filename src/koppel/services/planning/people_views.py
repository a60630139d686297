"""The pages of mentors, teachers and students: their own home classes, groups and data.

Scope comes from the account itself (its staff code or student number), never from the
request, so nobody can ask for another's page. Reading an address is logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from koppel.domain.access import may_edit_mentee_prognosis, sees_addresses
from koppel.domain.accounts import Account, Role
from koppel.domain.errors import InvalidValue, NotAllowed, NotFound
from koppel.domain.groups import GroupKind
from koppel.domain.planning import PackageChoice
from koppel.domain.school import Department, SchoolYear
from koppel.domain.staff import StaffRole
from koppel.domain.students import Student
from koppel.services.audit.entries import audit_entry
from koppel.services.planning.edits import (
    EditResult,
    PlanningEdit,
    apply_edit,
    next_school_year,
)
from koppel.services.school_settings import load_school_settings
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


@dataclass(frozen=True)
class MemberRow:
    student_number: str
    sort_name: str
    prognosis: str = ""
    round: int | None = None
    comment: str = ""


@dataclass(frozen=True)
class GroupView:
    name: str
    kind: GroupKind
    department_code: str
    members: list[MemberRow]


@dataclass(frozen=True)
class StaffView:
    school_year: str
    prognosis_year: str
    groups: list[GroupView]
    may_edit_prognoses: bool
    prepared_year: str | None = None
    """Next year when it is prepared beside this one (the prognoses plan it)."""


def _linked_groups(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, account: Account, role: StaffRole
) -> list[str]:
    if not account.staff_code:
        return []
    links = uow.groups.staff_links(year, staff_code=account.staff_code)
    return sorted(link.group for link in links if link.role is role)


def _staff_view(uow: SqlAlchemyUnitOfWork, account: Account, role: StaffRole) -> StaffView:
    year = uow.school.current_school_year()
    following = next_school_year(uow, year)
    names = _linked_groups(uow, year, account, role)
    kinds = {g.name: g for g in uow.groups.list(year) if g.name in set(names)}
    members = uow.students.in_groups(year.name, names)
    numbers = [s.student_number for group in members.values() for s in group]
    prognoses = (
        uow.student_planning.prognoses_of(following, numbers) if role is StaffRole.MENTOR else {}
    )
    groups = [
        GroupView(
            name,
            kinds[name].kind,
            kinds[name].department_code,
            [
                MemberRow(
                    s.student_number,
                    s.personal.sort_name,
                    p.text if (p := prognoses.get(s.student_number)) else "",
                    p.round if p else None,
                    p.comment if p else "",
                )
                for s in members[name]
                if s.is_active
            ],
        )
        for name in names
    ]
    allowed = may_edit_mentee_prognosis(
        account, school_allows=load_school_settings(uow).mentors_edit_prognoses
    )
    prepared = uow.school_years.years().prepared
    return StaffView(
        year.name,
        following.name,
        groups,
        allowed and role is StaffRole.MENTOR,
        None if prepared is None else prepared.name,
    )


def mentor_view(uow: SqlAlchemyUnitOfWork, account: Account) -> StaffView:
    """A mentor's home classes with its mentees and their prognoses."""
    if not account.has_role(Role.MENTOR):
        raise NotAllowed
    with uow.unlocked():
        return _staff_view(uow, account, StaffRole.MENTOR)


def teacher_view(uow: SqlAlchemyUnitOfWork, account: Account) -> StaffView:
    """A teacher's groups and their students."""
    if not account.has_role(Role.TEACHER):
        raise NotAllowed
    with uow.unlocked():
        return _staff_view(uow, account, StaffRole.TEACHER)


def edit_mentee_prognosis(
    uow: SqlAlchemyUnitOfWork, account: Account, number: str, edit: PlanningEdit
) -> EditResult:
    """A mentor changes a mentee's prognosis, round or comment (only those fields), where
    the school allows it."""
    if not account.has_role(Role.MENTOR):
        raise NotAllowed
    only_prognosis = PlanningEdit(prognosis=edit.prognosis, round=edit.round, comment=edit.comment)
    with uow:
        if not load_school_settings(uow).mentors_edit_prognoses:
            raise NotAllowed
        view = _staff_view(uow, account, StaffRole.MENTOR)
        for group in view.groups:
            if any(m.student_number == number for m in group.members):
                department = uow.school.department(group.department_code)
                return apply_edit(uow, account.username, department, [number], only_prognosis)
        raise NotFound("leerling", number)


@dataclass(frozen=True)
class PackageView:
    department: Department
    choice: PackageChoice | None
    window_open: bool


@dataclass(frozen=True)
class StudentView:
    student: Student
    shows_address: bool
    school_year: str
    departments: list[tuple[str, int]]
    groups: list[tuple[str, GroupKind, str]]
    packages: list[PackageView]


def _own_number(account: Account) -> str:
    if not account.has_role(Role.STUDENT) or not account.student_number:
        raise NotAllowed
    return account.student_number


def student_view(uow: SqlAlchemyUnitOfWork, account: Account, today: date) -> StudentView:
    """The student's own data, groups and package choices; reading the address is logged."""
    number = _own_number(account)
    with uow.unlocked():
        year = uow.school.current_school_year()
        student = uow.students.get(number)
        departments = uow.student_planning.departments_of(year, number)
        packages = []
        for code, _ in departments:
            department = uow.school.department(code)
            choice = uow.student_planning.package_choices_of(year, code, [number]).get(number)
            packages.append(PackageView(department, choice, department.choice_window_open(today)))
        shows_address = sees_addresses(account, own_student_number=number)
        if shows_address:
            uow.audit.add_many(
                [
                    audit_entry(
                        "read",
                        "student",
                        number,
                        actor=account.username,
                        after={"fields": ["address"]},
                    )
                ]
            )
        view = StudentView(
            student=student,
            shows_address=shows_address,
            school_year=year.name,
            departments=departments,
            groups=uow.student_planning.groups_of(year, number),
            packages=packages,
        )
        uow.commit()
        return view


def choose_own_package(
    uow: SqlAlchemyUnitOfWork,
    account: Account,
    department_code: str,
    subjects: frozenset[str],
    today: date,
) -> EditResult:
    """A student's own package choice, while its department's choice window is open.
    Exemptions are the school's to give: those of subjects still chosen are kept."""
    number = _own_number(account)
    with uow:
        year: SchoolYear = uow.school.current_school_year()
        codes = {code for code, _ in uow.student_planning.departments_of(year, number)}
        department = uow.school.department(department_code)
        if department.code not in codes:
            raise NotAllowed
        if not department.choice_window_open(today):
            raise InvalidValue("choice_window.closed", department=department.code)
        edit = PlanningEdit(subjects=" ".join(sorted(subjects)))
        return apply_edit(uow, account.username, department, [number], edit)
