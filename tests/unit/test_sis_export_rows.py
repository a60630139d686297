"""koppel's school as OneRoster 1.1 rows (koppel oneroster export): which rows go into
which file, the manifest, stable identifiers, and the CSV as the binding writes it."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date

from koppel.domain.sis.export_format import (
    NAMESPACE,
    OTHER_COURSE_TITLE,
    ExportFile,
    manifest,
    sourced_id,
)
from koppel.domain.sis.export_input import (
    ExportBranch,
    ExportDepartment,
    ExportGroup,
    ExportLink,
    ExportMembership,
    ExportStaff,
    ExportStudent,
    ExportYear,
    PortalExport,
)
from koppel.domain.sis.export_rows import export_files
from koppel.services.sis.exporting import write_table

YEAR = ExportYear("2026-2027", date(2026, 8, 1), date(2027, 7, 31))


def student(number: str, department: str = "4V", **changes: object) -> ExportStudent:
    fields: dict[str, object] = {
        "number": number,
        "first_name": "Jan",
        "infix": "van der",
        "last_name": "Berg",
        "gender": "M",
        "birth_date": date(2010, 5, 17),
        "email": f"{number}@leerling.example.org",
        "lwoo": False,
        "status": "active",
        "department": department,
        "username": number,
    }
    fields.update(changes)
    return ExportStudent(**fields)  # type: ignore[arg-type]


def portal(**changes: object) -> PortalExport:
    fields: dict[str, object] = {
        "school_name": "Het Lyceum",
        "years": [YEAR],
        "branches": [ExportBranch("HV", "Hoofdvestiging"), ExportBranch("ZW", "Zuid")],
        "departments": [
            ExportDepartment("4H", "4 HAVO", 4, "HAVO", "ZW"),
            ExportDepartment("4V", "4 VWO", 4, "VWO", "HV"),
        ],
        "students": [
            student("000123"),
            student("000124", "4H 50 / 4V 50", gender="V", lwoo=True),
            student("000125", gender="X", status="left", birth_date=None, username=""),
        ],
        "staff": [ExportStaff("JANS", "Piet", "", "Jansen", "jans@example.org", "active", "")],
        "groups": [
            ExportGroup("2026-2027", "4V1", "home_class", "4V", "Stamklassen"),
            ExportGroup("2026-2027", "4V.netl1", "cluster_group", "4V", "Clusters"),
        ],
        "memberships": [
            ExportMembership("2026-2027", "4V1", "000123"),
            ExportMembership("2026-2027", "4V.netl1", "000124"),
        ],
        "links": [
            ExportLink("2026-2027", "4V1", "JANS", "mentor"),
            ExportLink("2026-2027", "4V1", "JANS", "teacher"),
        ],
    }
    fields.update(changes)
    return PortalExport(**fields)  # type: ignore[arg-type]


def as_dicts(table: ExportFile) -> list[dict[str, str]]:
    return [dict(zip(table.headers, row, strict=True)) for row in table.rows]


def tables_of(school: PortalExport) -> dict[str, list[dict[str, str]]]:
    return {table.name: as_dicts(table) for table in export_files(school)}


def test_sourced_ids_are_name_based_uuids_of_koppels_keys() -> None:
    assert sourced_id("student", "000123") == str(uuid.uuid5(NAMESPACE, "student:000123"))
    assert sourced_id("group", "2026-2027", "4V1") == str(
        uuid.uuid5(NAMESPACE, "group:2026-2027:4V1")
    )
    assert export_files(portal()) == export_files(portal())


def test_orgs_are_the_school_its_branches_and_their_departments() -> None:
    orgs = {row["name"]: row for row in tables_of(portal())["orgs.csv"]}
    assert orgs["Het Lyceum"]["type"] == "district"
    assert orgs["Zuid"]["type"] == "school"
    assert orgs["Zuid"]["parentSourcedId"] == orgs["Het Lyceum"]["sourcedId"]
    assert orgs["Zuid"]["ext_koppel_code"] == "ZW"
    havo = orgs["4 HAVO"]
    assert havo["type"] == "department"
    assert havo["parentSourcedId"] == orgs["Zuid"]["sourcedId"]
    assert (havo["ext_koppel_code"], havo["ext_koppel_year_of_study"]) == ("4H", "4")
    assert (havo["ext_koppel_education_type"], havo["ext_koppel_branch"]) == ("HAVO", "ZW")


def test_a_school_without_branches_is_its_own_school_org() -> None:
    found = tables_of(portal(branches=[], departments=[], groups=[], memberships=[], links=[]))
    assert [row["type"] for row in found["orgs.csv"]] == ["school"]
    school = found["orgs.csv"][0]["sourcedId"]
    assert {row["orgSourcedIds"] for row in found["users.csv"]} == {school}


def test_school_years_run_from_august_to_july_named_by_their_end() -> None:
    [session] = tables_of(portal())["academicSessions.csv"]
    assert session["type"] == "schoolYear"
    assert (session["startDate"], session["endDate"]) == ("2026-08-01", "2027-07-31")
    assert session["schoolYear"] == "2027"
    assert session["title"] == "2026-2027"


def test_classes_belong_to_a_course_their_branch_and_their_year() -> None:
    found = tables_of(portal())
    classes = {row["title"]: row for row in found["classes.csv"]}
    courses = {row["sourcedId"]: row for row in found["courses.csv"]}
    home, cluster = classes["4V1"], classes["4V.netl1"]
    assert (home["classType"], cluster["classType"]) == ("homeroom", "scheduled")
    assert courses[home["courseSourcedId"]]["courseCode"] == "4V"
    assert home["schoolSourcedId"] == sourced_id("branch", "HV")
    assert home["termSourcedIds"] == sourced_id("school_year", "2026-2027")
    assert (home["ext_koppel_kind"], home["ext_koppel_folder"]) == ("home_class", "Stamklassen")
    assert cluster["ext_koppel_department"] == "4V"
    assert OTHER_COURSE_TITLE not in {row["title"] for row in courses.values()}


def test_groups_without_a_department_share_one_course() -> None:
    school = portal(
        groups=[ExportGroup("2026-2027", "Koor", "other", "", "")], memberships=[], links=[]
    )
    found = tables_of(school)
    [koor] = found["classes.csv"]
    other = {row["sourcedId"]: row for row in found["courses.csv"]}[koor["courseSourcedId"]]
    assert other["title"] == OTHER_COURSE_TITLE
    assert koor["classType"] == "scheduled"
    assert koor["ext_koppel_kind"] == "other"


def test_users_carry_koppels_keys_and_status_never_an_address_or_password() -> None:
    found = tables_of(portal())
    users = {row["identifier"]: row for row in found["users.csv"]}
    assert users["000123"]["role"] == "student"
    assert users["000123"]["middleName"] == "van der"
    assert users["000123"]["ext_koppel_infix"] == "van der"
    assert users["000123"]["orgSourcedIds"] == sourced_id("branch", "HV")
    split = users["000124"]
    assert split["ext_koppel_department"] == "4H 50 / 4V 50"
    assert split["ext_koppel_lwoo"] == "true"
    assert sorted(split["orgSourcedIds"].split(",")) == sorted(
        [sourced_id("branch", "HV"), sourced_id("branch", "ZW")]
    )
    left = users["000125"]
    assert (left["enabledUser"], left["ext_koppel_status"]) == ("false", "left")
    assert left["username"] == "000125"
    staff = users["JANS"]
    assert (staff["role"], staff["username"], staff["ext_koppel_key"]) == (
        "teacher",
        "jans",
        "JANS",
    )
    headers = next(t.headers for t in export_files(portal()) if t.name == "users.csv")
    assert headers.index("password") == headers.index("grades") + 1, "the standard's place"
    assert {row["password"] for row in found["users.csv"]} == {""}
    assert not {"street", "postcode", "city", "address"} & {h.lower() for h in headers}


def test_each_person_is_listed_in_their_own_schools_only() -> None:
    hv, zw = sourced_id("branch", "HV"), sourced_id("branch", "ZW")
    school = portal(
        years=[ExportYear("2025-2026", date(2025, 8, 1), date(2026, 7, 31)), YEAR],
        students=[
            student("000123"),
            student("000126", "4H"),
            student("000127", "4H"),
            student("000128", "", status="left"),
        ],
        staff=[
            ExportStaff("JANS", "Piet", "", "Jansen", "jans@example.org", "active", ""),
            ExportStaff("KLAA", "Kees", "", "Klaassen", "", "active", ""),
            ExportStaff("MOHA", "Mo", "", "Hamdi", "", "active", ""),
        ],
        groups=[
            ExportGroup("2026-2027", "4V1", "home_class", "4V", ""),
            ExportGroup("2026-2027", "4H1", "home_class", "4H", ""),
            ExportGroup("2025-2026", "3V1", "home_class", "4V", ""),
        ],
        memberships=[
            ExportMembership("2026-2027", "4V1", "000123"),
            ExportMembership("2026-2027", "4H1", "000126"),
            ExportMembership("2026-2027", "4V1", "000127"),
            ExportMembership("2025-2026", "3V1", "000128"),
        ],
        links=[
            ExportLink("2026-2027", "4V1", "JANS", "teacher"),
            ExportLink("2026-2027", "4H1", "KLAA", "mentor"),
            ExportLink("2026-2027", "4V1", "KLAA", "teacher"),
        ],
    )
    found = tables_of(school)
    district = next(r["sourcedId"] for r in found["orgs.csv"] if r["type"] == "district")
    orgs = {row["identifier"]: set(row["orgSourcedIds"].split(",")) for row in found["users.csv"]}
    assert orgs == {
        "000123": {hv},
        "000126": {zw},
        "000127": {zw, hv},  # department in Zuid, a group in the main branch
        "000128": {hv},  # left: last year's group
        "JANS": {hv},
        "KLAA": {hv, zw},
        "MOHA": {district},  # no group: the school as a whole
    }


def test_demographics_give_birth_date_and_sex_of_students_only() -> None:
    rows = {row["sourcedId"]: row for row in tables_of(portal())["demographics.csv"]}
    assert len(rows) == 3
    first = rows[sourced_id("student", "000123")]
    assert (first["birthDate"], first["sex"]) == ("2010-05-17", "male")
    assert rows[sourced_id("student", "000124")]["sex"] == "female"
    left = rows[sourced_id("student", "000125")]
    assert (left["birthDate"], left["sex"]) == ("", ""), "OneRoster 1.1: male, female or blank"
    assert {value for name, value in left.items() if name not in ("sourcedId", "sex")} == {""}


def test_enrollments_students_teachers_and_mentors() -> None:
    rows = tables_of(portal())["enrollments.csv"]
    by_role = {(row["role"], row["ext_koppel_role"]): row for row in rows}
    assert set(by_role) == {("student", ""), ("teacher", "teacher"), ("teacher", "mentor")}
    assert by_role[("teacher", "mentor")]["primary"] == "true"
    assert by_role[("teacher", "teacher")]["primary"] == "false"
    assert len({row["sourcedId"] for row in rows}) == len(rows) == 4


def test_a_file_without_rows_is_absent_in_the_manifest() -> None:
    tables = export_files(portal(staff=[], links=[], groups=[], memberships=[], students=[]))
    assert [t.name for t in tables] == ["orgs.csv", "academicSessions.csv", "courses.csv"]
    values = {row[0]: row[1] for row in manifest(tables).rows}
    assert values["manifest.version"] == "1.0"
    assert values["oneroster.version"] == "1.1"
    assert values["file.orgs"] == "bulk"
    assert values["file.users"] == values["file.enrollments"] == "absent"
    assert values["file.lineItems"] == values["file.results"] == "absent"
    assert values["source.systemName"] == values["source.systemCode"] == "koppel"


def test_written_csv_guards_text_against_formulas_and_line_breaks() -> None:
    school = portal(
        students=[student("000123", first_name="=HYPERLINK(1)", last_name="Berg\r\nKlaas")],
        memberships=[],
    )
    users = next(t for t in export_files(school) if t.name == "users.csv")
    out = io.StringIO(newline="")
    write_table(out, users)
    text = out.getvalue()
    assert text.startswith("sourcedId,status,dateLastModified,enabledUser,")
    assert text.endswith("\r\n")
    record = next(iter(csv.DictReader(io.StringIO(text, newline=""))))
    assert record["givenName"] == "'=HYPERLINK(1)"
    assert record["familyName"] == "Berg  Klaas"
    assert record["sourcedId"] == sourced_id("student", "000123")
