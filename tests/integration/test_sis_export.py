"""Issue 8 acceptance (part 3): ``koppel oneroster export DIR`` writes the demo school as a
valid OneRoster 1.1 bulk CSV set, and koppel reads it back unchanged.

The set is checked here on its own terms, from the standard, not from the exporter's
tables: file names, every header exactly the binding's columns in its order (the
OneRoster 1.1 CSV tables, written out below; ``users.csv``'s ``password`` column
present and empty) with vendor columns ``ext_*`` only after them, required values,
enumerations (``sex`` only ``male``, ``female`` or blank), dates, unique sourcedIds,
every reference resolved, the manifest with ``source.systemName`` and
``source.systemCode``, UTF-8 without BOM, commas and CRLF; no address. Its counts are
those of ``koppel stats --json``.

Round trip, on SQLite and PostgreSQL: the set imported into an empty database gives the
same ``koppel stats --json`` for students (active and left), staff, departments, groups,
memberships and teacher links, and the same students, staff and groups field by field;
imported again it changes nothing (``written: false``, all unchanged). Prognoses and
package choices are not part of OneRoster: they are not exported, so not compared.
"""

from __future__ import annotations

import csv
import io
import uuid
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, select, text

from koppel.files.sis import read_sis_set
from koppel.services.demo.build import build_demo_school
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import Run, koppel
from tests.conftest import PG_ADMIN_URL, PG_HOST, PG_PORT, PG_USER
from tests.integration.snapshot import snapshot

DEMO_STUDENTS = 300
SEED = 8
TODAY = date(2026, 9, 15)

ONEROSTER_1_1: dict[str, list[str]] = {
    "orgs.csv": ["sourcedId", "status", "dateLastModified", "name", "type", "identifier",
                 "parentSourcedId"],
    "academicSessions.csv": ["sourcedId", "status", "dateLastModified", "title", "type",
                             "startDate", "endDate", "parentSourcedId", "schoolYear"],
    "courses.csv": ["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title",
                    "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"],
    "classes.csv": ["sourcedId", "status", "dateLastModified", "title", "grades",
                    "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId",
                    "termSourcedIds", "subjects", "subjectCodes", "periods"],
    "users.csv": ["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds",
                  "role", "username", "userIds", "givenName", "familyName", "middleName",
                  "identifier", "email", "sms", "phone", "agentSourcedIds", "grades",
                  "password"],
    "enrollments.csv": ["sourcedId", "status", "dateLastModified", "classSourcedId",
                        "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate",
                        "endDate"],
    "demographics.csv": ["sourcedId", "status", "dateLastModified", "birthDate", "sex",
                         "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
                         "nativeHawaiianOrOtherPacificIslander", "white",
                         "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity",
                         "countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth",
                         "publicSchoolResidenceStatus"],
}  # fmt: skip
"""The OneRoster 1.1 CSV tables' columns, each file in the standard's order, every one
present (users.csv ends with ``password``; koppel leaves it empty)."""
REQUIRED: dict[str, tuple[str, ...]] = {
    "orgs.csv": ("sourcedId", "name", "type"),
    "academicSessions.csv": ("sourcedId", "title", "type", "startDate", "endDate", "schoolYear"),
    "courses.csv": ("sourcedId", "title", "orgSourcedId"),
    "classes.csv": (
        "sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId", "termSourcedIds"
    ),
    "users.csv": (
        "sourcedId", "enabledUser", "orgSourcedIds", "role", "username", "givenName", "familyName"
    ),
    "enrollments.csv": ("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"),
    "demographics.csv": ("sourcedId",),
}  # fmt: skip
MANIFEST_FILES = (
    "academicSessions", "categories", "classes", "classResources", "courses", "courseResources",
    "demographics", "enrollments", "lineItems", "orgs", "resources", "results", "users",
)  # fmt: skip
MANIFEST_PROPERTIES = (
    "manifest.version", "oneroster.version", *(f"file.{name}" for name in MANIFEST_FILES),
    "source.systemName", "source.systemCode",
)  # fmt: skip
"""The OneRoster 1.1 manifest's properties, in the standard's order."""
SEXES = ("male", "female", "")
"""OneRoster 1.1's ``sex``: male or female, else blank (1.2 added other and unspecified)."""
ORG_TYPES = {"department", "school", "district", "local", "state", "national"}
ADDRESS_COLUMNS = {"street", "address", "postcode", "postalcode", "zip", "city", "housenumber"}
COMPARED_STATS = ("students", "staff", "departments", "groups", "memberships", "teacher_links")
"""Not compared: accounts (an import makes one per active person, the demo has more),
prognoses and package choices (not in OneRoster)."""

