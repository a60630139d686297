"""Accounts and roles (koppel.domain.accounts): deny unless a role grants it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koppel.domain.accounts import Account, AccountKind, Role
from koppel.domain.errors import InvalidValue


def _account(username="j.jansen", roles=(Role.TEACHER,), **kwargs):
    return Account(username, "Jan Jansen", frozenset(roles), **kwargs)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("jan", "jan"),
        ("J.Jansen", "j.jansen"),
        (" JANS ", "jans"),
        ("jan@school.nl", "jan@school.nl"),
        ("a_b-c.d", "a_b-c.d"),
        ("000123", "000123"),
        ("x" * 64, "x" * 64),
    ],
)
def test_username_rules_and_lower_case(raw, expected):
    assert _account(raw).username == expected


@pytest.mark.parametrize(
    "raw", ["", "ab", "x" * 65, "jan jansen", "jan!", "jan/x", "jänsen", "jan+1", "jan:x"]
)
def test_username_refused(raw):
    with pytest.raises(InvalidValue) as caught:
        _account(raw)
    assert caught.value.code == "account.username"
    assert caught.value.params == {"value": raw}


@given(
    st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-",
        min_size=3,
        max_size=64,
    )
)
def test_username_property(raw):
    account = _account(raw)
    assert account.username == raw.lower()
    assert _account(account.username).username == account.username


def test_account_fields_and_defaults():
    account = _account(roles=("mentor", Role.TEACHER))
    assert account.roles == frozenset({Role.MENTOR, Role.TEACHER})
    assert all(isinstance(role, Role) for role in account.roles)
    assert account.kind is AccountKind.OTHER
    assert account.is_active
    assert account.display_name == "Jan Jansen"


def test_display_name_required():
    with pytest.raises(InvalidValue) as caught:
        Account("jansen", " \u00a0", frozenset({Role.TEACHER}))
    assert caught.value.code == "required"


def test_account_without_roles_refused():
    with pytest.raises(InvalidValue) as caught:
        _account("Jansen", roles=())
    assert caught.value.code == "account.no_roles"
    assert caught.value.params == {"username": "Jansen"}


def test_unknown_role_refused():
    with pytest.raises(ValueError, match="headmaster"):
        _account(roles=("headmaster",))


def test_student_role_needs_student_number():
    with pytest.raises(InvalidValue) as caught:
        _account("000123", roles=(Role.STUDENT,), kind=AccountKind.STUDENT)
    assert caught.value.code == "account.student_link"
    account = _account(
        "000123", roles=(Role.STUDENT,), kind=AccountKind.STUDENT, student_number="000123"
    )
    assert account.has_role(Role.STUDENT)
    assert account.student_number == "000123"


@pytest.mark.parametrize("number", ["  ", "\u00a0", "12 3"])
def test_student_role_needs_a_valid_student_number(number):
    with pytest.raises(InvalidValue):
        _account("leerling1", roles=(Role.STUDENT,), student_number=number)


@pytest.mark.parametrize("role", list(Role))
def test_has_role_only_for_granted_roles(role):
    extra = {"student_number": "1"} if role is Role.STUDENT else {}
    account = _account(roles=(role,), **extra)
    assert account.has_role(role)
    assert [r for r in Role if account.has_role(r)] == [role]


@pytest.mark.parametrize("role", list(Role))
def test_inactive_account_has_no_role(role):
    account = _account(roles=tuple(Role), student_number="1", is_active=False)
    assert not account.has_role(role)


@pytest.mark.parametrize(
    ("roles", "departments", "asked", "expected"),
    [
        ((Role.TEAM_LEADER,), {"4H", "5H"}, "4H", True),
        ((Role.TEAM_LEADER,), {"4h", "5H"}, "4H", True),
        ((Role.TEAM_LEADER,), {"4H", "5H"}, "5h", True),
        ((Role.TEAM_LEADER,), {"4H", "5H"}, "4V", False),
        ((Role.TEAM_LEADER,), set(), "4H", False),
        ((Role.MENTOR, Role.TEACHER), {"4H"}, "4H", False),
        ((Role.ADMINISTRATOR,), {"4H"}, "4H", False),
    ],
)
def test_leads_department(roles, departments, asked, expected):
    account = _account(roles=roles, departments=frozenset(departments))
    assert account.leads_department(asked) is expected


def test_inactive_team_leader_leads_nothing():
    account = _account(roles=(Role.TEAM_LEADER,), departments=frozenset({"4H"}), is_active=False)
    assert not account.leads_department("4H")


def test_departments_upper_case():
    account = _account(roles=(Role.TEAM_LEADER,), departments=frozenset({"4h", "1hv"}))
    assert account.departments == frozenset({"4H", "1HV"})
