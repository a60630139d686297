"""Cell values read the way a careful person reads them."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koppel.domain.errors import InvalidValue
from koppel.domain.personal import Gender
from koppel.files import values


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        (None, ""),
        (12345.0, "12345"),
        (12.5, "12.5"),
        ("  a\u00a0b\u200b ", "a b"),
        (date(2010, 5, 17), "2010-05-17"),
        (datetime(2010, 5, 17), "2010-05-17"),
        (True, "ja"),
    ],
)
def test_cell_text(cell, text):
    assert values.cell_text(cell) == text


@pytest.mark.parametrize(
    ("cell", "width", "expected"),
    [
        ("012345", 6, ("012345", False)),
        (12345.0, 6, ("012345", True)),
        (12345, None, ("12345", False)),
        ("12345", 6, ("012345", True)),
        ("A1234", 6, ("A1234", False)),
        ("1234567", 6, ("1234567", False)),
    ],
)
def test_student_numbers_keep_and_repair_leading_zeros(cell, width, expected):
    assert values.parse_student_number(cell, width=width) == expected


@pytest.mark.parametrize("cell", ["12 34", "", "12-34", "€"])
def test_bad_student_numbers_are_refused(cell):
    with pytest.raises(InvalidValue):
        values.parse_student_number(cell, width=6)


@pytest.mark.parametrize(
    ("cell", "gender"),
    [
        ("M", Gender.MALE),
        ("man", Gender.MALE),
        ("Jongen", Gender.MALE),
        ("m", Gender.MALE),
        ("V", Gender.FEMALE),
        ("vrouw", Gender.FEMALE),
        ("meisje", Gender.FEMALE),
        ("f", Gender.FEMALE),
        ("X", Gender.OTHER),
        ("", Gender.OTHER),
        (None, Gender.OTHER),
        ("onbekend", Gender.OTHER),
    ],
)
def test_genders(cell, gender):
    assert values.parse_gender(cell) is gender


def test_unknown_gender_is_refused():
    with pytest.raises(InvalidValue, match="M, V"):
        values.parse_gender("kat")


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2010-05-17", date(2010, 5, 17)),
        ("17-05-2010", date(2010, 5, 17)),
        ("7-5-2010", date(2010, 5, 7)),
        ("17.5.2010", date(2010, 5, 17)),
        (40315, date(2010, 5, 17)),
        (40315.0, date(2010, 5, 17)),
        ("40315", date(2010, 5, 17)),
        ("25/12/2009", date(2009, 12, 25)),
        (1, date(1900, 1, 1)),
        (61, date(1900, 3, 1)),
        (date(2001, 2, 3), date(2001, 2, 3)),
        (None, None),
        ("", None),
    ],
)
def test_dates(cell, day):
    assert values.parse_date(cell) == day


@pytest.mark.parametrize(
    ("cell", "word"),
    [
        ("03/04/2010", "dubbelzinnig"),
        ("12/12/2010", "dubbelzinnig"),
        ("31-02-2010", "bestaat niet"),
        ("17-05-10", "geen datum"),
        ("gisteren", "geen datum"),
        (12.5, "geen datum"),
    ],
)
def test_bad_or_ambiguous_dates_are_refused(cell, word):
    with pytest.raises(InvalidValue) as refused:
        values.parse_date(cell)
    assert word in refused.value.message("nl")


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)))
def test_excel_serials_round_trip(day):
    serial = (day - date(1899, 12, 30)).days
    assert values.parse_date(serial) == day
    assert values.parse_date(day.strftime("%d-%m-%Y")) == day


@pytest.mark.parametrize(
    ("cell", "flag"),
    [
        ("ja", True),
        ("J", True),
        ("x", True),
        (1, True),
        (True, True),
        ("nee", False),
        ("", False),
        (None, False),
        (0, False),
    ],
)
def test_yes_no(cell, flag):
    assert values.parse_bool(cell) is flag


def test_not_yes_or_no_is_refused():
    with pytest.raises(InvalidValue):
        values.parse_bool("misschien")


def test_postcode_email_and_lists():
    assert values.parse_postcode("1234ab") == "1234 AB"
    assert values.parse_postcode(None) == ""
    assert values.parse_email(" Jan@Example.ORG ") == "Jan@example.org"
    assert values.split_list("4V1, 4V2;4H1\n5V1") == ["4V1", "4V2", "4H1", "5V1"]
    with pytest.raises(InvalidValue):
        values.parse_email("jan@")