Rows = dict[str, list[dict[str, str]]]


@dataclass
class Portal:
    url: str
    engine: Engine

    def run(self, *args: str) -> Run:
        return koppel(*args, database=self.url)

    def stats(self) -> dict[str, Any]:
        done = self.run("stats", "--json")
        assert done.code == 0, done.stderr
        found: dict[str, Any] = done.json()
        return found

    def export(self, target: Path, *options: str) -> dict[str, Any]:
        done = self.run("oneroster", "export", str(target), "--json", *options)
        assert done.code == 0, done.stderr
        found: dict[str, Any] = done.json()
        return found

    def import_set(self, source: Path) -> dict[str, Any]:
        done = self.run("oneroster", "import", str(source), "--json")
        assert done.code == 0, done.stderr
        found: dict[str, Any] = done.json()
        assert found["errors"] == [], found["errors"]
        assert found["warnings"] == [], found["warnings"]
        return found


def _build_demo(url: str, engine: Engine) -> Portal:
    build_demo_school(SqlAlchemyUnitOfWork(engine), students=DEMO_STUDENTS, seed=SEED, today=TODAY)
    return Portal(url, engine)


@pytest.fixture
def demo(engine: Engine, database_url: str) -> Portal:
    """The demo school, on SQLite and on PostgreSQL."""
    return _build_demo(database_url, engine)


