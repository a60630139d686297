"""Uploads of the connector over real HTTP, on a portal of their own (they change data):
who may, If-Match, Idempotency-Key, the portal-leads rule, and undo from the command line."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from koppel.store import tables as t
from koppel.store.database import connect
from tests.cli.runner import koppel
from tests.web.conftest import Portal, portal_log, start_portal
from tests.web.test_api_records import CONNECTOR_ROLES, ROLES, bearer, make_tokens


@contextmanager
def own_portal(
    directory: Path, students: int = 200, database: str | None = None
) -> Iterator[tuple[Portal, list[str]]]:
    """A demo portal of its own (SQLite in ``directory`` unless ``database`` names another);
    yields it and, once stopped, what it wrote to stderr."""
    database = database or f"sqlite:///{directory / 'koppel.db'}"
    built = koppel("demo", "--students", str(students), "--seed", "5", "--json", database=database)
    assert built.code == 0, built.stderr
    data = built.json()
    # the default log level: no access lines, only what koppel itself logs
    process, url = start_portal(database, {"KOPPEL_LOG_LEVEL": "warning"})
    log: list[str] = []
    try:
        yield (
            Portal(
                url=url,
                database=database,
                admin=(data["administrator"]["username"], data["administrator"]["password"]),
                personas=data["personas"]["usernames"],
                persona_password=data["personas"]["password"],
            ),
            log,
        )
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.append(portal_log(process))


@dataclass
class School:
    portal: Portal
    tokens: dict[str, str]
    log: list[str]

    def client(self, role: str = "scheduler") -> httpx.Client:
        return httpx.Client(base_url=self.portal.url, headers=bearer(self.tokens[role]))

    def scalar(self, query):
        engine = connect(self.portal.database)
        with engine.connect() as connection:
            value = connection.scalar(query)
        engine.dispose()
        return value

    def count(self, table, *where) -> int:
        return int(self.scalar(select(func.count()).select_from(table).where(*where)))


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[School]:
    with own_portal(tmp_path_factory.mktemp("writes")) as (portal, log):
        yield School(portal, make_tokens(portal, "writes"), log)


def first_record(school: School, domain: str, department: str) -> dict:
    with school.client() as client:
        page = client.get(
            f"/api/v1/records/{domain}", params={"departments": department, "limit": 1}
        )
    assert page.status_code == 200, page.text
    return page.json()["records"][0]


def version_of(school: School, number: str) -> int:
    return int(
        school.scalar(select(t.students.c.version).where(t.students.c.student_number == number))
    )


def home_class(school: School, number: str, department: str) -> str | None:
    with school.client() as client:
        records = client.get(
            "/api/v1/records/home_classes", params={"departments": department, "limit": 5000}
        ).json()["records"]
    return next(r["home_class"] for r in records if r["student"] == number)


def new_student(number: str, **extra: str) -> dict[str, str]:
    return {
        "student_number": number,
        "department": "4V",
        "email": f"{number}@leerling.example.org",
        "first_name": "Noor",
        "infix": "van der",
        "last_name": "Berg",
        "street": "Kerkstraat",
        "house_number": "1a",
        "postcode": "1234ab",
        "city": "Utrecht",
        **extra,
    }


def key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


# --- who may ---------------------------------------------------------------------------


def test_only_scheduler_and_administrator_tokens_write(school: School):
    project_led = first_record(school, "home_classes", "4V")
    portal_led = first_record(school, "students", "1M")  # the team leader's department
    own = school.portal.personas["student"]  # the student persona's own record
    revision = school.scalar(select(t.revision_counter.c.value))
    for role in set(ROLES) - CONNECTOR_ROLES:
        with school.client(role) as client:
            answers = [
                client.post("/api/v1/students", json=new_student(f"77{role[:4]}"), headers=key()),
                *(
                    client.put(
                        f"/api/v1/students/{number}/cluster-groups",
                        json={"groups": ["4V.x"]},
                        headers={"If-Match": '"0"', **key()},
                    )
                    for number in (own, project_led["student"], portal_led["student"])
                ),
                *(
                    client.put(
                        f"/api/v1/students/{number}/home-classes/{department}",
                        json={"home_class": "4V1"},
                        headers={"If-Match": '"0"'},
                    )
                    for number, department in (
                        (own, "4V"),
                        (project_led["student"], "4V"),
                        (portal_led["student"], "1M"),
                    )
                ),
            ]
        assert [a.status_code for a in answers] == [403] * 7, role
        assert {a.json()["error"]["code"] for a in answers} == {"api.forbidden"}
    assert school.scalar(select(t.revision_counter.c.value)) == revision
    assert school.count(t.students, t.students.c.student_number.like("77%")) == 0

    for role, number in (("scheduler", "880001"), ("administrator", "880002")):
        with school.client(role) as client:
            made = client.post("/api/v1/students", json=new_student(number), headers=key())
            assert made.status_code == 201, made.text
            groups = client.put(
                f"/api/v1/students/{number}/cluster-groups",
                json={"groups": ["4V.ne1"]},
                headers={"If-Match": made.headers["ETag"]},
            )
            assert groups.status_code == 200, groups.text


# --- new students ----------------------------------------------------------------------


def test_a_new_student_gets_a_participation_and_an_account_without_password(school: School):
    with school.client() as client:
        made = client.post("/api/v1/students", json=new_student("0990001"), headers=key())
        assert made.status_code == 201, made.text
        body = made.json()
        assert body["student"] == "0990001"
        assert body["account"] == "0990001"
        assert made.headers["ETag"] == f'"{body["version"]}"'
        assert body["version"] == version_of(school, "0990001") > 0
        personal = client.get(
            "/api/v1/records/personal_data", params={"since": body["version"] - 1}
        ).json()["records"]
    assert [(r["student"], r["postcode"], r["infix"]) for r in personal] == [
        ("0990001", "1234 AB", "van der")
    ]
    a, s = t.accounts, t.students
    account = school.scalar(
        select(a.c.password_hash.is_(None) & (a.c.kind == "student"))
        .join(s, s.c.id == a.c.student_id)
        .where(s.c.student_number == "0990001")
    )
    assert account is True
    assert (
        school.count(
            t.account_roles,
            t.account_roles.c.role == "student",
            t.account_roles.c.account_id
            == select(a.c.id).where(a.c.username == "0990001").scalar_subquery(),
        )
        == 1
    )
    p = t.department_participations
    assert (
        school.scalar(
            select(p.c.percentage)
            .join(s, s.c.id == p.c.student_id)
            .where(s.c.student_number == "0990001")
        )
        == 100
    )


@pytest.mark.parametrize(
    ("body", "headers", "status", "code"),
    [
        (new_student("0990002"), {}, 400, "api.idempotency_key_required"),
        (new_student("0990003", department="9Z"), key(), 422, "api.unknown_department"),
        (new_student("0990004", postcode="nope"), key(), 422, "postcode.format"),
        (new_student("0990005", student_number="0 5"), key(), 422, "api.invalid_request"),
    ],
)
def test_bad_new_students_are_refused_and_nothing_is_written(school, body, headers, status, code):
    before = school.count(t.students)
    with school.client() as client:
        response = client.post("/api/v1/students", json=body, headers=headers)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert school.count(t.students) == before


def test_an_existing_student_number_answers_409(school: School):
    taken = first_record(school, "students", "2M")["student"]
    with school.client() as client:
        response = client.post("/api/v1/students", json=new_student(taken), headers=key())
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "api.student_exists"


# --- Idempotency-Key -------------------------------------------------------------------


def test_a_retry_with_the_same_key_is_applied_once(school: School):
    headers = key()
    changesets = school.count(t.changesets)
    with school.client() as client:
        first = client.post("/api/v1/students", json=new_student("0990010"), headers=headers)
        again = client.post("/api/v1/students", json=new_student("0990010"), headers=headers)
        other = client.post("/api/v1/students", json=new_student("0990011"), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["ETag"] == first.headers["ETag"]
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "api.idempotency_key_reused"
    assert school.count(t.changesets) == changesets + 1
    a = t.audit_entries
    assert school.count(a, a.c.action == "student.add", a.c.key == "0990010") == 1
    assert school.count(t.students, t.students.c.student_number.in_(["0990010", "0990011"])) == 1


def test_a_retried_put_does_not_take_a_second_version(school: School):
    number = first_record(school, "cluster_groups", "5V")["student"]
    version = version_of(school, number)
    headers = {"If-Match": f'"{version}"', **key()}
    body = {"groups": ["5V.retry1", "5V.retry2"]}
    with school.client() as client:
        first = client.put(f"/api/v1/students/{number}/cluster-groups", json=body, headers=headers)
        again = client.put(f"/api/v1/students/{number}/cluster-groups", json=body, headers=headers)
    assert first.status_code == again.status_code == 200, first.text
    assert again.json() == first.json()
    assert version_of(school, number) == first.json()["version"] > version


# --- If-Match --------------------------------------------------------------------------


def test_if_match_is_required_must_be_current_and_moves_on(school: School):
    record = first_record(school, "home_classes", "4H")
    number, current = record["student"], record["version"]
    path = f"/api/v1/students/{number}/home-classes/4H"
    with school.client() as client:
        missing = client.put(path, json={"home_class": "4H7"})
        stale = client.put(
            path, json={"home_class": "4H7"}, headers={"If-Match": f'"{current + 99}"'}
        )
        done = client.put(path, json={"home_class": "4H7"}, headers={"If-Match": f'"{current}"'})
        replay = client.put(path, json={"home_class": "4H7"}, headers={"If-Match": f'"{current}"'})
        since = client.get(
            "/api/v1/records/home_classes", params={"since": current, "departments": "4H"}
        ).json()["records"]
    assert missing.status_code == 428
    assert missing.json()["error"]["code"] == "api.if_match_required"
    assert stale.status_code == 412
    assert stale.json()["error"]["current_version"] == current
    assert stale.headers["ETag"] == f'"{current}"'
    assert done.status_code == 200, done.text
    new_version = done.json()["version"]
    assert new_version > current
    assert done.headers["ETag"] == f'"{new_version}"'
    assert replay.status_code == 412  # without an Idempotency-Key a repeat is a new request
    assert replay.json()["error"]["current_version"] == new_version
    assert [(r["student"], r["home_class"], r["version"]) for r in since] == [
        (number, "4H7", new_version)
    ]


def test_of_simultaneous_changes_on_one_version_exactly_one_wins(school: School):
    number = first_record(school, "cluster_groups", "6V")["student"]
    version = version_of(school, number)

    def put(index: int) -> int:
        with school.client() as client:
            return client.put(
                f"/api/v1/students/{number}/cluster-groups",
                json={"groups": [f"6V.race{index}"]},
                headers={"If-Match": f'"{version}"'},
            ).status_code

    with ThreadPoolExecutor(6) as pool:
        answers = sorted(pool.map(put, range(6)))
    assert answers == [200, 412, 412, 412, 412, 412]


# --- home classes and cluster groups ---------------------------------------------------


def test_home_classes_are_uploaded_only_where_the_project_leads(school: School):
    portal_led = first_record(school, "home_classes", "2M")
    project_led = first_record(school, "home_classes", "5H")
    with school.client() as client:
        refused = client.put(
            f"/api/v1/students/{portal_led['student']}/home-classes/2M",
            json={"home_class": "2M9"},
            headers={"If-Match": f'"{portal_led["version"]}"'},
        )
        not_a_class = client.put(
            f"/api/v1/students/{project_led['student']}/home-classes/5H",
            json={"home_class": "5H.ne1"},
            headers={"If-Match": f'"{project_led["version"]}"'},
        )
        elsewhere = client.put(
            f"/api/v1/students/{project_led['student']}/home-classes/4V",
            json={"home_class": "4V1"},
            headers={"If-Match": f'"{project_led["version"]}"'},
        )
        unknown = client.put(
            "/api/v1/students/NOSUCH1/home-classes/5H",
            json={"home_class": "5H1"},
            headers={"If-Match": '"0"'},
        )
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "api.portal_leads")
    assert not_a_class.status_code == 422
    assert not_a_class.json()["error"]["code"] == "api.not_a_home_class"
    assert elsewhere.status_code == 422
    assert elsewhere.json()["error"]["code"] == "api.not_in_department"
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "api.unknown_student")
    assert home_class(school, portal_led["student"], "2M") == portal_led["home_class"]


def test_an_unknown_cluster_group_is_made_and_another_kind_is_refused(school: School):
    record = first_record(school, "cluster_groups", "5H")
    number = record["student"]
    with school.client() as client:
        wrong = client.put(
            f"/api/v1/students/{number}/cluster-groups",
            json={"groups": ["5H1"]},  # a home class
            headers={"If-Match": f'"{record["version"]}"'},
        )
        made = client.put(
            f"/api/v1/students/{number}/cluster-groups",
            json={"groups": ["5H.new1", *record["groups"][:2]]},
            headers={"If-Match": f'"{record["version"]}"'},
        )
    assert wrong.status_code == 422
    assert wrong.json()["error"]["code"] == "api.not_a_cluster_group"
    assert made.status_code == 200, made.text
    assert made.json()["groups"] == sorted(["5H.new1", *record["groups"][:2]])
    g = t.groups
    assert school.scalar(select(g.c.kind).where(g.c.name == "5H.new1")) == "cluster_group"


# --- undo ------------------------------------------------------------------------------


def test_undo_restores_a_home_class_and_removes_the_class_it_made(school: School):
    record = first_record(school, "home_classes", "5V")
    number, old = record["student"], record["home_class"]
    with school.client() as client:
        done = client.put(
            f"/api/v1/students/{number}/home-classes/5V",
            json={"home_class": "5V-undo"},
            headers={"If-Match": f'"{record["version"]}"'},
        )
    assert done.status_code == 200, done.text
    assert home_class(school, number, "5V") == "5V-undo"
    undone = koppel("undo", done.json()["changeset"], "--json", database=school.portal.database)
    assert undone.code == 0, undone.stderr
    assert undone.json()["reversed"] == 2
    assert home_class(school, number, "5V") == old
    assert school.count(t.groups, t.groups.c.name == "5V-undo") == 0
    assert version_of(school, number) > done.json()["version"]


def test_undo_restores_cluster_groups(school: School):
    record = first_record(school, "cluster_groups", "4H")
    with school.client() as client:
        done = client.put(
            f"/api/v1/students/{record['student']}/cluster-groups",
            json={"groups": []},
            headers={"If-Match": f'"{record["version"]}"'},
        )
    assert done.status_code == 200
    assert done.json()["groups"] == []
    assert koppel("undo", done.json()["changeset"], database=school.portal.database).code == 0
    with school.client() as client:
        after = client.get(
            "/api/v1/records/cluster_groups", params={"departments": "4H", "limit": 1}
        ).json()["records"][0]
    assert after["groups"] == record["groups"]


def test_undo_takes_a_new_student_and_its_account_away(school: School):
    with school.client() as client:
        made = client.post("/api/v1/students", json=new_student("0990020"), headers=key())
    assert made.status_code == 201
    undone = koppel("undo", made.json()["changeset"], database=school.portal.database)
    assert undone.code == 0, undone.stderr
    assert school.count(t.students, t.students.c.student_number == "0990020") == 0
    assert school.count(t.accounts, t.accounts.c.username == "0990020") == 0


# --- the log ---------------------------------------------------------------------------


def test_denials_are_logged_without_student_numbers(tmp_path: Path):
    with own_portal(tmp_path, students=60) as (portal, log):
        tokens = make_tokens(portal, "log")
        number = portal.personas["student"]
        response = httpx.put(
            f"{portal.url}/api/v1/students/{number}/cluster-groups",
            json={"groups": []},
            headers={"If-Match": '"0"', **bearer(tokens["student"])},
        )
        assert response.status_code == 403
    assert "denied PUT /api/v1/students/{number}/cluster-groups (token role student)" in log[0]
    assert number not in log[0]
