"""``koppel connect status`` end to end over HTTP on loopback (SQLite portal).

For each size: builds a demo school, starts ``koppel serve``, makes a scheduler token and
a project over every department, downloads every domain once (so the project mirrors the
portal), then times the real command in a child process, as a scheduler runs it:
  * first:      the project's copy of the portal's answers is thrown away first, so every
                domain is read in full;
  * unchanged:  again, nothing changed: the connector asks only for changes since the
                revision it saw;
  * 25 edits:   after 25 portal edits (prognoses), the changed students only.

    .venv/bin/python benchmarks/connector_status.py [--students 2000 50000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))

from koppel.connector.applying import Selection, download
from koppel.connector.client import PortalClient
from koppel.connector.comparing import Comparer
from koppel.connector.project_setup import init_project
from koppel.domain.accounts import Role
from koppel.domain.sync.domains import SyncDomain
from koppel.services.accounts.tokens import create_token
from koppel.services.demo.build import build_demo_school
from koppel.services.demo.catalog import DEPARTMENTS
from koppel.services.planning.edits import PlanningEdit, apply_edit
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.project.file import ProjectFile, ProjectInfo
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from portal_load import serve

DOWNLOADS = [d for d in SyncDomain if d is not SyncDomain.CLUSTER_GROUPS]


def status_seconds(path: Path) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "koppel", "connect", "status", str(path), "--json", "--no-auto"],
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def edit_portal(database: str, path: Path, count: int) -> None:
    """A team leader changes the comment of ``count`` students of 4H."""
    project = ProjectFile.open(path)
    with project.begin() as session:
        rows = session.state(SyncDomain.DEPARTMENT_PARTICIPATION)
    project.close()
    numbers = sorted({key[0] for key in rows if key[1] == "4H"})[:count]
    uow = SqlAlchemyUnitOfWork(connect(database))
    with uow:
        department = uow.school.department("4H")
        apply_edit(uow, "bench", department, numbers, PlanningEdit(comment=f"{time.time()}"))


def run(students: int, runs: int, console: Console) -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="koppel-connect-"))
    database = f"sqlite:///{folder / 'koppel.db'}"
    engine = connect(database)
    upgrade(engine)
    started = time.perf_counter()
    built = build_demo_school(
        SqlAlchemyUnitOfWork(engine), students=students, seed=1, today=date.today()
    )
    console.print(f"demo of {students} students built in {time.perf_counter() - started:.1f} s")
    token = create_token(
        SqlAlchemyUnitOfWork(engine),
        "bench",
        username=built.personas["scheduler"],
        role=Role.SCHEDULER,
        departments=[d.code for d in DEPARTMENTS],
    ).token
    process, url = serve(database)
    try:
        path = folder / "rooster.koppel"
        with PortalClient(url, token) as client:
            departments = tuple(sorted(client.leads(built.school_year)))
            info = ProjectInfo(built.school_year, departments, url, token)
            project = init_project(path, info, client)
            started = time.perf_counter()
            comparer = Comparer(project, client)
            for domain in DOWNLOADS:
                download(comparer, domain, Selection(accept_conflicts=True))
            for domain in (SyncDomain.HOME_CLASSES, SyncDomain.CLUSTER_GROUPS):
                download(comparer, domain, Selection(take_portal=True))
            project.close()
        console.print(f"project filled in {time.perf_counter() - started:.1f} s")
        first, unchanged = [], []
        for _ in range(runs):
            project = ProjectFile.open(path)
            with project.begin() as session:
                session.forget_cache()
            project.close()
            first.append(status_seconds(path))
            unchanged.append(status_seconds(path))
        edit_portal(database, path, 25)
        edited = status_seconds(path)
    finally:
        process.terminate()
        process.wait(timeout=10)
    return [
        f"{students:,}",
        f"{statistics.median(first):.2f}",
        f"{statistics.median(unchanged):.2f}",
        f"{edited:.2f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, nargs="+", default=[2000, 50000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    console = Console()
    table = Table(title="koppel connect status, end to end over HTTP (median of runs, s)")
    for column in ("students", "first (all read)", "unchanged", "after 25 edits"):
        table.add_column(column, justify="right")
    for students in args.students:
        table.add_row(*run(students, args.runs, console))
    console.print(table)
    console.print(
        "targets: 2,000 students under 1 s; 50,000: first under 10 s, unchanged under 2 s"
    )


if __name__ == "__main__":
    main()
