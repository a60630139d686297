"""``koppel oneroster import`` and ``koppel integration run`` on SQLite and PostgreSQL with
sets written the way other systems write them: vendor ids as student numbers, the field
that gives the student number chosen, students without names, formats koppel does not
read, and every error as the command's JSON (docs/integration.md)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import sqlalchemy as sa

from koppel.store import tables as t
from koppel.store.database import connect
from tests.cli.runner import koppel
from tests.integration.sis_sets import sds_classic_minimal, vendor_oneroster_set, vendor_user

STUDENTS = [
    vendor_user("usr-222-1234561232", "sam.visser", metadata="LL-1001"),
    vendor_user("USER_0", "eva.bos", given="Eva", family="Bos", metadata="LL-1002"),
]
TOO_LONG = "usr-222-123456123245678"
"""23 characters: more than the portal's student number holds (20)."""


def _students(database_url: str) -> dict[str, tuple[str, str]]:
    engine = connect(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.select(
                    t.students.c.student_number, t.students.c.first_name, t.students.c.last_name
                )
            )
            return {number: (first, last) for number, first, last in rows}
    finally:
        engine.dispose()


def _import(database_url: str, folder: Path, *options: str, lang: str = "nl"):
    return koppel(
        "oneroster", "import", str(folder), "--json", *options, database=database_url, lang=lang
    )


def test_vendor_ids_with_an_empty_identifier_are_kept_as_student_numbers(
    database_url: str, tmp_path: Path
):
    assert koppel("init", database=database_url).code == 0
    folder = vendor_oneroster_set(tmp_path / "set", STUDENTS)
    run = _import(database_url, folder)
    assert run.code == 0, run.stdout + run.stderr
    assert sorted(run.json()["details"]["new"]) == ["USER_0", "usr-222-1234561232"]
    assert _students(database_url) == {
        "usr-222-1234561232": ("Sam", "Visser"),
        "USER_0": ("Eva", "Bos"),
    }
    again = _import(database_url, folder)
    assert again.json()["written"] is False


def test_a_user_that_cannot_be_a_student_number_is_reported_once(database_url: str, tmp_path: Path):
    assert koppel("init", database=database_url).code == 0
    folder = vendor_oneroster_set(tmp_path / "set", [*STUDENTS, vendor_user(TOO_LONG, "lang")])
    run = _import(database_url, folder, lang="en")
    assert run.code == 2
    errors = run.json()["errors"]
    assert [(e["file"], e["row"], e["column"]) for e in errors] == [("users.csv", 5, "identifier")]
    assert TOO_LONG in errors[0]["message"]
    assert "--student-number" in errors[0]["message"]
    assert "not in the set" not in run.stdout
    assert _students(database_url) == {}


def test_the_student_number_comes_from_the_chosen_field(database_url: str, tmp_path: Path):
    assert koppel("init", database=database_url).code == 0
    folder = vendor_oneroster_set(tmp_path / "set", STUDENTS)
    by_username = _import(database_url, folder, "--student-number", "username", "--dry-run")
    assert by_username.code == 0, by_username.stdout
    assert sorted(by_username.json()["details"]["new"]) == ["eva.bos", "sam.visser"]
    by_id = _import(database_url, folder, "--student-number", "sourcedid", "--dry-run")
    assert sorted(by_id.json()["details"]["new"]) == ["USER_0", "usr-222-1234561232"]
    applied = _import(database_url, folder, "--student-number", "metadata.studentNumber")
    assert applied.code == 0, applied.stdout
    assert set(_students(database_url)) == {"LL-1001", "LL-1002"}


def test_an_empty_chosen_field_is_reported_on_its_row_and_column(database_url: str, tmp_path: Path):
    assert koppel("init", database=database_url).code == 0
    folder = vendor_oneroster_set(tmp_path / "set", [*STUDENTS, vendor_user("USER_1", "joost")])
    run = _import(database_url, folder, "--student-number", "metadata.studentNumber", lang="en")
    assert run.code == 2
    errors = run.json()["errors"]
    assert [(e["file"], e["row"], e["column"]) for e in errors] == [
        ("users.csv", 5, "metadata.studentNumber")
    ]
    unknown = _import(database_url, folder, "--student-number", "nickname", lang="en")
    assert unknown.code == 2
    assert "identifier, sourcedId, username" in unknown.json()["errors"][0]["message"]


