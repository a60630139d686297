"""``koppel privacy forget-left`` as a privacy officer runs it: a dry run that lists
student numbers (never names) and says it cannot be undone, a refusal (exit code 3, in
the JSON that scripts read) while an integration set waits, and the run itself."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from koppel.domain.sis.runs import RunStatus, SisRun
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import Run, koppel
from tests.integration.leavers import (
    FORGOTTEN_AFTER,
    LEFT_3,
    UPLOADED,
    build_leavers_school,
    identifying_values,
)

NOT_UNDOABLE = "dit kan niet ongedaan worden gemaakt"
NAMES = (LEFT_3.first, LEFT_3.last, UPLOADED.first, UPLOADED.last, LEFT_3.email)


@pytest.fixture
def school(sqlite_url: str, tmp_path: Path) -> Iterator[tuple[Engine, str]]:
    engine = connect(sqlite_url)
    upgrade(engine)
    build_leavers_school(engine, tmp_path)
    yield engine, sqlite_url
    engine.dispose()


def _run(url: str, *args: str) -> Run:
    done = koppel("privacy", "forget-left", *args, database=url)
    for name in NAMES:
        assert name.lower() not in (done.stdout + done.stderr).lower(), name
    return done


def _text(output: str) -> str:
    """As read, without the line breaks of the terminal's width."""
    return " ".join(output.split())


def _set_waiting(engine: Engine, status: RunStatus) -> None:
    with SqlAlchemyUnitOfWork(engine) as uow:
        if status is RunStatus.PENDING:
            uow.sis_runs.add(
                SisRun(
                    *("run-waiting", "/srv/sis/groot.zip", "e" * 64, "oneroster-1.1"),
                    datetime.now(UTC),
                    status,
                    None,
                    {"school_year": "2026-2027"},
                    *(None, None, None),
                )
            )
        else:
            uow.sis_runs.set_status("run-waiting", status)
        uow.commit()


def test_dry_run_refusal_run_and_json(school: tuple[Engine, str]):
    engine, url = school
    preview = _run(url, "--dry-run")
    assert preview.code == 0, preview.stderr
    assert "Voorbeeld: er is niets geschreven" in _text(preview.stdout)
    assert NOT_UNDOABLE in _text(preview.stdout)
    assert "bewaartermijn 2 schooljaren" in _text(preview.stdout)
    for number in FORGOTTEN_AFTER[2]:
        assert number in preview.stdout

    _set_waiting(engine, RunStatus.PENDING)
    refused = _run(url, "--json")
    assert refused.code == 3
    data = refused.json()
    assert data["written"] is False
    assert data["changeset"] is None
    assert data["undoable"] is False
    assert (data["school_year"], data["keep_years"]) == ("2026-2027", 2)
    assert data["students"] == {"left": 7, "forget": 2, "keep": 5, "untraced": 1}
    assert data["removed"] == {}
    assert "op een besluit" in data["refused"]
    assert "forget" not in data  # numbers only in a dry run
    assert set(identifying_values(engine, FORGOTTEN_AFTER[2])) == FORGOTTEN_AFTER[2]
    _set_waiting(engine, RunStatus.REJECTED)

    done = _run(url)
    assert done.code == 0, done.stderr
    assert "2 vertrokken leerlingen voorgoed verwijderd" in _text(done.stdout)
    assert NOT_UNDOABLE in _text(done.stdout).lower()
    for number in FORGOTTEN_AFTER[2]:
        assert number not in done.stdout  # the log keeps no trace of them either
    assert identifying_values(engine, FORGOTTEN_AFTER[2]) == {}
