"""Plain regression tests for what the hostile-files suite (test_hostile_files.py) found,
one per bug, each on the smallest file that showed it."""

from __future__ import annotations

from pathlib import Path

from koppel.files.columns import ImportKind
from koppel.files.problems import ImportFileError
from koppel.files.readers import read_table
from koppel.files.roster import read_roster_set
from tests.robustness import hostile_xlsx
from tests.robustness.hostile_bytes import megabytes
from tests.robustness.hostile_files import file_bytes, grid_of, raw_name_zip, roster_files


def _refusal(path: Path, kind: ImportKind = ImportKind.STUDENTS) -> ImportFileError:
    try:
        read_table(path, kind=kind)
    except ImportFileError as error:
        return error
    raise AssertionError(f"{path.name} was read")


def test_a_zip_member_name_flagged_utf8_that_is_not_is_a_damaged_file(tmp_path: Path):
    """zipfile raised UnicodeDecodeError out of both readers."""
    workbook = tmp_path / "leerlingen.xlsx"
    workbook.write_bytes(raw_name_zip([(b"\xcf\xff.xml", b"<x/>")], utf8_flag=True))
    error = _refusal(workbook)
    assert (error.problem.message_code, error.problem.file) == ("xlsx.corrupt", "leerlingen.xlsx")

    entries = [(name.encode(), data) for name, data in roster_files().items()]
    roster = tmp_path / "set.zip"
    roster.write_bytes(raw_name_zip([*entries, (b"\xcf\xff.csv", b"a\r\n")], utf8_flag=True))
    reading = read_roster_set(roster)
    assert reading.roster is None
    assert [(p.message_code, p.file) for p in reading.errors] == [
        ("roster.zip_corrupt", str(roster))
    ]


def test_a_workbook_with_a_part_stored_twice_is_damaged(tmp_path: Path):
    """The checks looked at both copies, but which one calamine read was its choice (the
    second): a user who saw one sheet in Excel could import another."""
    grid = grid_of(ImportKind.STUDENTS)
    parts = list(hostile_xlsx.workbook_parts(grid).items())
    for name, twice in (
        (hostile_xlsx.SHEET, hostile_xlsx.SHEET),
        (hostile_xlsx.SHEET, hostile_xlsx.SHEET.upper()),
    ):
        path = tmp_path / "twee.xlsx"
        path.write_bytes(hostile_xlsx.zip_bytes([*parts, (twice, dict(parts)[name])]))
        error = _refusal(path)
        assert (error.problem.message_code, error.problem.file) == ("xlsx.corrupt", "twee.xlsx")
    path.write_bytes(hostile_xlsx.zip_bytes(parts))
    assert len(read_table(path, kind=ImportKind.STUDENTS)[0].rows) == 3


def test_a_megabyte_cell_in_a_csv_is_read_not_taken_for_an_unclosed_quote(tmp_path: Path):
    """The csv module's 128 KiB field limit made a large cell 'an unclosed quote'."""
    grid = grid_of(ImportKind.STUDENTS)
    grid[2][8] = megabytes(1)
    path = tmp_path / "groot.csv"
    path.write_bytes(file_bytes(grid, "csv"))
    table, _ = read_table(path, kind=ImportKind.STUDENTS)
    assert table.rows[1].values[8] == grid[2][8]
    path.write_bytes(file_bytes(grid, "csv").replace(b"Utrecht", b'"Utrecht', 1))
    assert _refusal(path).problem.message_code == "csv.unclosed_quote"
