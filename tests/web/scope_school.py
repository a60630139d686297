"""A demo school served over real HTTP on SQLite and PostgreSQL, with API tokens of every
role, a scheduler's token limited to one department and one made before tokens had
departments: for the token-scope matrix (test_authorization_matrix.py) and test_api_scope.py."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, delete, func, select

from koppel.domain.accounts import Role
from koppel.services.accounts.tokens import create_token
from koppel.services.demo.build import build_demo_school
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.conftest import postgres_database
from tests.integration.snapshot import snapshot
from tests.web.conftest import start_portal
from tests.web.routes_api import DOMAINS, TOKEN_ROLES

INSIDE, OUTSIDE = "4V", "5V"
"""The scheduler's token is for 4V only; 5V is outside it (both are project-led)."""
YEAR = "2026-2027"
LEGACY = "scheduler_without_departments"
"""A scheduler's token made before tokens had departments (no rows after the upgrade)."""
ROLES = TOKEN_ROLES
CONNECTOR = {"administrator", "scheduler"}
_numbers = itertools.count(1)
CHANGING = frozenset({"api_tokens"})
"""A token's last use is written as it is used (once a minute): no school data."""


@dataclass
class ScopedSchool:
    engine: Engine
    database: str
    url: str
    tokens: dict[str, str]
    """role (and ``LEGACY``) -> bearer token; the scheduler's is for ``INSIDE`` only."""
    other_token: str
    """The same scheduler's second token, for ``OUTSIDE`` only."""
    usernames: dict[str, str]
    inside: list[str] = field(default_factory=list)
    """Students who take part in ``INSIDE`` only this year."""
    outside: list[str] = field(default_factory=list)
    """Students who take part in ``OUTSIDE`` only this year."""

    def client(self, role: str) -> httpx.Client:
        return httpx.Client(
            base_url=self.url, headers={"Authorization": f"Bearer {self.tokens[role]}"}
        )

    def state(self) -> dict[str, list[tuple[object, ...]]]:
        """Every row of the school, the audit log and change sets included."""
        found = snapshot(self.engine, bookkeeping=True)
        return {name: rows for name, rows in found.items() if name not in CHANGING}

    def students_in(self, codes: set[str]) -> set[str]:
        s, p, d, y = t.students, t.department_participations, t.departments, t.school_years
        query = (
            select(s.c.student_number)
            .join(p, p.c.student_id == s.c.id)
            .join(d, d.c.id == p.c.department_id)
            .join(y, y.c.id == p.c.school_year_id)
            .where(y.c.name == YEAR, d.c.code.in_(codes))
        )
        with self.engine.connect() as connection:
            return set(connection.scalars(query))

    def version_of(self, number: str) -> int:
        with self.engine.connect() as connection:
            found = connection.scalar(
                select(t.students.c.version).where(t.students.c.student_number == number)
            )
        return int(found or 0)

    def exists(self, number: str) -> bool:
        with self.engine.connect() as connection:
            found = connection.scalar(
                select(func.count())
                .select_from(t.students)
                .where(t.students.c.student_number == number)
            )
        return bool(found)


def _only_in(engine: Engine, code: str) -> list[str]:
    """Students whose one participation this year is in ``code``."""
    s, p, d, y = t.students, t.department_participations, t.departments, t.school_years
    counts = (
        select(p.c.student_id)
        .join(y, y.c.id == p.c.school_year_id)
        .where(y.c.name == YEAR)
        .group_by(p.c.student_id)
        .having(func.count() == 1)
    )
    query = (
        select(s.c.student_number)
        .join(p, p.c.student_id == s.c.id)
        .join(d, d.c.id == p.c.department_id)
        .join(y, y.c.id == p.c.school_year_id)
        .where(y.c.name == YEAR, d.c.code == code, s.c.id.in_(counts))
        .order_by(s.c.student_number)
    )
    with engine.connect() as connection:
        return list(connection.scalars(query))


def _tokens(engine: Engine, built_admin: str, personas: dict[str, str]) -> dict[str, str]:
    usernames = {"administrator": built_admin, **personas, LEGACY: personas["scheduler"]}
    made: dict[str, str] = {}
    for role in ROLES:
        base = Role.SCHEDULER if role == LEGACY else Role(role)
        departments = [INSIDE] if base is Role.SCHEDULER else []
        made[role] = create_token(
            SqlAlchemyUnitOfWork(engine),
            f"scope-{role}".replace("_", "-"),
            username=usernames[role],
            role=base,
            departments=departments,
        ).token
    # an upgraded portal: the token's departments are not there
    with engine.begin() as connection:
        legacy = connection.scalar(
            select(t.api_tokens.c.id).where(
                t.api_tokens.c.name == "scope-scheduler-without-departments"
            )
        )
        connection.execute(
            delete(t.api_token_departments).where(t.api_token_departments.c.token_id == legacy)
        )
    return made


@contextmanager
def _database(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'koppel.db'}"
        return
    with postgres_database() as url:
        yield url


