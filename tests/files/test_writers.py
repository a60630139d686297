"""Writers: every text cell neutralised (headers too), text kept as text, numbers and dates
as numbers and dates, CSV as Dutch Excel opens it, and atomic writes."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from koppel.domain.errors import InvalidValue
from koppel.files.neutralise import FORMULA_STARTS, neutralise
from koppel.files.writers import WIDTH_SAMPLE_ROWS, Cell, write_table

TRIGGERS = ["=", "+", "-", "@", "\t", "\r"]
SUFFIXES = [".xlsx", ".csv"]


def _calamine(path: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def _read(path: Path) -> list[list[object]]:
    """Cells as a user's spreadsheet sees them (calamine for xlsx, the csv module for csv)."""
    if path.suffix == ".xlsx":
        return _calamine(path)
    return [list(row) for row in _csv(path)]


def _xml(text: str) -> str:
    """What XML makes of a text: a carriage return comes back as a line feed."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- neutralise --------------------------------------------------------------------------


def test_the_triggers_are_the_owasp_list():
    assert set(FORMULA_STARTS) == set(TRIGGERS)


@pytest.mark.parametrize("start", TRIGGERS)
@pytest.mark.parametrize("rest", ["", "1+1", 'HYPERLINK("http://x.example","klik")', "5"])
def test_text_starting_with_a_trigger_gets_an_apostrophe(start: str, rest: str):
    assert neutralise(start + rest) == "'" + start + rest


@pytest.mark.parametrize(
    "safe",
    ["", "012345", "Jan", "van den", "4V.netl1", "a=b", "1-2", " =1+1", "'s-Hertogenbosch", "'=x"],
)
def test_other_text_is_unchanged(safe: str):
    assert neutralise(safe) == safe


# --- formula safety in files ---------------------------------------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("start", TRIGGERS)
def test_every_text_cell_and_header_is_neutralised(tmp_path: Path, suffix: str, start: str):
    path = tmp_path / f"export{suffix}"
    write_table(path, [f"{start}Kop", "Naam"], [[f"{start}cmd|' /C calc'!A0", "Jan"]])
    header, row = _read(path)
    expected_header, expected_cell = f"'{start}Kop", f"'{start}cmd|' /C calc'!A0"
    if suffix == ".xlsx":
        expected_header, expected_cell = _xml(expected_header), _xml(expected_cell)
    assert header == [expected_header, "Naam"]
    assert row == [expected_cell, "Jan"]


def test_no_formula_cell_is_ever_written(tmp_path: Path):
    path = tmp_path / "export.xlsx"
    write_table(path, ["=SUM(A2:A3)"], [["=1+1"], ['=HYPERLINK("http://x.example")']])
    sheet = load_workbook(path).worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [cell.data_type for cell in cells] == ["s", "s", "s"]
    assert [cell.value for cell in cells] == [
        "'=SUM(A2:A3)",
        "'=1+1",
        '\'=HYPERLINK("http://x.example")',
    ]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_numbers_stay_numbers_and_negative_text_is_neutralised(tmp_path: Path, suffix: str):
    path = tmp_path / f"export{suffix}"
    write_table(path, ["Getal", "Breuk", "Tekst"], [[-5, -2.5, "-5"]])
    _, row = _read(path)
    if suffix == ".xlsx":
        assert row == [-5, -2.5, "'-5"]
        cells = next(load_workbook(path).worksheets[0].iter_rows(min_row=2))
        assert [cell.data_type for cell in cells] == ["n", "n", "s"]
    else:
        assert row == ["-5", "-2.5", "'-5"]


def test_control_characters_that_xlsx_cannot_hold_are_dropped_before_neutralising(
    tmp_path: Path,
):
    path = tmp_path / "export.xlsx"
    write_table(path, ["Naam\x00"], [["Jan\x0bPiet"], ["\x01=1+1"]])
    assert _calamine(path) == [["Naam"], ["JanPiet"], ["'=1+1"]]


# --- xlsx layout -------------------------------------------------------------------------------


def test_xlsx_keeps_student_numbers_as_text(tmp_path: Path):
    path = tmp_path / "export.xlsx"
    write_table(path, ["Leerlingnummer"], [["012345"], ["000001"], ["1234 AB"]])
    assert [row[0] for row in _calamine(path)[1:]] == ["012345", "000001", "1234 AB"]
    sheet = load_workbook(path).worksheets[0]
    for (cell,) in sheet.iter_rows(min_row=2):
        assert (cell.data_type, cell.number_format) == ("s", "@")
        assert isinstance(cell.value, str)


def test_xlsx_dates_are_dates_and_none_is_an_empty_cell(tmp_path: Path):
    path = tmp_path / "export.xlsx"
    born, seen = date(2010, 5, 17), datetime(2026, 9, 1, 8, 30)
    write_table(path, ["Geboortedatum", "Gezien", "Leeg"], [[born, seen, None]])
    assert _calamine(path)[1] == [born, seen, ""]
    cells = next(load_workbook(path).worksheets[0].iter_rows(min_row=2))
    assert [cell.number_format for cell in cells[:2]] == ["yyyy-mm-dd", "yyyy-mm-dd hh:mm"]
    assert cells[2].value is None


def test_xlsx_header_is_bold_and_frozen_with_fitting_widths(tmp_path: Path):
    path = tmp_path / "export.xlsx"
    street = "Burgemeester van Reenensingel"
    write_table(path, ["Nr", "Straat"], [["1", street]], sheet_title="Leerlingen")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Leerlingen"]
    sheet = workbook["Leerlingen"]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert not any(cell.font.b for cell in sheet[2])
    assert sheet.column_dimensions["A"].width >= 8
    assert sheet.column_dimensions["B"].width >= len(street)


def test_xlsx_with_many_columns(tmp_path: Path):
    path = tmp_path / "wide.xlsx"
    headers = [f"Kolom {n}" for n in range(1, 61)]
    write_table(path, headers, [[str(n) for n in range(1, 61)]])
    assert _calamine(path) == [headers, [str(n) for n in range(1, 61)]]
    assert load_workbook(path).worksheets[0].column_dimensions["BH"].width > 0


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_stream_of_rows_is_written_whole_and_in_order(tmp_path: Path, suffix: str):
    path = tmp_path / f"stream{suffix}"
    count = WIDTH_SAMPLE_ROWS * 2 + 7

    def rows() -> Iterator[Sequence[Cell]]:
        for n in range(count):
            yield [f"{n:06d}", n]

    write_table(path, ["Leerlingnummer", "Getal"], rows())
    read = _read(path)
    assert len(read) == count + 1
    assert [row[0] for row in read[1:]] == [f"{n:06d}" for n in range(count)]


# --- csv ---------------------------------------------------------------------------------


def test_csv_is_utf8_with_bom_semicolons_and_quotes_where_needed(tmp_path: Path):
    path = tmp_path / "export.csv"
    street = 'Kerkstraat; "achterom"\nbij de kerk'
    write_table(
        path,
        ["Leerlingnummer", "Roepnaam", "Straat", "Geboortedatum", "Leeg"],
        [["012345", "Zoë", street, date(2010, 5, 17), None]],
    )
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfLeerlingnummer;Roepnaam;")
    assert raw.count(b"\r\n") == 2  # the line break inside the street is quoted, not a row
    assert _csv(path) == [
        ["Leerlingnummer", "Roepnaam", "Straat", "Geboortedatum", "Leeg"],
        ["012345", "Zoë", street, "2010-05-17", ""],
    ]


# --- atomic writes and refusals ----------------------------------------------------------


def _failing_rows() -> Iterator[Sequence[Cell]]:
    yield ["012345", "Jan"]
    raise RuntimeError("schijf vol")


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path, suffix: str):
    path = tmp_path / f"export{suffix}"
    path.write_bytes(b"the old export")
    with pytest.raises(RuntimeError, match="schijf vol"):
        write_table(path, ["Leerlingnummer", "Roepnaam"], _failing_rows())
    assert path.read_bytes() == b"the old export"
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_failed_write_creates_no_file(tmp_path: Path, suffix: str):
    with pytest.raises(RuntimeError):
        write_table(tmp_path / f"export{suffix}", ["Leerlingnummer"], _failing_rows())
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_successful_write_replaces_the_old_file(tmp_path: Path, suffix: str):
    path = tmp_path / f"export{suffix}"
    path.write_bytes(b"the old export")
    write_table(path, ["Leerlingnummer"], [["012345"]])
    assert _read(path) == [["Leerlingnummer"], ["012345"]]
    assert list(tmp_path.iterdir()) == [path]


def test_the_suffix_is_matched_ignoring_case(tmp_path: Path):
    path = tmp_path / "EXPORT.CSV"
    write_table(path, ["Leerlingnummer"], [["012345"]])
    assert _csv(path) == [["Leerlingnummer"], ["012345"]]


@pytest.mark.parametrize("name", ["export.pdf", "export.xls", "export"])
def test_an_unknown_suffix_is_refused_before_anything_is_written(tmp_path: Path, name: str):
    with pytest.raises(InvalidValue) as refused:
        write_table(tmp_path / name, ["Leerlingnummer"], [["012345"]])
    assert refused.value.code == "export.suffix"
    assert refused.value.exit_code == 2
    for language in ("nl", "en"):
        assert ".xlsx, .csv" in refused.value.message(language)
        assert name in refused.value.message(language)
    assert list(tmp_path.iterdir()) == []
