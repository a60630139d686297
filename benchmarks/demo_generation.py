"""How long ``koppel demo`` takes at school and school-board size, on SQLite.

Runs the real command in a child process (as a user would), checks its counts with
``koppel stats --json``, and prints a table. Beside it: drawing the same personal data
with Faker's own per-call API, the library a user would otherwise reach for.

    .venv/bin/python benchmarks/demo_generation.py [--sizes 2000,50000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from faker import Faker
from rich.console import Console
from rich.table import Table

TARGET_SECONDS_50K = 60.0


def run_koppel(*args: str, database: str) -> tuple[float, dict[str, object]]:
    env = dict(os.environ, KOPPEL_DATABASE_URL=database)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "koppel", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - started, json.loads(done.stdout)


def faker_per_call(students: int, seed: int) -> float:
    """Names, addresses and postcodes for ``students`` people with Faker's own calls."""
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    started = time.perf_counter()
    for _ in range(students):
        fake.first_name()
        fake.last_name()
        fake.street_name()
        fake.building_number()
        fake.postcode()
        fake.city()
        fake.email()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="2000,50000")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]

    table = Table(title="koppel demo on SQLite (2 cores)")
    for column in (
        "students",
        "koppel demo (s)",
        "rows/s",
        "stats agree",
        "db (MB)",
        "Faker calls (s)",
    ):
        table.add_column(column, justify="right")
    failures = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.db"
            database = f"sqlite:///{path}"
            seconds, built = run_koppel(
                "demo",
                "--students",
                str(size),
                "--seed",
                str(options.seed),
                "--json",
                database=database,
            )
            _, stats = run_koppel("stats", "--json", database=database)
            students = stats["students"]
            assert isinstance(students, dict)
            agree = students["active"] + students["left"] == built["students"] and all(
                stats[key] == built[key] for key in ("staff", "groups", "accounts")
            )
            rows = (
                sum(int(v) for k, v in stats.items() if k != "students" and isinstance(v, int))
                + built["students"]
            )  # type: ignore[operator]
            size_mb = path.stat().st_size / 1e6
        faker_seconds = faker_per_call(size, options.seed)
        table.add_row(
            f"{size:,}",
            f"{seconds:.1f}",
            f"{rows / seconds:,.0f}",
            "yes" if agree else "NO",
            f"{size_mb:.1f}",
            f"{faker_seconds:.1f}",
        )
        if not agree:
            failures.append(f"{size}: counts differ")
        if size == 50_000 and seconds >= TARGET_SECONDS_50K:
            failures.append(f"50,000 students took {seconds:.1f}s (target < {TARGET_SECONDS_50K}s)")
    Console().print(table)
    if failures:
        Console(stderr=True).print("[red]" + "; ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
