"""Reading SIS sets (issue 8): OneRoster 1.1/1.2, SDS v2.1 and SDS classic, from a folder
or a zip, checked with file, row and column; passwords never visible."""

from __future__ import annotations

import ast
import csv
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from koppel.domain.sis.sets import (
    Entity,
    FileMode,
    RecordStatus,
    SisFormat,
    SisSet,
    UserKind,
)
from koppel.files.limits import ImportLimits
from koppel.files.problems import Problem
from koppel.files.sis import SisReading, read_sis_set
from koppel.i18n import CATALOG
from tests.files.sis import sets

PROJECT = Path(__file__).resolve().parents[2]
REFERENCE = PROJECT.parent / "shared" / "reference-data"
SIS_SRC = PROJECT / "src" / "koppel" / "files" / "sis"


def read(path: Path, **limits: int) -> SisReading:
    reading = read_sis_set(path, limits=ImportLimits(**limits))
    for problem in [*reading.errors, *reading.warnings]:  # every message renders, both languages
        for language in ("nl", "en"):
            assert problem.message(language) != problem.message_code
    return reading


def sis_set_of(path: Path) -> SisSet:
    reading = read(path)
    assert reading.errors == [], [where(p) for p in reading.errors]
    assert reading.sis_set is not None
    return reading.sis_set


def where(problem: Problem) -> tuple[str, int | None, str | None, str]:
    return problem.file, problem.row, problem.column, problem.message_code


def only_error(reading: SisReading) -> Problem:
    assert reading.sis_set is None
    assert len(reading.errors) == 1, [where(p) for p in reading.errors]
    return reading.errors[0]


@pytest.fixture
def oneroster(tmp_path: Path) -> Path:
    return sets.oneroster(tmp_path / "set")


# --- the reference sets from real systems --------------------------------------------------


def reference(name: str) -> Path:
    folder = REFERENCE / name
    if not folder.is_dir():
        pytest.skip(f"reference data {folder} is absent (a plain clone has no ../shared)")
    return folder


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.DictReader(handle) if any(v.strip() for v in row.values())]


def test_oneroster_oat_set_is_read_with_its_vendor_columns() -> None:
    folder = reference("oneroster-1.1-oat")
    sis_set = sis_set_of(folder)
    assert sis_set.format is SisFormat.ONEROSTER_1_1
    assert sis_set.mode(Entity.USERS) is FileMode.BULK
    assert len(sis_set.orgs) == len(csv_rows(folder / "orgs.csv"))
    assert len(sis_set.users) == len(csv_rows(folder / "users.csv"))
    assert len(sis_set.classes) == len(csv_rows(folder / "classes.csv"))
    assert len(sis_set.enrollments) == len(csv_rows(folder / "enrollments.csv"))
    assert {u.kind for u in sis_set.users} == {UserKind.STUDENT}
    assert sis_set.users[0].org_ids == ("12345",)
    assert sis_set.users[0].enabled is True  # TRUE in capitals


def test_sds_v21_set_is_read_with_roles_from_roles_csv() -> None:
    folder = reference("sds-v2.1")
    sis_set = sis_set_of(folder)
    assert sis_set.format is SisFormat.SDS_2_1
    assert len(sis_set.users) == len(csv_rows(folder / "users.csv"))
    assert len(sis_set.classes) == len(csv_rows(folder / "classes.csv"))
    assert len(sis_set.enrollments) == len(csv_rows(folder / "enrollments.csv"))
    assert len(sis_set.demographics) == len(csv_rows(folder / "demographics.csv"))
    roles = {r["userSourcedId"]: r["role"] for r in csv_rows(folder / "roles.csv")}
    users = {u.sourced_id: u for u in sis_set.users}
    for user_id, role in roles.items():
        assert users[user_id].role == role.lower()
    assert users["114006"].kind is UserKind.STAFF  # professor
    assert users["114007"].kind is UserKind.STAFF
    assert users["114007"].org_ids == ("110004", "110003")  # the primary role's org first
    assert users["114002"].kind is UserKind.OTHER  # a guardian: no role, only a relationship
    sessions = {s.sourced_id: s for s in sis_set.sessions}
    assert sessions["SY2021K12"].school_year == "2021-2022"
    assert all(mode is FileMode.BULK for mode in sis_set.modes.values())


