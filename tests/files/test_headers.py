"""Header mapping: Dutch and English names as SIS exports write them, per kind of file."""

from __future__ import annotations

import pytest

from koppel.files import values
from koppel.files.columns import COLUMNS, REQUIRED, Column, ImportKind
from koppel.files.headers import (
    ALIASES,
    DUTCH_NAMES,
    HOUSE_NUMBER_ADDITION,
    MappingProfile,
    has_recognisable_header,
    map_headers,
    normalise_header,
)
from koppel.files.problems import ImportFileError

STUDENTS, STAFF, LINKS = ImportKind.STUDENTS, ImportKind.STAFF, ImportKind.TEACHER_GROUPS
BASE = {
    STUDENTS: ["Leerlingnummer", "Roepnaam", "Achternaam"],
    STAFF: ["Docentcode", "Roepnaam", "Achternaam"],
    LINKS: ["Docentcode", "Groep"],
}


def _map(headers: list[str], kind: ImportKind = STUDENTS, **options: object):
    return map_headers(headers, kind, file="f.csv", header_row=1, **options)  # type: ignore[arg-type]


def _with(kind: ImportKind, column: Column, header: str) -> tuple[list[str], int]:
    """The basic headers of ``kind`` with ``header`` for ``column``, and its index."""
    headers = list(BASE[kind])
    if DUTCH_NAMES[column] in headers:
        index = headers.index(DUTCH_NAMES[column])
        headers[index] = header
        return headers, index
    return [*headers, header], len(headers)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Leerling nr.", "leerlingnr"),
        ("  LEERLING\u00a0NUMMER ", "leerlingnummer"),
        ("E-mail\u200badres", "emailadres"),
        ("Geb.datum", "gebdatum"),
        ("Straße", "strasse"),
        ("Ïnfix", "infix"),
        ("M/V", "mv"),
        ("", ""),
    ],
)
def test_normalise_header(text: str, key: str):
    assert normalise_header(text) == key


def test_every_column_has_aliases_and_a_dutch_name():
    assert set(ALIASES) == set(Column) == set(DUTCH_NAMES)
    for column, name in DUTCH_NAMES.items():
        assert normalise_header(name) in {normalise_header(a) for a in ALIASES[column]}


@pytest.mark.parametrize("kind", list(ImportKind))
def test_no_alias_means_two_columns_in_one_kind_of_file(kind: ImportKind):
    seen: dict[str, Column] = {}
    for column in COLUMNS[kind]:
        for alias in ALIASES[column]:
            key = normalise_header(alias)
            assert seen.setdefault(key, column) == column, alias
    additions = {normalise_header(a) for a in HOUSE_NUMBER_ADDITION}
    assert not additions & set(seen)


