"""Mapping profiles (``--mapping FILE.toml``): header choices per source system."""

from __future__ import annotations

from pathlib import Path

import pytest

from koppel.files.columns import Column, ImportKind
from koppel.files.headers import map_headers
from koppel.files.problems import ImportFileError
from koppel.files.profiles import load_profile
from koppel.files.readers import read_table


def _profile(folder: Path, text: str, name: str = "profiel.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_profile_reads_headers_as_headers_are_matched(tmp_path: Path):
    profile = load_profile(
        _profile(
            tmp_path,
            'source = "Magister"\n'
            "[columns]\n"
            '"Stamnr." = "student_number"\n'
            '"Klas 2026" = "group"\n'
            '"R. naam" = "Roepnaam"\n'  # the Dutch name of a field works too
            '"Opmerking" = "ignore"\n'
            '"Notitie" = "negeer"\n',
        )
    )
    assert profile.source == "Magister"
    assert profile.columns == {
        "stamnr": Column.STUDENT_NUMBER,
        "klas2026": Column.GROUP,
        "rnaam": Column.FIRST_NAME,
    }
    assert profile.ignored == {"opmerking", "notitie"}


def test_without_a_source_the_profile_is_named_after_its_file(tmp_path: Path):
    path = _profile(tmp_path, '[columns]\n"Stamnr" = "student_number"\n', "somtoday.toml")
    assert load_profile(path).source == "somtoday.toml"


def test_a_profile_finds_the_header_row_and_maps_it(tmp_path: Path):
    data = tmp_path / "export.csv"
    data.write_text(
        "Leerlingenlijst\nSt.nr;R.naam;A.naam;Klas 2026;Opmerking\n300009;Ilse;Bos;4V1;x\n",
        encoding="utf-8",
    )
    profile = load_profile(
        _profile(
            tmp_path,
            "[columns]\n"
            '"st nr" = "student_number"\n'
            '"r naam" = "first_name"\n'
            '"a naam" = "last_name"\n'
            '"klas 2026" = "group"\n'
            '"opmerking" = "ignore"\n',
        )
    )
    table, _ = read_table(data, kind=ImportKind.STUDENTS, profile=profile)
    assert table.header_row == 2
    mapping, warnings = map_headers(
        table.headers, ImportKind.STUDENTS, file="export.csv", header_row=2, profile=profile
    )
    assert warnings == []
    assert [mapping.index_of(c) for c in (Column.STUDENT_NUMBER, Column.GROUP)] == [0, 3]


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("[columns\n", "profile.syntax", ["TOML"]),
        ("source = 'x'\n", "profile.no_columns", ["[columns]"]),
        ("columns = 3\n", "profile.no_columns", ["[columns]"]),
        ("[columns]\n", "profile.no_columns", ["[columns]"]),
        ('[columns]\n"Maat" = "shoe_size"\n', "profile.unknown_column", ["Maat", "shoe_size"]),
        ('[columns]\n"Maat" = 3\n', "profile.unknown_column", ["Maat", "student_number"]),
        ('[columns]\n"--" = "group"\n', "profile.empty_header", ["'--'"]),
        (
            '[columns]\n"Stam nr" = "student_number"\n"stamnr." = "group"\n',
            "profile.header_twice",
            ["'stamnr.'", "'Stam nr'"],
        ),
    ],
)
def test_a_bad_profile_names_the_file_and_the_key(
    tmp_path: Path, text: str, code: str, words: list[str]
):
    with pytest.raises(ImportFileError) as refused:
        load_profile(_profile(tmp_path, text, "slecht.toml"))
    assert refused.value.code == code
    assert refused.value.problem.file == "slecht.toml"
    message = refused.value.message("nl")
    assert "slecht.toml" in message
    for word in words:
        assert word in message
    assert refused.value.exit_code == 2


def test_a_missing_profile_or_one_that_is_not_utf8(tmp_path: Path):
    with pytest.raises(ImportFileError) as missing:
        load_profile(tmp_path / "weg.toml")
    assert missing.value.code == "file.missing"
    latin = tmp_path / "latin.toml"
    latin.write_bytes('[columns]\n"Geb. datum é" = "birth_date"\n'.encode("latin-1"))
    with pytest.raises(ImportFileError) as refused:
        load_profile(latin)
    assert refused.value.code == "profile.syntax"
