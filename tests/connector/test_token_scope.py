"""A project's token is for the project's departments (least privilege): ``koppel project
init`` refuses a token that is not for every one of them, and a scheduler's token made
before tokens had departments, saying what to do; nothing is made. Real portal, real
HTTP, real command line, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select

from koppel.domain.accounts import Role
from koppel.services.accounts.tokens import create_token
from koppel.store import tables as t
from koppel.store.project.file import ProjectFile
from tests.cli.runner import Run, koppel
from tests.connector.conftest import DEPARTMENTS, Linked


def _scheduler(linked: Linked) -> str:
    tk, a = t.api_tokens, t.accounts
    with linked.engine.connect() as connection:
        return str(
            connection.scalar(
                select(a.c.username)
                .join(tk, tk.c.account_id == a.c.id)
                .where(tk.c.name == "project")
            )
        )


def _init(linked: Linked, path: Path, token: str) -> Run:
    return koppel(
        "project",
        "init",
        str(path),
        "--portal",
        linked.url,
        "--token",
        token,
        "--school-year",
        linked.school_year,
        "--departments",
        ",".join(DEPARTMENTS),
        "--json",
    )


def test_project_init_takes_only_a_token_for_every_department_of_the_project(
    linked: Linked, tmp_path: Path
) -> None:
    scheduler = _scheduler(linked)
    narrow = create_token(
        linked.uow(), "alleen-4v", username=scheduler, role=Role.SCHEDULER, departments=["4V"]
    ).token
    target = tmp_path / "smal.koppel"
    refused = _init(linked, target, narrow)
    assert refused.code == 2
    assert "3H, 4H" in refused.stderr  # the departments the token is not for
    assert f"--user {scheduler} --department 3H,4H,4V" in refused.stderr
    assert not target.exists()

    old = create_token(
        linked.uow(), "van-vroeger", username=scheduler, role=Role.SCHEDULER, departments=["4V"]
    ).token
    with linked.engine.begin() as connection:  # as a portal upgraded from before 0010 has it
        old_id = connection.scalar(
            select(t.api_tokens.c.id).where(t.api_tokens.c.name == "van-vroeger")
        )
        connection.execute(
            delete(t.api_token_departments).where(t.api_token_departments.c.token_id == old_id)
        )
    legacy = _init(linked, target, old)
    assert legacy.code == 2
    assert "403" in legacy.stderr
    assert "--department" in legacy.stderr
    assert not target.exists()

    made = _init(linked, target, linked.token)
    assert made.code == 0, made.stderr
    assert made.json()["departments"] == list(DEPARTMENTS)
    assert target.exists()


def test_an_upgraded_project_gets_a_token_for_its_departments_and_keeps_its_data(
    linked: Linked,
) -> None:
    scheduler, path = _scheduler(linked), str(linked.path)
    assert koppel("connect", "download", path, "students").code == 0
    kept = linked.project_data()
    old = create_token(
        linked.uow(), "van-vroeger", username=scheduler, role=Role.SCHEDULER, departments=["4V"]
    ).token
    with linked.engine.begin() as connection:  # upgraded: the old token has no departments
        old_id = connection.scalar(
            select(t.api_tokens.c.id).where(t.api_tokens.c.name == "van-vroeger")
        )
        connection.execute(
            delete(t.api_token_departments).where(t.api_token_departments.c.token_id == old_id)
        )
    project = ProjectFile.open(linked.path)
    with project.begin() as session:
        session.set_setting("token", old)
    project.close()

    refused = koppel("connect", "status", path)
    assert refused.code == 2
    assert "niet beperkt tot afdelingen" in refused.stderr
    assert "koppel project token" in refused.stderr

    narrow = create_token(
        linked.uow(), "te-smal", username=scheduler, role=Role.SCHEDULER, departments=["4V"]
    ).token
    too_narrow = koppel("project", "token", path, "--token", narrow)
    assert too_narrow.code == 2
    assert "3H, 4H" in too_narrow.stderr
    assert ProjectFile.open(linked.path).info().token == old  # unchanged

    fresh = create_token(
        linked.uow(), "nieuw", username=scheduler, role=Role.SCHEDULER, departments=DEPARTMENTS
    ).token
    replaced = koppel("project", "token", path, "--token", fresh, "--json")
    assert replaced.code == 0, replaced.stderr
    assert replaced.json()["departments"] == list(DEPARTMENTS)
    assert fresh not in replaced.stdout
    assert koppel("connect", "status", path).code == 0
    assert linked.project_data() == kept  # the project's data stayed
