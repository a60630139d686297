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


def test_student_numbers_without_a_width_are_never_padded():
    assert values.parse_student_number(" 00123\u00a0", width=None) == ("00123", False)
    assert values.parse_student_number(123.0, width=None) == ("123", False)


@pytest.mark.parametrize("cell", ["12 34", "", "12/34", "€", 12.5, None, "1" * 21])
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
        ("anders", Gender.OTHER),
        ("Male", Gender.MALE),
        ("female", Gender.FEMALE),
        (" M.", Gender.MALE),
        ("\u00a0v\u200b", Gender.FEMALE),
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
        ("2010/05/17", date(2010, 5, 17)),
        ("2010-05-17 00:00:00", date(2010, 5, 17)),
        ("2010-05-17T08:30", date(2010, 5, 17)),
        ("17.05.2010", date(2010, 5, 17)),
        (" 17-05-2010\u00a0", date(2010, 5, 17)),
        ("40315.0", date(2010, 5, 17)),
        ("80000", date(2119, 1, 11)),
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),
        (2_958_465, date(9999, 12, 31)),
        (datetime(2010, 5, 17, 13, 45), date(2010, 5, 17)),
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
        ("13/13/2010", "bestaat niet"),
        ("31-02-2010", "bestaat niet"),
        ("2010-02-29", "bestaat niet"),
        ("17-05-10", "twee cijfers"),
        ("17.5.10", "twee cijfers"),
        ("5/3/10", "twee cijfers"),
        ("gisteren", "geen datum"),
        ("17-05/2010", "geen datum"),
        ("2010-05-17 garbage", "geen datum"),
        ("2010", "geen datum"),
        ("17", "geen datum"),
        ("90000", "geen datum"),
        ("4031", "geen datum"),
        (12.5, "geen datum"),
        (0, "geen datum"),
        (2_958_466, "geen datum"),
        (60, "bestaat niet"),
        (True, "geen datum"),
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
        ("Yes", True),
        ("y", True),
        ("TRUE", True),
        ("waar", True),
        ("LWOO", True),
        (1.0, True),
        ("N", False),
        ("no", False),
        ("onwaar", False),
        (False, False),
        (0.0, False),
    ],
)
def test_yes_no(cell, flag):
    assert values.parse_bool(cell) is flag


def test_not_yes_or_no_is_refused():
    with pytest.raises(InvalidValue):
        values.parse_bool("misschien")


def test_postcode_and_email():
    assert values.parse_postcode("1234ab") == "1234 AB"
    assert values.parse_postcode(" 1234\u00a0ab ") == "1234 AB"
    assert values.parse_postcode(None) == ""
    assert values.parse_email(" Jan@Example.ORG ") == "Jan@example.org"
    assert values.parse_email("") == ""
    with pytest.raises(InvalidValue):
        values.parse_email("jan@")
    with pytest.raises(InvalidValue):
        values.parse_postcode("0123 AB")


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        ("4V1, 4V2;4H1\n5V1", ["4V1", "4V2", "4H1", "5V1"]),
        ("4V1 4V2", ["4V1", "4V2"]),
        (" 4V.netl1 ;; ,4V.entl1\u00a0", ["4V.netl1", "4V.entl1"]),
        ("docent\tmentor", ["docent", "mentor"]),
        ("", []),
        (None, []),
        (12.0, ["12"]),
    ],
)
def test_lists_in_one_cell(cell, items):
    assert values.split_list(cell) == items


@pytest.mark.parametrize(
    ("number", "addition", "text"),
    [
        ("12", "a", "12a"),
        (12.0, "B", "12B"),
        ("12", "-2", "12-2"),
        ("12", "bis", "12 bis"),
        ("12", "2", "12 2"),
        ("12", None, "12"),
        ("12a", "", "12a"),
        (None, "a", "a"),
        (None, None, ""),
    ],
)
def test_house_number_with_its_addition(number, addition, text):
    assert values.house_number(number, addition) == text
