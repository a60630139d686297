"""Header mapping by Dutch and English names, and mapping profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

from koppel.files.columns import Column, ImportKind
from koppel.files.headers import has_recognisable_header, map_headers, normalise_header
from koppel.files.problems import ImportFileError
from koppel.files.profiles import load_profile


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Leerling nr.", "leerlingnr"),
        ("E-MAIL", "email"),
        ("Geb.\u00a0datum", "gebdatum"),
        ("Tussen-voegsel", "tussenvoegsel"),
        ("Één", "een"),
    ],
)
def test_normalise_header(text, key):
    assert normalise_header(text) == key


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Leerlingnummer", Column.STUDENT_NUMBER),
        ("leerling nr", Column.STUDENT_NUMBER),
        ("Student number", Column.STUDENT_NUMBER),
        ("Roepnaam", Column.FIRST_NAME),
        ("Voornaam", Column.FIRST_NAME),
        ("Voorvoegsel", Column.INFIX),
        ("Achternaam", Column.LAST_NAME),
        ("Geslacht", Column.GENDER),
        ("Postcode", Column.POSTCODE),
        ("Woonplaats", Column.CITY),
        ("E-mail", Column.EMAIL),
        ("Klas", Column.GROUP),
        ("Stamklas", Column.GROUP),
        ("Groep", Column.GROUP),
        ("Afdeling", Column.DEPARTMENT),
        ("LWOO", Column.LWOO),
        ("Geboortedatum", Column.BIRTH_DATE),
        ("Date of birth", Column.BIRTH_DATE),
    ],
)
def test_student_headers(header, column):
    mapping, warnings = map_headers(
        ["Leerlingnummer", "Roepnaam", "Achternaam", header]
        if column not in (Column.STUDENT_NUMBER, Column.FIRST_NAME, Column.LAST_NAME)
        else ["Leerlingnummer", "Roepnaam", "Achternaam"],
        ImportKind.STUDENTS,
        file="f.csv",
        header_row=1,
    )
    assert mapping.index_of(column) is not None
    assert warnings == []


def test_staff_files_may_have_several_group_columns():
    mapping, _ = map_headers(
        ["Docentcode", "Voornaam", "Achternaam", "Groep 1", "Groep 2", "Groep 3"],
        ImportKind.STAFF,
        file="f.csv",
        header_row=1,
    )
    assert mapping.indexes_of(Column.GROUPS) == (3, 4, 5)


def test_a_column_twice_is_an_error_naming_both():
    with pytest.raises(ImportFileError) as refused:
        map_headers(
            ["Leerlingnummer", "Roepnaam", "Achternaam", "Klas", "Stamklas"],
            ImportKind.STUDENTS,
            file="f.csv",
            header_row=3,
        )
    assert refused.value.problem.row == 3
    assert refused.value.problem.column == "Stamklas"
    assert "Klas" in refused.value.message("nl")


def test_missing_required_columns_list_found_and_expected():
    with pytest.raises(ImportFileError) as refused:
        map_headers(["Leerlingnummer", "Klas"], ImportKind.STUDENTS, file="f.csv", header_row=1)
    text = refused.value.message("nl")
    assert "Roepnaam, Achternaam" in text
    assert "Gevonden: Leerlingnummer, Klas" in text
    assert "Geboortedatum" in text  # expected columns are listed


def test_recognisable_header_needs_the_key_and_one_more():
    assert has_recognisable_header(["Leerlingnummer", "Naam"], ImportKind.STUDENTS)
    assert not has_recognisable_header(["Export leerlingen", None], ImportKind.STUDENTS)
    assert not has_recognisable_header(["Roepnaam", "Achternaam"], ImportKind.STUDENTS)


def test_a_profile_maps_headers_that_cannot_be_guessed(tmp_path: Path):
    profile_file = tmp_path / "magister.toml"
    profile_file.write_text(
        'source = "Magister"\n[columns]\n"Stamnr" = "student_number"\n"Klas 2026" = "group"\n',
        encoding="utf-8",
    )
    profile = load_profile(profile_file)
    assert profile.source == "Magister"
    mapping, warnings = map_headers(
        ["Stamnr", "Roepnaam", "Achternaam", "Klas 2026"],
        ImportKind.STUDENTS,
        file="f.csv",
        header_row=1,
        profile=profile,
    )
    assert mapping.index_of(Column.STUDENT_NUMBER) == 0
    assert mapping.index_of(Column.GROUP) == 3
    assert warnings == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("[columns\n", "TOML"),
        ('source = "x"\n', "[columns]"),
        ('[columns]\n"A" = "shoe_size"\n', "shoe_size"),
    ],
)
def test_bad_profiles_name_the_problem(tmp_path: Path, text: str, word: str):
    profile_file = tmp_path / "bad.toml"
    profile_file.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError) as refused:
        load_profile(profile_file)
    assert word in refused.value.message("nl")
    assert refused.value.problem.file == "bad.toml"
