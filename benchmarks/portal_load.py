"""The portal under load on loopback: connector clients and portal users at once.

Builds a demo school in a fresh PostgreSQL database (or SQLite with ``--database
sqlite``), starts the real ``koppel serve`` on a free loopback port and runs, for
``--seconds`` (default 120):

* ``--connectors`` (50) connector clients, each with an API token of its own (the
  scheduler's) and one project-led department: the remembered-status question (one
  request, as ``koppel connect status`` asks when nothing changed), a diff (every record
  of one domain of its department, as ``koppel connect diff`` reads it) and small
  uploads (1 to 3 home classes of its own students, with the versions it read; one in
  four sent twice with the same Idempotency-Key, as a client does whose answer was lost);
* ``--users`` (50) portal users, each signed in through the /login form with a session
  of its own: team leaders open their department page and a student's page and save a
  comment; mentors open their mentor page and their teacher page.

Every client waits ``--think`` seconds on average (uniform between half and one and a
half times) between two actions, like a person or a scheduled command. Server, database
and clients share the machine. Afterwards the change sets in the database are counted:
every upload that got a change set has exactly one, and a repeated key answered the same
change set without making another.

    .venv/bin/python benchmarks/portal_load.py [--database postgresql] [--students 2000]
        [--connectors 50] [--users 50] [--seconds 120] [--think 1.0]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from databases import database as bench_database
from koppel.domain.accounts import Role
from koppel.services.accounts.manage import reset_password
from koppel.services.accounts.tokens import create_token
from koppel.services.demo.build import build_demo_school
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(
    database: str,
    workers: int = 1,
    log: Path | None = None,
    settings: dict[str, str] | None = None,
) -> tuple[subprocess.Popen[bytes], str]:
    """``koppel serve`` on a free loopback port, once it answers; its stderr into ``log``;
    ``settings`` adds ``KOPPEL_...`` variables."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env["KOPPEL_DATABASE_URL"] = database
    env.update(settings or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "koppel", "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL if log is None else log.open("wb"),
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            httpx.get(f"{url}/api/health", timeout=1)
            return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("koppel serve did not start")


@dataclass(frozen=True)
class Seat:
    """A connector client's department and the students whose home class it plans."""

    token: str
    department: str
    students: tuple[str, ...]
    home_classes: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    username: str
    password: str
    role: Role
    departments: tuple[str, ...]
    """Departments whose page the team leader opens; the first ones (portal-led) it edits."""
    editable: dict[str, tuple[str, ...]]
    """Portal-led department -> students whose comment the team leader may save."""


@dataclass
class School:
    school_year: str
    seats: list[Seat]
    people: list[Person]


def _rows(engine: Engine) -> tuple[dict[str, str], dict[str, list[str]], dict[str, list[str]]]:
    """Lead per department, active students per department, home classes per department."""
    d, p, s, g = t.departments, t.department_participations, t.students, t.groups
    with engine.connect() as connection:
        query = select(d.c.code, d.c.home_class_lead)
        leads = {code: lead for code, lead in connection.execute(query)}
        students: dict[str, list[str]] = defaultdict(list)
        query = (
            select(d.c.code, s.c.student_number)
            .join(p, p.c.department_id == d.c.id)
            .join(s, s.c.id == p.c.student_id)
            .where(s.c.status == "active")
            .order_by(s.c.student_number)
        )
        for code, number in connection.execute(query):
            students[code].append(number)
        classes: dict[str, list[str]] = defaultdict(list)
        query = select(d.c.code, g.c.name).join(g, g.c.department_id == d.c.id)
        for code, name in connection.execute(query.where(g.c.kind == "home_class")):
            classes[code].append(name)
    return leads, students, classes


def _accounts(engine: Engine, role: Role) -> list[tuple[str, tuple[str, ...]]]:
    a, r, ad, d = t.accounts, t.account_roles, t.account_departments, t.departments
    with engine.connect() as connection:
        names = list(
            connection.scalars(
                select(a.c.username)
                .join(r, r.c.account_id == a.c.id)
                .where(r.c.role == role.value)
                .order_by(a.c.username)
            )
        )
        found = []
        for name in names:
            codes = connection.scalars(
                select(d.c.code)
                .join(ad, ad.c.department_id == d.c.id)
                .join(a, a.c.id == ad.c.account_id)
                .where(a.c.username == name)
                .order_by(d.c.code)
            )
            found.append((name, tuple(codes)))
    return found


def prepare(database: str, students: int, connectors: int, users: int) -> School:
    """The demo school, a token per connector client and passwords for the portal users."""
    engine = connect(database)
    upgrade(engine)
    built = build_demo_school(
        SqlAlchemyUnitOfWork(engine), students=students, seed=1, today=date.today()
    )
    leads, members, classes = _rows(engine)
    project_led = sorted(code for code, lead in leads.items() if lead == "project")
    seats = []
    for index in range(connectors):
        code = project_led[index % len(project_led)]
        share = len([i for i in range(connectors) if project_led[i % len(project_led)] == code])
        mine = members[code][index // len(project_led) :: share]
        token = create_token(
            SqlAlchemyUnitOfWork(engine),
            f"load-{index}",
            username=built.personas["scheduler"],
            role=Role.SCHEDULER,
            departments=[code],
        ).token
        seats.append(Seat(token, code, tuple(mine), tuple(sorted(classes[code]))))
    leaders = _accounts(engine, Role.TEAM_LEADER)
    mentors = _accounts(engine, Role.MENTOR)
    chosen = [*leaders, *leaders, *mentors][:users]
    passwords = {
        name: reset_password(SqlAlchemyUnitOfWork(engine), name, actor="load")
        for name in {name for name, _codes in chosen}
    }
    people = []
    for index, (name, codes) in enumerate(chosen):
        role = Role.TEAM_LEADER if index < 2 * len(leaders) else Role.MENTOR
        editable = {code: tuple(members[code][:40]) for code in codes if leads[code] == "portal"}
        people.append(Person(name, passwords[name], role, codes, editable))
    engine.dispose()
    return School(built.school_year, seats, people)


@dataclass
class Tally:
    """What every client saw: durations per action, answers that were errors."""

    durations: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    refusals: Counter[str] = field(default_factory=Counter)
    changesets: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    """What each error was, and when."""
    sign_ins: list[float] = field(default_factory=list)
    """Before the measured period, each person's own."""
    replays: int = 0
    replays_same: int = 0

    async def timed(
        self, action: str, call: asyncio.Future[httpx.Response] | object
    ) -> httpx.Response | None:
        began = time.perf_counter()
        try:
            response: httpx.Response = await call  # type: ignore[misc]
        except httpx.HTTPError as error:
            self.errors[f"{action}: {type(error).__name__}"] += 1
            waited = (time.perf_counter() - began) * 1000
            self.notes.append(
                f"{time.strftime('%H:%M:%S')} {action}: {error!r} after {waited:.0f} ms"
            )
            return None
        self.durations[action].append((time.perf_counter() - began) * 1000)
        if response.status_code >= 500 or response.status_code in (400, 401, 403, 404):
            self.errors[f"{action}: HTTP {response.status_code}"] += 1
        return response


@dataclass
class Clock:
    """Clients get ready (sign in, first read) before the measured period starts."""

    seconds: float
    mean: float
    ready: int = 0
    until: float = 0.0
    go: asyncio.Event = field(default_factory=asyncio.Event)

    async def start(self) -> None:
        self.ready += 1
        await self.go.wait()

    async def think(self) -> bool:
        await asyncio.sleep(random.uniform(0.5 * self.mean, 1.5 * self.mean))
        return time.monotonic() < self.until


async def connector(url: str, year: str, seat: Seat, tally: Tally, clock: Clock) -> None:
    headers = {"Authorization": f"Bearer {seat.token}"}
    scope = {"school_year": year, "departments": seat.department}
    versions: dict[str, int] = {}
    revision = 0
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as client:
        first = await client.get("/api/v1/records/home_classes", params={**scope, "limit": 5000})
        versions = {r["student"]: r["version"] for r in first.json()["records"]}
        revision = int(first.json()["revision"])
        await clock.start()
        while await clock.think():
            pick = random.random()
            if pick < 0.6 and versions:
                params = {**scope, "since": revision, "limit": 1}
                await tally.timed(
                    "connector status", client.get("/api/v1/records/students", params=params)
                )
            elif pick < 0.9 or not versions:
                params = {**scope, "limit": 5000}
                answer = await tally.timed(
                    "connector diff", client.get("/api/v1/records/home_classes", params=params)
                )
                if answer is not None and answer.status_code == 200:
                    versions = {r["student"]: r["version"] for r in answer.json()["records"]}
                    revision = int(answer.json()["revision"])
            else:
                await upload(client, year, seat, versions, tally)


async def upload(
    client: httpx.AsyncClient, year: str, seat: Seat, versions: dict[str, int], tally: Tally
) -> None:
    picked = random.sample(seat.students, k=min(len(seat.students), random.randint(1, 3)))
    items = [
        {
            "student": number,
            "department": seat.department,
            "home_class": random.choice(seat.home_classes),
            "version": versions.get(number, 0),
        }
        for number in picked
    ]
    body = {"school_year": year, "home_classes": items}
    key = {"Idempotency-Key": uuid.uuid4().hex}
    answer = await tally.timed(
        "connector upload", client.post("/api/v1/uploads", json=body, headers=key)
    )
    if answer is None:
        return
    if answer.status_code in (409, 412, 422):
        tally.refusals[f"upload HTTP {answer.status_code}"] += 1
    if answer.status_code != 200:
        versions.clear()  # read again, as the connector does after a refusal
        return
    made = answer.json()
    if made["changeset"]:
        tally.changesets.add(made["changeset"])
    versions.update({k: int(v) for k, v in made["versions"].items()})
    if random.random() < 0.25:
        again = await tally.timed(
            "connector upload (retried key)", client.post("/api/v1/uploads", json=body, headers=key)
        )
        if again is not None and again.status_code == 200:
            tally.replays += 1
            same = again.json()["changeset"] == made["changeset"]
            tally.replays_same += int(same and again.headers.get("Idempotent-Replayed") == "true")


async def person(url: str, who: Person, tally: Tally, clock: Clock) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        await asyncio.sleep(random.uniform(0, 5))  # people do not all sign in at once
        form = await client.get("/login")
        token = CSRF.search(form.text)
        assert token, "no csrf_token on /login"
        data = {"username": who.username, "password": who.password, "csrf_token": token[1]}
        began = time.perf_counter()
        signed = await client.post("/login", data=data)
        tally.sign_ins.append((time.perf_counter() - began) * 1000)
        if signed.status_code != 303:
            tally.errors["sign in refused"] += 1
        csrf = ""
        await clock.start()
        while signed.status_code == 303 and await clock.think():
            if who.role is Role.MENTOR:
                path = "/mentor" if random.random() < 0.7 else "/docent"
                await tally.timed(f"page {path}", client.get(path))
                continue
            pick = random.random()
            code = random.choice(who.departments)
            if pick < 0.5 or not who.editable:
                page = await tally.timed("page department", client.get(f"/afdelingen/{code}"))
                found = CSRF.search(page.text) if page is not None else None
                csrf = found[1] if found else csrf
                continue
            code = random.choice(sorted(who.editable))
            number = random.choice(who.editable[code])
            path = f"/afdelingen/{code}/leerlingen/{number}"
            if pick < 0.8 or not csrf:
                await tally.timed("page student", client.get(path))
                continue
            form_data = {"csrf_token": csrf, "opmerking": f"belast {time.time():.0f}"}
            saved = await tally.timed("save comment", client.post(path, data=form_data))
            if saved is not None and saved.status_code != 303:
                tally.errors[f"save comment: HTTP {saved.status_code}"] += 1


async def run_load(url: str, school: School, seconds: float, mean: float) -> tuple[Tally, float]:
    tally = Tally()
    clock = Clock(seconds, mean)
    clients = [
        *(connector(url, school.school_year, s, tally, clock) for s in school.seats),
        *(person(url, p, tally, clock) for p in school.people),
    ]
    running = asyncio.gather(*clients)
    while clock.ready < len(clients) and not running.done():
        await asyncio.sleep(0.05)
    began = time.monotonic()
    clock.until = began + seconds
    clock.go.set()
    await running
    return tally, time.monotonic() - began


def count_changesets(database: str) -> Counter[str]:
    engine = connect(database)
    c = t.changesets
    with engine.connect() as connection:
        found = Counter(
            {
                kind: n
                for kind, n in connection.execute(select(c.c.kind, func.count()).group_by(c.c.kind))
            }
        )
    engine.dispose()
    return found


def percentile(values: list[float], share: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[share - 1]


def report(
    console: Console, tally: Tally, wall: float, kinds: Counter[str], options: argparse.Namespace
) -> bool:
    table = Table(
        title=f"koppel serve, {options.database}, {options.students:,} students: "
        f"{options.connectors} connector clients + {options.users} portal users, "
        f"{options.workers} server processes, {wall:.0f} s"
    )
    for column in ("action", "requests", "per s", "median ms", "p95 ms", "p99 ms"):
        table.add_column(column, justify="left" if column == "action" else "right")
    every: list[float] = []
    for action in sorted(tally.durations):
        values = tally.durations[action]
        every.extend(values)
        table.add_row(
            action,
            f"{len(values):,}",
            f"{len(values) / wall:.1f}",
            f"{statistics.median(values):.0f}",
            f"{percentile(values, 95):.0f}",
            f"{percentile(values, 99):.0f}",
        )
    table.add_row(
        "all",
        f"{len(every):,}",
        f"{len(every) / wall:.1f}",
        f"{statistics.median(every):.0f}",
        f"{percentile(every, 95):.0f}",
        f"{percentile(every, 99):.0f}",
        style="bold",
    )
    console.print(table)
    if tally.sign_ins:
        console.print(
            f"sign in before the measured period ({len(tally.sign_ins)} people over 5 s): "
            f"median {statistics.median(tally.sign_ins):.0f} ms, max {max(tally.sign_ins):.0f} ms"
        )
    api = kinds.get("api", 0)
    console.print(f"change sets in the database by kind: {dict(kinds)}")
    console.print(
        f"uploads answered with a change set: {len(tally.changesets)}; API change sets in "
        f"the database: {api}; retried keys: "
        f"{tally.replays}, answered the same change set: {tally.replays_same}"
    )
    console.print(f"designed refusals: {dict(tally.refusals) or 'none'}")
    console.print(f"errors: {dict(tally.errors) or 'none'}")
    for note in tally.notes[:10]:
        console.print(f"  {note}", highlight=False)
    p95 = percentile(every, 95)
    duplicates = api != len(tally.changesets) or tally.replays != tally.replays_same
    ok = not tally.errors and not duplicates and p95 < 300
    verdict = "met" if ok else "NOT met"
    console.print(
        f"target (no errors, no duplicate change sets, p95 < 300 ms): {verdict} "
        f"(p95 {p95:.0f} ms, duplicates: {'yes' if duplicates else 'none'})"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--students", type=int, default=2000)
    parser.add_argument("--connectors", type=int, default=50)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--workers", type=int, default=2, help="koppel serve --workers")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between actions (s)")
    options = parser.parse_args()
    console = Console()
    with (
        tempfile.TemporaryDirectory() as folder,
        bench_database(options.database, Path(folder)) as url,
    ):
        with console.status("demo school, tokens and accounts ..."):
            school = prepare(url, options.students, options.connectors, options.users)
        log = Path(folder) / "serve.log"
        process, portal = serve(url, options.workers, log)
        try:
            with console.status(f"load for {options.seconds:.0f} s ..."):
                tally, wall = asyncio.run(run_load(portal, school, options.seconds, options.think))
        finally:
            process.terminate()
            process.wait(timeout=10)
        ok = report(console, tally, wall, count_changesets(url), options)
        if log.read_text().strip():
            console.print("koppel serve said (last lines):")
            console.print("\n".join(log.read_text().splitlines()[-30:]), highlight=False)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
