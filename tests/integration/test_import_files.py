"""Nasty import files against a real database (SQLite and PostgreSQL): each gives the
right result or a clear error naming file, row and column, and a rejected file writes
nothing at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from koppel.files.columns import ImportKind
from koppel.files.limits import ImportLimits
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.run import run_import
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.files import nasty
from tests.integration.fixtures import YEAR, build_small_school
from tests.integration.snapshot import snapshot

ACCEPTED = [
    "utf8_bom_csv",
    "utf8_csv",
    "cp1252_csv",
    "utf16_tab_txt",
    "semicolon_csv",
    "pipe_csv",
    "quoted_linebreaks_csv",
    "formulas_xlsx",
    "date_serials_xlsx",
    "lost_leading_zeros_xlsx",
    "empty_rows_xlsx",
    "extra_columns_csv",
    "header_case_chaos_csv",
    "wrong_sheet_xlsx",
    "csv_renamed_xlsx",
    "title_rows_xlsx",
]
# case -> (row, column, a word of the message) of the first error; None where unknown
REFUSED: dict[str, tuple[int | None, str | None, str]] = {
    "merged_cells_xlsx": (3, "Achternaam", "samengevoegd"),
    "ambiguous_dates_csv": (3, "Geboortedatum", "dubbelzinnig"),
    "duplicate_keys_csv": (4, "Leerlingnummer", "rij 2"),
    "missing_column_csv": (1, "Achternaam", "Achternaam"),
    "encrypted_xlsx": (None, None, "versleuteld"),
    "corrupt_xlsx": (None, None, "beschadigd"),
    "zip_bomb_xlsx": (None, None, "uitgepakt"),
    "xxe_xlsx": (None, None, "DTD"),
}


def test_every_nasty_case_is_covered():
    assert set(ACCEPTED) | set(REFUSED) == set(nasty.ALL_CASES)
    assert len(nasty.ALL_CASES) >= 20


def _import(engine: Engine, path: Path, **options: object):
    return run_import(
        SqlAlchemyUnitOfWork(engine), ImportKind.STUDENTS, path, options=ImportOptions(**options)
    )


@pytest.fixture
def school(engine: Engine) -> Engine:
    build_small_school(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.school.set_setting("student_number_width", 6)
        uow.commit()
    return engine


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_files_write_nothing_and_say_where(school: Engine, tmp_path: Path, case: str):
    path = nasty.ALL_CASES[case](tmp_path)
    before = snapshot(school, bookkeeping=True)
    report = _import(school, path)
    assert snapshot(school, bookkeeping=True) == before
    assert not report.written
    assert report.exit_code == 2
    first = report.errors[0]
    row, column, word = REFUSED[case]
    assert first.file == path.name
    assert (first.row, first.column) == (row, column)
    assert word in first.message("nl")
    assert first.message("en") != first.message("nl")


@pytest.mark.parametrize("case", ACCEPTED)
def test_accepted_files_import_three_students(school: Engine, tmp_path: Path, case: str):
    path = nasty.ALL_CASES[case](tmp_path)
    preview = _import(school, path, dry_run=True)
    assert preview.errors == []
    assert not preview.written
    report = _import(school, path)
    assert report.errors == []
    assert report.written, report.as_json()
    assert report.students is not None
    assert report.students.new == 3
    with SqlAlchemyUnitOfWork(school) as uow:
        states = uow.student_states.states(YEAR)
    zoe = states["300001" if case != "lost_leading_zeros_xlsx" else "030001"]
    assert zoe["first_name"] == "Zoë"
    assert zoe["last_name"] == "Ruïne"
    assert zoe["home_class"] == "4V1"
    assert zoe["department"] == "4V"
    assert zoe["birth_date"] == "2010-05-17"
    assert zoe["gender"] == "V"
    numbers = {n for n, s in states.items() if s["last_name"] in {"Ruïne", "Meer", "Vries"}}
    assert len(numbers) == 3
    jeroen = next(states[n] for n in numbers if states[n]["last_name"] == "Meer")
    assert jeroen["infix"] == "van der"
    assert jeroen["postcode"] == "1234 AB"
    assert jeroen["lwoo"] is True
    assert jeroen["home_class"] == "4H1"


def test_formulas_are_never_evaluated(school: Engine, tmp_path: Path):
    report = _import(school, nasty.make_formulas_xlsx(tmp_path))
    assert report.written
    with SqlAlchemyUnitOfWork(school) as uow:
        states = uow.student_states.states(YEAR)
    assert states["300002"]["street"] != "2"
    assert states["300003"]["street"] == "@SUM(A1)"


def test_lost_leading_zeros_are_repaired_with_a_warning_per_row(school: Engine, tmp_path: Path):
    report = _import(school, nasty.make_lost_leading_zeros_xlsx(tmp_path), dry_run=True)
    repaired = [w for w in report.warnings if w.message_code == "import.number_repaired"]
    assert [(w.row, w.column) for w in repaired] == [(2, "Leerlingnummer"), (3, "Leerlingnummer")]
    assert report.details["new"] == ["030001", "030002", "030003"]


def test_unknown_columns_are_warnings(school: Engine, tmp_path: Path):
    report = _import(school, nasty.make_extra_columns_csv(tmp_path), dry_run=True)
    unknown = [w.column for w in report.warnings if w.message_code == "header.unknown"]
    assert unknown == ["Opmerking", "Mentor"]


def test_a_million_rows_are_refused_above_the_row_limit(school: Engine, tmp_path: Path):
    path = nasty.make_million_rows_csv(tmp_path)
    before = snapshot(school, bookkeeping=True)
    report = _import(school, path, limits=ImportLimits(max_rows=100_000))
    assert snapshot(school, bookkeeping=True) == before
    assert report.exit_code == 2
    assert "100000" in report.errors[0].message("nl")


def test_sheet_chosen_by_name_or_refused_with_the_sheets_listed(school: Engine, tmp_path: Path):
    path = nasty.make_wrong_sheet_xlsx(tmp_path)
    chosen = _import(school, path, dry_run=True, sheet="leerlingen")
    assert chosen.errors == []
    assert chosen.students is not None
    assert chosen.students.new == 3
    wrong = _import(school, path, dry_run=True, sheet="Blad1")
    assert wrong.exit_code == 2
    assert "Toelichting, Leerlingen" in wrong.errors[0].message("nl")
    cover = _import(school, path, dry_run=True, sheet="Toelichting")
    assert "Leerlingnummer" in cover.errors[0].message("nl")


def test_a_mapping_profile_reads_unguessable_headers(school: Engine, tmp_path: Path):
    path = tmp_path / "magister.csv"
    path.write_text("Stamnr;Rnaam;Anaam;Klas 2026\n300009;Ilse;Bos;4V1\n", encoding="utf-8")
    without = _import(school, path, dry_run=True)
    assert without.exit_code == 2
    profile = tmp_path / "magister.toml"
    profile.write_text(
        '[columns]\n"Stamnr" = "student_number"\n"Rnaam" = "first_name"\n'
        '"Anaam" = "last_name"\n"Klas 2026" = "group"\n',
        encoding="utf-8",
    )
    report = _import(school, path, mapping=profile)
    assert report.written
    with SqlAlchemyUnitOfWork(school) as uow:
        state = uow.student_states.states(YEAR)["300009"]
    assert (state["first_name"], state["home_class"], state["department"]) == ("Ilse", "4V1", "4V")


def test_a_house_number_addition_in_its_own_column_is_joined(school: Engine, tmp_path: Path):
    path = tmp_path / "toevoeging.csv"
    path.write_text(
        "Leerlingnummer;Roepnaam;Achternaam;Huisnummer;Toevoeging\n"
        "300010;Ada;Kok;12;a\n300011;Bas;Kok;7;-2\n300012;Cor;Kok;3;\n",
        encoding="utf-8",
    )
    report = _import(school, path)
    assert report.written, report.as_json()
    with SqlAlchemyUnitOfWork(school) as uow:
        states = uow.student_states.states(YEAR)
    assert [states[n]["house_number"] for n in ("300010", "300011", "300012")] == [
        "12a",
        "7-2",
        "3",
    ]
