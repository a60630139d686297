"""Exports and templates: formula-safe, text kept as text, written atomically."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from koppel.domain.errors import InvalidValue
from koppel.files.columns import ImportKind
from koppel.files.headers import map_headers
from koppel.files.neutralise import neutralise
from koppel.files.readers import read_table
from koppel.files.templates import headers_of, write_template
from koppel.files.writers import write_table
from tests.files.nasty import read_back


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_starts_are_neutralised(start: str):
    assert neutralise(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("safe", ["012345", "Jan", "", "4V.netl1", "a=b"])
def test_other_text_is_unchanged(safe: str):
    assert neutralise(safe) == safe


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_written_files_are_formula_safe_and_keep_leading_zeros(tmp_path: Path, suffix: str):
    path = tmp_path / f"export{suffix}"
    write_table(
        path, ["=Kop", "Nummer", "Getal"], [["=HYPERLINK(1)", "012345", -5], ["@x", "000001", 3]]
    )
    if suffix == ".xlsx":
        rows = read_back(path)
        calamine = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        assert calamine[1][1] == "012345"
    else:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
        rows = [
            [int(v) if v.lstrip("-").isdigit() and not v.startswith("0") else v for v in r]
            for r in rows
        ]
    assert rows[0][0] == "'=Kop"
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][1] == "012345"
    assert rows[1][2] == -5  # a number, not text: stays a number
    assert rows[2][0] == "'@x"


def test_writing_is_atomic(tmp_path: Path):
    path = tmp_path / "export.csv"
    path.write_text("old", encoding="utf-8")

    def rows():
        yield ["a"]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_table(path, ["h"], rows())
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]


def test_unknown_suffix_is_refused(tmp_path: Path):
    with pytest.raises(InvalidValue, match=r"\.xlsx"):
        write_table(tmp_path / "x.pdf", ["h"], [])


@pytest.mark.parametrize("kind", list(ImportKind))
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_templates_read_back_through_the_normal_import_reader(tmp_path: Path, kind, suffix):
    path = tmp_path / f"{kind.value}{suffix}"
    write_template(kind, path)
    table, warnings = read_table(path, kind=kind)
    assert warnings == []
    assert list(table.headers) == headers_of(kind)
    assert len(table.rows) == 1
    _, header_warnings = map_headers(table.headers, kind, file=path.name, header_row=1)
    assert header_warnings == []