@pytest.fixture
def sqlite_demo(tmp_path: Path) -> Iterator[Portal]:
    """The demo school on SQLite, for what does not depend on the database."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    engine = connect(url)
    upgrade(engine)
    yield _build_demo(url, engine)
    engine.dispose()


@contextmanager
def empty_database(like: str, tmp_path: Path) -> Iterator[Portal]:
    """A second, empty portal database of the same kind as ``like``, migrated."""
    if like.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'target.db'}"
        cleanup = None
    else:
        name = f"koppel_roundtrip_{uuid.uuid4().hex[:12]}"
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        url = f"postgresql+psycopg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
        cleanup = (admin, name)
    engine = connect(url)
    try:
        done = koppel("init", database=url)
        assert done.code == 0, done.stderr
        yield Portal(url, engine)
    finally:
        engine.dispose()
        if cleanup is not None:
            admin, name = cleanup
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


# --- the set, checked on its own terms ---------------------------------------------------


def _parse(name: str, data: bytes) -> list[dict[str, str]]:
    """One file: UTF-8 without BOM, a header row, CRLF records, no line break in a value."""
    assert not data.startswith(b"\xef\xbb\xbf"), f"{name} starts with a BOM"
    content = data.decode("utf-8")
    assert content.endswith("\r\n"), name
    records = list(csv.reader(io.StringIO(content, newline="")))
    header, body = records[0], records[1:]
    assert len(set(header)) == len(header), f"{name}: a column twice"
    assert content.count("\r\n") == len(records), f"{name}: a line break inside a value"
    assert all(len(record) == len(header) for record in body), name
    return [dict(zip(header, record, strict=True)) for record in body]


def read_files(files: dict[str, bytes]) -> tuple[dict[str, str], Rows]:
    """The manifest's properties and every data file's rows; headers checked."""
    manifest_rows = _parse("manifest.csv", files["manifest.csv"])
    assert list(manifest_rows[0]) == ["propertyName", "value"]
    manifest = {row["propertyName"]: row["value"] for row in manifest_rows}
    rows: Rows = {}
    for name, data in files.items():
        if name == "manifest.csv":
            continue
        assert name in ONEROSTER_1_1, f"unexpected file {name}"
        rows[name] = _parse(name, data)
        assert rows[name], f"{name} has no rows (the binding allows none: absent instead)"
        header = list(rows[name][0])
        standard = ONEROSTER_1_1[name]
        vendor = header[len(standard) :]
        assert header == standard + vendor, name
        assert all(column.startswith("ext_") for column in vendor), name
        assert not set(vendor) & set(standard), name
        if "password" in header:
            assert all(row["password"] == "" for row in rows[name]), "never a password"
        assert not ADDRESS_COLUMNS & {
            column.lower().removeprefix("ext_koppel_") for column in header
        }
    return manifest, rows


def folder_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _iso(value: str) -> date:
    found = date.fromisoformat(value)
    assert found.isoformat() == value, value
    return found


def check_oneroster_1_1(manifest: dict[str, str], rows: Rows) -> None:
    assert manifest["manifest.version"] == "1.0"
    assert manifest["oneroster.version"] == "1.1"
    assert list(manifest) == list(MANIFEST_PROPERTIES)
    assert manifest["source.systemName"] == manifest["source.systemCode"] == "koppel"
    for entity in MANIFEST_FILES:
        mode = manifest[f"file.{entity}"]
        assert mode in ("bulk", "absent"), (entity, mode)
        assert (mode == "bulk") == (f"{entity}.csv" in rows), entity
    for name, found in rows.items():
        ids = [row["sourcedId"] for row in found]
        assert len(set(ids)) == len(ids), f"{name}: a sourcedId twice"
        for row in found:
            assert all(row[column] for column in REQUIRED[name]), (name, row)
            assert row["status"] == "", "a bulk set leaves status blank"
            assert row["dateLastModified"] == "", "a bulk set leaves dateLastModified blank"

    orgs = {row["sourcedId"]: row for row in rows["orgs.csv"]}
    schools = {key for key, row in orgs.items() if row["type"] == "school"}
    assert schools
    for row in orgs.values():
        assert row["type"] in ORG_TYPES
        assert row["parentSourcedId"] in ("", *orgs)
    sessions = {row["sourcedId"]: row for row in rows["academicSessions.csv"]}
    for row in sessions.values():
        assert row["type"] == "schoolYear"
        start, end = _iso(row["startDate"]), _iso(row["endDate"])
        assert (start.month, start.day, end.month, end.day) == (8, 1, 7, 31)
        assert end.year == start.year + 1 == int(row["schoolYear"])
    courses = {row["sourcedId"]: row for row in rows["courses.csv"]}
    assert all(row["orgSourcedId"] in orgs for row in courses.values())
    classes = {row["sourcedId"]: row for row in rows["classes.csv"]}
    for row in classes.values():
        assert row["classType"] in ("homeroom", "scheduled")
        assert row["courseSourcedId"] in courses
        assert row["schoolSourcedId"] in schools
        assert all(term in sessions for term in row["termSourcedIds"].split(","))
    users = {row["sourcedId"]: row for row in rows["users.csv"]}
    for row in users.values():
        assert row["role"] in ("student", "teacher")
        assert row["enabledUser"] in ("true", "false")
        assert all(org in orgs for org in row["orgSourcedIds"].split(","))
    for row in rows["enrollments.csv"]:
        assert row["classSourcedId"] in classes
        assert row["userSourcedId"] in users
        assert row["schoolSourcedId"] == classes[row["classSourcedId"]]["schoolSourcedId"]
        assert row["role"] == users[row["userSourcedId"]]["role"]
        assert row["primary"] in ("", "true", "false")
    for row in rows["demographics.csv"]:
        assert users[row["sourcedId"]]["role"] == "student"
        assert row["sex"] in SEXES
        if row["birthDate"]:
            _iso(row["birthDate"])


def counts(rows: Rows) -> dict[str, Any]:
    """What the set holds, counted like ``koppel stats --json``."""
    users = rows["users.csv"]
    students = [row for row in users if row["role"] == "student"]
    enrollments = Counter(row["role"] for row in rows["enrollments.csv"])
    return {
        "students": {
            "active": sum(row["enabledUser"] == "true" for row in students),
            "left": sum(row["enabledUser"] == "false" for row in students),
        },
        "staff": sum(row["role"] == "teacher" for row in users),
        "departments": sum(row["type"] == "department" for row in rows["orgs.csv"]),
        "groups": len(rows["classes.csv"]),
        "memberships": enrollments["student"],
        "teacher_links": enrollments["teacher"],
    }


def addresses(engine: Engine) -> set[str]:
    s = t.students
    with engine.connect() as connection:
        found = connection.execute(select(s.c.street, s.c.house_number, s.c.postcode)).all()
    return {f"{street} {number}" for street, number, _ in found if street} | {
        postcode for _, _, postcode in found if postcode
    }


# --- the school, compared between two portals ---------------------------------------------


def school_content(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Students, staff, departments, groups, memberships and links by their keys."""
    s, st, d, b = t.students, t.staff_members, t.departments, t.branches
    g, y, m, sl, p = (
        t.groups,
        t.school_years,
        t.group_memberships,
        t.staff_links,
        t.department_participations,
    )
    queries = {
        "students": select(
            s.c.student_number, s.c.first_name, s.c.infix, s.c.last_name, s.c.gender,
            s.c.birth_date, s.c.email, s.c.lwoo, s.c.status,
        ),
        "participations": select(y.c.name, s.c.student_number, d.c.code, p.c.percentage)
        .join(s, s.c.id == p.c.student_id).join(d, d.c.id == p.c.department_id)
        .join(y, y.c.id == p.c.school_year_id),
        "staff": select(
            st.c.staff_code, st.c.first_name, st.c.infix, st.c.last_name, st.c.email, st.c.status
        ),
        "branches": select(b.c.code, b.c.name),
        "departments": select(d.c.code, d.c.name, d.c.year_of_study, d.c.education_type, b.c.code)
        .join(b, b.c.id == d.c.branch_id),
        "groups": select(y.c.name, g.c.name, g.c.kind, d.c.code, g.c.folder)
        .join(y, y.c.id == g.c.school_year_id).outerjoin(d, d.c.id == g.c.department_id),
        "memberships": select(y.c.name, g.c.name, s.c.student_number).select_from(m)
        .join(g, g.c.id == m.c.group_id).join(y, y.c.id == g.c.school_year_id)
        .join(s, s.c.id == m.c.student_id),
        "links": select(y.c.name, g.c.name, st.c.staff_code, sl.c.role).select_from(sl)
        .join(g, g.c.id == sl.c.group_id).join(y, y.c.id == g.c.school_year_id)
        .join(st, st.c.id == sl.c.staff_id),
    }  # fmt: skip
    with engine.connect() as connection:
        return {
            name: sorted((tuple(row) for row in connection.execute(query)), key=repr)
            for name, query in queries.items()
        }


