"""The project's Students window (``/leerlingen``) over HTTP, as the scheduler's browser
asks for it.

For each size: builds a demo school (SQLite), starts ``koppel serve``, writes the demo's
project over *every* department (with its planted differences: new and removed
students, LWOO, participation, home classes on both sides), starts the real
``koppel project open`` and times, with the key's cookie:
  * very first:   the first ``/leerlingen`` of a freshly opened project: the snapshot
                  (every domain read from the portal and compared, personal data taken
                  over), the window's rows and the page (a new app per run). The first
                  run reads the portal in full; later ones ask only for what changed
                  since the answers the project file kept;
  * first render: ``/leerlingen`` right after a refresh (the snapshot is there, the
                  window's rows are built from it once);
  * again:        the same page once more (rows kept with the snapshot);
  * each filter (``afdeling``, ``lwoo``, ``stamklas``, ``bij_af``), all students,
    a department and a search, as htmx asks for them (the window only).

    .venv/bin/python benchmarks/project_windows.py [--students 2000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))

from koppel.services.demo.build import build_demo_school
from koppel.services.demo.catalog import DEPARTMENTS
from koppel.services.demo.project import write_demo_project
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from portal_load import free_port, serve

HTMX = {"HX-Request": "true"}
ROW = '<tr id="student-'
KOPPEL = (sys.executable, "-m", "koppel")


def open_project(path: Path) -> tuple[subprocess.Popen[str], str, str]:
    """``koppel project open`` on a free port: the process, its address and the one-time
    key of the launch file it wrote."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env["COLUMNS"] = "400"
    env["XDG_STATE_HOME"] = str(path.parent / "state")
    port = free_port()
    process = subprocess.Popen(
        [*KOPPEL, "project", "open", str(path), "--port", str(port), "--no-browser"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    launch = re.search(r"(/\S+\.html)", line)
    assert launch, line
    key = re.search(r'name="sleutel" value="([^"]+)"', Path(launch[1]).read_text())
    assert key, "no key in the launch file"
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            httpx.get(f"{base}/static/project.css", timeout=1)
            return process, base, key[1]
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"koppel project open did not start: {line}")


def signed_in(base: str, key: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=120)
    answer = client.post("/sleutel", data={"sleutel": key})  # the key becomes the cookie;
    assert answer.status_code == 200  # the dashboard, which takes the snapshot, not yet
    return client


def ms(work: Callable[[], httpx.Response]) -> float:
    started = time.perf_counter()
    work().raise_for_status()
    return (time.perf_counter() - started) * 1000


def csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no csrf_token on the page"
    return found[1]


def run(students: int, runs: int, console: Console) -> list[tuple[str, str, str]]:
    folder = Path(tempfile.mkdtemp(prefix="koppel-windows-"))
    database = f"sqlite:///{folder / 'koppel.db'}"
    engine = connect(database)
    upgrade(engine)
    started = time.perf_counter()
    built = build_demo_school(
        SqlAlchemyUnitOfWork(engine), students=students, seed=1, today=date.today()
    )
    console.print(f"demo of {students:,} students built in {time.perf_counter() - started:.1f} s")
    portal, portal_url = serve(database)
    path = folder / "rooster.koppel"
    try:
        project = write_demo_project(
            SqlAlchemyUnitOfWork(engine),
            path,
            school_year=built.school_year,
            scheduler=built.personas["scheduler"],
            seed=1,
            portal_url=portal_url,
            departments=tuple(sorted(d.code for d in DEPARTMENTS)),
        )
        console.print(f"project over {len(project.departments)} departments: {project.planted}")
        very_first: list[float] = []
        for _ in range(runs):
            app, base, key = open_project(path)
            try:
                client = signed_in(base, key)
                very_first.append(ms(lambda client=client: client.get("/leerlingen")))
                client.close()
            finally:
                app.terminate()
                app.wait(timeout=10)
        app, base, key = open_project(path)
        try:
            client = signed_in(base, key)
            rows = timings(client, runs)
            client.close()
        finally:
            app.terminate()
            app.wait(timeout=10)
    finally:
        portal.terminate()
        portal.wait(timeout=10)
    return [
        ("very first, portal read in full", f"{very_first[0]:,.0f}", "1 run"),
        ("very first, portal answers kept", _median(very_first[1:]), f"{runs - 1} runs"),
        *rows,
    ]


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):,.0f}"


def timings(client: httpx.Client, runs: int) -> list[tuple[str, str, str]]:
    page = client.get("/leerlingen")
    token = csrf(page.text)
    first: list[float] = []
    again: list[float] = []
    for _ in range(runs):
        refreshed = client.post("/ververs", data={"csrf_token": token})
        assert refreshed.status_code == 303, refreshed.status_code
        first.append(ms(lambda: client.get("/leerlingen")))
        again.append(ms(lambda: client.get("/leerlingen")))
    shown = page.text.count(ROW)
    rows = [
        ("first render (snapshot taken)", _median(first), f"{shown} rows"),
        ("again (rows kept)", _median(again), f"{shown} rows"),
    ]
    everyone = client.get("/leerlingen?alle=1", headers=HTMX).text
    name = re.search(r'<th scope="row" class="id">\d+</th>\s*<td>\S+ (\S+)', everyone)
    search = name[1][:4].lower() if name else "jan"
    for label, query in (
        ("filter afdeling", "filter=afdeling"),
        ("filter lwoo", "filter=lwoo"),
        ("filter stamklas", "filter=stamklas"),
        ("filter bij_af", "filter=bij_af"),
        ("all students", "alle=1"),
        ("one department (4H)", "afd=4H"),
        (f"search '{search}' (all students)", f"alle=1&q={search}"),
    ):
        samples = [
            ms(lambda query=query: client.get(f"/leerlingen?{query}", headers=HTMX))
            for _ in range(runs)
        ]
        answer = client.get(f"/leerlingen?{query}", headers=HTMX).text
        rows.append((label, _median(samples), f"{answer.count(ROW)} rows"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, nargs="+", default=[2000])
    parser.add_argument("--runs", type=int, default=5, help="at least 2")
    args = parser.parse_args()
    console = Console()
    for students in args.students:
        table = Table(title=f"/leerlingen, {students:,} students, over HTTP (median of runs, ms)")
        for column, justify in (("request", "left"), ("ms", "right"), ("shown", "right")):
            table.add_column(column, justify=justify)  # type: ignore[arg-type]
        for row in run(students, args.runs, console):
            table.add_row(*row)
        console.print(table)
    console.print("targets: first render under 1 s, filtering under 300 ms")


if __name__ == "__main__":
    main()
