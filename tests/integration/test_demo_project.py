"""``koppel demo --project``: a scheduler's project linked to the demo portal, as if
synced earlier, with differences in every domain, in the directions the seed's rules
give them, a few conflicts, students on one side only, and a working token."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from koppel.connector.comparing import DEPARTMENT_SCOPED
from koppel.domain.sync.compare import DomainDiff, Origin, compare
from koppel.domain.sync.domains import Direction, Lead, SyncDomain
from koppel.services.accounts.tokens import token_holder
from koppel.services.demo.build import DemoResult, build_demo_school
from koppel.services.demo.project import (
    DemoProject,
    project_departments,
    read_portal_rows,
    write_demo_project,
)
from koppel.services.demo.project_changes import EMAIL_PROPERTY
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.project.file import ProjectFile
from koppel.store.project.tables import DATA_TABLES
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel
from tests.web.conftest import start_portal

STUDENTS = 400
SEED = 3


@dataclass(frozen=True)
class Demo:
    engine: Engine
    url: str
    school: DemoResult
    project: DemoProject


def _write(demo_engine: Engine, school: DemoResult, path: Path, **options: object) -> DemoProject:
    return write_demo_project(
        SqlAlchemyUnitOfWork(demo_engine),
        path,
        school_year=school.school_year,
        scheduler=school.personas["scheduler"],
        **options,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("demo-project")
    url = f"sqlite:///{folder / 'koppel.db'}"
    engine = connect(url)
    upgrade(engine)
    school = build_demo_school(
        SqlAlchemyUnitOfWork(engine), students=STUDENTS, seed=SEED, today=date(2026, 9, 1)
    )
    project = _write(engine, school, folder / "demo.koppel", seed=SEED)
    yield Demo(engine, url, school, project)
    engine.dispose()


def compare_all(engine: Engine, path: Path) -> dict[SyncDomain, DomainDiff]:
    """Every domain compared as ``Comparer.view`` scopes it: the students domain as is,
    the others for students on both sides, per-department domains in the project's
    departments."""
    project = ProjectFile.open(path)
    try:
        info = project.info()
        portal, leads = read_portal_rows(
            SqlAlchemyUnitOfWork(engine), info.school_year, info.departments
        )
        in_portal = {key[0] for key in portal[SyncDomain.STUDENTS]}
        diffs: dict[SyncDomain, DomainDiff] = {}
        with project.begin() as session:
            both = in_portal & session.students()
            for domain in SyncDomain:
                theirs, ours, base = portal[domain], session.state(domain), session.base(domain)
                if domain is not SyncDomain.STUDENTS:
                    theirs = {k: v for k, v in theirs.items() if k[0] in both}
                    ours = {k: v for k, v in ours.items() if k[0] in both}
                    base = {k: v for k, v in base.items() if k[0] in both}
                if domain in DEPARTMENT_SCOPED:
                    ours = {k: v for k, v in ours.items() if k[1] in info.departments}
                diffs[domain] = compare(domain, theirs, ours, base, leads)
        return diffs
    finally:
        project.close()


def data_tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """The scheduler's data and the sync base, row by row, in a fixed order."""
    with sqlite3.connect(path) as conn:
        names = [table.name for table in DATA_TABLES] + ["sync_base", "departments"]
        return {
            name: sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
            for name in names
        }


def test_the_project_is_linked_to_the_demo_portal(demo: Demo):
    project = ProjectFile.open(demo.project.path)
    try:
        info = project.info()
        with project.begin() as session:
            leads = session.leads()
    finally:
        project.close()
    assert info.school_year == demo.school.school_year
    assert info.departments == project_departments()
    assert set(info.departments) == {"3M", "3H", "3V", "4M", "4H", "4V", "5H", "5V", "6V"}
    assert info.portal_url == "http://127.0.0.1:8000"
    assert leads["3H"] == leads["4M"] == Lead.PORTAL.value
    assert leads["4V"] == leads["6V"] == Lead.PROJECT.value
    holder = token_holder(SqlAlchemyUnitOfWork(demo.engine), info.token)
    assert holder is not None
    assert holder.role.value == "scheduler"
    assert holder.account.username == demo.school.personas["scheduler"]
    assert holder.token_name == demo.project.token_name == "demo-project"


def test_every_domain_differs_in_the_directions_its_rules_allow(demo: Demo):
    diffs = compare_all(demo.engine, demo.project.path)
    for domain, diff in diffs.items():
        assert diff.rows, domain
    students = diffs[SyncDomain.STUDENTS]
    assert students.count(Direction.DOWNLOAD) > 0  # new in the portal
    assert students.count(Direction.UPLOAD) > 0  # new in the project
    for domain in (
        SyncDomain.PERSONAL_DATA,
        SyncDomain.DEPARTMENT_PARTICIPATION,
        SyncDomain.LWOO,
        SyncDomain.PROGNOSES,
        SyncDomain.PACKAGE_CHOICES,
    ):
        rows = diffs[domain].rows
        assert all(row.direction is Direction.DOWNLOAD for row in rows), domain
        assert any(row.origin is Origin.PORTAL for row in rows), domain
    for row in diffs[SyncDomain.PROGNOSES].rows:
        if row.origin is Origin.PORTAL:
            assert row.changed("shares")
            assert row.project is not None
    packages = diffs[SyncDomain.PACKAGE_CHOICES].rows
    assert any(row.project is None for row in packages)  # new package choices
    exemptions = [row for row in packages if row.project is not None and row.changed("exemptions")]
    assert exemptions
    assert all(len(row.portal[2]) > len(row.project[2]) for row in exemptions)  # type: ignore[arg-type,index]

    home = diffs[SyncDomain.HOME_CLASSES]
    portal_led = {"3M", "3H", "3V", "4M"}
    down = [row for row in home.rows if row.direction is Direction.DOWNLOAD]
    up = [row for row in home.rows if row.direction is Direction.UPLOAD]
    assert down
    assert all(row.department in portal_led and row.origin is Origin.PORTAL for row in down)
    assert up
    assert all(row.department not in portal_led and row.origin is Origin.PROJECT for row in up)
    clusters = diffs[SyncDomain.CLUSTER_GROUPS].rows
    assert all(
        row.direction is Direction.UPLOAD and row.origin is Origin.PROJECT for row in clusters
    )


