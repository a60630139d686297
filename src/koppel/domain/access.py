"""Who may see and change what (DESIGN.md section 3), as plain rules over an account.

Pages and services ask these; everything not granted here is denied. Field-level rules
keep LWOO and addresses from roles that do not need them.

API tokens follow least privilege too: a scheduler's token is limited to the departments
of its project (:func:`token_scope`). Personal data and LWOO, which a scheduler's pages
never show, reach the scheduler only through such a token: of the students in its
departments, and every read is logged (services/connector_api/reads.py).
"""

from __future__ import annotations

from collections.abc import Collection

from koppel.domain.accounts import WHOLE_SCHOOL, Account, Role, TokenScope
from koppel.domain.errors import InvalidValue
from koppel.domain.school import Department, LeadingSide


def sees_all_departments(account: Account) -> bool:
    return account.has_role(Role.ADMINISTRATOR) or account.has_role(Role.SCHEDULER)


def may_view_department(account: Account, department_code: str) -> bool:
    """Administrators and schedulers see every department; team leaders their own."""
    return sees_all_departments(account) or account.leads_department(department_code)


def may_edit_planning(account: Account, department_code: str) -> bool:
    """Prognoses, LWOO and package choices: administrators, and team leaders for their own
    departments. Schedulers read them (they take them over in the project)."""
    return account.has_role(Role.ADMINISTRATOR) or account.leads_department(department_code)


def may_edit_home_classes(account: Account, department: Department) -> bool:
    """Only where the portal leads the home classes; there, team leaders of the department,
    schedulers (group assignments) and administrators."""
    if department.home_class_lead is not LeadingSide.PORTAL:
        return False
    return may_edit_planning(account, department.code) or account.has_role(Role.SCHEDULER)


def sees_lwoo(account: Account, department_code: str) -> bool:
    """LWOO is for who plans support: administrators and the department's team leaders."""
    return may_edit_planning(account, department_code)


def sees_addresses(account: Account, *, own_student_number: str = "") -> bool:
    """Addresses: administrators, and a student its own."""
    if account.has_role(Role.ADMINISTRATOR):
        return True
    return bool(own_student_number) and account.student_number == own_student_number


def may_edit_mentee_prognosis(account: Account, *, school_allows: bool) -> bool:
    """A mentor changes its mentees' prognoses only where the school allows it."""
    return school_allows and account.has_role(Role.MENTOR)


def check_token_departments(role: Role, departments: Collection[str]) -> None:
    """A scheduler's token needs the departments of its project; no other token has
    departments (an administrator's token is for the whole school; other roles cannot
    read or write the connector's records at all)."""
    if role is Role.SCHEDULER and not departments:
        raise InvalidValue("token.departments_required")
    if departments and role is not Role.SCHEDULER:
        raise InvalidValue("token.departments_only_scheduler", role=role.value)


def token_scope(role: Role, departments: Collection[str]) -> TokenScope:
    """What a token reads and writes: a scheduler's token its departments; an
    administrator's token the whole school; anything else nothing (a scheduler's token
    without departments, made before tokens had them, reads and writes nothing: the API
    refuses it with a message to make a new one)."""
    if role is Role.ADMINISTRATOR:
        return WHOLE_SCHOOL
    if role is Role.SCHEDULER:
        return TokenScope(frozenset(departments))
    return TokenScope(frozenset())