@pytest.mark.parametrize(
    ("header", "column"),
    [
        # Magister, SOMtoday, Eduarte, ParnasSys and English exports
        ("Stamnr.", Column.STUDENT_NUMBER),
        ("Llnr", Column.STUDENT_NUMBER),
        ("Lln. nr.", Column.STUDENT_NUMBER),
        ("Deelnemernummer", Column.STUDENT_NUMBER),
        ("Student ID", Column.STUDENT_NUMBER),
        ("Pupil number", Column.STUDENT_NUMBER),
        ("Voornaam", Column.FIRST_NAME),
        ("Given name", Column.FIRST_NAME),
        ("Tussenvoegsels", Column.INFIX),
        ("Tussenv.", Column.INFIX),
        ("Surname prefix", Column.INFIX),
        ("Surname", Column.LAST_NAME),
        ("Family name", Column.LAST_NAME),
        ("Sex", Column.GENDER),
        ("M/V", Column.GENDER),
        ("Straatnaam", Column.STREET),
        ("Huisnr.", Column.HOUSE_NUMBER),
        ("House number", Column.HOUSE_NUMBER),
        ("Post code", Column.POSTCODE),
        ("Zipcode", Column.POSTCODE),
        ("Plaats", Column.CITY),
        ("Residence", Column.CITY),
        ("E-mailadres", Column.EMAIL),
        ("Email address", Column.EMAIL),
        ("E-mail leerling", Column.EMAIL),
        ("Basisgroep", Column.GROUP),
        ("Homeroom", Column.GROUP),
        ("Class", Column.GROUP),
        ("Department", Column.DEPARTMENT),
        ("Leerwegondersteuning", Column.LWOO),
        ("Geb. datum", Column.BIRTH_DATE),
        ("Geboortedatum deelnemer", Column.BIRTH_DATE),
        ("DOB", Column.BIRTH_DATE),
        ("Birth date", Column.BIRTH_DATE),
    ],
)
def test_student_file_headers(header: str, column: Column):
    headers, index = _with(STUDENTS, column, header)
    mapping, warnings = _map(headers)
    assert mapping.indexes_of(column) == (index,)
    assert mapping.header_of(column) == header
    assert warnings == []


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Afkorting", Column.STAFF_CODE),
        ("Medewerkercode", Column.STAFF_CODE),
        ("Teacher code", Column.STAFF_CODE),
        ("E-mail medewerker", Column.EMAIL),
        ("Rollen", Column.ROLES),
        ("Functie", Column.ROLES),
        ("Lesgroepen", Column.GROUPS),
        ("Klassen", Column.GROUPS),
    ],
)
def test_staff_file_headers(header: str, column: Column):
    headers, index = _with(STAFF, column, header)
    mapping, warnings = _map(headers, STAFF)
    assert mapping.indexes_of(column) == (index,)
    assert warnings == []


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["Docent", "Lesgroep", "Rol"], [Column.STAFF_CODE, Column.GROUP, Column.ROLE]),
        (["E-mail", "Klas", "Functie"], [Column.EMAIL, Column.GROUP, Column.ROLE]),
        (["Teacher", "Group", "Role"], [Column.STAFF_CODE, Column.GROUP, Column.ROLE]),
    ],
)
def test_teacher_group_headers(headers: list[str], expected: list[Column]):
    mapping, warnings = _map(headers, LINKS)
    assert [mapping.index_of(c) for c in expected] == [0, 1, 2]
    assert warnings == []


def test_group_columns_of_a_staff_file_repeat():
    mapping, warnings = _map([*BASE[STAFF], "Groep 1", "Groep 2", "Klas3", "Groepen"], STAFF)
    assert mapping.indexes_of(Column.GROUPS) == (3, 4, 5, 6)
    assert warnings == []


def test_numbered_columns_do_not_repeat_a_column_that_cannot():
    mapping, warnings = _map([*BASE[STUDENTS], "Klas", "Klas 2"])
    assert mapping.indexes_of(Column.GROUP) == (3,)
    assert [w.column for w in warnings] == ["Klas 2"]


def test_official_first_names_are_not_the_first_name():
    mapping, warnings = _map([*BASE[STUDENTS], "Voornamen"])
    assert mapping.index_of(Column.FIRST_NAME) == 1
    assert [w.column for w in warnings] == ["Voornamen"]


@pytest.mark.parametrize("addition", ["Toevoeging", "Huisnr. toev.", "Huisnummertoevoeging"])
def test_a_house_number_addition_is_the_second_index_of_the_house_number(addition: str):
    mapping, warnings = _map([*BASE[STUDENTS], addition, "Huisnummer"])
    assert mapping.indexes_of(Column.HOUSE_NUMBER) == (4, 3)
    assert mapping.header_of(Column.HOUSE_NUMBER) == "Huisnummer"
    assert warnings == []
    number, extra = mapping.indexes_of(Column.HOUSE_NUMBER)
    row = ["1", "Jan", "Bos", "a", 12.0]
    assert values.house_number(row[number], row[extra]) == "12a"


def test_an_addition_without_a_house_number_is_unknown():
    mapping, warnings = _map([*BASE[STUDENTS], "Toevoeging"])
    assert mapping.index_of(Column.HOUSE_NUMBER) is None
    assert [(w.column, w.message_code) for w in warnings] == [("Toevoeging", "header.unknown")]


def test_unknown_and_empty_headers():
    mapping, warnings = _map([*BASE[STUDENTS], "Opmerking", "", "  ", "Naam ouder"])
    assert [(w.file, w.row, w.column) for w in warnings] == [
        ("f.csv", 1, "Opmerking"),
        ("f.csv", 1, "Naam ouder"),
    ]
    assert {w.message("en") for w in warnings} == {"unknown column, ignored"}
    assert mapping.headers[4] == ""


