"""Hostile files for the import and SIS-set readers: mutations of valid files (cut, flipped,
re-encoded, formulas, control characters, bidi overrides, megabyte cells, deep or
entity-laden XML, climbing or duplicate zip entries) fed to the real readers and the real
imports on a real database.

Per case: never an exception but koppel's own (:class:`ImportFileError`), a refusal names
the file (and row and column where a row is at fault) and writes nothing (the database
compared before and after); an accepted file stores what it said (a formula as its text).
Hypothesis runs on SQLite; the worst cases also run on PostgreSQL and through the real
``koppel`` command.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from koppel.domain.school import SchoolYear
from koppel.files.columns import ImportKind
from koppel.files.limits import ImportLimits
from koppel.files.problems import ImportFileError
from koppel.files.profiles import load_profile
from koppel.files.readers import column_letter, read_table
from koppel.files.sis import read_sis_set
from koppel.files.values import cell_text
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.report import ImportReport
from koppel.services.imports.rows import parse_file
from koppel.services.imports.run import run_import
from koppel.services.sis.importing import import_sis
from koppel.services.sis.report import SisOptions, SisReport
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel
from tests.integration.fixtures import YEAR, build_small_school
from tests.integration.sis_sets import school_set
from tests.integration.snapshot import snapshot
from tests.robustness import hostile_xlsx
from tests.robustness.hostile_bytes import (
    FORMULAS,
    Mutation,
    byte_mutations,
    hostile_texts,
    megabytes,
    text_mutations,
)
from tests.robustness.hostile_files import (
    FORMATS,
    file_bytes,
    grid_of,
    raw_name_zip,
    sis_files,
    write_file,
    write_folder,
    write_zip,
    zip_entries,
)

FUZZ = settings(
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
KINDS = tuple(ImportKind)
SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "xlsx-shared": ".xlsx"}
STUDENT_TEXT = {1: "first_name", 2: "infix", 3: "last_name", 5: "street", 8: "city"}
"""Students file columns whose text is stored as it is (cleaned): index -> field."""
STAFF_TEXT = {1: "first_name", 2: "infix", 3: "last_name"}
YEAR_OF_SETS = SchoolYear("2026-2027")
"""The school year of tests.integration.sis_sets."""


# --- databases ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def school_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small school in a SQLite file, copied for every example."""
    path = tmp_path_factory.mktemp("hostile") / "school.db"
    engine = connect(f"sqlite:///{path}")
    _build(engine)
    engine.dispose()
    return path