@contextmanager
def scoped_school(kind: str, folder: Path) -> Iterator[ScopedSchool]:
    with _database(kind, folder) as database:
        engine = connect(database)
        upgrade(engine)
        built = build_demo_school(
            SqlAlchemyUnitOfWork(engine), students=240, seed=4, today=date(2026, 11, 23)
        )
        assert built.school_year == YEAR
        tokens = _tokens(engine, built.administrator, built.personas)
        other = create_token(
            SqlAlchemyUnitOfWork(engine),
            "scope-scheduler-other",
            username=built.personas["scheduler"],
            role=Role.SCHEDULER,
            departments=[OUTSIDE],
        ).token
        usernames = {"administrator": built.administrator, **built.personas}
        usernames[LEGACY] = built.personas["scheduler"]
        process, url = start_portal(database)
        try:
            school = ScopedSchool(engine, database, url, tokens, other, usernames)
            school.inside = _only_in(engine, INSIDE)
            school.outside = _only_in(engine, OUTSIDE)
            assert len(school.inside) >= 4
            assert len(school.outside) >= 4
            yield school
        finally:
            process.terminate()
            process.wait(timeout=10)
            engine.dispose()


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def school(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[ScopedSchool]:
    """A scoped school per module that imports this fixture, on each database."""
    folder = Path(tmp_path_factory.mktemp(f"scope-{request.param}"))
    with scoped_school(request.param, folder) as made:
        yield made


# --- one request per route, inside or outside the scheduler's token --------------------


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    params: dict[str, Any] = field(default_factory=dict)
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)


def _key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def _student(school: ScopedSchool, inside: bool, index: int = 0) -> str:
    return (school.inside if inside else school.outside)[index]


def _department(inside: bool) -> str:
    return INSIDE if inside else OUTSIDE


def changeset_by(school: ScopedSchool, role: str, inside: bool) -> str:
    """A change set of the role's account made through the API, inside or outside the
    scheduler's token (by its token for the other department): the newest."""
    if role not in CONNECTOR | {LEGACY}:
        return "0123456789ab"
    token = school.tokens["administrator" if role == "administrator" else "scheduler"]
    if role != "administrator" and not inside:
        token = school.other_token
    number = _student(school, inside, 1)
    answer = httpx.put(
        f"{school.url}/api/v1/students/{number}/cluster-groups",
        json={"school_year": YEAR, "groups": [f"scope.undo{next(_numbers)}"]},
        headers={"Authorization": f"Bearer {token}", "If-Match": "*", **_key()},
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["changeset"])


def _records(domain: str) -> Callable[[ScopedSchool, str, bool], Call]:
    def call(school: ScopedSchool, role: str, inside: bool) -> Call:
        params = {"departments": _department(inside), "limit": 5000, "school_year": YEAR}
        return Call("GET", f"/api/v1/records/{domain}", params)

    return call


def _new_student(school: ScopedSchool, role: str, inside: bool) -> Call:
    number = f"97{next(_numbers):04d}"
    body = {
        "student_number": number,
        "department": _department(inside),
        "email": f"{number}@leerling.example.org",
        "first_name": "Noor",
        "last_name": "Berg",
        "school_year": YEAR,
    }
    return Call("POST", "/api/v1/students", body=body, headers=_key())


def _home_class(school: ScopedSchool, role: str, inside: bool) -> Call:
    number, code = _student(school, inside), _department(inside)
    body = {"school_year": YEAR, "home_class": f"{code}-scope"}
    path = f"/api/v1/students/{number}/home-classes/{code}"
    return Call("PUT", path, body=body, headers={"If-Match": "*", **_key()})


def _cluster_groups(school: ScopedSchool, role: str, inside: bool) -> Call:
    number = _student(school, inside, 2)
    body = {"school_year": YEAR, "groups": [f"scope.c{next(_numbers)}"]}
    path = f"/api/v1/students/{number}/cluster-groups"
    return Call("PUT", path, body=body, headers={"If-Match": "*", **_key()})


def upload_call(school: ScopedSchool, role: str, inside: bool) -> Call:
    """Inside: one item of the token's department; outside: that item and one of a
    student outside it, so that the whole upload is refused."""
    mine = _student(school, True, 3)
    items = [{"student": mine, "groups": ["scope.up"], "version": school.version_of(mine)}]
    if not inside:
        other = _student(school, False, 3)
        items.append(
            {"student": other, "groups": ["scope.up"], "version": school.version_of(other)}
        )
    body = {"school_year": YEAR, "cluster_groups": items}
    return Call("POST", "/api/v1/uploads", body=body, headers=_key())


def _undo(school: ScopedSchool, role: str, inside: bool) -> Call:
    changeset = changeset_by(school, role, inside)
    return Call("POST", f"/api/v1/changesets/{changeset}/undo", headers=_key())


CALLS: dict[str, Callable[[ScopedSchool, str, bool], Call]] = {
    "/api/v1/me": lambda school, role, inside: Call("GET", "/api/v1/me"),
    "/api/v1/school-years": lambda school, role, inside: Call("GET", "/api/v1/school-years"),
    **{f"/api/v1/records/{domain}": _records(domain) for domain in DOMAINS},
    "/api/v1/records/no_such_domain": _records("no_such_domain"),
    "/api/v1/students": _new_student,
    "/api/v1/students/{number}/home-classes/{department}": _home_class,
    "/api/v1/students/{number}/cluster-groups": _cluster_groups,
    "/api/v1/uploads": upload_call,
    "/api/v1/changesets/{changeset}/undo": _undo,
}
LOGGED = {"/api/v1/records/personal_data", "/api/v1/records/lwoo"}


def error_code(route: str, role: str, status: int) -> str | None:
    """The code of the refusal a token of ``role`` gets (None: no refusal)."""
    if status < 400:
        return None
    if role not in CONNECTOR | {LEGACY}:
        return "api.forbidden"
    if role == LEGACY:
        return "api.token_without_departments"
    codes = {
        "/api/v1/records/no_such_domain": "api.unknown_domain",
        "/api/v1/uploads": "api.upload_refused",
        "/api/v1/changesets/{changeset}/undo": "api.changeset_out_of_scope",
        "/api/v1/students/{number}/cluster-groups": "api.student_out_of_scope",
    }
    return codes.get(route, "api.department_out_of_scope")