# --- tests ----------------------------------------------------------------------------------


def test_export_of_the_demo_school_is_a_valid_oneroster_1_1_set(
    demo: Portal, tmp_path: Path
) -> None:
    before = snapshot(demo.engine, bookkeeping=True)
    target = tmp_path / "oneroster"
    answer = demo.export(target)
    assert snapshot(demo.engine, bookkeeping=True) == before, "an export writes nothing"

    files = folder_files(target)
    manifest, rows = read_files(files)
    check_oneroster_1_1(manifest, rows)
    assert answer["directory"] == str(target)
    assert set(answer["files"]) == set(files)
    assert answer["files"]["manifest.csv"] == len(manifest)
    assert {name: answer["files"][name] for name in rows} == {n: len(r) for n, r in rows.items()}
    assert set(rows) == set(ONEROSTER_1_1), "every file koppel can fill has rows"

    stats = demo.stats()
    assert counts(rows) == {key: stats[key] for key in COMPARED_STATS}
    assert stats["students"]["left"] >= 1, "the demo school has a student who left"
    mentors = sum(row["primary"] == "true" for row in rows["enrollments.csv"])
    sl = t.staff_links
    with demo.engine.connect() as connection:
        assert mentors == connection.scalar(
            select(func.count()).select_from(sl).where(sl.c.role == "mentor")
        )

    everything = b"".join(files.values()).decode("utf-8")
    assert not [value for value in addresses(demo.engine) if value in everything]