def _build(engine: Engine) -> None:
    upgrade(engine)
    build_small_school(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.school.set_setting("student_number_width", 6)
        uow.commit()


@pytest.fixture(scope="module")
def empty_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty migrated database (what an SIS set is imported into), to copy."""
    path = tmp_path_factory.mktemp("hostile") / "empty.db"
    engine = connect(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@contextmanager
def fresh_copy(template: Path) -> Iterator[tuple[Engine, Path]]:
    """An engine on a copy of ``template``, and a folder for the example's files; both
    gone afterwards."""
    with tempfile.TemporaryDirectory(prefix="koppel-hostile-") as name:
        folder = Path(name)
        database = folder / "koppel.db"
        shutil.copyfile(template, database)
        engine = connect(f"sqlite:///{database}")
        try:
            yield engine, folder
        finally:
            engine.dispose()


@contextmanager
def fresh_copy_of_school(folder: Path) -> Iterator[Engine]:
    """The small school in ``folder`` (a test that does not run under hypothesis)."""
    engine = connect(f"sqlite:///{folder / 'school.db'}")
    try:
        _build(engine)
        yield engine
    finally:
        engine.dispose()


def _import(engine: Engine, kind: ImportKind, path: Path) -> ImportReport:
    return run_import(SqlAlchemyUnitOfWork(engine), kind, path, options=ImportOptions())


def _sis_set(engine: Engine, path: Path) -> SisReport:
    return import_sis(SqlAlchemyUnitOfWork(engine), path, options=SisOptions(force=True))


def check_outcome(report: ImportReport | SisReport, before: object, after: object) -> None:
    """A refused file names itself (every error has a file) and wrote nothing; a file
    that was not refused either wrote or had nothing to change."""
    if report.errors:
        assert report.exit_code == 2, report.as_json()
        assert not report.written
        assert all(problem.file for problem in report.errors)
    if not report.written:
        assert after == before, "a refused or empty file changed the database"


# --- the file import's reader ----------------------------------------------------------------


def read_or_refuse(path: Path, kind: ImportKind) -> str:
    """Read and map the file; 'read' or the refusal's message code. Anything else raised
    fails the test. A refusal names the file."""
    try:
        parse_file(path, kind, options=ImportOptions(), file_label=path.name)
    except ImportFileError as error:
        problem = error.problem
    else:
        return "read"
    assert problem.file == path.name
    assert problem.message("nl") != problem.message("en")
    return problem.message_code


@settings(FUZZ, max_examples=400)
@given(
    kind=st.sampled_from(KINDS),
    fmt=st.sampled_from(FORMATS),
    suffix=st.sampled_from([".csv", ".xlsx", ".txt"]),
    mutation=byte_mutations(),
)
def test_import_reader_survives_mutated_bytes(
    kind: ImportKind, fmt: str, suffix: str, mutation: Mutation
) -> None:
    data = mutation.apply(file_bytes(grid_of(kind), fmt))
    with tempfile.TemporaryDirectory() as folder:
        event(read_or_refuse(write_file(Path(folder), f"bestand{suffix}", data), kind))


@settings(FUZZ, max_examples=100)
@given(kind=st.sampled_from(KINDS), mutation=text_mutations())
def test_import_reader_survives_other_encodings(kind: ImportKind, mutation: Mutation) -> None:
    data = mutation.apply(file_bytes(grid_of(kind), "csv"))
    with tempfile.TemporaryDirectory() as folder:
        event(read_or_refuse(write_file(Path(folder), "bestand.csv", data), kind))


NUMBERS = (
    st.floats().map(repr)
    | st.integers(-(10**20), 10**20).map(str)
    | st.sampled_from(["-1e300", "1e308", "NaN", "-inf", "2958466", "-0", "1e-300", "abc", ""])
)


@settings(FUZZ, max_examples=150)
@given(
    number=NUMBERS,
    style=st.sampled_from([hostile_xlsx.DATE_STYLE, hostile_xlsx.TIME_STYLE]),
    ref=st.sampled_from(["N2", "A3", "B4"]),
)
def test_import_reader_survives_any_number_in_a_date_cell(number: str, style: int, ref: str):
    parts = hostile_xlsx.number_cell_parts(grid_of(ImportKind.STUDENTS), ref, number, style)
    with tempfile.TemporaryDirectory() as folder:
        path = write_file(Path(folder), "datums.xlsx", hostile_xlsx.zip_bytes(list(parts.items())))
        event(read_or_refuse(path, ImportKind.STUDENTS))


@settings(FUZZ, max_examples=120)
@given(
    column=st.integers(1, 16_384),
    row=st.integers(5, 1_048_576),
    limit=st.integers(100, 400_000),
)
def test_a_far_cell_is_refused_exactly_when_the_area_is_over_the_limit(
    column: int, row: int, limit: int
) -> None:
    """The area from A1 to the furthest cell, found in the XML before calamine reads it
    (a small limit here, so that what is read stays small)."""
    grid = grid_of(ImportKind.STUDENTS)  # rows 1 to 4
    ref = f"{column_letter(column - 1)}{row}"
    sheet = hostile_xlsx.sheet_xml(grid).replace(
        "</sheetData>", f'<row r="{row}"><c r="{ref}"><v>1</v></c></row></sheetData>'
    )
    parts = {**hostile_xlsx.workbook_parts(grid), hostile_xlsx.SHEET: sheet}
    area = row * max(column, len(grid[0]))
    with tempfile.TemporaryDirectory() as folder:
        path = write_file(Path(folder), "ver.xlsx", hostile_xlsx.zip_bytes(list(parts.items())))
        try:
            read_table(path, kind=ImportKind.STUDENTS, limits=ImportLimits(max_cells=limit))
        except ImportFileError as error:
            refusal: str | None = error.problem.message_code
        else:
            refusal = None
    assert refusal == ("xlsx.too_many_cells" if area > limit else None)
    event("refused" if refusal else "read")


@settings(FUZZ, max_examples=40)
@given(
    fields=st.integers(16_380, 16_390) | st.integers(15, 60_000),
    delimiter=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]),
)
def test_a_line_is_refused_exactly_when_it_has_more_fields_than_excel_has_columns(
    fields: int, delimiter: str, encoding: str
) -> None:
    grid = grid_of(ImportKind.STUDENTS)
    lines = [delimiter.join(row) for row in grid]
    lines.append(delimiter.join(["300009", "Ada", "", "Kok", *[""] * (fields - 4)]))
    data = "\r\n".join(lines).encode(encoding)
    with tempfile.TemporaryDirectory() as folder:
        outcome = read_or_refuse(write_file(Path(folder), "breed.csv", data), ImportKind.STUDENTS)
    assert outcome == ("csv.too_many_columns" if fields > 16_384 else "read")
    event(outcome)


PROFILE = (
    b'[columns]\n"Stamnr" = "student_number"\n"Rnaam" = "first_name"\n'
    b'"Anaam" = "last_name"\n"Klas 2026" = "group"\n'
)


def _nested(depth: int) -> Mutation:
    return Mutation(f"nested({depth})", lambda data: data + b"x = " + b"[" * depth + b"]" * depth)


@settings(FUZZ, max_examples=150)
@given(mutation=byte_mutations() | text_mutations() | st.integers(1, 60_000).map(_nested))
def test_mapping_profile_reader_survives_mutations(mutation: Mutation) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_file(Path(folder), "profiel.toml", mutation.apply(PROFILE))
        try:
            load_profile(path)
        except ImportFileError as error:
            problem = error.problem
        else:
            event("read")
            return
    assert problem.file == "profiel.toml"
    event(problem.message_code)


# --- the file imports on a database -------------------------------------------------------


@settings(FUZZ, max_examples=90)
@given(
    kind=st.sampled_from(KINDS),
    fmt=st.sampled_from(FORMATS),
    mutation=byte_mutations() | text_mutations(),
)
def test_a_mutated_file_is_imported_or_refused_whole(
    school_file: Path, kind: ImportKind, fmt: str, mutation: Mutation
) -> None:
    original = file_bytes(grid_of(kind), fmt)
    if fmt != "csv" and mutation.name.startswith(("reencode", "mixed")):
        mutation = Mutation("none", bytes)
    data = mutation.apply(original)
    with fresh_copy(school_file) as (engine, folder):
        path = write_file(folder, "bestand" + SUFFIX[fmt], data)
        before = snapshot(engine, bookkeeping=True)
        report = _import(engine, kind, path)
        check_outcome(report, before, snapshot(engine, bookkeeping=True))
        event("refused" if report.errors else "written" if report.written else "nothing")


@settings(FUZZ, max_examples=120)
@given(
    kind=st.sampled_from(KINDS),
    fmt=st.sampled_from(FORMATS),
    cell=st.tuples(st.integers(0, 2), st.integers(0, 13)),
    text=hostile_texts(),
)
def test_a_hostile_cell_is_refused_where_it_stands_or_stored_as_text(
    school_file: Path, kind: ImportKind, fmt: str, cell: tuple[int, int], text: str
) -> None:
    grid = grid_of(kind)
    row, column = cell[0], cell[1] % len(grid[0])
    grid[row][column] = text
    with fresh_copy(school_file) as (engine, folder):
        path = write_file(folder, "bestand" + SUFFIX[fmt], file_bytes(grid, fmt))
        before = snapshot(engine, bookkeeping=True)
        report = _import(engine, kind, path)
        check_outcome(report, before, snapshot(engine, bookkeeping=True))
        if report.errors and row > 0:
            where = {(p.row, p.column) for p in report.errors}
            assert (row + 1, grid[0][column]) in where or any(r is None for r, _ in where), where
        if report.written and row > 0:
            _stored_as_said(engine, kind, grid, row, column)
        event("refused" if report.errors else "written" if report.written else "nothing")


def _stored_as_said(engine: Engine, kind: ImportKind, grid: list[list[str]], row: int, col: int):
    """The cell's text, cleaned, is what the database holds: a formula as its text."""
    said = cell_text(grid[row][col])  # trimmed, spaces collapsed, export apostrophe off
    if grid[row][col] in FORMULAS:
        assert said == grid[row][col].strip(), "a formula is stored as its text"
    if kind is ImportKind.STUDENTS and col in STUDENT_TEXT:
        with SqlAlchemyUnitOfWork(engine) as uow:
            state = uow.student_states.states(YEAR).get(grid[row][0])
        if state is not None:
            assert state[STUDENT_TEXT[col]] == said
    if kind is ImportKind.STAFF and col in STAFF_TEXT and said:
        with SqlAlchemyUnitOfWork(engine) as uow:
            member = uow.staff.get(grid[row][0])
        assert getattr(member, STAFF_TEXT[col]) == said


# --- hand-made worst cases for xlsx ----------------------------------------------------------


def _parts(**changed: str | bytes) -> list[tuple[str, str | bytes]]:
    parts = hostile_xlsx.workbook_parts(grid_of(ImportKind.STUDENTS), shared=True)
    parts.update({name.replace("__", "/"): data for name, data in changed.items()})
    return list(parts.items())


def _inline(**changed: str | bytes) -> list[tuple[str, str | bytes]]:
    parts = hostile_xlsx.workbook_parts(grid_of(ImportKind.STUDENTS))
    parts.update(changed)
    return list(parts.items())


GRID = grid_of(ImportKind.STUDENTS)
RELS_TO_BIN = hostile_xlsx.WORKBOOK_RELS.replace("worksheets/sheet1.xml", "worksheets/sheet1.bin")
XLSX_CASES: dict[str, list[tuple[str, str | bytes]]] = {
    "deep_sheet_xml": _inline(**{hostile_xlsx.SHEET: hostile_xlsx.deep_sheet(GRID, 100_000)}),
    "deep_shared_strings": [
        *_parts(**{hostile_xlsx.SHARED: hostile_xlsx.deep_shared_strings(GRID, 100_000)})
    ],
    "billion_laughs": _parts(**{hostile_xlsx.SHARED: hostile_xlsx.billion_laughs()}),
    "external_entity": _parts(**{hostile_xlsx.SHARED: hostile_xlsx.external_entity()}),
    "external_entity_in_sheet": _inline(
        **{
            hostile_xlsx.SHEET: hostile_xlsx.sheet_xml(GRID).replace(
                hostile_xlsx.PROLOG,
                hostile_xlsx.PROLOG + '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
            )
        }
    ),
    "dtd_in_a_part_not_named_xml": [
        *[(n, d) for n, d in _inline(**{"xl/_rels/workbook.xml.rels": RELS_TO_BIN})],
        (
            "xl/worksheets/sheet1.bin",
            hostile_xlsx.sheet_xml(GRID)
            .replace(
                hostile_xlsx.PROLOG,
                hostile_xlsx.PROLOG + '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
            )
            .replace("Ruïne", "&x;"),
        ),
    ],
    "duplicate_sheet_entry": [
        *_inline(),
        (hostile_xlsx.SHEET, hostile_xlsx.sheet_xml([["Leerlingnummer", "Roepnaam"]])),
    ],
    "utf16_sheet": _inline(
        **{
            hostile_xlsx.SHEET: hostile_xlsx.sheet_xml(GRID)
            .replace("UTF-8", "UTF-16")
            .encode("utf-16")
        }
    ),
    "latin1_sheet_said_utf8": _inline(
        **{hostile_xlsx.SHEET: hostile_xlsx.sheet_xml(GRID).encode("latin-1")}
    ),
    "no_content_types": [(n, d) for n, d in _inline() if n != "[Content_Types].xml"],
    "no_sheet": [(n, d) for n, d in _inline() if n != hostile_xlsx.SHEET],
}


@pytest.mark.parametrize("case", sorted(XLSX_CASES))
def test_hostile_workbook_structures_are_read_right_or_refused(tmp_path: Path, case: str):
    path = write_file(tmp_path, f"{case}.xlsx", hostile_xlsx.zip_bytes(XLSX_CASES[case]))
    outcome = read_or_refuse(path, ImportKind.STUDENTS)
    if outcome == "read":
        table, _ = read_table(path, kind=ImportKind.STUDENTS)
        assert "root:" not in repr(table.rows), "an external entity was resolved"
        assert "lollol" not in repr(table.rows), "an entity was expanded"
        assert [row.values[0] for row in table.rows] == ["300001", "300002", "300003"]
    assert outcome == XLSX_OUTCOMES.get(case, "read"), outcome


XLSX_OUTCOMES = {
    "billion_laughs": "xlsx.dtd",
    "external_entity": "xlsx.dtd",
    "external_entity_in_sheet": "xlsx.dtd",
    "dtd_in_a_part_not_named_xml": "xlsx.corrupt",  # calamine knows no entities at all
    "duplicate_sheet_entry": "xlsx.corrupt",
    "utf16_sheet": "xlsx.corrupt",
    "latin1_sheet_said_utf8": "xlsx.corrupt",
    "no_content_types": "xlsx.corrupt",
    "no_sheet": "xlsx.corrupt",
}
"""What each case gives; the deep XML cases (100,000 levels) are read: calamine's parser
does not recurse."""


def _wide_grid() -> list[list[str]]:
    grid = grid_of(ImportKind.STUDENTS)
    return [row + [f"X{i}" for i in range(16_000)] for row in grid]


def test_very_many_columns_and_a_megabyte_cell_are_read_then_judged(tmp_path: Path):
    wide = write_file(tmp_path, "wide.xlsx", file_bytes(_wide_grid(), "xlsx"))
    assert read_or_refuse(wide, ImportKind.STUDENTS) == "read"
    grid = grid_of(ImportKind.STUDENTS)
    grid[2][8] = megabytes(2)
    for fmt in ("csv", "xlsx"):
        path = write_file(tmp_path, "huge" + SUFFIX[fmt], file_bytes(grid, fmt))
        table, _ = read_table(path, kind=ImportKind.STUDENTS)
        assert table.rows[1].values[8] == grid[2][8]
        assert read_or_refuse(path, ImportKind.STUDENTS) == "file.value_too_long"


def test_formula_cells_give_their_saved_value_and_are_never_calculated(tmp_path: Path):
    parts = _inline(**{hostile_xlsx.SHEET: hostile_xlsx.formula_sheet(GRID)})
    path = write_file(tmp_path, "formules.xlsx", hostile_xlsx.zip_bytes(parts))
    table, _ = read_table(path, kind=ImportKind.STUDENTS)
    assert table.rows[0].values[:4] == ("300001", "Zoë", "Zoë", None)
    with fresh_copy_of_school(tmp_path) as engine:
        report = _import(engine, ImportKind.STUDENTS, path)
    assert [(p.row, p.column, p.message_code) for p in report.errors] == [
        (2, "Achternaam", "import.required_empty")
    ]


def test_a_folder_or_nothing_where_a_file_should_be(tmp_path: Path):
    (tmp_path / "map.csv").mkdir()
    assert read_or_refuse(tmp_path / "map.csv", ImportKind.STUDENTS) == "file.missing"
    assert read_or_refuse(tmp_path / "weg.xlsx", ImportKind.STUDENTS) == "file.missing"
    empty = write_file(tmp_path, "leeg.xlsx", b"")
    assert read_or_refuse(empty, ImportKind.STUDENTS) == "file.empty"


# --- the SIS-set reader --------------------------------------------------------------------

SIS = sis_files()
SIS_NAMES = sorted(SIS)


def _reading_ok_or_named(path: Path) -> str:
    """Read the set; never raises; a reading with errors has no set and each error names a
    file. The first error's code, or 'read'."""
    reading = read_sis_set(path)
    if reading.errors:
        assert reading.sis_set is None
        assert all(problem.file for problem in reading.errors)
        return reading.errors[0].message_code
    assert reading.sis_set is not None
    return "read"


@st.composite
def mutated_sets(draw: st.DrawFn) -> tuple[str, dict[str, bytes]]:
    """A set's files with one of them mutated: its bytes, its encoding, or one cell."""
    files = dict(SIS)
    name = draw(st.sampled_from(SIS_NAMES))
    how = draw(st.sampled_from(["bytes", "encoding", "cell", "gone", "empty"]))
    if how == "bytes":
        mutation = draw(byte_mutations())
        files[name] = mutation.apply(files[name])
        return f"{name}: {mutation}", files
    if how == "encoding":
        mutation = draw(text_mutations())
        files[name] = mutation.apply(files[name])
        return f"{name}: {mutation}", files
    if how == "gone":
        del files[name]
        return f"{name} gone", files
    if how == "empty":
        files[name] = b""
        return f"{name} empty", files
    lines = files[name].decode("utf-8").split("\r\n")
    row = draw(st.integers(0, max(len(lines) - 2, 0)))
    cells = lines[row].split(",")
    column = draw(st.integers(0, len(cells) - 1))
    text = draw(hostile_texts(huge=row > 0))
    cells[column] = '"' + text.replace('"', '""') + '"'
    lines[row] = ",".join(cells)
    files[name] = "\r\n".join(lines).encode("utf-8")
    return f"{name} row {row + 1} column {column}: {text[:40]!r}", files


@settings(FUZZ, max_examples=250)
@given(mutated=mutated_sets(), as_zip=st.booleans())
def test_sis_reader_survives_mutated_sets(
    mutated: tuple[str, dict[str, bytes]], as_zip: bool
) -> None:
    _, files = mutated
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if as_zip:
            path = write_zip(folder / "set.zip", zip_entries(files))
        else:
            path = write_folder(folder / "set", files)
        event(_reading_ok_or_named(path))


@settings(FUZZ, max_examples=150)
@given(mutation=byte_mutations())
def test_sis_reader_survives_a_mutated_zip(mutation: Mutation) -> None:
    data = mutation.apply(hostile_xlsx.zip_bytes(zip_entries(SIS, "export/")))
    with tempfile.TemporaryDirectory() as name:
        path = write_file(Path(name), "set.zip", data)
        event(_reading_ok_or_named(path))


@settings(FUZZ, max_examples=60)
@given(mutated=mutated_sets(), as_zip=st.booleans())
def test_a_mutated_set_is_imported_or_refused_whole(
    empty_file: Path, mutated: tuple[str, dict[str, bytes]], as_zip: bool
) -> None:
    _, files = mutated
    with fresh_copy(empty_file) as (engine, folder):
        if as_zip:
            path = write_zip(folder / "set.zip", zip_entries(files))
        else:
            path = write_folder(folder / "set", files)
        before = snapshot(engine, bookkeeping=True)
        report = _sis_set(engine, path)
        check_outcome(report, before, snapshot(engine, bookkeeping=True))
        event("refused" if report.errors else "written" if report.written else "nothing")


NAME_COLUMNS = {"givenName": "first_name", "familyName": "last_name"}


@settings(FUZZ, max_examples=40)
@given(column=st.sampled_from(sorted(NAME_COLUMNS)), text=hostile_texts(huge=False))
def test_a_hostile_name_in_a_set_is_refused_where_it_stands_or_stored_as_text(
    empty_file: Path, column: str, text: str
) -> None:
    sis_set = school_set(4)
    student = next(u for u in sis_set.rows["users.csv"] if u["role"] == "student")
    student[column] = text
    row = sis_set.rows["users.csv"].index(student) + 2
    with fresh_copy(empty_file) as (engine, folder):
        before = snapshot(engine, bookkeeping=True)
        report = _sis_set(engine, sis_set.write(folder / "set"))
        check_outcome(report, before, snapshot(engine, bookkeeping=True))
        if report.errors:
            assert ("users.csv", row, column) in {(p.file, p.row, p.column) for p in report.errors}
        else:
            with SqlAlchemyUnitOfWork(engine) as uow:
                state = uow.student_states.states(YEAR_OF_SETS)[student["identifier"]]
            assert state[NAME_COLUMNS[column]] == cell_text(text.strip())
        event("refused" if report.errors else "written")


REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference-data"
REFERENCE_SETS = ("oneroster-1.1-oat", "sds-v2.1", "sds-v1-100-users")


def _reference(name: str) -> dict[str, bytes]:
    folder = REFERENCE / name
    if not folder.is_dir():
        pytest.skip(f"reference data {folder} is absent (a plain clone has no ../shared)")
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.csv"))}


@pytest.mark.parametrize("name", REFERENCE_SETS)
def test_reference_sets_of_real_systems_survive_mutations(empty_file: Path, name: str) -> None:
    """The sets of real systems (SDS v2.1 and classic too), one file mutated per example:
    read or refused with every error naming a file; imported whole or not at all."""
    files = _reference(name)

    @settings(FUZZ, max_examples=40)
    @given(
        file=st.sampled_from(sorted(files)),
        mutation=byte_mutations() | text_mutations(),
        cell=st.tuples(st.integers(0, 30), st.integers(0, 20), hostile_texts(huge=False)),
        how=st.sampled_from(["bytes", "cell"]),
    )
    def mutated(file: str, mutation: Mutation, cell: tuple[int, int, str], how: str) -> None:
        changed = dict(files)
        if how == "bytes":
            changed[file] = mutation.apply(files[file])
        else:
            lines = files[file].decode("utf-8-sig").splitlines()
            row = min(cell[0], len(lines) - 1)
            cells = lines[row].split(",")
            cells[cell[1] % len(cells)] = '"' + cell[2].replace('"', '""') + '"'
            lines[row] = ",".join(cells)
            changed[file] = "\r\n".join(lines).encode("utf-8")
        with fresh_copy(empty_file) as (engine, folder):
            path = write_folder(folder / name, changed)
            event(_reading_ok_or_named(path))
            before = snapshot(engine, bookkeeping=True)
            report = _sis_set(engine, path)
            check_outcome(report, before, snapshot(engine, bookkeeping=True))

    mutated()


ZIP_CASES: dict[str, list[tuple[str, bytes]]] = {
    "climbing_entry": [*zip_entries(SIS), ("../../users.csv", SIS["users.csv"])],
    "absolute_entry": [*zip_entries(SIS), ("/etc/users.csv", SIS["users.csv"])],
    "drive_entry": [*zip_entries(SIS), ("C:\\users.csv", SIS["users.csv"])],
    "duplicate_entry": [*zip_entries(SIS), ("users.csv", b"sourcedId\r\nx\r\n")],
    "duplicate_by_case": [*zip_entries(SIS), ("USERS.csv", SIS["users.csv"])],
    "two_folders": [*zip_entries(SIS, "a/"), *zip_entries(SIS, "b/")],
    "no_csv": [("readme.txt", b"hallo")],
}


@pytest.mark.parametrize("case", sorted(ZIP_CASES))
def test_hostile_zip_entries_are_refused(tmp_path: Path, case: str):
    path = write_zip(tmp_path / f"{case}.zip", ZIP_CASES[case])
    assert _reading_ok_or_named(path) != "read"
    assert not (tmp_path.parent / "users.csv").exists()


@pytest.mark.parametrize("utf8_flag", [True, False])
def test_a_zip_entry_name_that_is_not_utf8_is_refused_or_read(tmp_path: Path, utf8_flag: bool):
    entries = [(name.encode(), data) for name, data in SIS.items()]
    entries.append((b"\xcf\xff\xfe.csv", b"a,b\r\n"))
    path = write_file(tmp_path, "set.zip", raw_name_zip(entries, utf8_flag=utf8_flag))
    _reading_ok_or_named(path)
    workbook = write_file(
        tmp_path, "map.xlsx", raw_name_zip([(b"\xcf\xff.xml", b"<x/>")], utf8_flag=True)
    )
    assert read_or_refuse(workbook, ImportKind.STUDENTS) == "xlsx.corrupt"


def test_a_folder_where_a_sis_file_should_be(tmp_path: Path):
    folder = write_folder(tmp_path / "set", {n: d for n, d in SIS.items() if n != "users.csv"})
    (folder / "users.csv").mkdir()
    assert _reading_ok_or_named(folder) != "read"
    assert _reading_ok_or_named(tmp_path / "nergens") == "roster.not_found"
    assert _reading_ok_or_named(write_file(tmp_path, "leeg.zip", b"")) == "file.empty"


# --- the worst cases on PostgreSQL too, and through the real command ------------------------


def _worst_import_files(folder: Path) -> dict[str, tuple[ImportKind, Path, int | None]]:
    """name -> (kind, file, the row at fault or None): the cases that broke or nearly broke
    koppel, for both databases and the command line."""
    nul = grid_of(ImportKind.STUDENTS)
    nul[1][1] = "Zo\x00ë"
    huge = grid_of(ImportKind.STUDENTS)
    huge[2][3] = megabytes(1)
    long_name = grid_of(ImportKind.STAFF)
    long_name[1][1:4] = ["F" * 100, "i" * 30, "L" * 100]
    whole = file_bytes(grid_of(ImportKind.STUDENTS), "xlsx")
    laughs = _parts(**{hostile_xlsx.SHARED: hostile_xlsx.billion_laughs()})
    return {
        "nul.csv": (ImportKind.STUDENTS, write_file(folder, "nul.csv", file_bytes(nul, "csv")), 2),
        "huge.xlsx": (
            ImportKind.STUDENTS,
            write_file(folder, "huge.xlsx", file_bytes(huge, "xlsx")),
            3,
        ),
        "long_name.csv": (
            ImportKind.STAFF,
            write_file(folder, "long_name.csv", file_bytes(long_name, "csv")),
            2,
        ),
        "cut.xlsx": (
            ImportKind.STUDENTS,
            write_file(folder, "cut.xlsx", whole[: len(whole) // 2]),
            None,
        ),
        "laughs.xlsx": (
            ImportKind.TEACHER_GROUPS,
            write_file(folder, "laughs.xlsx", hostile_xlsx.zip_bytes(laughs)),
            None,
        ),
    }


def _worst_sis_sets(folder: Path) -> dict[str, Path]:
    nul = dict(SIS)
    nul["users.csv"] = nul["users.csv"].replace(b"Leerling1,", b"Leer\x00ling1,", 1)
    zipped = hostile_xlsx.zip_bytes(zip_entries(SIS))
    return {
        "nul": write_folder(folder / "nul", nul),
        "climbing.zip": write_zip(folder / "climbing.zip", ZIP_CASES["climbing_entry"]),
        "cut.zip": write_file(folder, "cut.zip", zipped[: len(zipped) * 2 // 3]),
    }


def test_the_worst_files_are_refused_whole_on_both_databases(engine: Engine, tmp_path: Path):
    build_small_school(engine)
    before = snapshot(engine, bookkeeping=True)
    for name, (kind, path, row) in _worst_import_files(tmp_path).items():
        report = _import(engine, kind, path)
        assert report.exit_code == 2, name
        assert (report.errors[0].file, report.errors[0].row) == (path.name, row), name
        assert snapshot(engine, bookkeeping=True) == before, name
    for name, path in _worst_sis_sets(tmp_path / "sets").items():
        report = _sis_set(engine, path)
        assert report.exit_code == 2, name
        assert report.errors[0].file in {path.name, str(path), "users.csv"}, name
        assert snapshot(engine, bookkeeping=True) == before, name


def test_the_command_line_refuses_the_worst_files_with_exit_2(school_file: Path, tmp_path: Path):
    database = tmp_path / "koppel.db"
    shutil.copyfile(school_file, database)
    url = f"sqlite:///{database}"
    engine = connect(url)
    before = snapshot(engine, bookkeeping=True)
    files = _worst_import_files(tmp_path)
    for name in ("nul.csv", "laughs.xlsx"):
        kind, path, _ = files[name]
        run = koppel("import", kind.value, str(path), database=url)
        assert run.code == 2, run.stderr
        assert path.name in run.stderr
        assert "Traceback" not in run.stderr
    for name, path in _worst_sis_sets(tmp_path / "sets").items():
        if name == "cut.zip":
            continue  # as the service: on both databases above
        run = koppel("oneroster", "import", str(path), database=url, lang="en")
        assert run.code == 2, run.stderr
        assert ("users.csv" if name == "nul" else path.name) in run.stderr
        assert "Traceback" not in run.stderr
    assert snapshot(engine, bookkeeping=True) == before
    engine.dispose()
