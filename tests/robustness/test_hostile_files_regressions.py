"""Plain regression tests for what the hostile-files suite (test_hostile_files.py) found,
one per bug, each on the smallest file that showed it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from koppel.domain.school import SchoolYear
from koppel.files.columns import Column, ImportKind
from koppel.files.problems import ImportFileError
from koppel.files.profiles import load_profile
from koppel.files.readers import read_table
from koppel.files.sis import read_sis_set
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.rows import parse_file
from koppel.services.imports.run import run_import
from koppel.services.sis.importing import import_sis
from koppel.services.sis.report import SisOptions
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel
from tests.files.nasty import HEADERS as GRID_HEADERS
from tests.integration.fixtures import YEAR, build_small_school
from tests.integration.sis_sets import school_set
from tests.integration.snapshot import snapshot
from tests.robustness import hostile_xlsx
from tests.robustness.hostile_bytes import megabytes
from tests.robustness.hostile_files import file_bytes, grid_of, raw_name_zip, sis_files


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

    entries = [(name.encode(), data) for name, data in sis_files().items()]
    sis_set = tmp_path / "set.zip"
    sis_set.write_bytes(raw_name_zip([*entries, (b"\xcf\xff.csv", b"a\r\n")], utf8_flag=True))
    reading = read_sis_set(sis_set)
    assert reading.sis_set is None
    assert [(p.message_code, p.file) for p in reading.errors] == [
        ("roster.zip_corrupt", str(sis_set))
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


CELL_CASES = {
    # (row, column index, text) -> (message code of the first error)
    "nul_in_a_first_name": (1, 1, "Zo\x00ë", "file.control_character"),
    "escape_in_a_last_name": (2, 3, "Meer\x1b[2J", "file.control_character"),
    "first_name_of_101": (3, 1, "R" * 101, "file.value_too_long"),
    "megabyte_city": (1, 8, megabytes(1), "file.value_too_long"),
    "group_of_41": (2, 10, "4" * 41, "file.value_too_long"),
}


def _import(engine: Engine, path: Path, kind: ImportKind = ImportKind.STUDENTS):
    return run_import(SqlAlchemyUnitOfWork(engine), kind, path, options=ImportOptions())


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cells_a_database_cannot_hold_are_refused_naming_row_and_column(
    engine: Engine, tmp_path: Path, fmt: str
):
    """NUL made PostgreSQL raise DataError out of the import, and a value longer than its
    column StringDataRightTruncation; SQLite stored both. Now: exit 2, file, row and
    column named, nothing written, on both databases."""
    build_small_school(engine)
    before = snapshot(engine, bookkeeping=True)
    for case, (row, column, text, code) in CELL_CASES.items():
        grid = grid_of(ImportKind.STUDENTS)
        grid[row][column] = text
        path = tmp_path / f"{case}.{fmt}"
        path.write_bytes(file_bytes(grid, fmt))
        report = _import(engine, path)
        assert report.exit_code == 2, case
        first = report.errors[0]
        assert (first.file, first.row, first.column, first.message_code) == (
            path.name,
            row + 1,
            grid[0][column],
            code,
        ), case
        assert len(first.message("nl")) < 200
        assert snapshot(engine, bookkeeping=True) == before, case


def test_the_longest_values_a_column_holds_are_stored(engine: Engine, tmp_path: Path):
    build_small_school(engine)
    grid = grid_of(ImportKind.STUDENTS)
    grid[1][1], grid[1][2], grid[1][3] = "R" * 100, "v" * 30, "A" * 68  # full name: 200
    grid[2][3] = "M" * 100
    grid[1][5], grid[1][8] = "S" * 200, "W" * 100
    path = tmp_path / "lang.csv"
    path.write_bytes(file_bytes(grid, "csv"))
    report = _import(engine, path)
    assert report.written, report.as_json()
    with SqlAlchemyUnitOfWork(engine) as uow:
        state = uow.student_states.states(YEAR)["300001"]
    assert (state["first_name"], state["infix"], state["last_name"]) == tuple(grid[1][1:4])
    assert (state["street"], state["city"]) == (grid[1][5], grid[1][8])
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.student_states.states(YEAR)["300002"]["last_name"] == "M" * 100


def test_a_house_number_and_addition_too_long_together_are_refused(engine: Engine, tmp_path: Path):
    build_small_school(engine)
    path = tmp_path / "toevoeging.csv"
    path.write_text(
        "Leerlingnummer;Roepnaam;Achternaam;Huisnummer;Toevoeging\n"
        f"300010;Ada;Kok;{'1' * 12};{'b' * 9}\n",
        encoding="utf-8",
    )
    report = _import(engine, path)
    assert [(p.row, p.column, p.message_code) for p in report.errors] == [
        (2, "Huisnummer", "file.value_too_long")
    ]


def test_a_staff_member_whose_full_name_an_account_cannot_hold_is_refused(
    engine: Engine, tmp_path: Path
):
    """Each part fitted its column, but the account's name (232 characters, the column
    holds 200) made PostgreSQL raise StringDataRightTruncation out of the staff import."""
    build_small_school(engine)
    before = snapshot(engine, bookkeeping=True)
    grid = grid_of(ImportKind.STAFF)
    grid[1][1:4] = ["F" * 100, "i" * 30, "L" * 100]
    path = tmp_path / "personeel.csv"
    path.write_bytes(file_bytes(grid, "csv"))
    report = _import(engine, path, ImportKind.STAFF)
    assert [(p.row, p.column, p.message_code) for p in report.errors] == [
        (2, "Achternaam", "file.name_too_long")
    ]
    assert snapshot(engine, bookkeeping=True) == before
    grid[1][1:4] = ["F" * 100, "i" * 10, "L" * 88]  # 200 with the spaces
    path.write_bytes(file_bytes(grid, "csv"))
    assert _import(engine, path, ImportKind.STAFF).written


YEAR_2026 = SchoolYear("2026-2027")
"""The school year of the SIS sets in tests.integration.sis_sets."""
SIS_CASES = {
    # (file, row index, column, text) -> (row, message code) of the error
    "nul_in_a_given_name": ("users.csv", 3, "givenName", "Leer\x00ling", "file.control_character"),
    "escape_in_a_class_code": (
        "classes.csv",
        0,
        "classCode",
        "4V\x1b[2J",
        "file.control_character",
    ),
    "nul_in_a_school_name": ("orgs.csv", 0, "name", "Het\x00Lyceum", "file.control_character"),
    "family_name_of_101": ("users.csv", 3, "familyName", "J" * 101, "file.value_too_long"),
    "session_id_of_256": ("academicSessions.csv", 0, "sourcedId", "s" * 256, "file.value_too_long"),
    "email_of_255": ("users.csv", 0, "email", "a" * 245 + "@school.nl", "file.value_too_long"),
    "full_name_of_201": ("users.csv", 3, "givenName", "L" * 100, "file.name_too_long"),
}


def test_sis_cells_a_database_cannot_hold_are_refused_naming_row_and_column(
    engine: Engine, tmp_path: Path
):
    """NUL (names, class codes, the school's name) and values longer than their column
    (names over 100, ids over 255) raised DataError out of import_sis on PostgreSQL;
    SQLite stored them. Now: exit 2, file, row and column, nothing written."""
    before = snapshot(engine, bookkeeping=True)
    for case, (file, index, column, text, code) in SIS_CASES.items():
        sis_set = school_set(4)
        sis_set.rows[file][index][column] = text
        if case == "full_name_of_201":
            sis_set.rows[file][index]["familyName"] = "J" * 100
        report = import_sis(
            SqlAlchemyUnitOfWork(engine), sis_set.write(tmp_path / case), options=SisOptions()
        )
        assert report.exit_code == 2, case
        first = report.errors[0]
        expected_column = "familyName" if code == "file.name_too_long" else column
        assert (first.file, first.row, first.column, first.message_code) == (
            file,
            index + 2,
            expected_column,
            code,
        ), case
        assert snapshot(engine, bookkeeping=True) == before, case


def test_sis_names_as_long_as_their_columns_are_stored(engine: Engine, tmp_path: Path):
    sis_set = school_set(4)
    sis_set.rows["users.csv"][3].update(givenName="L" * 100, familyName="J" * 99)  # 200
    report = import_sis(
        SqlAlchemyUnitOfWork(engine), sis_set.write(tmp_path / "set"), options=SisOptions()
    )
    assert report.written, report.as_json()
    with SqlAlchemyUnitOfWork(engine) as uow:
        (state,) = [
            s for s in uow.student_states.states(YEAR_2026).values() if s["last_name"] == "J" * 99
        ]
    assert state["first_name"] == "L" * 100


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_file_without_its_byte_order_mark_is_read_as_utf16(tmp_path: Path, encoding: str):
    """Without the mark the bytes were valid UTF-8 full of NULs: the header was found
    (NULs do not count in a header) and every cell then held NULs."""
    grid = grid_of(ImportKind.STUDENTS)
    path = tmp_path / "unicode.csv"
    path.write_bytes(file_bytes(grid, "csv").decode("utf-8").encode(encoding))
    table, _ = read_table(path, kind=ImportKind.STUDENTS)
    assert [list(row.values[:4]) for row in table.rows] == [
        [cell or None for cell in row[:4]] for row in grid[1:]
    ]
    odd = tmp_path / "half.csv"
    odd.write_bytes(path.read_bytes()[:-1])
    assert _refusal(odd).problem.message_code == "csv.bad_bytes"


def test_a_mapping_profile_nested_too_deeply_is_refused(tmp_path: Path):
    """tomllib recursed into 50,000 nested arrays and raised RecursionError out of
    ``koppel import --mapping``."""
    profile = tmp_path / "diep.toml"
    profile.write_text("a = " + "[" * 50_000 + "]" * 50_000, encoding="utf-8")
    try:
        load_profile(profile)
    except ImportFileError as error:
        problem = error.problem
    else:
        raise AssertionError("a profile nested 50,000 deep was read")
    assert (problem.message_code, problem.file) == ("profile.syntax", "diep.toml")


def test_a_date_cell_far_out_of_range_is_a_damaged_workbook(tmp_path: Path):
    """calamine panicked in Rust (chrono: TimeDelta out of bounds) on a date or time cell
    of -1e300: pyo3's PanicException, a BaseException, went through every handler."""
    grid = grid_of(ImportKind.STUDENTS)
    path = tmp_path / "datum.xlsx"
    for style in (hostile_xlsx.DATE_STYLE, hostile_xlsx.TIME_STYLE):
        parts = hostile_xlsx.number_cell_parts(grid, "N2", "-1e300", style)
        path.write_bytes(hostile_xlsx.zip_bytes(list(parts.items())))
        error = _refusal(path)
        assert (error.problem.message_code, error.problem.file) == ("xlsx.corrupt", "datum.xlsx")
    parts = hostile_xlsx.number_cell_parts(grid, "N2", "40315", hostile_xlsx.DATE_STYLE)
    path.write_bytes(hostile_xlsx.zip_bytes(list(parts.items())))
    assert str(read_table(path, kind=ImportKind.STUDENTS)[0].rows[0].values[13])[:10] == (
        "2010-05-17"
    )


def test_escape_sequences_in_headers_sheets_and_zip_names_never_reach_the_terminal(
    tmp_path: Path,
):
    """A header, a sheet's name or a zip member's name with ESC was printed as it was in
    the warnings and errors: the file could clear or retitle the user's terminal."""
    database = tmp_path / "koppel.db"
    url = f"sqlite:///{database}"
    engine = connect(url)
    upgrade(engine)
    build_small_school(engine)
    engine.dispose()
    header = tmp_path / "kop.csv"
    header.write_text(
        "Leerlingnummer;Roepnaam;Achternaam;Opmerking\x1b[2J\n300001;Zoë;Ruïne;x\n",
        encoding="utf-8",
    )
    sheet = tmp_path / "blad.xlsx"
    parts = hostile_xlsx.workbook_parts([["Naam\x1b]0;pwned\x07"], ["x"]])
    parts["xl/workbook.xml"] = str(parts["xl/workbook.xml"]).replace(
        'name="Leerlingen"', 'name="Blad&#27;[2J"'
    )
    sheet.write_bytes(hostile_xlsx.zip_bytes(list(parts.items())))
    named = tmp_path / "namen.zip"
    named.write_bytes(hostile_xlsx.zip_bytes([("\x1b[2Jusers.csv", b"a,b\r\n1,2\r\n")]))
    runs = [
        koppel("import", "students", str(header), "--dry-run", database=url),
        koppel("import", "students", str(sheet), database=url),
        koppel("oneroster", "import", str(named), database=url),
    ]
    assert [run.code for run in runs] == [0, 2, 2]
    assert "Opmerking\ufffd[2J" in runs[0].stderr
    assert "Blad\ufffd[2J" in runs[1].stderr
    assert "\ufffd[2Jusers.csv" in runs[2].stderr
    for run in runs:
        assert "\x1b" not in run.stderr + run.stdout


def test_tens_of_thousands_of_merged_ranges_are_looked_up_not_scanned(tmp_path: Path):
    """Each empty required cell scanned every merged range of the sheet: a 500 KB
    workbook with 5,000 such rows and 60,000 merged ranges took half a minute (rows x
    ranges). Now a binary search per cell; the answers are the same."""
    rows = [list(GRID_HEADERS)] + [
        [str(400_000 + i), "", "", "Naam", *[""] * 10] for i in range(2_000)
    ]
    merges = [f"P{i}:Q{i}" for i in range(1, 20_001)] + ["B3:C5", "B10:B10"]
    xml = hostile_xlsx.sheet_xml(rows).replace(
        "</sheetData>",
        f'</sheetData><mergeCells count="{len(merges)}">'
        + "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
        + "</mergeCells>",
    )
    parts = {**hostile_xlsx.workbook_parts([["x"]]), hostile_xlsx.SHEET: xml}
    path = tmp_path / "samengevoegd.xlsx"
    path.write_bytes(hostile_xlsx.zip_bytes(list(parts.items())))
    table = parse_file(path, ImportKind.STUDENTS, options=ImportOptions(), file_label=path.name)
    hidden = [row.number for row in table.rows if row.is_merged(Column.FIRST_NAME)]
    assert hidden == [4, 5]
    assert not any(row.is_merged(Column.LAST_NAME) for row in table.rows)


FAR_CELLS = {
    "plain": '<c r="XFD30000"><v>1</v></c>',
    "prefixed_single_quotes": "<x:c s='0' r='XFD30000'><x:v>1</x:v></x:c>",
    "spaced": '<c\n r = "ZZ1048576"><v>1</v></c>',
}


@pytest.mark.parametrize("case", sorted(FAR_CELLS))
def test_one_far_cell_in_a_tiny_workbook_is_refused_before_it_is_read(tmp_path: Path, case: str):
    """calamine makes the whole area from A1 to the last cell a dense block: one value in
    XFD3000 of a 2 KB workbook took 1.9 GB, in XFD30000 some 20 GB. The area is now
    found in the XML (any prefix, quotes, spacing, part name) and refused."""
    grid = grid_of(ImportKind.STUDENTS)
    sheet = hostile_xlsx.sheet_xml(grid).replace(
        "</sheetData>", f'<row r="30000">{FAR_CELLS[case]}</row></sheetData>'
    )
    rels = hostile_xlsx.WORKBOOK_RELS.replace("worksheets/sheet1.xml", "data/blad.dat")
    parts = {
        **hostile_xlsx.workbook_parts(grid),
        "xl/_rels/workbook.xml.rels": rels,
        "xl/data/blad.dat": sheet,
    }
    path = tmp_path / "ver.xlsx"
    path.write_bytes(hostile_xlsx.zip_bytes(list(parts.items())))
    error = _refusal(path)
    assert (error.problem.message_code, error.problem.file) == ("xlsx.too_many_cells", "ver.xlsx")
    assert "30000" in error.problem.message("en") or "1048576" in error.problem.message("en")
    near = sheet.replace("XFD30000", "S30000").replace("ZZ1048576", "S30000")
    parts["xl/data/blad.dat"] = near
    path.write_bytes(hostile_xlsx.zip_bytes(list(parts.items())))
    table, warnings = read_table(path, kind=ImportKind.STUDENTS)
    assert len(table.rows) == 3
    assert [(w.row, w.column) for w in warnings] == [(30000, "S")]  # a value without header


def test_a_line_of_more_fields_than_excel_has_columns_is_refused_before_it_is_parsed(
    tmp_path: Path,
):
    """The csv module makes every field an object: one line of 20 million delimiters (a
    20 MB file) took 1.1 GB. Now a line over 16,384 fields is refused, naming its row,
    in import files and SIS sets; 16,000 columns are still read."""
    grid = grid_of(ImportKind.STUDENTS)
    path = tmp_path / "breed.csv"
    path.write_bytes(file_bytes(grid, "csv") + b"300009;Ada;;Kok" + b";" * 100_000 + b"\r\n")
    error = _refusal(path)
    assert (error.problem.message_code, error.problem.row) == ("csv.too_many_columns", 5)
    path.write_bytes(file_bytes(grid, "csv") + b"300009;Ada;;Kok" + b";" * 16_000 + b"\r\n")
    assert len(read_table(path, kind=ImportKind.STUDENTS)[0].rows) == 4

    files = sis_files()
    files["users.csv"] += b"x" + b"," * 20_000 + b"\r\n"
    folder = tmp_path / "set"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    reading = read_sis_set(folder)
    first = reading.errors[0]
    assert (first.file, first.message_code) == ("users.csv", "csv.too_many_columns")
    assert first.row == files["users.csv"].count(b"\n")
