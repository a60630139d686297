"""Templates: the Dutch headers users expect, each mapped to its column by the normal
header mapping, one example row, nothing executable; and the nasty test files, which
are laid out like the students template."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from koppel.files.columns import COLUMNS, ImportKind
from koppel.files.headers import map_headers
from koppel.files.neutralise import FORMULA_STARTS
from koppel.files.readers import read_table
from koppel.files.templates import (
    EXAMPLES,
    TEMPLATE_COLUMNS,
    TEMPLATE_HEADERS,
    headers_of,
    write_template,
)
from tests.files import nasty

EXPECTED_HEADERS = {
    ImportKind.STUDENTS: (
        "Leerlingnummer",
        "Roepnaam",
        "Tussenvoegsel",
        "Achternaam",
        "Geslacht",
        "Straat",
        "Huisnummer",
        "Postcode",
        "Woonplaats",
        "E-mail",
        "Stamklas",
        "Afdeling",
        "LWOO",
        "Geboortedatum",
    ),
    ImportKind.STAFF: (
        "Docentcode",
        "Roepnaam",
        "Tussenvoegsel",
        "Achternaam",
        "E-mail",
        "Rollen",
        "Groepen",
    ),
    ImportKind.TEACHER_GROUPS: ("Docentcode", "E-mail", "Groep", "Rol"),
}
KINDS = list(ImportKind)
SUFFIXES = [".xlsx", ".csv"]


@pytest.mark.parametrize("kind", KINDS)
def test_headers_are_the_dutch_names_in_order(kind: ImportKind):
    assert TEMPLATE_HEADERS[kind] == EXPECTED_HEADERS[kind]
    assert headers_of(kind) == list(EXPECTED_HEADERS[kind])


@pytest.mark.parametrize("kind", KINDS)
def test_a_template_has_every_column_of_its_kind(kind: ImportKind):
    assert tuple(TEMPLATE_COLUMNS[kind].values()) == COLUMNS[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_each_header_maps_to_its_column_through_the_normal_header_mapping(kind: ImportKind):
    headers = TEMPLATE_HEADERS[kind]
    mapping, warnings = map_headers(headers, kind, file="sjabloon.xlsx", header_row=1)
    assert warnings == []
    for index, (header, column) in enumerate(TEMPLATE_COLUMNS[kind].items()):
        assert mapping.indexes_of(column) == (index,), header


@pytest.mark.parametrize("kind", KINDS)
def test_the_example_row_fills_every_column(kind: ImportKind):
    example = EXAMPLES[kind]
    assert len(example) == len(TEMPLATE_HEADERS[kind])
    assert all(value not in (None, "") for value in example)


def test_the_students_example():
    example = dict(
        zip(TEMPLATE_HEADERS[ImportKind.STUDENTS], EXAMPLES[ImportKind.STUDENTS], strict=True)
    )
    assert example["Leerlingnummer"] == "012345"
    assert example["Geboortedatum"] == date(2010, 5, 17)


def _cells_as_written(path: Path) -> list[list[object]]:
    if path.suffix == ".xlsx":
        return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [list(row) for row in csv.reader(handle, delimiter=";")]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_template_file_has_the_headers_and_the_example_row(
    tmp_path: Path, kind: ImportKind, suffix: str
):
    path = tmp_path / f"{kind.value}{suffix}"
    write_template(kind, path)
    header, *rows = _cells_as_written(path)
    assert header == list(TEMPLATE_HEADERS[kind])
    example = [
        v.isoformat() if suffix == ".csv" and isinstance(v, date) else v for v in EXAMPLES[kind]
    ]
    assert rows == [example]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_nothing_in_a_template_is_executable(tmp_path: Path, kind: ImportKind, suffix: str):
    path = tmp_path / f"{kind.value}{suffix}"
    write_template(kind, path)
    texts = [v for row in _cells_as_written(path) for v in row if isinstance(v, str)]
    assert texts
    assert not [text for text in texts if text.startswith(FORMULA_STARTS)]
    if suffix == ".xlsx":
        sheet = load_workbook(path).worksheets[0]
        assert {cell.data_type for row in sheet.iter_rows() for cell in row} <= {"s", "d"}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_template_reads_back_through_the_import_reader(
    tmp_path: Path, kind: ImportKind, suffix: str
):
    path = tmp_path / f"{kind.value}{suffix}"
    write_template(kind, path)
    table, warnings = read_table(path, kind=kind)
    assert warnings == []
    assert table.headers == TEMPLATE_HEADERS[kind]
    (row,) = table.rows
    assert row.number == 2
    assert row.values[0] == EXAMPLES[kind][0]  # '012345' and 'BERG' stay text


# --- the nasty files ---------------------------------------------------------------------


def test_nasty_files_use_the_students_template_headers():
    assert tuple(nasty.HEADERS) == TEMPLATE_HEADERS[ImportKind.STUDENTS]
    assert len(nasty.ALL_CASES) >= 22
    assert "million_rows_csv" not in nasty.ALL_CASES


@pytest.mark.parametrize("case", sorted(nasty.ALL_CASES))
def test_every_nasty_maker_writes_one_file(tmp_path: Path, case: str):
    maker = nasty.ALL_CASES[case]
    assert maker.__doc__, f"make_{case} says what a careful importer does with it"
    path = maker(tmp_path)
    assert path.parent == tmp_path
    assert path.stat().st_size > 0
    assert list(tmp_path.iterdir()) == [path]  # no helper files left behind


def test_the_nasty_files_are_the_same_on_every_run(tmp_path: Path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for case in ("cp1252_csv", "utf16_tab_txt", "encrypted_xlsx", "zip_bomb_xlsx"):
        maker = nasty.ALL_CASES[case]
        assert maker(first).read_bytes() == maker(second).read_bytes(), case


def test_the_million_rows_maker_takes_a_row_count(tmp_path: Path):
    path = nasty.make_million_rows_csv(tmp_path, rows=10)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 11
    assert lines[1].startswith("0000000;")
