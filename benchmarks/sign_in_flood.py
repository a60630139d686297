"""A flood of sign-ins against the real portal, while a team leader keeps working.

Builds a demo school (``koppel demo``, ``--students``, default 400) in a fresh SQLite file
(or PostgreSQL with ``--database postgresql``), starts the real ``koppel serve`` on a
free loopback port, signs in one of the demo's team leaders and measures the server
process's resident memory (VmRSS in /proc) once it is idle. Then ``--flood`` (200)
browsers read the sign-in form and post it at the same moment, each for a username that
does not exist, each from an address of its own (``X-Forwarded-For`` from 127.0.0.1,
which ``koppel serve`` trusts as a proxy; ``--one-address`` sends them all as one); all
the while the team leader loads its department page again and again, and the server's
memory is read every 20 ms. Prints the department page's latency before and during the
flood, the sign-in answers by status, and the memory idle and at its peak.

Target: the department page's p95 under 1 s during the flood, and the server's memory
within 100 MB of idle. Exits non-zero when missed.

    .venv/bin/python benchmarks/sign_in_flood.py [--database postgresql] [--flood 200]
        [--students 400] [--hashes N] [--wait SECONDS] [--one-address]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from databases import database as bench_database
from koppel.store import tables as t
from koppel.store.database import connect
from portal_load import percentile, serve

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PAGE_TARGET_MS = 1000.0
MEMORY_TARGET_MB = 100.0


def rss_mb(pid: int) -> float:
    """The process's resident memory (VmRSS) in MB, 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(found[1]) / 1024 if found else 0.0


