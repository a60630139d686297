"""``koppel import``, ``export``, ``undo`` as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli.runner import koppel
from tests.files import nasty


@pytest.fixture
def demo(tmp_path: Path) -> str:
    database = f"sqlite:///{tmp_path / 'koppel.db'}"
    assert koppel("demo", "--students", "300", "--seed", "5", database=database).code == 0
    return database


def test_round_trip_export_import_is_unchanged_then_edit_apply_and_undo(demo: str, tmp_path: Path):
    exported = tmp_path / "leerlingen.xlsx"
    assert koppel("export", "students", str(exported), database=demo).code == 0
    preview = koppel("import", "students", str(exported), "--dry-run", "--json", database=demo)
    assert preview.code == 0, preview.stderr
    counts = preview.json()["students"]
    assert counts["new"] == counts["updated"] == counts["absent"] == 0
    assert counts["unchanged"] == preview.json()["rows"] > 250

    workbook = load_workbook(exported)
    sheet = workbook.active
    number = str(sheet["A2"].value)
    old_city = sheet["I2"].value
    sheet["I2"] = "Kapelle"
    workbook.save(exported)
    before = koppel("stats", "--json", database=demo).json()

    applied = koppel("import", "students", str(exported), "--json", database=demo)
    assert applied.code == 0, applied.stderr
    result = applied.json()
    assert result["written"] is True
    assert result["students"]["updated"] == 1
    (update,) = result["details"]["updated"]
    assert update["student"] == number
    assert update["fields"] == {"city": {"before": old_city, "after": "Kapelle"}}

    again = koppel("import", "students", str(exported), "--json", database=demo).json()
    assert again["written"] is False
    assert again["students"]["unchanged"] == counts["unchanged"]

    undone = koppel("undo", result["changeset"], "--json", database=demo)
    assert undone.code == 0, undone.stderr
    assert undone.json()["undone"] == result["changeset"]
    back = koppel("import", "students", str(exported), "--dry-run", "--json", database=demo).json()
    assert back["details"]["updated"][0]["fields"]["city"]["before"] == old_city
    assert koppel("stats", "--json", database=demo).json() == before


def test_a_bad_file_exits_2_and_names_file_row_and_column(demo: str, tmp_path: Path):
    path = nasty.make_ambiguous_dates_csv(tmp_path)
    run = koppel("import", "students", str(path), database=demo)
    assert run.code == 2
    assert "ambiguous.csv" in run.stderr
    assert "rij 3" in run.stderr
    assert "Geboortedatum" in run.stderr
    assert "niets geschreven" in run.stderr
    as_json = koppel("import", "students", str(path), "--json", database=demo)
    assert as_json.code == 2
    (error,) = as_json.json()["errors"]
    assert (error["file"], error["row"], error["column"]) == ("ambiguous.csv", 3, "Geboortedatum")


def test_marking_many_absent_students_as_left_needs_force(demo: str, tmp_path: Path):
    path = nasty.make_semicolon_csv(tmp_path)
    refused = koppel("import", "students", str(path), "--mark-absent-left", "--json", database=demo)
    assert refused.code == 3
    assert refused.json()["written"] is False
    assert "--force" in refused.json()["refused"]
    stats = koppel("stats", "--json", database=demo).json()
    forced = koppel(
        "import", "students", str(path), "--mark-absent-left", "--force", "--json", database=demo
    )
    assert forced.code == 0, forced.stderr
    result = forced.json()
    assert result["written"] is True
    assert result["marked_left"] == result["students"]["absent"] > 250
    after = koppel("stats", "--json", database=demo).json()
    assert after["students"]["left"] == stats["students"]["left"] + result["marked_left"]
    assert koppel("undo", result["changeset"], database=demo).code == 0
    assert koppel("stats", "--json", database=demo).json() == stats


@pytest.mark.parametrize("kind", ["students", "staff", "teacher-groups"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_templates_are_written(tmp_path: Path, kind: str, suffix: str):
    path = tmp_path / f"{kind}{suffix}"
    run = koppel("import", "template", kind, str(path))
    assert run.code == 0, run.stderr
    assert path.stat().st_size > 50


def test_template_of_an_unknown_kind_is_usage_error(tmp_path: Path):
    run = koppel("import", "template", "parents", str(tmp_path / "x.xlsx"))
    assert run.code == 2


def test_undo_of_an_unknown_change_set(demo: str):
    run = koppel("undo", "nope", database=demo)
    assert run.code == 2
    assert "nope" in run.stderr


def test_import_of_a_missing_file(demo: str, tmp_path: Path):
    run = koppel("import", "students", str(tmp_path / "weg.xlsx"), database=demo)
    assert run.code == 2
    assert "weg.xlsx" in run.stderr


@pytest.mark.parametrize(
    ("kind", "rows", "key"),
    [
        ("staff", [["Docentcode", "Roepnaam", "Achternaam"], ["ZZZZ", "Zus", "Zomer"]], "staff"),
        ("teacher-groups", [["Docentcode", "Groep", "Rol"], ["ZZZZ", "1M1", "mentor"]], "links"),
    ],
)
def test_staff_and_teacher_group_commands(demo: str, tmp_path: Path, kind, rows, key):
    path = tmp_path / f"{kind}.csv"
    path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    run = koppel("import", kind, str(path), "--dry-run", "--json", database=demo)
    if kind == "staff":
        assert run.code == 0, run.stderr
        assert run.json()[key]["new"] == 1
        assert run.json()[key]["absent"] > 10
    else:  # ZZZZ is not a staff member of the demo school
        assert run.code == 2
        assert run.json()["errors"][0]["column"] == "Docentcode"
