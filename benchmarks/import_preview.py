"""Import speed: previewing a 50,000-row students xlsx against a portal that already holds
those students, beside a plain openpyxl read-only read of the same file; and applying
50,000 new students on SQLite and on PostgreSQL.

    .venv/bin/python benchmarks/import_preview.py [--students 50000] [--no-postgres]

Targets (import issue): preview < 3 s, at least 3x faster than the openpyxl read alone,
peak memory < 400 MB; applying 50,000 new students < 15 s on each database.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

from openpyxl import load_workbook
from rich.console import Console
from rich.table import Table
from sqlalchemy import create_engine, text

from koppel.files.columns import ImportKind
from koppel.files.problems import ImportFileError
from koppel.files.readers import read_table
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.run import run_import
from koppel.store.database import connect
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the nasty-file makers in tests/


def koppel(database: str, *args: str) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "koppel", *args, "--json"],
        env=dict(os.environ, KOPPEL_DATABASE_URL=database),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0,):
        raise SystemExit(f"koppel {' '.join(args)} failed: {done.stderr or done.stdout[:500]}")
    return time.perf_counter() - started, json.loads(done.stdout)


def best_of(runs: int, action) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def openpyxl_read(path: Path) -> int:
    workbook = load_workbook(path, read_only=True)
    cells = 0
    for row in workbook.worksheets[0].iter_rows(values_only=True):
        cells += sum(1 for value in row if value is not None)
    workbook.close()
    return cells


def refusal_of_a_zip_bomb(folder: Path) -> tuple[float, float]:
    """Seconds and peak MB (tracemalloc) to refuse a 400 MB-unpacked workbook."""
    from tests.files.nasty import make_zip_bomb_xlsx

    bomb = make_zip_bomb_xlsx(folder)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        read_table(bomb, kind=ImportKind.STUDENTS)
    except ImportFileError:
        pass
    else:
        raise SystemExit("the zip bomb was not refused")
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, peak


def read_a_million_rows(folder: Path) -> tuple[float, int]:
    from tests.files.nasty import make_million_rows_csv

    path = make_million_rows_csv(folder)
    started = time.perf_counter()
    table, _ = read_table(path, kind=ImportKind.STUDENTS)
    return time.perf_counter() - started, len(table.rows)


def apply_new(database: str, file: Path) -> float:
    koppel(database, "demo", "--students", "50", "--seed", "9")
    seconds, result = koppel(database, "import", "students", str(file))
    assert result["written"], result
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=50_000)
    parser.add_argument("--no-postgres", action="store_true")
    options = parser.parse_args()
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        database = f"sqlite:///{base / 'portal.db'}"
        koppel(database, "demo", "--students", str(options.students), "--seed", "1")
        file = base / "leerlingen.xlsx"
        koppel(database, "export", "students", str(file))

        engine = connect(database)
        import_options = ImportOptions(dry_run=True)

        def preview() -> None:
            report = run_import(
                SqlAlchemyUnitOfWork(engine), ImportKind.STUDENTS, file, options=import_options
            )
            assert report.students is not None, report.errors[:3]
            assert report.students.unchanged > 0

        preview_s = best_of(3, preview)
        openpyxl_s = best_of(2, lambda: openpyxl_read(file))
        cli_s, _ = koppel(database, "import", "students", str(file), "--dry-run")
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        rows += [
            ("preview (read, validate, compare), in process", f"{preview_s:.2f} s", "< 3 s"),
            ("openpyxl read-only read of the same file", f"{openpyxl_s:.2f} s", ""),
            ("speed-up over openpyxl read alone", f"{openpyxl_s / preview_s:.1f}x", ">= 3x"),
            ("koppel import --dry-run, whole command", f"{cli_s:.2f} s", ""),
            ("peak memory of any koppel command run here", f"{peak_mb:.0f} MB", "< 400 MB"),
        ]
        bomb_s, bomb_mb = refusal_of_a_zip_bomb(base)
        rows.append(
            (
                "refuse a zip bomb (4 GB unpacked)",
                f"{bomb_s * 1000:.0f} ms, {bomb_mb:.1f} MB",
                "< 1 s, < 150 MB",
            )
        )
        million_s, million = read_a_million_rows(base)
        rows.append((f"read a csv of {million:,} rows", f"{million_s:.1f} s", ""))
        sqlite_s = apply_new(f"sqlite:///{base / 'new.db'}", file)
        rows.append(
            (f"apply {options.students:,} new students, SQLite", f"{sqlite_s:.2f} s", "< 15 s")
        )
        if not options.no_postgres:
            name = f"koppel_bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                pg_s = apply_new(f"postgresql://postgres@127.0.0.1:5432/{name}", file)
                rows.append(
                    (
                        f"apply {options.students:,} new students, PostgreSQL",
                        f"{pg_s:.2f} s",
                        "< 15 s",
                    )
                )
            finally:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    table = Table(title=f"Importing a students xlsx of {options.students:,} rows (2 cores)")
    for column in ("what", "measured", "target"):
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    Console().print(table)


if __name__ == "__main__":
    main()