def demo_school(database: str, students: int) -> tuple[str, str, str]:
    """A team leader's username, password and one of its departments."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env["KOPPEL_DATABASE_URL"] = database
    built = subprocess.run(
        [sys.executable, "-m", "koppel", "demo", "--students", str(students), "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(built.stdout)
    leader = data["personas"]["usernames"]["team_leader"]
    a, ad, d = t.accounts, t.account_departments, t.departments
    engine = connect(database)
    with engine.connect() as connection:
        code = connection.scalar(
            select(d.c.code)
            .join(ad, ad.c.department_id == d.c.id)
            .join(a, a.c.id == ad.c.account_id)
            .where(a.c.username == leader)
            .order_by(d.c.code)
        )
    engine.dispose()
    assert code, "the demo's team leader has no department"
    return leader, data["personas"]["password"], str(code)


class Sampler(threading.Thread):
    """The server's memory every ``every`` seconds, until stopped."""

    def __init__(self, pid: int, every: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak = 0.0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(self.every)


async def sign_in(client: httpx.AsyncClient, username: str, password: str) -> int:
    form = await client.get("/login")
    found = CSRF.search(form.text)
    assert found, "no csrf_token on /login"
    data = {"username": username, "password": password, "csrf_token": found[1]}
    return (await client.post("/login", data=data)).status_code


async def load_pages(client: httpx.AsyncClient, path: str, until: asyncio.Event) -> list[float]:
    """The page again and again (as fast as it answers) until ``until`` is set."""
    times: list[float] = []
    while not until.is_set():
        began = time.perf_counter()
        answer = await client.get(path)
        times.append((time.perf_counter() - began) * 1000)
        assert answer.status_code == 200, f"{path}: HTTP {answer.status_code}"
    return times


async def flood(
    url: str, leader: httpx.AsyncClient, path: str, count: int, one_address: bool
) -> tuple[list[float], Counter[str], float]:
    """``count`` sign-ins posted at once (forms read first) while the leader loads
    ``path``; the page times, the answers by status and how long the flood took."""
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    timeout = httpx.Timeout(120)
    clients = [
        httpx.AsyncClient(
            base_url=url,
            timeout=timeout,
            limits=limits,
            headers={
                "X-Forwarded-For": "198.18.0.1"
                if one_address
                else f"198.18.{i // 250}.{i % 250 + 1}"
            },
        )
        for i in range(count)
    ]
    forms = await asyncio.gather(*(client.get("/login") for client in clients))
    tokens = [CSRF.search(form.text) for form in forms]
    done = asyncio.Event()
    pages = asyncio.create_task(load_pages(leader, path, done))
    began = time.perf_counter()
    answers = await asyncio.gather(
        *(
            client.post(
                "/login",
                data={
                    "username": f"bestaat-niet-{i}",
                    "password": f"geraden-{i}",
                    "csrf_token": token[1] if token else "",
                },
            )
            for i, (client, token) in enumerate(zip(clients, tokens, strict=True))
        ),
        return_exceptions=True,
    )
    took = time.perf_counter() - began
    done.set()
    times = await pages
    statuses: Counter[str] = Counter(
        str(a.status_code) if isinstance(a, httpx.Response) else type(a).__name__ for a in answers
    )
    await asyncio.gather(*(client.aclose() for client in clients))
    return times, statuses, took


async def run(url: str, pid: int, options: argparse.Namespace, who: tuple[str, str, str]) -> dict:
    username, password, department = who
    path = f"/afdelingen/{department}"
    async with httpx.AsyncClient(base_url=url, timeout=60) as leader:
        assert await sign_in(leader, username, password) == 303, "the team leader cannot sign in"
        quiet = asyncio.Event()
        asyncio.get_running_loop().call_later(5, quiet.set)
        before = await load_pages(leader, path, quiet)  # also warms the server up
        await asyncio.sleep(1)
        idle = rss_mb(pid)
        sampler = Sampler(pid)
        sampler.start()
        try:
            during, statuses, took = await flood(
                url, leader, path, options.flood, options.one_address
            )
        finally:
            sampler.stop.set()
            sampler.join()
        after = await leader.get(path)
    return {
        "before": before,
        "during": during,
        "statuses": statuses,
        "took": took,
        "idle": idle,
        "peak": max(sampler.peak, idle),
        "after": after.status_code,
    }


def report(console: Console, found: dict, options: argparse.Namespace) -> bool:
    hashes = options.hashes or "default"
    where = "one address" if options.one_address else "each from its own address"
    table = Table(
        title=f"sign-in flood, {options.database}, {options.students} students: "
        f"{options.flood} sign-ins at once for unknown usernames ({where}), "
        f"KOPPEL_SIGN_IN_HASHES {hashes}"
    )
    table.add_column("what")
    table.add_column("measured", justify="right")
    for label, times in (
        ("before the flood", found["before"]),
        ("during the flood", found["during"]),
    ):
        table.add_row(
            f"department page {label}: loads, p50 / p95 / max ms",
            f"{len(times)}, {statistics.median(times):.0f} / {percentile(times, 95):.0f} / "
            f"{max(times):.0f}",
        )
    order = ["200", "303", "401", "429"]
    statuses = found["statuses"]
    shown = ", ".join(
        f"{status}: {statuses[status]}"
        for status in [*order, *sorted(set(statuses) - set(order))]
        if statuses[status] or status in order
    )
    table.add_row("sign-in answers by status", shown)
    table.add_row("the flood's answers all in (s)", f"{found['took']:.1f}")
    table.add_row(
        "server memory idle / peak / delta (MB)",
        f"{found['idle']:.0f} / {found['peak']:.0f} / {found['peak'] - found['idle']:.0f}",
    )
    table.add_row("department page after the flood", str(found["after"]))
    console.print(table)
    p95 = percentile(found["during"], 95)
    delta = found["peak"] - found["idle"]
    ok = p95 < PAGE_TARGET_MS and delta < MEMORY_TARGET_MB and found["after"] == 200
    console.print(
        f"target (page p95 < {PAGE_TARGET_MS:.0f} ms, memory within {MEMORY_TARGET_MB:.0f} MB "
        f"of idle): {'met' if ok else 'NOT met'} (p95 {p95:.0f} ms, +{delta:.0f} MB)"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--students", type=int, default=400)
    parser.add_argument("--flood", type=int, default=200)
    parser.add_argument("--hashes", type=int, help="KOPPEL_SIGN_IN_HASHES (default: koppel's)")
    parser.add_argument("--wait", type=float, help="KOPPEL_SIGN_IN_WAIT_SECONDS")
    parser.add_argument("--one-address", action="store_true", help="every sign-in from one address")
    options = parser.parse_args()
    env: dict[str, str] = {}
    if options.hashes:
        env["KOPPEL_SIGN_IN_HASHES"] = str(options.hashes)
    if options.wait is not None:
        env["KOPPEL_SIGN_IN_WAIT_SECONDS"] = str(options.wait)
    console = Console()
    with (
        tempfile.TemporaryDirectory() as folder,
        bench_database(options.database, Path(folder)) as url,
    ):
        with console.status("demo school ..."):
            who = demo_school(url, options.students)
        process, portal = serve(url, settings=env)
        try:
            with console.status(f"{options.flood} sign-ins at once ..."):
                found = asyncio.run(run(portal, process.pid, options, who))
        finally:
            process.terminate()
            process.wait(timeout=15)
        ok = report(console, found, options)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
