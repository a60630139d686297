"""Small SIS sets for tests, written into a folder (tmp_path): a valid OneRoster 1.1
or 1.2 set with a school, a school year, two classes, three students, a teacher and a
guardian, and helpers to change one file. The names are made up (Leerling Een, ...)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

Rows = Sequence[Sequence[str]]

# fmt: off
ORGS = (
    ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
    [
        ["bestuur", "active", "2025-08-01T08:00:00Z", "Stichting Test", "district", "", ""],
        ["school1", "active", "2025-08-01T08:00:00Z", "Testcollege", "school", "99XX00",
         "bestuur"],
    ],
)
SESSIONS = (
    ["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate",
     "parentSourcedId", "schoolYear"],
    [
        ["sj2526", "active", "2025-08-01", "2025-2026", "schoolYear", "2025-08-01", "2026-07-31",
         "", "2026"],
        ["p1", "active", "2025-08-01", "Periode 1", "term", "", "", "sj2526", "2026"],
    ],
)
CLASSES = (
    ["sourcedId", "status", "dateLastModified", "title", "courseSourcedId", "classCode",
     "classType", "schoolSourcedId", "termSourcedIds", "ext_vendor_room", "ext_koppel_department"],
    [
        ["k1", "active", "2025-08-01", "1A", "", "1A", "homeroom", "school1", "sj2526", "B12",
         "1H"],
        ["k2", "", "", "1A nederlands", "", "1A.ne", "scheduled", "school1", "sj2526,p1", "", ""],
    ],
)
USERS_11 = (
    ["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role",
     "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email",
     "password", "ext_vendor_Password", "ext_koppel_staffCode"],
    [
        ["s1", "active", "2025-08-01", "true", "school1", "student", "lln1", "", "Leerling", "Een",
         "", "100001", "lln1@school.test", "geheim-s1", "vendor-secret-1", ""],
        ["s2", "active", "2025-08-01", "TRUE", "school1", "student", "lln2", "", "Leerling",
         "Twee", "van", "100002", "", "geheim-s2", "", ""],
        ["s3", "", "", "false", "school1", "Student", "lln3", "", "Leerling", "Drie", "",
         "100003", "", "", "", ""],
        ["t1", "active", "2025-08-01", "true", "school1,bestuur", "teacher", "doc1", "", "Docent",
         "Test", "", "", "doc1@school.test", "geheim-t1", "", "TEST"],
        ["g1", "active", "2025-08-01", "true", "school1", "guardian", "ouder1", "", "Ouder", "Een",
         "", "", "", "", "", ""],
    ],
)
ENROLLMENTS = (
    ["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId",
     "userSourcedId", "role", "primary", "beginDate", "endDate"],
    [
        ["e1", "active", "2025-08-01", "k1", "school1", "s1", "student", "false", "2025-08-01", ""],
        ["e2", "active", "2025-08-01", "k1", "school1", "s2", "student", "", "", ""],
        ["e3", "active", "2025-08-01", "k1", "school1", "s3", "student", "", "", ""],
        ["e4", "active", "2025-08-01", "k1", "school1", "t1", "teacher", "true", "", ""],
        ["e5", "active", "2025-08-01", "k2", "school1", "s1", "student", "", "", ""],
        ["e6", "active", "2025-08-01", "k2", "school1", "t1", "teacher", "True", "", ""],
    ],
)
DEMOGRAPHICS = (
    ["sourcedId", "status", "dateLastModified", "birthDate", "sex"],
    [["s1", "active", "2025-08-01", "2013-05-17", "female"], ["s2", "", "", "", "Male"]],
)
ROLES_12 = (
    ["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate",
     "endDate", "orgSourcedId", "userProfileSourcedId"],
    [
        ["r1", "active", "2025-08-01", "s1", "primary", "student", "", "", "school1", ""],
        ["r2", "active", "2025-08-01", "s2", "primary", "student", "", "", "school1", ""],
        ["r3", "active", "2025-08-01", "s3", "primary", "student", "", "", "school1", ""],
        ["r4", "active", "2025-08-01", "t1", "secondary", "teacher", "", "", "bestuur", ""],
        ["r5", "active", "2025-08-01", "t1", "primary", "parent", "", "", "school1", ""],
        ["r6", "active", "2025-08-01", "g1", "primary", "guardian", "", "", "school1", ""],
    ],
)
# fmt: on

DATA_FILES = ("orgs", "academicSessions", "classes", "users", "enrollments", "demographics")
PASSWORDS = ("geheim-s1", "geheim-s2", "geheim-t1", "vendor-secret-1")


def csv_text(header: Sequence[str], rows: Rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write(
    folder: Path, name: str, header: Sequence[str], rows: Rows, encoding: str = "utf-8"
) -> Path:
    path = folder / name
    path.write_text(csv_text(header, rows), encoding=encoding, newline="")
    return path


def manifest(folder: Path, version: str = "1.1", modes: Mapping[str, str] | None = None) -> None:
    listed = dict.fromkeys(DATA_FILES, "bulk")
    if version == "1.2":
        listed["roles"] = "bulk"
    listed.update(modes or {})
    rows = [["manifest.version", "1.0"], ["oneroster.version", version]]
    rows += [[f"file.{name}", mode] for name, mode in listed.items()]
    rows += [["file.courses", "absent"], ["source.systemName", "Test"]]
    write(folder, "manifest.csv", ["propertyName", "value"], rows)


def oneroster(folder: Path, version: str = "1.1", modes: Mapping[str, str] | None = None) -> Path:
    """A valid set in ``folder`` (made if needed); files whose mode is absent are left out."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest(folder, version, modes)
    tables = {
        "orgs": ORGS,
        "academicSessions": SESSIONS,
        "classes": CLASSES,
        "users": USERS_11,
        "enrollments": ENROLLMENTS,
        "demographics": DEMOGRAPHICS,
    }
    if version == "1.2":
        header, rows = USERS_11
        keep = [i for i, name in enumerate(header) if name not in {"role", "orgSourcedIds"}]
        tables["users"] = ([header[i] for i in keep], [[row[i] for i in keep] for row in rows])
        tables["roles"] = ROLES_12
    for name, (header, rows) in tables.items():
        if (modes or {}).get(name) != "absent":
            write(folder, f"{name}.csv", header, rows)
    return folder


def change(folder: Path, name: str, row: int, column: str, value: str) -> None:
    """Set one cell: ``row`` as a spreadsheet counts (the header is row 1)."""
    path = folder / name
    records = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
    records[row - 1][records[0].index(column)] = value
    write(folder, name, records[0], records[1:])


def add_row(folder: Path, name: str, values: Mapping[str, str]) -> int:
    """Append a row (columns not named stay empty); returns its row number."""
    path = folder / name
    records = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
    records.append([values.get(column, "") for column in records[0]])
    write(folder, name, records[0], records[1:])
    return len(records)


def drop_column(folder: Path, name: str, column: str) -> None:
    path = folder / name
    records = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
    index = records[0].index(column)
    write(folder, name, *_split([[v for i, v in enumerate(r) if i != index] for r in records]))


def _split(records: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    return records[0], records[1:]


def zip_folder(folder: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, prefix + path.name)
    return target
