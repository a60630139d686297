"""``koppel staff remove-departed`` (year transition, step 5) on a demo school, on SQLite
and PostgreSQL: preview, apply, safety rule, broken files, retention, undo."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from koppel.domain.accounts import Role
from koppel.domain.staff import StaffStatus
from koppel.services.accounts.sign_in import token_hash
from koppel.services.accounts.tokens import create_token, token_holder
from koppel.services.audit.undo import undo_changeset
from koppel.services.demo.build import build_demo_school
from koppel.services.school_settings import (
    StaffRetention,
    save_school_settings,
    school_settings,
)
from koppel.services.transition.staff_departure import remove_departed_staff
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel
from tests.integration.snapshot import snapshot

HEADERS = ["Docentcode", "Roepnaam", "Tussenvoegsel", "Achternaam", "E-mail", "Rollen"]
"""The headers of ``koppel import template staff``."""


@pytest.fixture
def demo(database_url: str) -> Iterator[Engine]:
    """A demo school of 700 students: 58 staff members, each with an account."""
    engine = connect(database_url)
    upgrade(engine)
    build_demo_school(SqlAlchemyUnitOfWork(engine), students=700, seed=5, today=date(2026, 11, 23))
    yield engine
    engine.dispose()


def _staff_file(engine: Engine, path: Path, *, leave_out: int) -> tuple[Path, list[str]]:
    """The demo's staff as the school's staff file, without the first ``leave_out``."""
    with SqlAlchemyUnitOfWork(engine) as uow:
        members = sorted(uow.staff.list(), key=lambda m: m.staff_code)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        for m in members[leave_out:]:
            writer.writerow([m.staff_code, m.first_name, m.infix, m.last_name, m.email, "docent"])
    return path, [m.staff_code for m in members[:leave_out]]


def _without_sessions(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    found = snapshot(engine)
    del found["sessions"]
    return found


def _inactive(engine: Engine) -> set[str]:
    with SqlAlchemyUnitOfWork(engine) as uow:
        return {a.username for a in uow.accounts.search(limit=100_000)[0] if not a.is_active}


def test_remove_departed_previews_applies_ends_access_and_undoes(
    demo: Engine, database_url: str, tmp_path: Path
):
    path, left = _staff_file(demo, tmp_path / "personeel.csv", leave_out=3)
    usernames = [code.lower() for code in left]
    token = create_token(
        SqlAlchemyUnitOfWork(demo), "vertrekker", username=usernames[0], role=Role.TEACHER
    ).token
    assert token_holder(SqlAlchemyUnitOfWork(demo), token) is not None
    with SqlAlchemyUnitOfWork(demo) as uow:
        uow.sessions.add(
            token_hash=token_hash("sessie"),
            username=usernames[1],
            csrf_token="c",
            at=datetime.now(UTC),
        )
        uow.commit()
    was_inactive = _inactive(demo)
    before = snapshot(demo)

    preview = koppel(
        "staff",
        "remove-departed",
        "--staff-file",
        str(path),
        "--dry-run",
        "--json",
        database=database_url,
    )
    assert preview.code == 0, preview.stderr
    shown = preview.json()
    assert shown["departed"] == left
    assert shown["written"] is False
    assert shown["changeset"] is None
    assert shown["staff"] == {"new": 0, "updated": 0, "unchanged": 55, "absent": 3}
    assert shown["errors"] == []
    assert shown["rows"] == 55
    assert snapshot(demo) == before

    applied = koppel(
        "staff", "remove-departed", "--staff-file", str(path), "--json", database=database_url
    )
    assert applied.code == 0, applied.stderr
    result = applied.json()
    assert result["written"] is True
    assert result["departed"] == left
    assert _inactive(demo) - was_inactive == set(usernames)
    with SqlAlchemyUnitOfWork(demo) as uow:
        assert {m.staff_code for m in uow.staff.list() if m.status is StaffStatus.LEFT} == set(left)
        year = uow.school.current_school_year()
        assert not [link for link in uow.groups.staff_links(year) if link.staff_code in left]
        assert uow.sessions.get(token_hash("sessie")) is None
    assert token_holder(SqlAlchemyUnitOfWork(demo), token) is None  # the API answers 401

    again = koppel(
        "staff", "remove-departed", "--staff-file", str(path), "--json", database=database_url
    )
    assert again.code == 0
    assert again.json()["written"] is False
    assert again.json()["departed"] == []

    undone = koppel("undo", result["changeset"], database=database_url)
    assert undone.code == 0, undone.stderr
    restored = snapshot(demo)
    assert {k: v for k, v in restored.items() if k != "sessions"} == {
        k: v for k, v in before.items() if k != "sessions"
    }
    assert token_holder(SqlAlchemyUnitOfWork(demo), token) is not None


def test_remove_departed_refuses_too_large_a_share_without_force(
    demo: Engine, database_url: str, tmp_path: Path
):
    path, left = _staff_file(demo, tmp_path / "personeel.csv", leave_out=17)  # 17 of 58
    before = snapshot(demo, bookkeeping=True)
    refused = koppel(
        "staff", "remove-departed", "--staff-file", str(path), database=database_url, lang="en"
    )
    assert refused.code == 3
    for part in ("17 of the 58", "29%", "10%", "--force"):
        assert part in refused.stderr, refused.stderr
    assert snapshot(demo, bookkeeping=True) == before

    forced = koppel(
        "staff",
        "remove-departed",
        "--staff-file",
        str(path),
        "--force",
        "--json",
        database=database_url,
    )
    assert forced.code == 0, forced.stderr
    assert forced.json()["written"] is True
    assert forced.json()["departed"] == left


def test_remove_departed_names_file_row_and_column_of_a_broken_file(
    demo: Engine, database_url: str, tmp_path: Path
):
    before = snapshot(demo, bookkeeping=True)
    no_code = tmp_path / "zonder_code.csv"
    no_code.write_text("Roepnaam;Achternaam\nAns;Berg\n", encoding="utf-8")
    missing = koppel(
        "staff", "remove-departed", "--staff-file", str(no_code), "--json", database=database_url
    )
    assert missing.code == 2
    [error] = missing.json()["errors"]
    assert error["file"] == "zonder_code.csv"
    assert "Docentcode" in error["message"]

    path, _ = _staff_file(demo, tmp_path / "personeel.csv", leave_out=0)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[4] = "X!;Ans;;Berg;;docent"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad_row = koppel("staff", "remove-departed", "--staff-file", str(path), database=database_url)
    assert bad_row.code == 2
    assert "personeel.csv" in bad_row.stderr
    assert "5" in bad_row.stderr
    assert "Docentcode" in bad_row.stderr
    assert snapshot(demo, bookkeeping=True) == before


def test_retention_remove_blanks_personal_data_and_undo_restores_it(demo: Engine, tmp_path: Path):
    uow = SqlAlchemyUnitOfWork(demo)
    save_school_settings(
        uow, replace(school_settings(uow), staff_retention=StaffRetention.REMOVE), actor="test"
    )
    path, left = _staff_file(demo, tmp_path / "personeel.xlsx.csv", leave_out=2)
    before = _without_sessions(demo)
    report = remove_departed_staff(uow, path)
    assert report.written
    assert report.departed == left
    assert report.retention == "remove"
    with SqlAlchemyUnitOfWork(demo) as check:
        for code in left:
            member = check.staff.get(code)
            assert (member.first_name, member.last_name, member.email) == ("-", code, "")
            account = check.accounts.get(code.lower())
            assert (account.display_name, account.email, account.is_active) == (code, "", False)
    assert report.changeset is not None
    undo_changeset(SqlAlchemyUnitOfWork(demo), report.changeset)
    assert _without_sessions(demo) == before
