"""Personal data (NAW): postcode, email, names the Dutch way, cleaning of free text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koppel.domain.errors import InvalidValue
from koppel.domain.personal import (
    Gender,
    PersonalData,
    full_name,
    normalise_email,
    normalise_postcode,
    sort_key,
    sort_name,
)
from koppel.domain.text import clean_text, require

# --- clean_text / require ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("  Jan  ", "Jan"),
        ("\u00a0Jan\u00a0", "Jan"),
        ("J\u200ban", "Jan"),
        ("\ufeffJan", "Jan"),
        ("van\u00a0\u00a0den", "van den"),
        ("van \t\n den", "van den"),
        ("\u200c\u200d\u2060", ""),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize("raw", [None, "", " ", "\u00a0", "\u200b", "\t\n"])
def test_require_refuses_empty_after_cleaning(raw):
    with pytest.raises(InvalidValue) as caught:
        require(raw, "roepnaam")
    assert caught.value.code == "required"
    assert caught.value.params == {"field": "roepnaam"}
    assert "roepnaam" in caught.value.message("en")


# --- postcode ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1234 AB", "1234 AB"),
        ("1234ab", "1234 AB"),
        ("1234AB", "1234 AB"),
        (" 1234  AB ", "1234 AB"),
        ("1234\u00a0ab", "1234 AB"),
        ("12\u200b34 AB", "1234 AB"),
        ("9999 ZZ", "9999 ZZ"),
        ("1000 AA", "1000 AA"),
        ("1234 SB", "1234 SB"),
    ],
)
def test_postcode_normalised(raw, expected):
    assert normalise_postcode(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "0123 AB",
        "1234 SA",
        "1234 sd",
        "1234 SS",
        "12345",
        "ABCD 12",
        "123 AB",
        "12345 AB",
        "1234 A",
        "1234 ABC",
        "1234-AB",
        "",
        "1234 ÄB",
    ],
)
def test_postcode_refused(raw):
    with pytest.raises(InvalidValue) as caught:
        normalise_postcode(raw)
    assert caught.value.code == "postcode.format"
    assert caught.value.params == {"value": raw}


_LETTERS = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@given(
    st.integers(min_value=1000, max_value=9999),
    _LETTERS,
    _LETTERS,
    st.sampled_from(["", " ", "  ", "\u00a0"]),
    st.booleans(),
)
def test_postcode_property(digits, first, second, separator, lower):
    letters = first + second
    raw = f"{digits}{separator}{letters.lower() if lower else letters}"
    if letters in {"SA", "SD", "SS"}:
        with pytest.raises(InvalidValue):
            normalise_postcode(raw)
    else:
        assert normalise_postcode(raw) == f"{digits} {letters}"
        assert normalise_postcode(normalise_postcode(raw)) == f"{digits} {letters}"


# --- email ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("jan@example.org", "jan@example.org"),
        ("  Jan.Jansen@Example.ORG ", "Jan.Jansen@example.org"),
        ("\u00a0a+b@school.nl\u200b", "a+b@school.nl"),
        ("000123@leerling.example.org", "000123@leerling.example.org"),
        ("x@sub-domain.example.co.uk", "x@sub-domain.example.co.uk"),
    ],
)
def test_email_normalised(raw, expected):
    assert normalise_email(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "jan",
        "jan@",
        "@example.org",
        "jan@example",
        "jan@example.o",
        "jan @example.org",
        "jan@exa mple.org",
        "jan@@example.org",
        "jan@example..org",
        "jan@example.org.",
        "jan@example.123",
    ],
)
def test_email_refused(raw):
    with pytest.raises(InvalidValue) as caught:
        normalise_email(raw)
    assert caught.value.code == "email.format"
    assert caught.value.params == {"value": raw}


# --- names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "infix", "last", "full", "sorted_"),
    [
        ("Jan", "van den", "Berg", "Jan van den Berg", "Berg, Jan van den"),
        ("Jan", "", "Jansen", "Jan Jansen", "Jansen, Jan"),
        ("Fatima", "el", "Amrani", "Fatima el Amrani", "Amrani, Fatima el"),
        ("Anne", "de", "Vries", "Anne de Vries", "Vries, Anne de"),
        ("", "", "Jansen", "Jansen", "Jansen"),
        ("", "van", "Dam", "van Dam", "Dam, van"),
    ],
)
def test_full_and_sort_name(first, infix, last, full, sorted_):
    assert full_name(first, infix, last) == full
    assert sort_name(first, infix, last) == sorted_


def test_sort_key_ignores_infix_first_and_case():
    people = [("Jan", "van den", "Berg"), ("anne", "", "Aalders"), ("Piet", "de", "berg")]
    ordered = sorted(people, key=lambda p: sort_key(*p))
    assert ordered == [("anne", "", "Aalders"), ("Jan", "van den", "Berg"), ("Piet", "de", "berg")]
    assert sort_key("Jan", "van den", "Berg") < sort_key("Jan", "", "Bergen")


# --- PersonalData -----------------------------------------------------------------------


def test_personal_data_cleans_every_field():
    data = PersonalData(
        first_name="\u00a0Jan\u200b ",
        last_name=" Berg\u00a0",
        infix=" van\u00a0 den ",
        gender=Gender.MALE,
        street="Kerk\u200bstraat ",
        house_number=" 12\u00a0a",
        postcode="1234ab",
        city=" Utrecht\ufeff",
        email=" Jan@Example.ORG ",
        previous_home_class=" 3V2 ",
    )
    assert data.first_name == "Jan"
    assert data.last_name == "Berg"
    assert data.infix == "van den"
    assert data.street == "Kerkstraat"
    assert data.house_number == "12 a"
    assert data.postcode == "1234 AB"
    assert data.city == "Utrecht"
    assert data.email == "Jan@example.org"
    assert data.previous_home_class == "3V2"
    assert data.full_name == "Jan van den Berg"
    assert data.sort_name == "Berg, Jan van den"


def test_personal_data_defaults():
    data = PersonalData("Jan", "Jansen")
    assert data.gender is Gender.OTHER
    assert (data.infix, data.postcode, data.email, data.city) == ("", "", "", "")


@pytest.mark.parametrize(("value", "gender"), [("M", Gender.MALE), ("V", Gender.FEMALE)])
def test_personal_data_gender_from_text(value, gender):
    assert PersonalData("Jan", "Jansen", gender=value).gender is gender  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("first", "last", "field"),
    [
        ("", "Jansen", "roepnaam"),
        ("\u00a0", "Jansen", "roepnaam"),
        ("\u200b", "Jansen", "roepnaam"),
        ("Jan", "", "achternaam"),
        ("Jan", " \u200b ", "achternaam"),
    ],
)
def test_personal_data_requires_first_and_last_name(first, last, field):
    with pytest.raises(InvalidValue) as caught:
        PersonalData(first, last)
    assert caught.value.code == "required"
    assert caught.value.params == {"field": field}


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [({"postcode": "0123 AB"}, "postcode.format"), ({"email": "jan@"}, "email.format")],
)
def test_personal_data_refuses_bad_postcode_and_email(kwargs, code):
    with pytest.raises(InvalidValue) as caught:
        PersonalData("Jan", "Jansen", **kwargs)
    assert caught.value.code == code


@pytest.mark.parametrize("field", ["postcode", "email"])
@pytest.mark.parametrize("blank", [" ", "\u00a0", "\u200b"])
def test_personal_data_blank_optional_postcode_and_email_are_empty(field, blank):
    data = PersonalData("Jan", "Jansen", **{field: blank})
    assert getattr(data, field) == ""