def test_a_few_conflicts_with_base_project_and_portal_all_different(demo: Demo):
    diffs = compare_all(demo.engine, demo.project.path)
    conflicts = [row for diff in diffs.values() for row in diff.rows if row.conflict]
    assert 2 <= len(conflicts) <= 3
    assert {row.key for row in conflicts} <= {
        row.key
        for domain in (SyncDomain.PERSONAL_DATA, SyncDomain.PROGNOSES)
        for row in diffs[domain].rows
    }
    assert diffs[SyncDomain.PERSONAL_DATA].conflicts >= 1
    assert diffs[SyncDomain.PROGNOSES].conflicts >= 1
    for row in conflicts:
        clashing = [field for field in row.fields if field.conflict]
        assert clashing
        for field in clashing:
            assert len({field.base, field.portal, field.project}) == 3


def test_students_only_in_the_project_some_with_an_email_property(demo: Demo):
    project = ProjectFile.open(demo.project.path)
    try:
        with project.begin() as session:
            students = session.students()
            emails = session.extra_property(EMAIL_PROPERTY)
            taking_part = session.state(SyncDomain.DEPARTMENT_PARTICIPATION)
            base = session.base(SyncDomain.STUDENTS)
            personal = session.state(SyncDomain.PERSONAL_DATA)
    finally:
        project.close()
    portal, _leads = read_portal_rows(
        SqlAlchemyUnitOfWork(demo.engine), demo.school.school_year, project_departments()
    )
    in_portal = {key[0] for key in portal[SyncDomain.STUDENTS]}
    only_here = students - in_portal
    assert only_here
    assert {n for n in only_here if n in emails}
    assert {n for n in only_here if n not in emails}
    assert all(emails[n].endswith("@leerling.example.org") for n in only_here & emails.keys())
    for number in only_here:
        assert (number, None) not in base
        assert personal[(number, None)][2]  # a last name
        shares = {k[1]: v for k, v in taking_part.items() if k[0] == number}
        assert list(shares.values()) == [(100,)]
        assert set(shares) <= set(project_departments())
    new_in_portal = in_portal - students
    assert new_in_portal
    assert not {key[0] for key in base} & new_in_portal


def test_the_same_seed_gives_the_same_project(demo: Demo, tmp_path: Path):
    again = _write(
        demo.engine, demo.school, tmp_path / "again.koppel", seed=SEED, token_name="again"
    )
    assert data_tables(again.path) == data_tables(demo.project.path)
    assert again.planted == demo.project.planted
    other = _write(
        demo.engine, demo.school, tmp_path / "other.koppel", seed=SEED + 1, token_name="other"
    )
    assert data_tables(other.path) != data_tables(demo.project.path)


def test_the_cli_writes_the_project_and_refuses_an_existing_file(tmp_path: Path):
    database = f"sqlite:///{tmp_path / 'koppel.db'}"
    path = tmp_path / "demo.koppel"
    run = koppel("demo", "--students", "120", "--project", str(path), "--json", database=database)
    assert run.code == 0, run.stderr
    found = run.json()
    assert found["project"] == str(path)
    assert found["project_differences"]["students_project_only"] >= 2
    assert path.is_file()
    tokens = koppel("token", "list", "--json", database=database).json()["tokens"]
    assert [(t["name"], t["role"]) for t in tokens] == [("demo-project", "scheduler")]

    other = f"sqlite:///{tmp_path / 'other.db'}"
    refused = koppel("demo", "--students", "60", "--project", str(path), database=other)
    assert refused.code == 2
    assert str(path) in refused.stderr.replace("\n", "")
    assert not (tmp_path / "other.db").exists()  # refused before the database was touched


def test_connect_status_over_http_shows_every_domain_and_the_conflicts(demo: Demo, tmp_path: Path):
    path = tmp_path / "http.koppel"
    _write(demo.engine, demo.school, path, seed=SEED, token_name="http")
    process, url = start_portal(demo.url)
    try:
        project = ProjectFile.open(path)
        with project.begin() as session:
            session.set_setting("portal_url", url)
        project.close()
        looked = koppel("connect", "status", str(path), "--no-auto", "--json")
        assert looked.code == 0, looked.stderr
        domains = looked.json()["domains"]
        assert set(domains) == {domain.value for domain in SyncDomain}
        assert all(found["differences"] > 0 for found in domains.values()), domains
        assert domains["students"]["download"] > 0
        assert domains["students"]["upload"] > 0
        assert domains["home_classes"]["download"] > 0
        assert domains["home_classes"]["upload"] > 0
        assert sum(found["conflicts"] for found in domains.values()) >= 2

        auto = koppel("connect", "status", str(path), "--json")  # takes over personal data
        assert auto.code == 0, auto.stderr
        after = auto.json()
        assert after["auto"]["applied"] > 0
        assert all(found["differences"] > 0 for found in after["domains"].values())
        assert after["domains"]["personal_data"]["conflicts"] >= 1
    finally:
        process.terminate()
        process.wait(timeout=30)
