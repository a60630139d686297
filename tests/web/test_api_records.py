"""Reading the portal's records for the connector over real HTTP, with tokens made by
``koppel token create`` for every role (on the shared demo portal: reads only)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select

from koppel.store import tables as t
from koppel.store.database import connect
from tests.cli.runner import koppel
from tests.web.conftest import Portal
from tests.web.routes_api import DOMAINS

ROLES = ("administrator", "scheduler", "team_leader", "mentor", "teacher", "student")
CONNECTOR_ROLES = {"administrator", "scheduler"}
YEAR = "2026-2027"


def school_departments(database: str) -> list[str]:
    """Every department code of the school, straight from the database."""
    engine = connect(database)
    with engine.connect() as connection:
        codes = sorted(connection.scalars(select(t.departments.c.code)))
    engine.dispose()
    return codes


def make_tokens(portal: Portal, prefix: str) -> dict[str, str]:
    """role -> a bearer token of that role's persona, made on the command line; the
    scheduler's for every department of the school (tests/web/test_api_scope.py holds
    tokens of fewer)."""
    tokens = {}
    for role in ROLES:
        username = portal.login_as(role)[0]
        departments = (
            ["--department", ",".join(school_departments(portal.database))]
            if role == "scheduler"
            else []
        )
        run = koppel(
            "token",
            "create",
            f"{prefix}-{role}",
            "--user",
            username,
            "--role",
            role,
            *departments,
            "--json",
            database=portal.database,
        )
        assert run.code == 0, run.stderr
        tokens[role] = run.json()["token"]
    return tokens


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def read_all(client: httpx.Client, domain: str, **params: object) -> tuple[list[dict], int]:
    """Every record of ``domain`` page by page; and how many pages it took."""
    records: list[dict] = []
    pages = 0
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = client.get(f"/api/v1/records/{domain}", params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        records.extend(page["records"])
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            return records, pages


def in_scope(database: str, departments: set[str] | None = None) -> set[str]:
    """Straight from the database: students with a participation this year."""
    s, p, d, y = t.students, t.department_participations, t.departments, t.school_years
    query = (
        select(s.c.student_number)
        .join(p, p.c.student_id == s.c.id)
        .join(d, d.c.id == p.c.department_id)
        .join(y, y.c.id == p.c.school_year_id)
        .where(y.c.name == YEAR)
    )
    if departments:
        query = query.where(d.c.code.in_(departments))
    engine = connect(database)
    with engine.connect() as connection:
        found = set(connection.scalars(query))
    engine.dispose()
    return found


def audit_reads(database: str) -> list[tuple[str, str, str, dict]]:
    a = t.audit_entries
    engine = connect(database)
    with engine.connect() as connection:
        rows = connection.execute(
            select(a.c.actor, a.c.entity, a.c.key, a.c.after)
            .where(a.c.action == "read")
            .order_by(a.c.id)
        ).all()
    engine.dispose()
    return [tuple(row) for row in rows]  # type: ignore[misc]


@pytest.fixture(scope="module")
def tokens(portal: Portal) -> dict[str, str]:
    return make_tokens(portal, "records")


@pytest.fixture(scope="module")
def scheduler(portal: Portal, tokens: dict[str, str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=portal.url, headers=bearer(tokens["scheduler"])) as client:
        yield client


@pytest.mark.parametrize("domain", DOMAINS)
def test_only_scheduler_and_administrator_tokens_read_records(portal, tokens, domain):
    answers = {
        role: httpx.get(
            f"{portal.url}/api/v1/records/{domain}",
            params={"limit": 3},
            headers=bearer(tokens[role]),
        )
        for role in ROLES
    }
    assert {role: r.status_code for role, r in answers.items()} == {
        role: 200 if role in CONNECTOR_ROLES else 403 for role in ROLES
    }
    for role in set(ROLES) - CONNECTOR_ROLES:
        assert answers[role].json()["error"]["code"] == "api.forbidden"
    page = answers["scheduler"].json()
    assert page["domain"] == domain
    assert page["school_year"] == YEAR
    assert page["as_of"].endswith("Z") or page["as_of"].endswith("+00:00")
    assert page["records"], domain
    assert all({"student", "department", "version"} <= set(r) for r in page["records"])


def test_school_years_name_the_current_and_the_prepared_year(portal, tokens):
    answers = {
        role: httpx.get(f"{portal.url}/api/v1/school-years", headers=bearer(tokens[role]))
        for role in ROLES
    }
    assert {role: r.status_code for role, r in answers.items()} == {
        role: 200 if role in CONNECTOR_ROLES else 403 for role in ROLES
    }
    # the demo holds prognoses for 2027-2028, but has not prepared it: no project year
    assert answers["scheduler"].json() == {"current": YEAR, "prepared": None, "years": [YEAR]}
    assert answers["teacher"].json()["error"]["code"] == "api.forbidden"
    anonymous = httpx.get(f"{portal.url}/api/v1/school-years")
    assert anonymous.status_code == 401
    assert anonymous.json()["error"]["code"] == "api.unauthorised"


def test_without_a_token_the_records_answer_401(portal):
    response = httpx.get(f"{portal.url}/api/v1/records/students")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "api.unauthorised"


def test_pages_follow_student_numbers_and_hold_every_student_in_scope_once(portal, scheduler):
    records, pages = read_all(scheduler, "students", limit=37)
    numbers = [r["student"] for r in records]
    expected = in_scope(portal.database)
    assert len(expected) >= 300
    assert pages == -(-len(expected) // 37)
    assert numbers == sorted(numbers)
    assert len(numbers) == len(set(numbers))
    assert set(numbers) == expected


def test_departments_choose_the_students_and_the_records(portal, scheduler):
    chosen = {"4H", "4V"}
    students, _ = read_all(scheduler, "students", departments="4h, 4V", limit=500)
    assert {r["student"] for r in students} == in_scope(portal.database, chosen)
    assert {r["department"] for r in students} <= chosen
    classes, _ = read_all(scheduler, "home_classes", departments="4H,4V")
    assert classes
    assert {r["department"] for r in classes} <= chosen
    assert {r["lead"] for r in classes} == {"project"}
    assert all(
        r["home_class"] is None or r["home_class"].startswith(r["department"]) for r in classes
    )
    whole, _ = read_all(scheduler, "students", limit=5000)
    assert len(whole) > len(students)


def test_participations_show_every_share_of_a_student(portal, scheduler):
    records, _ = read_all(scheduler, "department_participation", departments="4V")
    totals: dict[str, int] = {}
    for record in records:
        totals[record["student"]] = totals.get(record["student"], 0) + record["percentage"]
    assert totals
    assert set(totals.values()) == {100}


def test_prognoses_of_a_year_forecast_the_next_one(scheduler):
    records, _ = read_all(scheduler, "prognoses", departments="3H")
    assert records
    assert {r["forecast_year"] for r in records} == {"2027-2028"}
    with_shares = [r for r in records if r["shares"]]
    assert with_shares
    for record in with_shares:
        assert sum(share["percentage"] for share in record["shares"]) == 100
        assert record["round"] >= 1
    # the demo's 2027-2028 holds these prognoses but no participations yet: no student
    # is in its scope (a prepared year's project sees the prognoses that forecast it:
    # tests/connector/test_school_years.py)
    later = scheduler.get(
        "/api/v1/records/prognoses", params={"school_year": "2027-2028", "limit": 5}
    )
    assert later.status_code == 200
    assert later.json()["school_year"] == "2027-2028"
    assert later.json()["records"] == []


def test_package_choices_and_cluster_groups_have_their_lists(scheduler):
    choices, _ = read_all(scheduler, "package_choices", departments="5V")
    assert choices
    assert all(set(r["exemptions"]) <= set(r["subjects"]) for r in choices)
    assert any(r["subjects"] for r in choices)
    groups, _ = read_all(scheduler, "cluster_groups", departments="5V")
    assert any(r["groups"] for r in groups)
    assert all(r["department"] is None for r in groups)


def test_since_the_current_revision_nothing_is_new(scheduler):
    first = scheduler.get("/api/v1/records/students", params={"limit": 1}).json()
    later = scheduler.get("/api/v1/records/students", params={"since": first["revision"]}).json()
    assert later["records"] == []
    assert later["next_cursor"] is None
    assert later["revision"] == first["revision"]


@pytest.mark.parametrize(
    ("path", "params", "status", "code"),
    [
        ("/api/v1/records/nope", {}, 404, "api.unknown_domain"),
        ("/api/v1/records/students", {"departments": "9Q"}, 422, "api.unknown_department"),
        ("/api/v1/records/students", {"school_year": "1999-2000"}, 404, "api.unknown_school_year"),
        ("/api/v1/records/students", {"school_year": "nonsense"}, 404, "api.unknown_school_year"),
        ("/api/v1/records/students", {"cursor": "bm9wZQ"}, 422, "api.bad_cursor"),
        ("/api/v1/records/students", {"limit": 0}, 422, "api.invalid_request"),
        ("/api/v1/records/students", {"since": -1}, 422, "api.invalid_request"),
    ],
)
def test_bad_reads_are_refused_in_the_one_error_shape(scheduler, path, params, status, code):
    response = scheduler.get(path, params=params, headers={"Accept-Language": "en"})
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert body["error"]["message"] != code


def test_a_cursor_of_another_domain_is_refused(scheduler):
    page = scheduler.get("/api/v1/records/students", params={"limit": 2}).json()
    other = scheduler.get(
        "/api/v1/records/lwoo", params={"limit": 2, "cursor": page["next_cursor"]}
    )
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "api.bad_cursor"


def test_reading_addresses_or_lwoo_writes_one_audit_entry_without_values(portal, tokens):
    before = audit_reads(portal.database)
    headers = bearer(tokens["scheduler"])
    for domain, limit in (("personal_data", 7), ("lwoo", 11), ("students", 5), ("prognoses", 3)):
        response = httpx.get(
            f"{portal.url}/api/v1/records/{domain}", params={"limit": limit}, headers=headers
        )
        assert response.status_code == 200
    denied = httpx.get(
        f"{portal.url}/api/v1/records/personal_data", headers=bearer(tokens["teacher"])
    )
    assert denied.status_code == 403
    new = audit_reads(portal.database)[len(before) :]
    scheduler_name = portal.login_as("scheduler")[0]
    everything = school_departments(portal.database)
    assert new == [
        (
            scheduler_name,
            "records",
            "personal_data",
            {"students": 7, "departments": everything, "token": "records-scheduler"},
        ),
        (
            scheduler_name,
            "records",
            "lwoo",
            {"students": 11, "departments": everything, "token": "records-scheduler"},
        ),
    ]