def test_sds_classic_set_is_read_from_its_six_files() -> None:
    folder = reference("sds-v1-100-users")
    sis_set = sis_set_of(folder)
    assert sis_set.format is SisFormat.SDS_CLASSIC
    students, teachers = csv_rows(folder / "Student.csv"), csv_rows(folder / "Teacher.csv")
    assert len(sis_set.users) == len(students) + len(teachers)
    assert len(sis_set.orgs) == len(csv_rows(folder / "School.csv"))
    assert len(sis_set.classes) == len(csv_rows(folder / "Section.csv"))
    assert len(sis_set.enrollments) == len(csv_rows(folder / "StudentEnrollment.csv")) + len(
        csv_rows(folder / "TeacherRoster.csv")
    )
    assert len(sis_set.demographics) == sum(1 for s in students if s["Birthdate"])
    kinds = {u.sourced_id: u.kind for u in sis_set.users}
    assert {kinds[s["SIS ID"]] for s in students} == {UserKind.STUDENT}
    assert {kinds[t["SIS ID"]] for t in teachers} == {UserKind.STAFF}
    first = next(u for u in sis_set.users if u.sourced_id == students[0]["SIS ID"])
    assert (first.given_name, first.username) == (
        students[0]["First Name"],
        students[0]["Username"],
    )
    assert first.org_ids == (students[0]["School SIS ID"],)
    (term,) = sis_set.sessions  # 7/1/2017 - 6/30/2018, American dates
    assert (term.start, term.end, term.school_year) == (
        date(2017, 7, 1),
        date(2018, 6, 30),
        "2017-2018",
    )


@pytest.mark.parametrize("name", ["oneroster-1.1-oat", "sds-v2.1", "sds-v1-100-users"])
def test_no_password_of_a_reference_set_is_visible(name: str) -> None:
    folder = reference(name)
    secrets = set()
    for path in folder.glob("*.csv"):
        for row in csv_rows(path):
            secrets |= {v for k, v in row.items() if "password" in (k or "").lower() and v}
    assert secrets or name == "oneroster-1.1-oat"
    reading = read(folder)
    assert_invisible(reading, secrets | {"P@ssword123"} - {""})


def assert_invisible(reading: SisReading, secrets: set[str]) -> None:
    shown = [repr(reading.sis_set), *(repr(p) for p in [*reading.errors, *reading.warnings])]
    shown += [
        p.message(lang) for p in [*reading.errors, *reading.warnings] for lang in ("nl", "en")
    ]
    for secret in secrets:
        assert not any(secret in text for text in shown), secret


# --- OneRoster: the set, the zip, the manifest ----------------------------------------------


def test_oneroster_11_set_is_read_whole(oneroster: Path) -> None:
    reading = read(oneroster)
    assert reading.errors == []
    sis_set = reading.sis_set
    assert sis_set is not None
    assert sis_set.format is SisFormat.ONEROSTER_1_1
    assert sis_set.source == str(oneroster)
    users = {u.sourced_id: u for u in sis_set.users}
    assert users["s1"].kind is UserKind.STUDENT
    assert users["s3"].role == "student"  # 'Student' in the file
    assert users["s3"].enabled is False
    assert users["t1"].kind is UserKind.STAFF
    assert users["t1"].org_ids == ("school1", "bestuur")
    assert users["g1"].kind is UserKind.OTHER
    assert users["s1"].origin.file == "users.csv"
    assert users["s1"].origin.row == 2
    enrollments = {e.sourced_id: e for e in sis_set.enrollments}
    assert enrollments["e4"].primary is True
    assert enrollments["e6"].primary is True  # 'True'
    assert enrollments["e1"].primary is False
    classes = {c.sourced_id: c for c in sis_set.classes}
    assert classes["k2"].session_ids == ("sj2526", "p1")
    assert classes["k2"].status is RecordStatus.ACTIVE  # blank in a bulk file
    demographics = {d.user_id: d for d in sis_set.demographics}
    assert demographics["s1"].birth_date == date(2013, 5, 17)
    assert demographics["s2"].sex == "male"
    assert len(sis_set.fingerprint) == 64


def test_ext_columns_are_tolerated_and_koppels_own_passed_on(oneroster: Path) -> None:
    sis_set = sis_set_of(oneroster)
    classes = {c.sourced_id: c for c in sis_set.classes}
    assert dict(classes["k1"].ext) == {"department": "1H"}  # ext_vendor_room left out
    users = {u.sourced_id: u for u in sis_set.users}
    assert dict(users["t1"].ext) == {"staffCode": "TEST"}


def test_oneroster_12_takes_roles_from_roles_csv(tmp_path: Path) -> None:
    sis_set = sis_set_of(sets.oneroster(tmp_path / "set", "1.2"))
    assert sis_set.format is SisFormat.ONEROSTER_1_2
    users = {u.sourced_id: u for u in sis_set.users}
    assert (users["s1"].kind, users["s1"].role) == (UserKind.STUDENT, "student")
    # primary role parent, secondary teacher: staff to koppel; the primary role's org first
    assert (users["t1"].kind, users["t1"].role) == (UserKind.STAFF, "teacher")
    assert users["t1"].org_ids == ("school1", "bestuur")
    assert users["g1"].kind is UserKind.OTHER


