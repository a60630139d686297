"""Student files as SIS exports write them (Magister-, SOMtoday-style headers; ``4 VWO``,
``vwo 4``, ``man``/``vrouw``): imported through the real command on SQLite and
PostgreSQL, with the values' mapping in the preview."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.runner import koppel

MAGISTER = """\
Stamnr;Roepnaam;Tussenv;Achternaam;Geslacht;Klas;Afdeling;Geb. datum
900001;Sanne;de;Vries;vrouw;4v1;4 VWO;17-05-2010
900002;Daan;;Jansen;man;4 V 1;vwo 4;03-11-2009
900003;Noor;van;Dijk;V;4-V1;V4;21-01-2010
900004;Milan;;Bakker;M;4h1;4 HAVO;08-08-2009
900005;Eva;;Smit;;3m9;3 mavo;12-12-2010
900006;Finn;;Visser;Man;4 V 1;4-VWO;02-02-2010
"""

SOMTODAY = """\
"Leerlingnummer","Roepnaam","Achternaam","Geslacht","Stamgroep","Afdeling"
"900011","Lotte","Mulder","meisje","4V1","Atheneum 4"
"900012","Sem","de Boer","jongen","4V1","4 VWO"
"""


@pytest.fixture
def school(database_url: str) -> str:
    run = koppel("demo", "--students", "50", "--seed", "5", database=database_url)
    assert run.code == 0, run.stderr
    return database_url


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_departments_classes_and_genders_as_the_sis_writes_them_are_imported(
    school: str, tmp_path: Path
):
    path = _write(tmp_path, "leerlingen_magister.csv", MAGISTER, "cp1252")
    preview = koppel("import", "students", str(path), "--dry-run", "--json", database=school)
    assert preview.code == 0, preview.stdout + preview.stderr
    report = preview.json()
    assert report["errors"] == []
    assert report["written"] is False
    assert report["students"]["new"] == 6
    mapped = {
        (m["column"], m["value"]): (m["to"], m["how"], m["rows"])
        for m in report["details"]["values_mapped"]
    }
    assert mapped[("Afdeling", "4 VWO")] == ("4V", "name", 1)
    assert mapped[("Afdeling", "vwo 4")] == ("4V", "spelling", 1)
    assert mapped[("Afdeling", "V4")] == ("4V", "spelling", 1)
    assert mapped[("Afdeling", "3 mavo")] == ("3M", "name", 1)
    assert mapped[("Geslacht", "man")] == ("M", "word", 1)
    assert mapped[("Geslacht", "vrouw")] == ("V", "word", 1)
    assert mapped[("Klas", "4 V 1")] == ("4V1", "spelling", 2)
    assert mapped[("Klas", "3m9")] == ("3M9", "new", 1)
    assert ("Afdeling", "4-VWO") in mapped
    assert ("Geslacht", "M") not in mapped
    assert report["details"]["groups_new"] == [{"name": "3M9", "department": "3M"}]

    shown = koppel("import", "students", str(path), "--dry-run", database=school)
    assert "Afdeling '4 VWO' -> 4V (1 rij(en), naam van de afdeling)" in shown.stdout
    english = koppel("import", "students", str(path), "--dry-run", database=school, lang="en")
    assert "Afdeling 'vwo 4' -> 4V (1 row(s), another spelling)" in english.stdout

    applied = koppel("import", "students", str(path), "--json", database=school)
    assert applied.code == 0, applied.stderr
    assert applied.json()["written"] is True
    exported = tmp_path / "terug.csv"
    assert koppel("export", "students", str(exported), database=school).code == 0
    rows = exported.read_text(encoding="utf-8-sig").splitlines()
    header = rows[0].split(";")
    placed = {
        cells[0]: cells for cells in (r.split(";") for r in rows[1:]) if cells[0].startswith("9000")
    }
    assert set(placed) == {f"90000{i}" for i in range(1, 7)}
    klas, afdeling, geslacht = (header.index(h) for h in ("Stamklas", "Afdeling", "Geslacht"))
    assert {placed[n][klas] for n in ("900001", "900002", "900003", "900006")} == {"4V1"}
    assert {placed[n][afdeling] for n in ("900001", "900002", "900003", "900006")} == {"4V"}
    assert (placed["900001"][geslacht], placed["900002"][geslacht]) == ("V", "M")
    assert placed["900005"][geslacht] == "X"
    again = koppel("import", "students", str(path), "--json", database=school).json()
    assert again["written"] is False
    assert again["students"]["unchanged"] == 6


def test_an_unknown_department_is_refused_with_the_nearest_and_the_profile_line(
    school: str, tmp_path: Path
):
    path = _write(tmp_path, "somtoday.csv", SOMTODAY)
    before = koppel("stats", "--json", database=school).json()
    refused = koppel("import", "students", str(path), "--json", database=school)
    assert refused.code == 2
    (error,) = refused.json()["errors"]
    assert (error["file"], error["row"], error["column"]) == ("somtoday.csv", 2, "Afdeling")
    assert "4H (4 HAVO), 4M (4 MAVO), 4V (4 VWO)" in error["message"]
    assert '[values.Afdeling] "Atheneum 4" = "CODE"' in error["message"]
    assert koppel("stats", "--json", database=school).json() == before

    english = koppel("import", "students", str(path), database=school, lang="en")
    assert english.code == 2
    assert "department 'Atheneum 4' is unknown" in english.stderr
    # the profile line reaches the terminal whole (not read as the terminal's markup)
    assert '[values.Afdeling] "Atheneum 4" = "CODE"' in " ".join(english.stderr.split())


def test_the_profile_maps_the_rest_and_the_preview_says_so(school: str, tmp_path: Path):
    path = _write(tmp_path, "somtoday.csv", SOMTODAY)
    profile = _write(
        tmp_path,
        "somtoday.toml",
        'source = "SOMtoday"\n[values.Afdeling]\n"atheneum-4" = "4 VWO"\n',
    )
    run = koppel(
        "import", "students", str(path), "--mapping", str(profile), "--json", database=school
    )
    assert run.code == 0, run.stdout + run.stderr
    mapped = run.json()["details"]["values_mapped"]
    assert {
        "column": "Afdeling",
        "value": "Atheneum 4",
        "to": "4V",
        "how": "profile",
        "rows": 1,
    } in mapped
    assert {"column": "Geslacht", "value": "meisje", "to": "V", "how": "word", "rows": 1} in mapped
    assert run.json()["written"] is True
    assert run.json()["students"]["new"] == 2


def test_a_profile_that_maps_to_a_department_the_school_lacks_is_refused(
    school: str, tmp_path: Path
):
    path = _write(tmp_path, "somtoday.csv", SOMTODAY)
    profile = _write(tmp_path, "fout.toml", '[values.Afdeling]\n"Atheneum 4" = "7V"\n')
    before = koppel("stats", "--json", database=school).json()
    run = koppel(
        "import", "students", str(path), "--mapping", str(profile), "--json", database=school
    )
    assert run.code == 2
    (error,) = run.json()["errors"]
    assert (error["file"], error["column"]) == ("fout.toml", "values.Afdeling")
    assert "'7V'" in error["message"]
    assert "4V" in error["message"]
    assert koppel("stats", "--json", database=school).json() == before


def test_an_unknown_gender_is_refused_until_the_profile_maps_it(school: str, tmp_path: Path):
    path = _write(
        tmp_path,
        "eduarte.csv",
        "Deelnemernummer,Roepnaam,Achternaam,Geslacht,Klas\n"
        "900041,Ida,Kok,w,4v1\n900042,Bo,Kok,Male,4V1\n",
    )
    before = koppel("stats", "--json", database=school).json()
    refused = koppel("import", "students", str(path), "--json", database=school, lang="en")
    assert refused.code == 2
    (error,) = refused.json()["errors"]
    assert (error["file"], error["row"], error["column"]) == ("eduarte.csv", 2, "Geslacht")
    assert "nearest: M, V, X" in error["message"]
    assert '[values.Geslacht] "w" = "M|V|X"' in error["message"]
    assert koppel("stats", "--json", database=school).json() == before

    profile = _write(tmp_path, "eduarte.toml", '[values.gender]\n"W" = "V"\n')
    run = koppel(
        "import", "students", str(path), "--mapping", str(profile), "--json", database=school
    )
    assert run.code == 0, run.stdout
    mapped = run.json()["details"]["values_mapped"]
    assert {"column": "Geslacht", "value": "w", "to": "V", "how": "profile", "rows": 1} in mapped
    assert {"column": "Geslacht", "value": "Male", "to": "M", "how": "word", "rows": 1} in mapped
    assert {"column": "Klas", "value": "4v1", "to": "4V1", "how": "spelling", "rows": 1} in mapped
