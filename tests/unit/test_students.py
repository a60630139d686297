"""Students and their numbers (koppel.domain.students)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koppel.domain.errors import InvalidValue
from koppel.domain.personal import PersonalData
from koppel.domain.students import (
    Student,
    StudentStatus,
    ensure_unique_student_numbers,
    validate_student_number,
)

PERSON = PersonalData("Jan", "Berg", infix="van den")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("000123", "000123"),
        (" 000123 ", "000123"),
        ("\u00a0000123\u200b", "000123"),
        ("0", "0"),
        ("123", "123"),
        ("AB12cd", "AB12cd"),
        ("1" * 20, "1" * 20),
        ("12-34", "12-34"),
        ("usr-222-1234561232", "usr-222-1234561232"),
        ("USER_0", "USER_0"),
        ("st1@school.nl", "st1@school.nl"),
    ],
)
def test_student_number_is_text_with_leading_zeros(raw, expected):
    number = validate_student_number(raw)
    assert number == expected
    assert isinstance(number, str)


@pytest.mark.parametrize(
    "raw",
    [
        *("", " ", "12 34", "12.0", "1" * 21, "\u0661\u0662\u0663", "é12", "12/3", "+123"),
        *("-12", "12-", "=1+1", "a\tb", "usr-222-1234561232456"),
    ],
)
def test_student_number_refused(raw):
    with pytest.raises(InvalidValue) as caught:
        validate_student_number(raw)
    assert caught.value.code == "student_number.format"
    assert caught.value.params == {"value": raw}


@given(st.text(alphabet="0123456789", min_size=1, max_size=20))
def test_digit_strings_are_kept_exactly(number):
    assert validate_student_number(number) == number
    assert validate_student_number(f" {number}\u00a0") == number


def test_unique_student_numbers_pass():
    ensure_unique_student_numbers(["000123", "123", "0123", "124"])
    ensure_unique_student_numbers([])


@pytest.mark.parametrize(
    ("numbers", "duplicates"),
    [
        (["123", "123"], "123"),
        (["123", " 123"], "123"),
        (["123", "123\u00a0", "456"], "123"),
        (["000123", "000123\u200b"], "000123"),
        (["5", "4", "5", "4", "3"], "4, 5"),
    ],
)
def test_duplicate_student_numbers_found(numbers, duplicates):
    with pytest.raises(InvalidValue) as caught:
        ensure_unique_student_numbers(numbers)
    assert caught.value.code == "student_number.duplicate"
    assert caught.value.params == {"value": duplicates}


def test_leading_zeros_make_different_numbers():
    ensure_unique_student_numbers(["123", "0123", "00123"])


def test_student_keeps_number_as_text_and_defaults():
    student = Student(" 000123 ", PERSON, birth_date=date(2012, 5, 1))
    assert student.student_number == "000123"
    assert student.status is StudentStatus.ACTIVE
    assert student.is_active
    assert student.lwoo is False
    assert student.personal.sort_name == "Berg, Jan van den"


@pytest.mark.parametrize(
    ("status", "active"),
    [(StudentStatus.ACTIVE, True), (StudentStatus.LEFT, False), ("left", False), ("active", True)],
)
def test_student_status(status, active):
    student = Student("1", PERSON, status=status)
    assert student.is_active is active
    assert isinstance(student.status, StudentStatus)


def test_student_refuses_bad_number():
    with pytest.raises(InvalidValue):
        Student("12 34", PERSON)