def test_oneroster_12_user_without_a_role_is_an_error(tmp_path: Path) -> None:
    folder = sets.oneroster(tmp_path / "set", "1.2")
    sets.change(folder, "roles.csv", 2, "userSourcedId", "s9")
    reading = read(folder)
    assert reading.sis_set is None
    found = {where(p) for p in reading.errors}
    assert ("roles.csv", 2, "userSourcedId", "roster.reference.user") in found
    assert ("users.csv", 2, None, "roster.user.no_role") in found


def test_oneroster_12_delta_user_without_a_role_here_is_other_with_a_warning(
    tmp_path: Path,
) -> None:
    folder = sets.oneroster(tmp_path / "set", "1.2", modes={"users": "delta", "roles": "delta"})
    sets.change(folder, "users.csv", 4, "status", "active")  # delta rows need a status
    sets.change(folder, "roles.csv", 2, "userSourcedId", "s-earlier")  # s1 has no role here
    reading = read(folder)
    assert reading.errors == []
    assert ("users.csv", 2, None, "roster.user.no_role") in map(where, reading.warnings)
    assert reading.sis_set is not None
    assert reading.sis_set.users[0].kind is UserKind.OTHER


def test_zip_is_read_the_same_as_the_folder(oneroster: Path, tmp_path: Path) -> None:
    from_folder = sis_set_of(oneroster)
    for archive in (
        sets.zip_folder(oneroster, tmp_path / "set.zip"),
        sets.zip_folder(oneroster, tmp_path / "nested.zip", prefix="export-2025/"),
    ):
        from_zip = sis_set_of(archive)
        assert from_zip.source == str(archive)
        assert from_zip.fingerprint == from_folder.fingerprint
        for name in ("orgs", "sessions", "classes", "users", "enrollments", "demographics"):
            assert getattr(from_zip, name) == getattr(from_folder, name)
        assert from_zip.modes == from_folder.modes


def test_fingerprint_follows_the_bytes(oneroster: Path) -> None:
    first = sis_set_of(oneroster).fingerprint
    assert sis_set_of(oneroster).fingerprint == first
    sets.change(oneroster, "users.csv", 2, "givenName", "Leerlinge")
    assert sis_set_of(oneroster).fingerprint != first


def test_manifest_modes_are_passed_and_absent_files_not_read(tmp_path: Path) -> None:
    folder = sets.oneroster(
        tmp_path / "set", modes={"users": "delta", "enrollments": "delta", "demographics": "absent"}
    )
    fill_statuses(folder)
    sis_set = sis_set_of(folder)
    assert sis_set.mode(Entity.USERS) is FileMode.DELTA
    assert sis_set.mode(Entity.ENROLLMENTS) is FileMode.DELTA
    assert sis_set.mode(Entity.ORGS) is FileMode.BULK
    assert sis_set.mode(Entity.DEMOGRAPHICS) is FileMode.ABSENT
    assert sis_set.demographics == ()


def test_file_listed_absent_but_present_is_ignored_with_a_warning(oneroster: Path) -> None:
    sets.manifest(oneroster, modes={"demographics": "absent"})
    reading = read(oneroster)
    assert reading.sis_set is not None
    assert reading.sis_set.demographics == ()
    assert ("demographics.csv", None, None, "roster.manifest.ignored") in map(
        where, reading.warnings
    )


@pytest.mark.parametrize(
    ("modes", "remove", "code"),
    [
        ({}, "classes.csv", "roster.manifest.file_missing"),
        ({"classes": "bulk"}, None, None),
        ({"enrollments": "weekly"}, None, "roster.manifest.mode"),
    ],
)
def test_manifest_and_files_must_agree(
    oneroster: Path, modes: dict[str, str], remove: str | None, code: str | None
) -> None:
    sets.manifest(oneroster, modes=modes)
    if remove:
        (oneroster / remove).unlink()
    reading = read(oneroster)
    assert [p.message_code for p in reading.errors] == ([code] if code else [])


