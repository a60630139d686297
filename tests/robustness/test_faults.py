"""Faults with real processes: the portal killed in the middle of an upload, the database
connection dropped in the middle of a transaction, the disk full while the project file
is saved. In every case: a clear message, nothing half written, and the next try works."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from koppel.store.database import connect
from koppel.store.migrate import upgrade
from tests.cli.runner import koppel
from tests.integration.fixtures import build_small_school
from tests.integration.snapshot import snapshot

# --- the database connection dropped in the middle of a transaction ---------------------

ROOT = Path(__file__).resolve().parents[2]
NEW_STUDENTS = 1000


def students_file(folder: Path) -> Path:
    path = folder / "leerlingen.csv"
    lines = ["leerlingnummer;roepnaam;achternaam;geslacht;straat;huisnummer;postcode;plaats"]
    lines += [
        f"{700000 + i};Sam{i};Jansen;X;Kerkstraat;{i % 90 + 1};1234 AB;Utrecht"
        for i in range(NEW_STUDENTS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def child_env(database: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env.update(KOPPEL_DATABASE_URL=database, KOPPEL_LANG="nl", COLUMNS="200")
    return env


@pytest.mark.parametrize("moment", ["write:3", "commit"])
def test_an_import_killed_inside_its_transaction_leaves_sqlite_unchanged_and_usable(
    sqlite_url: str, tmp_path: Path, moment: str
) -> None:
    engine = connect(sqlite_url)
    upgrade(engine)
    build_small_school(engine)
    before = snapshot(engine, bookkeeping=True)
    file = students_file(tmp_path)
    killed = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.robustness.fault_child",
            moment,
            "import",
            "students",
            str(file),
        ],
        cwd=ROOT,
        env=child_env(sqlite_url),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert snapshot(engine, bookkeeping=True) == before
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    engine.dispose()
    again = koppel("import", "students", str(file), "--json", database=sqlite_url)
    assert again.code == 0, again.stderr
    assert again.json()["students"]["new"] == NEW_STUDENTS


def waiting_writer(admin: Connection, database: str) -> int:
    """The backend of ``database`` that has written (it has a transaction id) and now
    waits for a lock."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = admin.execute(
            text(
                "SELECT pid FROM pg_stat_activity WHERE datname = :db AND wait_event_type = "
                "'Lock' AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
            ),
            {"db": database},
        ).scalar()
        if found is not None:
            return int(found)
        time.sleep(0.02)
    raise AssertionError("no writer of the database waited for the lock")


@contextmanager
def held_lock(url: str, table: str) -> Iterator[Connection]:
    """``table`` locked in SHARE mode: reads pass, the first write to it waits. Yields a
    second connection to watch and terminate backends with."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as holder, engine.connect() as admin:
        holder.exec_driver_sql("BEGIN")
        holder.exec_driver_sql(f"LOCK TABLE {table} IN SHARE MODE")
        try:
            yield admin
        finally:
            holder.exec_driver_sql("ROLLBACK")
    engine.dispose()


@pytest.mark.postgres
def test_an_import_whose_connection_is_terminated_writes_nothing_and_says_so(
    postgres_url: str, tmp_path: Path
) -> None:
    engine = connect(postgres_url)
    upgrade(engine)
    build_small_school(engine)
    before = snapshot(engine, bookkeeping=True)
    file = students_file(tmp_path)
    name = make_url(postgres_url).database
    with held_lock(postgres_url, "changesets") as admin:
        child = subprocess.Popen(
            [sys.executable, "-m", "koppel", "import", "students", str(file)],
            env=child_env(postgres_url),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        pid = waiting_writer(admin, str(name))
        assert admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 2, err
    assert "Traceback" not in err
    message = " ".join(err.split())
    assert "verbinding met de database viel weg" in message, message
    assert "niet opgeslagen" in message, message
    assert snapshot(engine, bookkeeping=True) == before
    engine.dispose()
    again = koppel("import", "students", str(file), "--json", database=postgres_url)
    assert again.code == 0, again.stderr
    assert again.json()["students"]["new"] == NEW_STUDENTS
