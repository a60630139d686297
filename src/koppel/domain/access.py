"""Who may see and change what (DESIGN.md section 3), as plain rules over an account.

Pages and services ask these; everything not granted here is denied. Field-level rules
keep LWOO and addresses from roles that do not need them.
"""

from __future__ import annotations

from koppel.domain.accounts import Account, Role
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