def test_file_not_in_the_manifest_is_an_error(oneroster: Path) -> None:
    lines = (oneroster / "manifest.csv").read_text("utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("file.classes")]
    (oneroster / "manifest.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    error = only_error(read(oneroster))
    assert error.message_code == "roster.manifest.not_listed"
    assert "file.classes,bulk" in error.message("en")


@pytest.mark.parametrize(("version", "code"), [("2.0", "roster.manifest.version"), ("", None)])
def test_manifest_version_must_be_known(oneroster: Path, version: str, code: str | None) -> None:
    sets.manifest(oneroster, version=version)
    if not version:
        lines = (oneroster / "manifest.csv").read_text("utf-8").splitlines()
        kept = [line for line in lines if "oneroster.version" not in line]
        (oneroster / "manifest.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    error = only_error(read(oneroster))
    assert error.message_code == (code or "roster.manifest.no_version")


def test_manifest_10_reads_as_11(oneroster: Path) -> None:
    sets.manifest(oneroster, version="1.0")
    assert sis_set_of(oneroster).format is SisFormat.ONEROSTER_1_1


# --- errors with file, row and column -----------------------------------------------------


def test_enrollment_naming_an_unknown_class_is_rejected_with_file_row_and_column(
    oneroster: Path,
) -> None:
    sets.change(oneroster, "enrollments.csv", 5, "classSourcedId", "class9")
    error = only_error(read(oneroster))
    assert where(error) == ("enrollments.csv", 5, "classSourcedId", "roster.reference.class")
    assert error.message("nl") == (
        "klas 'class9' bestaat niet in classes.csv. Controleer de export of voeg de klas toe"
    )
    assert "class9" in error.message("en")


@pytest.mark.parametrize(
    ("file", "row", "column", "value", "code"),
    [
        ("enrollments.csv", 3, "userSourcedId", "s9", "roster.reference.user"),
        ("enrollments.csv", 3, "schoolSourcedId", "school9", "roster.reference.org"),
        ("classes.csv", 2, "schoolSourcedId", "school9", "roster.reference.org"),
        ("users.csv", 4, "orgSourcedIds", "school1,school9", "roster.reference.org"),
        ("orgs.csv", 3, "parentSourcedId", "bestuur9", "roster.reference.org"),
        ("demographics.csv", 2, "sourcedId", "s9", "roster.reference.user"),
    ],
)
def test_broken_references_are_errors(
    oneroster: Path, file: str, row: int, column: str, value: str, code: str
) -> None:
    sets.change(oneroster, file, row, column, value)
    assert where(only_error(read(oneroster))) == (file, row, column, code)


def test_unknown_session_of_a_class_is_a_warning(oneroster: Path) -> None:
    sets.change(oneroster, "classes.csv", 3, "termSourcedIds", "sj2526,p9")
    reading = read(oneroster)
    assert reading.errors == []
    assert ("classes.csv", 3, "termSourcedIds", "roster.reference.session") in map(
        where, reading.warnings
    )


def fill_statuses(folder: Path) -> None:
    """Delta rows need a status: give the two blank ones of the fixture theirs."""
    sets.change(folder, "classes.csv", 3, "status", "active")
    sets.change(folder, "users.csv", 4, "status", "active")


def test_delta_may_reference_records_of_an_earlier_set(tmp_path: Path) -> None:
    folder = sets.oneroster(tmp_path / "set", modes={"classes": "delta", "users": "delta"})
    fill_statuses(folder)
    sets.change(folder, "enrollments.csv", 2, "classSourcedId", "k-earlier")
    sets.change(folder, "enrollments.csv", 3, "userSourcedId", "s-earlier")
    sis_set = sis_set_of(folder)
    assert {e.class_id for e in sis_set.enrollments} >= {"k-earlier"}


def test_delta_rows_need_a_status(tmp_path: Path) -> None:
    folder = sets.oneroster(tmp_path / "set", modes={"classes": "delta"})
    error = only_error(read(folder))  # k2 has a blank status
    assert where(error) == ("classes.csv", 3, "status", "roster.value.status_delta")


def test_to_be_deleted_rows_need_only_their_id(tmp_path: Path) -> None:
    folder = sets.oneroster(tmp_path / "set", modes={"enrollments": "delta"})
    row = sets.add_row(folder, "enrollments.csv", {"sourcedId": "e-old", "status": "tobedeleted"})
    sis_set = sis_set_of(folder)
    gone = next(e for e in sis_set.enrollments if e.sourced_id == "e-old")
    assert gone.status is RecordStatus.TO_BE_DELETED
    assert gone.origin.row == row


def test_missing_required_header_names_the_file_and_column(oneroster: Path) -> None:
    sets.drop_column(oneroster, "enrollments.csv", "classSourcedId")
    error = only_error(read(oneroster))
    assert where(error) == ("enrollments.csv", 1, "classSourcedId", "roster.header.missing")
    assert "classSourcedId" in error.message("en")
    assert "enrollments.csv" in error.message("nl")


@pytest.mark.parametrize(
    ("file", "row", "column", "value", "code"),
    [
        ("users.csv", 3, "role", "leerling", "roster.value.enum"),
        ("enrollments.csv", 4, "role", "mentor", "roster.value.enum"),
        ("classes.csv", 2, "classType", "stamklas", "roster.value.enum"),
        ("orgs.csv", 2, "type", "bestuur", "roster.value.enum"),
        ("academicSessions.csv", 2, "type", "year", "roster.value.enum"),
        ("users.csv", 2, "status", "inactive", "roster.value.enum"),
        ("users.csv", 2, "enabledUser", "ja", "roster.value.boolean"),
        ("enrollments.csv", 2, "primary", "yes", "roster.value.boolean"),
        ("academicSessions.csv", 2, "startDate", "01-08-2025", "roster.value.date"),
        ("academicSessions.csv", 2, "endDate", "2025-02-30", "roster.value.date"),
        ("academicSessions.csv", 2, "endDate", "2024-07-31", "roster.value.date_order"),
        ("demographics.csv", 2, "birthDate", "17-05-2013", "roster.value.date"),
        ("demographics.csv", 2, "sex", "v", "roster.value.enum"),
        ("orgs.csv", 2, "dateLastModified", "gisteren", "roster.value.datetime"),
        ("users.csv", 3, "username", "", "roster.value.required"),
        ("enrollments.csv", 2, "sourcedId", "", "roster.value.required"),
    ],
)
def test_bad_values_are_errors_on_their_row_and_column(
    oneroster: Path, file: str, row: int, column: str, value: str, code: str
) -> None:
    sets.change(oneroster, file, row, column, value)
    error = only_error(read(oneroster))
    assert where(error) == (file, row, column, code)
    if value:
        assert value in error.message("en")


def test_vendor_enum_values_are_allowed(oneroster: Path) -> None:
    sets.change(oneroster, "enrollments.csv", 2, "role", "ext:observer")
    sets.change(oneroster, "orgs.csv", 3, "type", "ext:branch")
    sis_set = sis_set_of(oneroster)
    assert sis_set.enrollments[0].role == "ext:observer"
    assert sis_set.orgs[1].type == "ext:branch"


def test_enumerations_ignore_case_and_keep_the_standards_spelling(oneroster: Path) -> None:
    sets.change(oneroster, "academicSessions.csv", 2, "type", "SCHOOLYEAR")
    sets.change(oneroster, "classes.csv", 2, "classType", "Homeroom")
    sets.change(oneroster, "orgs.csv", 3, "status", "Active")
    sis_set = sis_set_of(oneroster)
    assert sis_set.sessions[0].type == "schoolYear"
    assert sis_set.classes[0].class_type == "homeroom"


@pytest.mark.parametrize(
    ("file", "column", "second_row"),
    [
        ("users.csv", "sourcedId", 4),
        ("classes.csv", "sourcedId", 3),
        ("enrollments.csv", "sourcedId", 7),
        ("orgs.csv", "sourcedId", 3),
    ],
)
def test_duplicate_sourced_id_names_both_rows(
    oneroster: Path, file: str, column: str, second_row: int
) -> None:
    first = (oneroster / file).read_text("utf-8").splitlines()[1].split(",")[0]
    sets.change(oneroster, file, second_row, column, first)
    errors = read(oneroster).errors
    duplicate = next(p for p in errors if p.message_code == "roster.duplicate_id")
    assert where(duplicate) == (file, second_row, column, "roster.duplicate_id")
    assert duplicate.params == {"value": first, "first": 2}


def test_many_errors_of_one_kind_are_listed_twenty_times_and_counted(oneroster: Path) -> None:
    for number in range(30):
        sets.add_row(
            oneroster,
            "enrollments.csv",
            {"sourcedId": f"x{number}", "classSourcedId": "k9", "schoolSourcedId": "school1"}
            | {"userSourcedId": "s1", "role": "student"},
        )
    errors = read(oneroster).errors
    assert len(errors) == 21
    assert errors[-1].message_code == "roster.more"
    assert errors[-1].params == {"count": 10}
    assert errors[-1].message("nl") == "en nog 10 keer hetzelfde probleem in deze kolom"


def test_a_column_named_twice_is_an_error(oneroster: Path) -> None:
    text = (oneroster / "orgs.csv").read_text("utf-8").replace("identifier", "Name", 1)
    (oneroster / "orgs.csv").write_text(text, encoding="utf-8")
    assert where(only_error(read(oneroster))) == ("orgs.csv", 1, "Name", "roster.header.twice")


def test_unclosed_quote_is_refused_naming_its_row(oneroster: Path) -> None:
    text = (oneroster / "classes.csv").read_text("utf-8")
    text = text.replace(",homeroom,", ',"homeroom,')  # row 2; the next quote is in row 3
    (oneroster / "classes.csv").write_text(text, encoding="utf-8")
    error = only_error(read(oneroster))
    assert (error.file, error.row, error.message_code) == ("classes.csv", 2, "csv.unclosed_quote")


# --- encodings, delimiters, sessions ----------------------------------------------------------


def test_utf8_with_bom_cp1252_and_semicolons_are_read(oneroster: Path) -> None:
    header, rows = sets.USERS_11
    rows = [list(r) for r in rows]
    rows[0][header.index("givenName")] = "Zoë"
    text = sets.csv_text(header, rows)
    (oneroster / "users.csv").write_bytes(text.encode("cp1252"))
    (oneroster / "orgs.csv").write_bytes(
        b"\xef\xbb\xbf" + sets.csv_text(*sets.ORGS).replace(",", ";").encode("utf-8")
    )
    sis_set = sis_set_of(oneroster)
    assert sis_set.users[0].given_name == "Zoë"
    assert [o.sourced_id for o in sis_set.orgs] == ["bestuur", "school1"]


def test_school_year_from_dates_or_the_parent(oneroster: Path) -> None:
    sis_set = sis_set_of(oneroster)
    sessions = {s.sourced_id: s for s in sis_set.sessions}
    assert sessions["sj2526"].school_year == "2025-2026"
    assert sessions["p1"].start is None
    assert sessions["p1"].school_year == "2025-2026"  # no dates: its parent's


@pytest.mark.parametrize(
    ("start", "end", "year"),
    [
        ("2025-08-01", "2026-07-31", "2025-2026"),
        ("2025-07-01", "2026-06-30", "2025-2026"),  # a US school year, starting in July
        ("2026-02-01", "2026-06-30", "2025-2026"),  # a second semester
        ("2025-08-25", "", "2025-2026"),
        ("", "2026-01-31", "2025-2026"),
    ],
)
def test_school_year_holds_the_middle_of_the_session(
    oneroster: Path, start: str, end: str, year: str
) -> None:
    sets.change(oneroster, "academicSessions.csv", 2, "startDate", start)
    sets.change(oneroster, "academicSessions.csv", 2, "endDate", end)
    assert sis_set_of(oneroster).sessions[0].school_year == year


# --- SDS sets ---------------------------------------------------------------------------------


SDS_V21 = {
    "orgs.csv": (
        ["sourcedId", "name", "type", "parentSourcedId"],
        [["o1", "Testcollege", "school", ""]],
    ),
    "users.csv": (
        ["sourcedId", "username", "givenName", "familyName", "password"],
        [
            ["u1", "lln1@school.test", "Leerling", "Een", "geheim-u1"],
            ["u2", "doc", "Docent", "Twee", "x"],
        ],
    ),
    "roles.csv": (
        ["userSourcedId", "orgSourcedId", "role", "isPrimary"],
        [["u1", "o1", "student", "TRUE"], ["u2", "o1", "teacherAssistant", "true"]],
    ),
    "classes.csv": (["sourcedId", "orgSourcedId", "title"], [["c1", "o1", "1A"]]),
    "enrollments.csv": (
        ["classSourcedId", "userSourcedId", "role"],
        [["c1", "u1", "student"], ["c1", "u2", "teacher"]],
    ),
}


def write_sds(folder: Path, files: dict[str, tuple[list[str], list[list[str]]]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (header, rows) in files.items():
        sets.write(folder, name, header, rows)
    return folder


def test_sds_v21_minimal_set(tmp_path: Path) -> None:
    sis_set = sis_set_of(write_sds(tmp_path / "sds", SDS_V21))
    assert sis_set.format is SisFormat.SDS_2_1
    assert [(u.kind, u.role) for u in sis_set.users] == [
        (UserKind.STUDENT, "student"),
        (UserKind.STAFF, "teacherassistant"),
    ]
    assert sis_set.mode(Entity.SESSIONS) is FileMode.ABSENT
    assert sis_set.mode(Entity.CLASSES) is FileMode.BULK
    assert [e.sourced_id for e in sis_set.enrollments] == ["", ""]


def test_sds_v21_in_utf16_is_recognised(tmp_path: Path) -> None:
    folder = write_sds(tmp_path / "sds", SDS_V21)
    text = (folder / "users.csv").read_text("utf-8")
    (folder / "users.csv").write_bytes(text.encode("utf-16"))  # with BOM: Excel's Unicode text
    sis_set = sis_set_of(folder)
    assert sis_set.format is SisFormat.SDS_2_1
    assert sis_set.users[0].given_name == "Leerling"


def test_sds_v21_broken_reference_and_duplicate_enrollment(tmp_path: Path) -> None:
    files = dict(SDS_V21)
    files["enrollments.csv"] = (
        ["classSourcedId", "userSourcedId", "role"],
        [["c1", "u1", "student"], ["c9", "u1", "student"], ["c1", "u1", "Student"]],
    )
    reading = read(write_sds(tmp_path / "sds", files))
    assert [where(p) for p in reading.errors] == [
        ("enrollments.csv", 3, "classSourcedId", "roster.reference.class")
    ]
    assert ("enrollments.csv", 4, "userSourcedId", "roster.duplicate_enrollment") in map(
        where, reading.warnings
    )


def test_sds_v21_without_roles_csv_is_named_as_sds_missing_roles(tmp_path: Path) -> None:
    files = {k: v for k, v in SDS_V21.items() if k != "roles.csv"}
    error = only_error(read(write_sds(tmp_path / "sds", files)))
    assert error.message_code == "roster.looks_like"
    assert "School Data Sync v2.1" in error.message("en")
    assert "roles.csv is missing" in error.message("en")
    assert "manifest.csv" not in error.message("en")


CLASSIC = {
    "School.csv": (["SIS ID", "Name", "School Number"], [["10", "Testcollege", "99XX"]]),
    "Section.csv": (
        [
            "SIS ID",
            "School SIS ID",
            "Section Name",
            "Term SIS ID",
            "Term Name",
            "Term StartDate",
            "Term EndDate",
            "Status",
        ],
        [["20", "10", "1A", "T1", "2025-2026", "8/1/2025", "7/31/2026", "Active"]],
    ),
    "Student.csv": (
        ["SIS ID", "School SIS ID", "First Name", "Last Name", "Username", "Password", "Birthdate"],
        [["30", "10", "Leerling", "Een", "lln1", "geheim-30", "5/17/2013"]],
    ),
    "Teacher.csv": (
        ["SIS ID", "School SIS ID", "First Name", "Last Name", "Username", "Password"],
        [["40", "10", "Docent", "Een", "doc1", "geheim-40"]],
    ),
    "StudentEnrollment.csv": (["Section SIS ID", "SIS ID"], [["20", "30"]]),
    "TeacherRoster.csv": (["Section SIS ID", "SIS ID"], [["20", "40"]]),
}


def test_sds_classic_minimal_set(tmp_path: Path) -> None:
    reading = read(write_sds(tmp_path / "classic", CLASSIC))
    assert reading.errors == []
    sis_set = reading.sis_set
    assert sis_set is not None
    assert sis_set.demographics[0].birth_date == date(2013, 5, 17)
    assert [(e.class_id, e.user_id, e.role) for e in sis_set.enrollments] == [
        ("20", "30", "student"),
        ("20", "40", "teacher"),
    ]
    assert sis_set.sessions[0].school_year == "2025-2026"
    assert_invisible(reading, {"geheim-30", "geheim-40"})


@pytest.mark.parametrize(
    ("file", "rows", "expected"),
    [
        ("TeacherRoster.csv", [["20", "30"]], (2, "SIS ID", "roster.reference.teacher")),
        ("StudentEnrollment.csv", [["21", "30"]], (2, "Section SIS ID", "roster.reference.class")),
        (
            "Teacher.csv",
            [["30", "10", "A", "B", "c", "d"]],
            (2, "SIS ID", "roster.duplicate_other_file"),
        ),
    ],
)
def test_sds_classic_errors(
    tmp_path: Path, file: str, rows: list[list[str]], expected: tuple[int, str, str]
) -> None:
    files = dict(CLASSIC)
    files[file] = (CLASSIC[file][0], rows)
    errors = read(write_sds(tmp_path / "classic", files)).errors
    assert (file, *expected) in map(where, errors)


def test_sds_classic_needs_all_six_files(tmp_path: Path) -> None:
    files = {k: v for k, v in CLASSIC.items() if k != "TeacherRoster.csv"}
    error = only_error(read(write_sds(tmp_path / "classic", files)))
    assert error.message_code == "roster.sds.missing_file"
    assert "TeacherRoster.csv" in error.message("nl")


# --- the folder or zip itself -------------------------------------------------------------------


def test_unknown_folder_is_refused_saying_what_was_expected(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    error = only_error(read(tmp_path))
    assert error.message_code == "roster.unknown_format"
    assert "manifest.csv" in error.message("en")
    assert "notes.csv" in error.message("en")


def test_missing_path_and_plain_file_are_refused(tmp_path: Path) -> None:
    assert only_error(read(tmp_path / "nothing")).message_code == "roster.not_found"
    plain = tmp_path / "users.csv"
    plain.write_text("sourcedId\n1\n", encoding="utf-8")
    assert only_error(read(plain)).message_code == "roster.not_a_set"


@pytest.mark.parametrize("name", ["../users.csv", "/etc/users.csv", "set/../../users.csv"])
def test_zip_with_a_path_outside_the_folder_is_refused(
    oneroster: Path, tmp_path: Path, name: str
) -> None:
    archive = sets.zip_folder(oneroster, tmp_path / "set.zip")
    with zipfile.ZipFile(archive, "a") as opened:
        opened.writestr(name, "x")
    error = only_error(read(archive))
    assert error.message_code == "roster.zip_unsafe_name"
    assert name in error.message("en")


def test_zip_too_large_when_unpacked_is_refused_before_unpacking(
    oneroster: Path, tmp_path: Path
) -> None:
    archive = sets.zip_folder(oneroster, tmp_path / "set.zip")
    error = only_error(read(archive, max_xlsx_uncompressed_bytes=1000))
    assert error.message_code == "roster.too_large"


def test_zip_bomb_is_refused(oneroster: Path, tmp_path: Path) -> None:
    archive = sets.zip_folder(oneroster, tmp_path / "bomb.zip")
    with zipfile.ZipFile(archive, "a", zipfile.ZIP_DEFLATED) as opened:
        opened.writestr("padding.csv", "0" * 20_000_000)  # 20 MB of zeros: ratio ~1000
    error = only_error(read(archive))
    assert error.message_code == "roster.too_large"


def test_zip_with_too_many_members_or_a_too_large_file_is_refused(
    oneroster: Path, tmp_path: Path
) -> None:
    archive = sets.zip_folder(oneroster, tmp_path / "set.zip")
    assert only_error(read(archive, max_xlsx_entries=3)).message_code == "roster.too_many_files"
    assert only_error(read(oneroster, max_file_bytes=200)).message_code == "file.too_large"


def test_corrupt_zip_is_refused(oneroster: Path, tmp_path: Path) -> None:
    archive = sets.zip_folder(oneroster, tmp_path / "set.zip")
    data = bytearray(archive.read_bytes())
    data[60:200] = bytes(140)  # the first member's packed bytes; the directory stays whole
    archive.write_bytes(bytes(data))
    assert only_error(read(archive)).message_code == "roster.zip_corrupt"


def test_zip_with_sets_in_two_folders_is_refused(oneroster: Path, tmp_path: Path) -> None:
    archive = sets.zip_folder(oneroster, tmp_path / "two.zip", prefix="a/")
    with zipfile.ZipFile(archive, "a") as opened:
        opened.writestr("b/users.csv", "sourcedId\n")
    assert only_error(read(archive)).message_code == "roster.zip_folders"


def test_file_names_are_matched_ignoring_case(oneroster: Path) -> None:
    (oneroster / "users.csv").rename(oneroster / "Users.CSV")
    sis_set = sis_set_of(oneroster)
    assert sis_set.users[0].origin.file == "Users.CSV"


# --- passwords --------------------------------------------------------------------------------


def test_password_columns_are_dropped_unread_and_never_shown(oneroster: Path) -> None:
    reading = read(oneroster)
    assert reading.sis_set is not None
    assert_invisible(reading, set(sets.PASSWORDS))
    warned = [p for p in reading.warnings if p.message_code == "roster.header.password"]
    assert [(p.row, p.column, p.params) for p in warned] == [
        (1, "password", {}),
        (1, "ext_vendor_Password", {}),
    ]
    # errors on the rows that hold passwords do not bring them along either
    sets.change(oneroster, "users.csv", 2, "role", "leerling")
    sets.change(oneroster, "users.csv", 5, "orgSourcedIds", "school9")
    reading = read(oneroster)
    assert reading.sis_set is None
    assert len(reading.errors) == 2
    assert_invisible(reading, set(sets.PASSWORDS))


def test_an_empty_password_column_is_dropped_without_a_warning(oneroster: Path) -> None:
    """OneRoster 1.1's users.csv has a password column; left empty it is no news."""
    for row in (2, 3, 5):
        sets.change(oneroster, "users.csv", row, "password", "")
    reading = read(oneroster)
    assert reading.sis_set is not None
    warned = [p.column for p in reading.warnings if p.message_code == "roster.header.password"]
    assert warned == ["ext_vendor_Password"], "only the column that still holds one"
    assert_invisible(reading, set(sets.PASSWORDS))


def test_a_password_column_cannot_satisfy_or_break_a_required_column(oneroster: Path) -> None:
    text = (oneroster / "users.csv").read_text("utf-8").replace("givenName", "givenNamePassword")
    (oneroster / "users.csv").write_text(text, encoding="utf-8")
    error = only_error(read(oneroster))
    assert where(error) == ("users.csv", 1, "givenName", "roster.header.missing")


# --- the messages -----------------------------------------------------------------------------


def test_every_message_code_in_the_reader_is_in_the_catalog() -> None:
    code = re.compile(r"(roster|file|csv)(\.[a-z_]+)+")
    codes = {
        node.value
        for path in SIS_SRC.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and code.fullmatch(node.value)
        and not node.value.endswith(".csv")
    }
    assert {"roster.reference.class", "roster.value.enum", "file.too_large"} <= codes
    assert sorted(c for c in codes if c not in CATALOG) == []


def test_messages_are_dutch_by_default_and_name_what_to_do(oneroster: Path, monkeypatch) -> None:
    monkeypatch.delenv("KOPPEL_LANG", raising=False)
    sets.drop_column(oneroster, "users.csv", "givenName")
    error = only_error(read(oneroster))
    assert error.message().startswith("verplichte kolom 'givenName' ontbreekt in users.csv")
    assert "Voeg de kolom toe" in error.message()
    assert error.as_json("en")["message"].startswith("required column 'givenName' is missing")
