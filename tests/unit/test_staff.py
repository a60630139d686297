"""Staff members, staff codes and their links to groups (koppel.domain.staff)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koppel.domain.errors import InvalidValue
from koppel.domain.staff import (
    StaffLink,
    StaffMember,
    StaffRole,
    StaffStatus,
    validate_staff_code,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("JANS", "JANS"),
        ("jans", "JANS"),
        (" Jans\u00a0", "JANS"),
        ("ja\u200bns", "JANS"),
        ("AB", "AB"),
        ("BERG1", "BERG1"),
        ("ABCDEFGH", "ABCDEFGH"),
        ("12", "12"),
        ("groß", "GROSS"),
    ],
)
def test_staff_code_normalised(raw, expected):
    assert validate_staff_code(raw) == expected


@pytest.mark.parametrize(
    "raw", ["", " ", "J", "ABCDEFGHI", "JA NS", "JAN-S", "JAN.S", "É", "JANS!"]
)
def test_staff_code_refused(raw):
    with pytest.raises(InvalidValue) as caught:
        validate_staff_code(raw)
    assert caught.value.code == "staff_code.format"
    assert caught.value.params == {"value": raw}


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
def test_staff_code_property(raw):
    if 2 <= len(raw) <= 8:
        assert validate_staff_code(raw) == raw.upper()
    else:
        with pytest.raises(InvalidValue):
            validate_staff_code(raw)


def test_staff_member_cleans_and_names():
    member = StaffMember(
        " jans ", " Jan ", " Berg ", infix=" van\u00a0den ", email=" Jan@School.NL "
    )
    assert member.staff_code == "JANS"
    assert member.first_name == "Jan"
    assert member.last_name == "Berg"
    assert member.infix == "van den"
    assert member.email == "Jan@school.nl"
    assert member.full_name == "Jan van den Berg"
    assert member.status is StaffStatus.ACTIVE


def test_staff_member_status_from_text():
    assert StaffMember("JANS", "Jan", "Berg", status="left").status is StaffStatus.LEFT  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"staff_code": "J"}, "staff_code.format"),
        ({"first_name": " "}, "required"),
        ({"last_name": "\u200b"}, "required"),
        ({"email": "jan@school"}, "email.format"),
    ],
)
def test_staff_member_refused(kwargs, code):
    values = {"staff_code": "JANS", "first_name": "Jan", "last_name": "Berg", **kwargs}
    with pytest.raises(InvalidValue) as caught:
        StaffMember(**values)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (StaffRole.TEACHER, StaffRole.TEACHER),
        (StaffRole.MENTOR, StaffRole.MENTOR),
        ("teacher", StaffRole.TEACHER),
        ("mentor", StaffRole.MENTOR),
    ],
)
def test_staff_link_roles(role, expected):
    link = StaffLink(" jans", " 4V2 ", role)
    assert link.role is expected
    assert link.staff_code == "JANS"
    assert link.group_name == "4V2"


def test_staff_link_refuses_unknown_role_and_bad_code():
    with pytest.raises(ValueError, match="team_leader"):
        StaffLink("JANS", "4V2", "team_leader")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        StaffLink("J", "4V2", StaffRole.MENTOR)
    with pytest.raises(InvalidValue):
        StaffLink("JANS", " ", StaffRole.MENTOR)


def test_staff_roles_are_teacher_and_mentor_only():
    assert {role.value for role in StaffRole} == {"teacher", "mentor"}
