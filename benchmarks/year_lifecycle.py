"""The school year's life at school-board size: prepare next year, promote from the
prognoses, the five steps of the year transition with next year's SIS files, switch.

Builds a demo school (``koppel demo``: prognoses and package choices for next year, next
year not prepared), writes next year's files (``koppel demo next-year``) and runs the
life through :func:`koppel.services.demo.rehearsal.rehearse`, which calls for each step
the service its command calls (``koppel year prepare``, ``year promote``, ``import
staff``, ``groups delete --all``, ``import students --mark-absent-left``, ``import
teacher-groups``, ``staff remove-departed``, ``year switch``), each in its own unit of
work and change set. Times are of the services in this process (a command adds about a
second of Python start-up each): wall-clock seconds, and this process's CPU seconds beside
them (on SQLite nearly all the work; on PostgreSQL the server's share is not in it), which
tell a slow step from a busy machine.

    .venv/bin/python benchmarks/year_lifecycle.py [--students 50000] [--no-postgres]

Target (school year's life issue): prepare + promote + the five steps + switch for
50,000 students under 2 minutes, on SQLite and on PostgreSQL. PostgreSQL is the local
server (127.0.0.1:5432, user postgres), in a scratch database dropped afterwards; when
it does not answer, it is skipped with a line that says so.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from koppel.services.demo.build import build_demo_school
from koppel.services.demo.next_year import write_next_year_files
from koppel.services.demo.rehearsal import STEP_CODES, RehearsedStep, check_rehearsal, rehearse
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

sys.path.insert(0, str(Path(__file__).resolve().parent))
from databases import database

TARGET_SECONDS = 120.0
SEED = 7
LABELS = {
    "prepare": "prepare (year prepare)",
    "promote": "promote (year promote)",
    "import_files": "1 import staff",
    "delete_groups": "2 delete old groups",
    "import_participants": "3 import participants (--mark-absent-left)",
    "link_staff": "4 link teachers and mentors",
    "remove_departed": "5 remove departed staff",
    "switch": "switch (year switch)",
}


def postgres_answers(host: str = "127.0.0.1", port: int = 5432) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


Timed = dict[str, tuple[float, float]]
"""step -> (wall seconds, CPU seconds of this process)."""


def life(kind: str, students: int, console: Console) -> Timed:
    folder = Path(tempfile.mkdtemp(prefix="koppel-lifecycle-"))
    with database(kind, folder) as url:
        engine = connect(url)
        upgrade(engine)
        started = time.perf_counter()
        build_demo_school(
            SqlAlchemyUnitOfWork(engine), students=students, seed=SEED, today=date(2027, 3, 15)
        )
        built = time.perf_counter() - started
        started = time.perf_counter()
        files = write_next_year_files(SqlAlchemyUnitOfWork(engine), folder / "sis", seed=SEED)
        console.print(
            f"{kind}: demo school of {students:,} students in {built:.1f} s; next year's files "
            f"({files.students:,} students, {files.staff:,} staff, {files.links:,} links) "
            f"in {time.perf_counter() - started:.1f} s",
            highlight=False,
        )
        check_rehearsal(SqlAlchemyUnitOfWork(engine))
        timed: Timed = {}
        cpu = [time.process_time()]

        def show(step: RehearsedStep) -> None:
            cpu.append(time.process_time())
            timed[step.code] = (step.seconds, cpu[-1] - cpu[-2])
            console.print(
                f"  {LABELS[step.code]}: {step.seconds:.2f} s (CPU {cpu[-1] - cpu[-2]:.2f} s), "
                f"change set {step.changeset}",
                highlight=False,
            )

        done = rehearse(SqlAlchemyUnitOfWork(engine), files, on_step=show)
        engine.dispose()
    if done.stopped is not None:
        raise SystemExit(f"{kind}: stopped at {done.stopped.code}: {done.stopped.problems}")
    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=50_000)
    parser.add_argument("--no-postgres", action="store_true")
    chosen = parser.parse_args()
    console = Console(width=110)
    kinds = ["SQLite"]
    if chosen.no_postgres:
        console.print("PostgreSQL: skipped (--no-postgres).")
    elif postgres_answers():
        kinds.append("PostgreSQL")
    else:
        console.print(
            "PostgreSQL: skipped, no server answers on 127.0.0.1:5432 "
            "(user postgres, trust authentication)."
        )
    found = {kind: life(kind, chosen.students, console) for kind in kinds}
    table = Table(title=f"The school year's life, {chosen.students:,} students (seconds)")
    table.add_column("step")
    for kind in kinds:
        table.add_column(kind, justify="right")
        table.add_column(f"{kind} CPU", justify="right")
    for code in STEP_CODES:
        table.add_row(
            LABELS[code], *(f"{found[kind][code][i]:.2f}" for kind in kinds for i in (0, 1))
        )
    totals = {kind: sum(wall for wall, _ in found[kind].values()) for kind in kinds}
    cpu = {kind: sum(used for _, used in found[kind].values()) for kind in kinds}
    table.add_row(
        "[b]whole life[/]", *(f"[b]{n:.2f}[/]" for kind in kinds for n in (totals[kind], cpu[kind]))
    )
    console.print(table)
    console.print(f"Load average at the end: {', '.join(f'{n:.1f}' for n in os.getloadavg())}")
    missed = [kind for kind in kinds if totals[kind] >= TARGET_SECONDS]
    if missed:
        console.print(f"[red]Over {TARGET_SECONDS:.0f} s on {', '.join(missed)}[/]")
        raise SystemExit(1)
    console.print(f"Under {TARGET_SECONDS:.0f} s on {' and '.join(kinds)}.")


if __name__ == "__main__":
    main()
