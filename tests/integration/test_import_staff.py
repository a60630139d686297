"""Staff files and teacher-group files on SQLite and PostgreSQL, with undo."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import Engine

from koppel.domain.imports.staff import Link
from koppel.domain.staff import StaffRole
from koppel.files.columns import ImportKind
from koppel.services.audit.undo import undo_changeset
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.run import run_import
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.integration.fixtures import YEAR, build_small_school
from tests.integration.snapshot import snapshot


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerows(rows)
    return path


def _run(engine: Engine, kind: ImportKind, path: Path, **options: object):
    return run_import(SqlAlchemyUnitOfWork(engine), kind, path, options=ImportOptions(**options))


def test_staff_import_adds_updates_links_and_undoes(engine: Engine, tmp_path: Path):
    build_small_school(engine)
    before = snapshot(engine)
    path = _csv(
        tmp_path / "personeel.csv",
        [
            ["Docentcode", "Voornaam", "Achternaam", "E-mail", "Rollen", "Groep 1", "Groep 2"],
            ["JANS", "Pieter", "Jansen", "jans@example.org", "docent", "4H1", ""],
            ["NIEU", "Nina", "Nieuwe", "nieu@example.org", "docent, mentor", "4V1", "9Z9"],
        ],
    )
    preview = _run(engine, ImportKind.STAFF, path, dry_run=True)
    assert preview.errors == []
    assert preview.staff is not None
    assert (preview.staff.new, preview.staff.updated, preview.staff.absent) == (1, 1, 1)
    assert [w.message_code for w in preview.warnings] == ["import.group_unknown_skipped"]
    assert snapshot(engine) == before

    report = _run(engine, ImportKind.STAFF, path)
    assert report.written
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.staff.get("JANS").first_name == "Pieter"
        assert uow.accounts.get("nieu").roles == {"teacher", "mentor"}
        links = set(uow.groups.staff_links(YEAR))
    assert Link("NIEU", "4V1", StaffRole.TEACHER) in links
    assert Link("JANS", "4H1", StaffRole.TEACHER) in links

    assert undo_changeset(SqlAlchemyUnitOfWork(engine), report.changeset).written
    assert snapshot(engine) == before


def test_teacher_groups_by_code_or_email(engine: Engine, tmp_path: Path):
    build_small_school(engine)
    path = _csv(
        tmp_path / "koppelingen.csv",
        [
            ["Docentcode", "E-mail", "Groep", "Rol"],
            ["BERG", "", "4H1", "mentor"],
            ["", "jans@example.org", "4V.netl1", "docent"],
            ["JANS", "", "4V1", "mentor"],  # already there
        ],
    )
    report = _run(engine, ImportKind.TEACHER_GROUPS, path)
    assert report.errors == []
    assert report.links is not None
    assert (report.links.new, report.links.unchanged) == (2, 1)
    with SqlAlchemyUnitOfWork(engine) as uow:
        links = set(uow.groups.staff_links(YEAR))
    assert Link("BERG", "4H1", StaffRole.MENTOR) in links
    assert Link("JANS", "4V.netl1", StaffRole.TEACHER) in links


def test_teacher_groups_errors_name_row_and_column_and_write_nothing(
    engine: Engine, tmp_path: Path
):
    build_small_school(engine)
    before = snapshot(engine, bookkeeping=True)
    path = _csv(
        tmp_path / "fout.csv",
        [
            ["Docentcode", "Groep", "Rol"],
            ["BERG", "4H1", "mentor"],
            ["XXXX", "4H1", "docent"],
            ["BERG", "9Z9", "docent"],
            ["BERG", "4H1", "conciërge"],
        ],
    )
    report = _run(engine, ImportKind.TEACHER_GROUPS, path)
    assert [(e.row, e.column) for e in report.errors] == [
        (3, "Docentcode"),
        (4, "Groep"),
        (5, "Rol"),
    ]
    assert snapshot(engine, bookkeeping=True) == before