def test_sds_classic_minimal_students_are_naam_onbekend_with_a_warning(
    database_url: str, tmp_path: Path
):
    assert koppel("init", database=database_url).code == 0
    folder = sds_classic_minimal(tmp_path / "sds")
    run = _import(database_url, folder, lang="en")
    assert run.code == 0, run.stdout + run.stderr
    data = run.json()
    assert data["written"] is True
    assert data["students"]["new"] == 2
    assert data["staff"]["new"] == 1
    warned = {(w["file"], w["row"]) for w in data["warnings"] if "Naam onbekend" in w["message"]}
    assert warned == {("Student.csv", 2), ("Student.csv", 3), ("Teacher.csv", 2)}
    assert _students(database_url) == {"ST-1": ("Naam", "onbekend"), "ST-2": ("Naam", "onbekend")}


def test_a_oneroster_user_with_only_a_family_name_is_imported(database_url: str, tmp_path: Path):
    assert koppel("init", database=database_url).code == 0
    nameless = vendor_user("USER_7", "anon", given="", family="Smit")
    folder = vendor_oneroster_set(tmp_path / "set", [*STUDENTS, nameless])
    run = _import(database_url, folder, lang="en")
    assert run.code == 0, run.stdout + run.stderr
    assert [
        (w["row"], w["column"]) for w in run.json()["warnings"] if "full name" in w["message"]
    ] == [(5, "givenName")]
    assert _students(database_url)["USER_7"] == ("onbekend", "Smit")


def test_sets_of_formats_koppel_does_not_read_are_named(database_url: str, tmp_path: Path):
    assert koppel("init", database=database_url).code == 0
    sds = tmp_path / "sds2"
    sds.mkdir()
    (sds / "orgs.csv").write_text("sourcedId,name,type\r\nS1,Lyceum,school\r\n", encoding="utf-8")
    (sds / "users.csv").write_text(
        "sourcedId,username,givenName,familyName\r\nU1,u1@x.example,Ann,Dam\r\n", encoding="utf-8"
    )
    run = _import(database_url, sds, lang="en")
    assert run.code == 2
    message = run.json()["errors"][0]["message"]
    assert "School Data Sync v2.1" in message
    assert "roles.csv is missing" in message
    assert "manifest" not in message

    uk = tmp_path / "uk"
    uk.mkdir()
    for name, header in (
        ("students.csv", "UPN,Legal Surname,Forename,Year Group,Reg Group"),
        ("teachers.csv", "Staff Code,Title,Surname,Forename"),
        ("classes.csv", "Class Code,Subject,Year Group,Teacher Staff Code"),
    ):
        (uk / name).write_text(header + "\r\n", encoding="utf-8")
    unknown = _import(database_url, uk, lang="en")
    assert unknown.code == 2
    message = unknown.json()["errors"][0]["message"]
    assert "no roster set in a format koppel reads" in message
    for named in ("OneRoster 1.1/1.2", "School Data Sync v2.1", "School Data Sync classic"):
        assert named in message


def test_an_automatic_run_uses_the_chosen_field_and_records_what_failed(
    database_url: str, tmp_path: Path
):
    assert koppel("init", database=database_url).code == 0
    drop = tmp_path / "drop"
    folder = vendor_oneroster_set(drop / "2026-08-20", [*STUDENTS, vendor_user("USER_1", "joost")])
    _settled(folder)
    setting = {"KOPPEL_INTEGRATION_STUDENT_NUMBER": "metadata.studentNumber"}
    failed = koppel(
        "integration", "run", "--source", str(drop), "--json", database=database_url, env=setting
    )
    assert failed.code == 2, failed.stdout + failed.stderr
    summary = failed.json()["run"]["summary"]
    assert summary["error_count"] == 1
    assert [(e["file"], e["row"], e["column"]) for e in summary["errors"]] == [
        ("users.csv", 5, "metadata.studentNumber")
    ]
    assert summary["student_number"] == "metadata.studentNumber"
    listed = koppel("integration", "runs", "--json", database=database_url)
    assert listed.json()["runs"][0]["summary"]["error_count"] == 1

    fixed = vendor_oneroster_set(drop / "2026-08-21", STUDENTS)
    _settled(fixed)
    applied = koppel(
        "integration", "run", "--source", str(drop), "--json", database=database_url, env=setting
    )
    assert applied.code == 0, applied.stdout + applied.stderr
    assert applied.json()["result"] == "applied"
    assert set(_students(database_url)) == {"LL-1001", "LL-1002"}


def _settled(folder: Path) -> None:
    moment = time.time() - 600
    for file in folder.iterdir():
        os.utime(file, (moment, moment))
    os.utime(folder, (moment, moment))
