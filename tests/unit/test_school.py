"""School years, branches and departments (koppel.domain.school)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koppel.domain.errors import InvalidValue
from koppel.domain.school import (
    Branch,
    Department,
    EducationType,
    LeadingSide,
    SchoolYear,
    final_year_departments,
)

# --- SchoolYear -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-2027", "2026-2027"),
        (" 2026-2027 ", "2026-2027"),
        ("\u00a02026-2027\u200b", "2026-2027"),
        ("1999-2000", "1999-2000"),
    ],
)
def test_school_year_accepts_two_consecutive_years(text, expected):
    year = SchoolYear(text)
    assert year.name == expected
    assert str(year) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026-2028",
        "2026-2026",
        "2027-2026",
        "2026/2027",
        "2026 - 2027",
        "26-27",
        "2026-27",
        "abc",
        "",
        "2026-2027-2028",
        "x2026-2027",
    ],
)
def test_school_year_refuses_other_forms(text):
    with pytest.raises(InvalidValue) as caught:
        SchoolYear(text)
    assert caught.value.code == "school_year.format"
    assert caught.value.params == {"value": text}


def test_school_year_refuses_non_ascii_digits():
    with pytest.raises(InvalidValue):
        SchoolYear("\u0662\u0660\u0662\u0666-\u0662\u0660\u0662\u0667")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 7, 31), "2025-2026"),
        (date(2026, 8, 1), "2026-2027"),
        (date(2026, 8, 2), "2026-2027"),
        (date(2026, 12, 31), "2026-2027"),
        (date(2027, 1, 1), "2026-2027"),
        (date(2027, 7, 31), "2026-2027"),
        (date(2027, 8, 1), "2027-2028"),
    ],
)
def test_school_year_containing_turns_on_1_august(day, expected):
    assert SchoolYear.containing(day).name == expected


def test_school_year_bounds_and_next():
    year = SchoolYear("2026-2027")
    assert year.start_year == 2026
    assert year.starts_on == date(2026, 8, 1)
    assert year.ends_on == date(2027, 7, 31)
    assert year.next() == SchoolYear("2027-2028")
    assert year.next().starts_on == year.ends_on + timedelta(days=1)
    assert SchoolYear.starting(2026) == year


def test_school_year_is_a_value():
    assert SchoolYear(" 2026-2027") == SchoolYear("2026-2027")
    assert hash(SchoolYear(" 2026-2027")) == hash(SchoolYear("2026-2027"))
    assert SchoolYear("2026-2027") != SchoolYear("2027-2028")


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2998, 12, 31)))
def test_every_day_lies_in_the_school_year_containing_it(day):
    year = SchoolYear.containing(day)
    assert year.starts_on <= day <= year.ends_on
    assert SchoolYear.containing(year.starts_on) == year
    assert SchoolYear.containing(year.ends_on) == year
    assert SchoolYear.containing(year.ends_on + timedelta(days=1)) == year.next()


@given(st.integers(min_value=1000, max_value=9997))
def test_school_year_round_trips_through_its_name(start):
    year = SchoolYear.starting(start)
    assert year.name == f"{start}-{start + 1}"
    assert SchoolYear(year.name) == year
    assert year.next().start_year == start + 1


# --- Branch -----------------------------------------------------------------------------


def test_branch_code_is_upper_case_and_trimmed():
    branch = Branch(" hv ", " Hoofdvestiging ")
    assert branch.code == "HV"
    assert branch.name == "Hoofdvestiging"


@pytest.mark.parametrize(("code", "name"), [("", "Hoofdvestiging"), ("HV", " "), ("\u200b", "x")])
def test_branch_needs_code_and_name(code, name):
    with pytest.raises(InvalidValue) as caught:
        Branch(code, name)
    assert caught.value.code == "required"


# --- Department -------------------------------------------------------------------------


def _department(code, year, education_type=EducationType.VWO, **kwargs):
    return Department(code, f"{year} naam", year, education_type, "hv", **kwargs)


@pytest.mark.parametrize(
    ("code", "year", "expected"),
    [
        ("4v", 4, "4V"),
        ("4V", 4, "4V"),
        (" 4 v ", 4, "4V"),
        ("1hv", 1, "1HV"),
        ("6V", 6, "6V"),
        ("2MH", 2, "2MH"),
        ("3vwox", 3, "3VWOX"),
    ],
)
def test_department_code_is_normalised(code, year, expected):
    department = _department(code, year)
    assert department.code == expected
    assert department.year_of_study == year
    assert department.branch_code == "HV"


def test_department_defaults_to_portal_leading():
    department = _department("4V", 4)
    assert department.home_class_lead is LeadingSide.PORTAL


def test_department_accepts_project_leading_and_coerces_strings():
    department = Department("4H", "4 HAVO", 4, "HAVO", "HV", "project")  # type: ignore[arg-type]
    assert department.home_class_lead is LeadingSide.PROJECT
    assert department.education_type is EducationType.HAVO


@pytest.mark.parametrize(
    ("code", "education_type"),
    [
        ("1HV", EducationType.HAVO_VWO),
        ("1MH", EducationType.MAVO_HAVO),
        ("2HV", EducationType.HAVO_VWO),
    ],
)
def test_mixed_departments(code, education_type):
    department = Department(code, f"{code[0]} {education_type}", int(code[0]), education_type, "HV")
    assert department.code == code
    assert department.education_type is education_type
    assert "/" in department.education_type.value


MISMATCHES = [("4V", 5), ("1HV", 2), ("6V", 4)]


@pytest.mark.parametrize(("code", "year"), MISMATCHES)
def test_department_code_year_mismatch_is_not_accepted(code, year):
    with pytest.raises((InvalidValue, TypeError)):
        _department(code, year)


@pytest.mark.parametrize(("code", "year"), MISMATCHES)
def test_department_code_must_match_year_of_study(code, year):
    with pytest.raises(InvalidValue) as caught:
        _department(code, year)
    assert caught.value.code == "department.year"
    assert caught.value.params == {"code": code, "year": year}


@pytest.mark.parametrize(
    "code",
    ["V4", "7V", "0V", "4", "4VWOXY", "44V", "4-V", "4.V", "VWO", "4V1", "4É"],
)
def test_department_code_refused(code):
    with pytest.raises(InvalidValue) as caught:
        _department(code, int(code[0]) if code[0].isdigit() else 1)
    assert caught.value.code == "department.code"


@pytest.mark.parametrize("code", ["", "  ", "\u200b"])
def test_department_code_required(code):
    with pytest.raises(InvalidValue) as caught:
        _department(code, 1)
    assert caught.value.code == "required"


def test_department_needs_name_and_branch():
    with pytest.raises(InvalidValue):
        Department("4V", " ", 4, EducationType.VWO, "HV")
    with pytest.raises(InvalidValue):
        Department("4V", "4 VWO", 4, EducationType.VWO, "")


def test_exam_years_are_the_years_nothing_continues() -> None:
    def department(code: str, kind: EducationType, branch: str = "HL") -> Department:
        return Department(code, code, int(code[0]), kind, branch)

    school = [
        department("2MH", EducationType.MAVO_HAVO),
        department("3M", EducationType.MAVO),
        department("4M", EducationType.MAVO),
        department("2HV", EducationType.HAVO_VWO),
        department("3H", EducationType.HAVO),
        department("4H", EducationType.HAVO),
        department("5H", EducationType.HAVO),
        department("6V", EducationType.VWO),
        department("3V", EducationType.VWO, branch="ZW"),
    ]
    assert final_year_departments(school) == {"4M", "5H", "6V", "3V"}
