"""``koppel oneroster import`` on SQLite and PostgreSQL: the reference sets of real systems
counted against their own CSV rows, bulk and delta sets of a test school, the safety rule,
undo, and passwords that never reach the database or the output."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from koppel.services.audit.undo import undo_changeset
from koppel.services.sis.importing import import_sis
from koppel.services.sis.report import SisOptions, SisReport
from koppel.services.stats import collect_stats
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel
from tests.integration.sis_sets import PASSWORD, SisFiles, school_set, student_number
from tests.integration.snapshot import snapshot

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference-data"
STAFF_ROLES = {"teacher", "aide", "administrator", "proctor", "professor", "staff"}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as source:
        return list(csv.DictReader(source))


@dataclass(frozen=True)
class Held:
    """What a set's files hold, counted from their rows (independently of koppel)."""

    students: int
    staff: int
    groups: int
    memberships: int
    links: int


def _held_oneroster(folder: Path) -> Held:
    users = {row["sourcedId"]: row["role"].lower() for row in _rows(folder / "users.csv")}
    pairs = [
        (e["classSourcedId"], e["userSourcedId"], e["role"])
        for e in _rows(folder / "enrollments.csv")
    ]
    return Held(
        students=sum(role == "student" for role in users.values()),
        staff=sum(role in STAFF_ROLES for role in users.values()),
        groups=len(_rows(folder / "classes.csv")),
        memberships=len({(c, u) for c, u, role in pairs if role == "student"}),
        links=len({(c, u) for c, u, role in pairs if role in STAFF_ROLES}),
    )


def _held_sds_v2(folder: Path) -> Held:
    roles = {row["userSourcedId"]: row["role"].lower() for row in _rows(folder / "roles.csv")}
    enrollments = _rows(folder / "enrollments.csv")
    return Held(
        students=sum(role == "student" for role in roles.values()),
        staff=sum(role in STAFF_ROLES for role in roles.values()),
        groups=len(_rows(folder / "classes.csv")),
        memberships=sum(e["role"] == "student" for e in enrollments),
        links=sum(e["role"] in STAFF_ROLES for e in enrollments),
    )


def _held_sds_v1(folder: Path) -> Held:
    return Held(
        students=len(_rows(folder / "Student.csv")),
        staff=len(_rows(folder / "Teacher.csv")),
        groups=len(_rows(folder / "Section.csv")),
        memberships=len(_rows(folder / "StudentEnrollment.csv")),
        links=len(_rows(folder / "TeacherRoster.csv")),
    )