def test_columns_of_another_kind_are_unknown_here():
    _, warnings = _map([*BASE[STUDENTS], "Docentcode", "Rollen"])
    assert [w.column for w in warnings] == ["Docentcode", "Rollen"]


@pytest.mark.parametrize(
    ("kind", "headers", "twice", "first"),
    [
        (STUDENTS, [*BASE[STUDENTS], "Klas", "Stamklas"], "Stamklas", "Klas"),
        (STUDENTS, [*BASE[STUDENTS], "Roepnaam leerling"], "Roepnaam leerling", "Roepnaam"),
        (LINKS, ["Docentcode", "Afkorting", "Groep"], "Afkorting", "Docentcode"),
        (STUDENTS, [*BASE[STUDENTS], "Huisnr", "Huisnummer"], "Huisnummer", "Huisnr"),
    ],
)
def test_a_column_twice_names_both(kind: ImportKind, headers: list[str], twice: str, first: str):
    with pytest.raises(ImportFileError) as refused:
        _map(headers, kind)
    assert refused.value.problem.column == twice
    assert f"'{first}'" in refused.value.message("nl")


@pytest.mark.parametrize("kind", list(ImportKind))
def test_missing_required_columns_name_what_was_found_and_expected(kind: ImportKind):
    with pytest.raises(ImportFileError) as refused:
        _map(["Opmerking"], kind)
    problem = refused.value.problem
    assert (problem.row, problem.column) == (1, DUTCH_NAMES[REQUIRED[kind][0]])
    text = refused.value.message("nl")
    assert "Gevonden: Opmerking" in text
    assert ", ".join(DUTCH_NAMES[c] for c in COLUMNS[kind]) in text
    assert "--mapping" in text


def test_a_profile_wins_over_the_aliases_and_may_ignore_columns():
    profile = MappingProfile(
        "Magister",
        {"naam": Column.FIRST_NAME, "achternaamofficieel": Column.LAST_NAME},
        frozenset({"stamklas"}),
    )
    headers = ["Leerlingnummer", "Naam", "Achternaam (officieel)", "Klas", "Stamklas"]
    mapping, warnings = _map(headers, profile=profile)
    assert mapping.index_of(Column.FIRST_NAME) == 1
    assert mapping.index_of(Column.LAST_NAME) == 2
    assert mapping.indexes_of(Column.GROUP) == (3,)
    assert warnings == []


def test_a_profile_column_that_does_not_belong_in_this_kind_is_a_warning():
    profile = MappingProfile("x", {"code": Column.STAFF_CODE})
    _, warnings = _map([*BASE[STUDENTS], "Code"], profile=profile)
    [warning] = warnings
    assert (warning.column, warning.message_code) == ("Code", "header.not_for_kind")
    assert "Docentcode" in warning.message("nl")


@pytest.mark.parametrize(
    ("row", "kind", "recognised"),
    [
        (["Leerlingnummer", "Roepnaam"], STUDENTS, True),
        ([None, "", "LEERLING NR", 12.0, "Klas"], STUDENTS, True),
        (["Leerlingnummer"], STUDENTS, False),
        (["Leerlingnummer", "Opmerking"], STUDENTS, False),
        (["Roepnaam", "Achternaam", "Klas"], STUDENTS, False),
        (["Export leerlingen 2026"], STUDENTS, False),
        (["Docentcode", "Roepnaam"], STAFF, True),
        (["Leerlingnummer", "Roepnaam"], STAFF, False),
        (["Docentcode", "Groep"], LINKS, True),
        (["E-mail", "Groep"], LINKS, True),
        (["Docentcode", "Rol"], LINKS, False),
    ],
)
def test_a_recognisable_header_names_the_key_and_one_more(row, kind, recognised):
    assert has_recognisable_header(row, kind) is recognised


def test_a_profile_makes_a_header_recognisable():
    profile = MappingProfile("x", {"stnr": Column.STUDENT_NUMBER, "rn": Column.FIRST_NAME})
    assert not has_recognisable_header(["Stnr", "Rn"], STUDENTS)
    assert has_recognisable_header(["Stnr", "Rn"], STUDENTS, profile)
