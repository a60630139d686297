"""The whole year transition from files, step by step, for a school board: builds a demo
school, writes next year's SIS files for it (``koppel demo next-year``: promotions by
prognosis, students who left, new first-years, staff who left and joined) and runs the
five steps with the real commands in child processes, as an administrator would:

  1. ``koppel import staff`` (and ``koppel import students --dry-run``: the check)
  2. ``koppel groups delete --all``
  3. ``koppel import students --mark-absent-left``
  4. ``koppel import teacher-groups``
  5. ``koppel staff remove-departed``

then undoes them in reverse order. Times include starting each command. Since the school
year has a life the steps fill a prepared year: next year is prepared and promoted from
the prognoses first (``koppel year prepare``, ``koppel year promote``; not timed here,
``benchmarks/year_lifecycle.py`` times the whole life).

    .venv/bin/python benchmarks/year_transition.py [--students 50000] [--no-postgres]

Target (year-transition issue): the five steps for 50,000 students under 2 minutes, on
SQLite and on PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from koppel.services.demo.build import build_demo_school
from koppel.services.demo.next_year import write_next_year_files
from koppel.services.school_years.prepare import PrepareRequest, prepare_year
from koppel.services.school_years.promote import PromoteRequest, promote
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

sys.path.insert(0, str(Path(__file__).resolve().parent))
from databases import database

TARGET_SECONDS = 120.0


def koppel(database: str, *args: str) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "koppel", *args, "--json"],
        env=dict(os.environ, KOPPEL_DATABASE_URL=database),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"koppel {' '.join(args)} failed: {done.stderr or done.stdout[:500]}")
    return time.perf_counter() - started, json.loads(done.stdout)


def transition(kind: str, students: int, console: Console) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="koppel-transition-"))
    with database(kind, folder) as url:
        engine = connect(url)
        upgrade(engine)
        started = time.perf_counter()
        build_demo_school(
            SqlAlchemyUnitOfWork(engine), students=students, seed=7, today=date(2026, 11, 23)
        )
        files = write_next_year_files(SqlAlchemyUnitOfWork(engine), folder / "sis", seed=7)
        prepare_year(SqlAlchemyUnitOfWork(engine), PrepareRequest())
        promote(SqlAlchemyUnitOfWork(engine), PromoteRequest())
        engine.dispose()
        console.print(
            f"{kind}: demo school of {students:,} students and next year's files "
            f"({files.students:,} students, {files.staff:,} staff, {files.links:,} links) "
            f"in {time.perf_counter() - started:.1f} s",
            highlight=False,
        )
        students_file, staff_file = str(files.students_file), str(files.staff_file)
        steps: list[tuple[str, tuple[str, ...]]] = [
            ("1 import staff", ("import", "staff", staff_file)),
            ("1 check students file", ("import", "students", students_file, "--dry-run")),
            ("2 delete old groups", ("groups", "delete", "--all")),
            ("3 import participants", ("import", "students", students_file, "--mark-absent-left")),
            ("4 link teachers", ("import", "teacher-groups", str(files.teacher_groups_file))),
            ("5 remove departed staff", ("staff", "remove-departed", "--staff-file", staff_file)),
        ]
        seconds: dict[str, float] = {}
        applied: list[str] = []
        for label, args in steps:
            seconds[label], result = koppel(url, *args)
            if result.get("changeset"):
                applied.append(str(result["changeset"]))
        undo = 0.0
        for changeset in reversed(applied):
            spent, _ = koppel(url, "undo", changeset)
            undo += spent
        seconds["undo all five, in reverse"] = undo
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=50_000)
    parser.add_argument("--no-postgres", action="store_true")
    chosen = parser.parse_args()
    console = Console()
    kinds = ["SQLite"] + ([] if chosen.no_postgres else ["PostgreSQL"])
    found = {kind: transition(kind, chosen.students, console) for kind in kinds}
    table = Table(title=f"Year transition, {chosen.students:,} students (seconds)")
    table.add_column("step")
    for kind in kinds:
        table.add_column(kind, justify="right")
    labels = list(found[kinds[0]])
    for label in labels:
        table.add_row(label, *(f"{found[kind][label]:.2f}" for kind in kinds))
    totals = {
        kind: sum(v for k, v in found[kind].items() if not k.startswith("undo")) for kind in kinds
    }
    table.add_row("[b]five steps[/]", *(f"[b]{totals[kind]:.2f}[/]" for kind in kinds))
    console.print(table)
    missed = [kind for kind in kinds if totals[kind] >= TARGET_SECONDS]
    if missed:
        console.print(f"[red]Over {TARGET_SECONDS:.0f} s on {', '.join(missed)}[/]")
        raise SystemExit(1)
    console.print(f"Under {TARGET_SECONDS:.0f} s on each database.")


if __name__ == "__main__":
    main()