REFERENCE_SETS = {
    "oneroster-1.1-oat": _held_oneroster,
    "sds-v2.1": _held_sds_v2,
    "sds-v1-100-users": _held_sds_v1,
}


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An empty database migrated to the newest schema: no school year, no branch."""
    engine = connect(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def _import(engine: Engine, path: Path, **chosen: object) -> SisReport:
    options = SisOptions(**chosen)  # type: ignore[arg-type]
    return import_sis(SqlAlchemyUnitOfWork(engine), path, options=options)


def _no_password_in(engine: Engine, *texts: str) -> None:
    everything = repr(snapshot(engine, bookkeeping=True))
    for text in (everything, *texts):
        assert "P@ssw" not in text


@pytest.mark.parametrize("name", sorted(REFERENCE_SETS))
def test_a_reference_set_imports_with_the_counts_its_files_hold(engine: Engine, name: str):
    folder = REFERENCE / name
    if not folder.is_dir():
        pytest.skip(f"reference data {folder} is absent (a plain clone has no ../shared)")
    held = REFERENCE_SETS[name](folder)
    empty = snapshot(engine)

    report = _import(engine, folder)
    assert report.errors == [], report.errors
    assert report.written
    stats = collect_stats(SqlAlchemyUnitOfWork(engine))
    assert (stats.students_active, stats.students_left) == (held.students, 0)
    assert stats.staff == held.staff
    assert stats.groups == held.groups
    assert stats.memberships == held.memberships
    assert stats.teacher_links == held.links
    assert stats.accounts == held.students + held.staff
    assert report.students is not None
    assert report.students.new == held.students
    assert report.memberships.new == held.memberships
    _no_password_in(engine, json.dumps(report.as_json()))

    again = _import(engine, folder)
    assert again.written is False
    assert again.changeset is None
    assert again.students is not None
    assert again.students.unchanged == held.students
    assert again.memberships.unchanged == held.memberships

    undo_changeset(SqlAlchemyUnitOfWork(engine), str(report.changeset))
    assert snapshot(engine) == empty


def test_a_bulk_set_missing_30_percent_is_refused_then_applied_with_force(
    engine: Engine, tmp_path: Path
):
    full = _import(engine, school_set(40).write(tmp_path / "full"))
    assert full.written
    start = snapshot(engine)
    cut = school_set(40)
    gone = {f"s-{i}" for i in range(28, 40)}  # 12 of 40: 30%
    for name in ("users.csv", "enrollments.csv", "demographics.csv"):
        key = "sourcedId" if name != "enrollments.csv" else "userSourcedId"
        cut.rows[name] = [row for row in cut.rows[name] if row[key] not in gone]
    folder = cut.write(tmp_path / "cut")

    before = snapshot(engine, bookkeeping=True)
    refused = _import(engine, folder)
    assert refused.exit_code == 3
    assert refused.refusal is not None
    assert refused.refusal.params == {"count": 12, "total": 40, "share": 10}
    assert refused.written is False
    assert refused.students is not None
    assert refused.students.absent == 12
    assert refused.marked_left == 12
    assert snapshot(engine, bookkeeping=True) == before

    applied = _import(engine, folder, force=True)
    assert applied.written
    stats = collect_stats(SqlAlchemyUnitOfWork(engine))
    assert (stats.students_active, stats.students_left) == (28, 12)  # none deleted
    assert stats.memberships == 2 * 28  # the bulk enrollments are the whole truth
    assert applied.memberships.removed == 2 * 12
    assert sorted(applied.details["absent"]) == sorted(  # type: ignore[arg-type]
        student_number(i) for i in range(28, 40)
    )
    undo_changeset(SqlAlchemyUnitOfWork(engine), str(applied.changeset))
    assert snapshot(engine) == start


def _delta(rows: dict[str, list[dict[str, str]]]) -> SisFiles:
    return SisFiles(rows=rows, modes=dict.fromkeys(rows, "delta"))


def test_a_delta_set_with_tobedeleted_rows_is_previewed_and_applied(engine: Engine, tmp_path: Path):
    assert _import(engine, school_set(20).write(tmp_path / "full")).written
    start = snapshot(engine)
    delta = _delta(
        {
            "users.csv": [
                {"sourcedId": "s-0", "status": "tobedeleted", "enabledUser": "true",
                 "orgSourcedIds": "org-1", "role": "student", "username": "x",
                 "givenName": "Leerling0", "familyName": "Jansen", "identifier": "100000"},
                {"sourcedId": "s-1", "status": "active", "enabledUser": "true",
                 "orgSourcedIds": "org-1", "role": "student", "username": "ll100001",
                 "givenName": "Leerling1", "familyName": "Pietersen", "identifier": "100001"},
                {"sourcedId": "s-new", "status": "active", "enabledUser": "true",
                 "orgSourcedIds": "org-1", "role": "student", "username": "nieuw",
                 "givenName": "Nieuwe", "familyName": "Leerling", "identifier": "200000",
                 "password": PASSWORD},
            ],
            "classes.csv": [
                {"sourcedId": "wi-1", "status": "tobedeleted", "title": "4V.wi1",
                 "classType": "scheduled", "schoolSourcedId": "org-1",
                 "termSourcedIds": "sy-2026"},
            ],
            "enrollments.csv": [
                {"sourcedId": "e-home-1-s-2", "status": "tobedeleted", "classSourcedId": "home-1",
                 "schoolSourcedId": "org-1", "userSourcedId": "s-2", "role": "student"},
                {"sourcedId": "e-new", "status": "active", "classSourcedId": "home-2",
                 "schoolSourcedId": "org-1", "userSourcedId": "s-new", "role": "student"},
            ],
        }
    )  # fmt: skip
    folder = delta.write(tmp_path / "delta")

    preview = _import(engine, folder, dry_run=True)
    assert preview.errors == []
    assert preview.written is False
    assert snapshot(engine) == start
    assert preview.students is not None
    assert preview.students.as_json() == {"new": 1, "updated": 2, "unchanged": 0, "absent": 0}
    assert (preview.groups_new, preview.groups_deleted) == (0, 1)
    assert preview.memberships.as_json() == {"new": 1, "removed": 1, "unchanged": 0}
    assert preview.marked_left == 1
    updated = {u["student"]: u["fields"] for u in preview.details["updated"]}  # type: ignore[union-attr, index]
    assert updated == {
        "100000": {"status": {"before": "active", "after": "left"}},
        "100001": {"last_name": {"before": "Jansen", "after": "Pietersen"}},
    }

    applied = _import(engine, folder)
    assert applied.written
    stats = collect_stats(SqlAlchemyUnitOfWork(engine))
    assert (stats.students_active, stats.students_left) == (20, 1)
    assert stats.groups == 3
    # 40 memberships - 10 of the deleted 4V.wi1 - 1 tobedeleted + 1 new
    assert stats.memberships == 30
    assert stats.teacher_links == 3
    with SqlAlchemyUnitOfWork(engine) as uow:
        year = uow.school.current_school_year()
        assert "200000" in uow.groups.members(year, "4V2")
        assert student_number(2) not in uow.groups.members(year, "4V1")
    assert _import(engine, folder).written is False
    undo_changeset(SqlAlchemyUnitOfWork(engine), str(applied.changeset))
    assert snapshot(engine) == start


def test_the_command_line_prints_the_file_imports_json_and_never_a_password(
    database_url: str, tmp_path: Path
):
    assert koppel("init", database=database_url).code == 0
    folder = school_set(12).write(tmp_path / "set")
    preview = koppel(
        "oneroster", "import", str(folder), "--dry-run", "--json", database=database_url
    )
    assert preview.code == 0, preview.stderr
    data = preview.json()
    assert {"written", "changeset", "rows", "errors", "warnings", "students", "staff",
            "groups", "memberships", "links", "marked_left", "format", "fingerprint",
            "details"} <= set(data)  # fmt: skip
    assert data["written"] is False
    assert data["students"]["new"] == 12
    assert data["others"] == 2
    assert data["format"] == "oneroster-1.1"

    applied = koppel("oneroster", "import", str(folder), database=database_url)
    assert applied.code == 0, applied.stderr
    assert "koppel undo" in applied.stdout
    again = koppel("oneroster", "import", str(folder), "--json", database=database_url)
    assert again.json()["written"] is False
    for run in (preview, applied, again):
        assert PASSWORD not in run.stdout + run.stderr
    assert koppel("stats", "--json", database=database_url).json()["students"]["active"] == 12


def test_broken_references_are_rejected_with_file_row_and_column_and_nothing_written(
    database_url: str, tmp_path: Path
):
    assert koppel("init", database=database_url).code == 0
    files = school_set(6)
    files.rows["enrollments.csv"].append(
        {"sourcedId": "e-bad", "status": "", "classSourcedId": "no-such-class",
         "schoolSourcedId": "org-1", "userSourcedId": "s-1", "role": "student"}
    )  # fmt: skip
    folder = files.write(tmp_path / "broken")
    before = koppel("stats", "--json", database=database_url).json()
    run = koppel("oneroster", "import", str(folder), "--json", database=database_url)
    assert run.code == 2, run.stderr
    data = run.json()
    assert data["written"] is False
    assert any(
        (e["file"], e["column"]) == ("enrollments.csv", "classSourcedId") and e["row"] > 1
        for e in data["errors"]
    ), data["errors"]
    assert koppel("stats", "--json", database=database_url).json() == before
    plain = koppel("oneroster", "import", str(folder), database=database_url)
    assert plain.code == 2
    assert "enrollments.csv" in plain.stderr


def test_the_command_line_refuses_a_truncated_bulk_set_with_exit_3(
    database_url: str, tmp_path: Path
):
    assert koppel("init", database=database_url).code == 0
    full = school_set(20).write(tmp_path / "full")
    assert koppel("oneroster", "import", str(full), database=database_url).code == 0
    cut = school_set(20)
    gone = {f"s-{i}" for i in range(14, 20)}
    cut.rows["users.csv"] = [u for u in cut.rows["users.csv"] if u["sourcedId"] not in gone]
    cut.rows["enrollments.csv"] = [
        e for e in cut.rows["enrollments.csv"] if e["userSourcedId"] not in gone
    ]
    cut.rows["demographics.csv"] = []
    folder = cut.write(tmp_path / "cut")
    before = koppel("stats", "--json", database=database_url).json()
    refused = koppel("oneroster", "import", str(folder), database=database_url)
    assert refused.code == 3
    assert "--force" in refused.stderr
    assert koppel("stats", "--json", database=database_url).json() == before
    forced = koppel("oneroster", "import", str(folder), "--force", "--json", database=database_url)
    assert forced.code == 0, forced.stderr
    assert forced.json()["marked_left"] == 6
    assert koppel("stats", "--json", database=database_url).json()["students"] == {
        "active": 14,
        "left": 6,
    }


def _with_department(files: SisFiles) -> SisFiles:
    files.rows["orgs.csv"].append(
        {"sourcedId": "dep-4v", "status": "", "name": "4 VWO", "type": "department",
         "identifier": "4V", "parentSourcedId": "org-1"}
    )  # fmt: skip
    return files


def test_home_classes_by_class_type_by_the_schools_rule_and_by_the_option(
    engine: Engine, tmp_path: Path
):
    folder = _with_department(school_set(8)).write(tmp_path / "set")
    preview = _import(engine, folder, dry_run=True)
    assert preview.errors == []
    kinds = {g["name"]: g["kind"] for g in preview.details["groups_new"]}  # type: ignore[union-attr, index]
    assert kinds == {"4V1": "home_class", "4V.wi1": "cluster_group",
                     "4V2": "home_class", "4V.wi2": "cluster_group"}  # fmt: skip
    assert preview.details["departments_new"] == ["4V"]

    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.school.set_setting("integration.home_class_rule", r"4V\.wi[0-9]+")
        uow.commit()
    by_rule = _import(engine, folder, dry_run=True)
    kinds = {g["name"]: g["kind"] for g in by_rule.details["groups_new"]}  # type: ignore[union-attr, index]
    assert kinds == {"4V1": "cluster_group", "4V.wi1": "home_class",
                     "4V2": "cluster_group", "4V.wi2": "home_class"}  # fmt: skip

    by_option = _import(engine, folder, dry_run=True, home_class_pattern="4V[0-9]")
    kinds = {g["name"]: g["kind"] for g in by_option.details["groups_new"]}  # type: ignore[union-attr, index]
    assert kinds["4V1"] == "home_class"
    assert kinds["4V.wi1"] == "cluster_group"

    bad = _import(engine, folder, home_class_pattern="4V[")
    assert bad.exit_code == 2
    assert bad.errors[0].message_code == "roster.plan.pattern_invalid"
    applied = _import(engine, folder)
    assert applied.written
    with SqlAlchemyUnitOfWork(engine) as uow:
        homes = uow.groups.home_classes(uow.school.current_school_year())
    assert sorted(homes) == ["4V"]
    assert len(homes["4V"]) == 8  # every student in one home class of 4V


def test_a_zip_is_imported_like_its_folder(engine: Engine, tmp_path: Path):
    folder = school_set(10).write(tmp_path / "set")
    archive = shutil.make_archive(str(tmp_path / "set"), "zip", folder)
    from_folder = _import(engine, folder, dry_run=True).as_json()
    from_zip = _import(engine, Path(archive), dry_run=True).as_json()
    assert from_zip["fingerprint"] == from_folder["fingerprint"]
    for key in ("rows", "students", "staff", "groups", "memberships", "links", "others"):
        assert from_zip[key] == from_folder[key]
    applied = _import(engine, Path(archive))
    assert applied.written
    assert applied.file == "set.zip"
