"""Who may see and change what: the rules of DESIGN.md section 3, per role."""

from __future__ import annotations

import pytest

from koppel.domain.access import (
    may_edit_home_classes,
    may_edit_mentee_prognosis,
    may_edit_planning,
    may_view_department,
    sees_addresses,
    sees_lwoo,
)
from koppel.domain.accounts import Account, Role
from koppel.domain.school import Department, EducationType, LeadingSide


def _account(*roles: Role, departments: tuple[str, ...] = (), student: str = "") -> Account:
    return Account(
        "someone",
        "Someone",
        frozenset(roles),
        departments=frozenset(departments),
        student_number=student,
    )


PORTAL_LED = Department("4M", "4 MAVO", 4, EducationType.MAVO, "HK", LeadingSide.PORTAL)
PROJECT_LED = Department("4V", "4 VWO", 4, EducationType.VWO, "HK", LeadingSide.PROJECT)


@pytest.mark.parametrize(
    ("roles", "own", "other"),
    [
        ((Role.ADMINISTRATOR,), True, True),
        ((Role.SCHEDULER,), True, True),
        ((Role.TEAM_LEADER,), True, False),
        ((Role.MENTOR,), False, False),
        ((Role.TEACHER,), False, False),
    ],
)
def test_who_views_a_department(roles, own, other):
    account = _account(*roles, departments=("4M",))
    assert may_view_department(account, "4M") is own
    assert may_view_department(account, "6V") is other


def test_planning_is_edited_by_administrators_and_own_team_leaders_only():
    leader = _account(Role.TEAM_LEADER, departments=("4M",))
    assert may_edit_planning(leader, "4m")
    assert not may_edit_planning(leader, "4V")
    assert may_edit_planning(_account(Role.ADMINISTRATOR), "4V")
    assert not may_edit_planning(_account(Role.SCHEDULER), "4M")
    assert not may_edit_planning(_account(Role.MENTOR), "4M")


def test_home_classes_only_where_the_portal_leads():
    leader = _account(Role.TEAM_LEADER, departments=("4M", "4V"))
    assert may_edit_home_classes(leader, PORTAL_LED)
    assert not may_edit_home_classes(leader, PROJECT_LED)
    assert may_edit_home_classes(_account(Role.SCHEDULER), PORTAL_LED)
    assert not may_edit_home_classes(_account(Role.ADMINISTRATOR), PROJECT_LED)
    assert not may_edit_home_classes(_account(Role.TEACHER), PORTAL_LED)


def test_lwoo_and_addresses_are_for_who_needs_them():
    assert sees_lwoo(_account(Role.TEAM_LEADER, departments=("4M",)), "4M")
    assert not sees_lwoo(_account(Role.TEAM_LEADER, departments=("4M",)), "4V")
    assert not sees_lwoo(_account(Role.SCHEDULER), "4M")
    assert sees_addresses(_account(Role.ADMINISTRATOR))
    assert not sees_addresses(_account(Role.TEAM_LEADER, departments=("4M",)))
    student = _account(Role.STUDENT, student="123456")
    assert sees_addresses(student, own_student_number="123456")
    assert not sees_addresses(student, own_student_number="654321")
    assert not sees_addresses(student)


def test_a_deactivated_account_is_granted_nothing():
    admin = Account("admin", "A", frozenset({Role.ADMINISTRATOR}), is_active=False)
    assert not may_view_department(admin, "4M")
    assert not may_edit_planning(admin, "4M")
    assert not sees_addresses(admin)


def test_mentors_edit_prognoses_only_when_the_school_allows():
    mentor = _account(Role.MENTOR)
    assert may_edit_mentee_prognosis(mentor, school_allows=True)
    assert not may_edit_mentee_prognosis(mentor, school_allows=False)
    assert not may_edit_mentee_prognosis(_account(Role.TEACHER), school_allows=True)