def test_round_trip_into_an_empty_database_then_again_unchanged(
    demo: Portal, database_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "oneroster"
    demo.export(target)
    with empty_database(database_url, tmp_path) as portal:
        first = portal.import_set(target)
        assert first["written"] is True
        assert first["students"]["new"] == DEMO_STUDENTS
        source, copy = demo.stats(), portal.stats()
        assert {key: copy[key] for key in COMPARED_STATS} == {
            key: source[key] for key in COMPARED_STATS
        }
        assert school_content(portal.engine) == school_content(demo.engine)
        r = t.sis_ids
        with portal.engine.connect() as connection:
            remembered = connection.scalar(
                select(func.count()).select_from(r).where(r.c.kind == "student")
            )
        assert remembered == DEMO_STUDENTS, "another portal remembers the ids, as any set's"

        before = snapshot(portal.engine, bookkeeping=True)
        again = portal.import_set(target)
        assert again["written"] is False
        assert again["changeset"] is None
        for kind, total in (("students", DEMO_STUDENTS), ("staff", source["staff"])):
            assert again[kind] == {"new": 0, "updated": 0, "unchanged": total, "absent": 0}
        assert again["groups"] == {"new": 0, "deleted": 0}
        for kind in ("memberships", "links"):
            assert again[kind]["new"] == again[kind]["removed"] == 0
        assert snapshot(portal.engine, bookkeeping=True) == before


def test_the_portal_reads_its_own_export_back_and_writes_nothing(
    demo: Portal, tmp_path: Path
) -> None:
    """docs/integration.md: into the portal it came from the set changes nothing. Not a
    row anywhere: no change set, no audit entry, no remembered sourcedId (koppel derives
    its own again from the keys)."""
    target = tmp_path / "oneroster"
    demo.export(target)
    before = snapshot(demo.engine, bookkeeping=True)
    found = demo.import_set(target)
    assert found["written"] is False
    assert found["changeset"] is None
    total = DEMO_STUDENTS
    assert found["students"] == {"new": 0, "updated": 0, "unchanged": total, "absent": 0}
    assert found["staff"]["new"] == found["staff"]["updated"] == found["staff"]["absent"] == 0
    assert found["groups"] == {"new": 0, "deleted": 0}
    assert snapshot(demo.engine, bookkeeping=True) == before

    shown = demo.run("oneroster", "import", str(target))
    assert shown.code == 0, shown.stderr
    assert "De set verandert niets: het portal is al bij." in shown.stdout
    assert shown.stderr == ""
    assert snapshot(demo.engine, bookkeeping=True) == before


def test_the_reader_takes_the_export_without_errors_or_warnings(
    sqlite_demo: Portal, tmp_path: Path
) -> None:
    folder, archive = tmp_path / "oneroster", tmp_path / "oneroster.zip"
    sqlite_demo.export(folder)
    answer = sqlite_demo.export(archive, "--zip")
    assert answer["directory"] == str(archive)
    with zipfile.ZipFile(archive) as opened:
        assert {info.filename: opened.read(info) for info in opened.infolist()} == folder_files(
            folder
        ), "the zip holds the same files, byte for byte"
    for path in (folder, archive):
        reading = read_sis_set(path)
        assert reading.errors == []
        assert reading.warnings == []
        assert reading.sis_set is not None
        assert reading.sis_set.format == "oneroster-1.1"
        student = next(u for u in reading.sis_set.users if u.role == "student")
        assert set(student.ext) == {"key", "infix", "department", "status", "lwoo"}


def test_a_folder_with_files_is_refused_unless_overwrite(
    sqlite_demo: Portal, tmp_path: Path
) -> None:
    target = tmp_path / "oneroster"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    refused = sqlite_demo.run("oneroster", "export", str(target))
    assert refused.code == 2
    assert "--overwrite" in refused.stderr
    assert [path.name for path in target.iterdir()] == ["notes.txt"]

    (target / "lineItems.csv").write_text("from an older set", encoding="utf-8")
    answer = sqlite_demo.export(target, "--overwrite")
    names = {path.name for path in target.iterdir()}
    assert names == {*answer["files"], "notes.txt"}, "no stale OneRoster file, no temporary folder"
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"

    existing = tmp_path / "set.zip"
    existing.write_bytes(b"old")
    assert sqlite_demo.run("oneroster", "export", str(existing), "--zip").code == 2
    assert existing.read_bytes() == b"old"
