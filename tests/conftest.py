"""Shared fixtures: a fresh database per test on SQLite and, where it answers, PostgreSQL;
and the run's logs, kept and scanned for secrets and personal data at its end."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from koppel.store.database import connect
from koppel.store.migrate import upgrade
from tests.security.log_scan import Finding, report, scan_run
from tests.security.run_logs import keep_koppel_logs, run_folder, start_run

PG_HOST = os.environ.get("KOPPEL_TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("KOPPEL_TEST_PG_PORT", "5432"))
PG_USER = os.environ.get("KOPPEL_TEST_PG_USER", "postgres")
PG_ADMIN_URL = f"postgresql+psycopg://{PG_USER}@{PG_HOST}:{PG_PORT}/postgres"


def _postgres_answers() -> bool:
    try:
        with socket.create_connection((PG_HOST, PG_PORT), timeout=1):
            return True
    except OSError:
        return False


POSTGRES_SKIP_REASON = (
    f"no PostgreSQL server answers on {PG_HOST}:{PG_PORT} "
    "(make test starts one where it can; see scripts/ensure-postgres.sh)"
)


FINDINGS = pytest.StashKey[list[Finding]]()


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


@pytest.hookimpl(trylast=True)  # after pytest's own tmp_path set-up
def pytest_configure(config: pytest.Config) -> None:
    """One log folder per run, made by the controller before the xdist workers start."""
    if not _is_worker(config):
        start_run(config._tmp_path_factory.getbasetemp() / "run-logs")
    worker = getattr(config, "workerinput", {}).get("workerid", "controller")
    keep_koppel_logs(worker)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The controller scans every log of the run once the workers are done; a finding
    fails the run (tests/security/log_scan.py)."""
    run = run_folder()
    if _is_worker(session.config) or run is None:
        return
    findings, _ = scan_run(run, run.parent)
    session.config.stash[FINDINGS] = findings
    if findings and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    findings = terminalreporter.config.stash.get(FINDINGS, [])
    run = run_folder()
    if findings and run is not None:
        terminalreporter.section("secrets or personal data in the logs", red=True)
        terminalreporter.write_line(report(findings, run / "logs"))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'koppel.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A database of its own on the PostgreSQL server, dropped afterwards."""
    with postgres_database() as url:
        yield url


@contextmanager
def postgres_database(prefix: str = "koppel_test") -> Iterator[str]:
    """A new database on the PostgreSQL server (skipped when none answers), dropped when
    the block ends."""
    if not _postgres_answers():
        pytest.skip(POSTGRES_SKIP_REASON)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql+psycopg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each storage test runs on both databases."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
def empty_engine(database_url: str) -> Iterator[Engine]:
    engine = connect(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def engine(empty_engine: Engine) -> Engine:
    """An engine on a database migrated to the newest schema."""
    upgrade(empty_engine)
    return empty_engine
