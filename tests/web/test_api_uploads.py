"""One upload as one change set (``POST /api/v1/uploads``) and undoing it through the API
(``POST /api/v1/changesets/{changeset}/undo``), over real HTTP on SQLite and PostgreSQL:
all or nothing, every refused item listed, Idempotency-Key, and an exact undo."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from koppel.store import tables as t
from koppel.store.database import connect
from tests.conftest import postgres_database
from tests.integration.snapshot import snapshot
from tests.web.test_api_records import CONNECTOR_ROLES, ROLES, YEAR, make_tokens
from tests.web.test_api_writes import School, key, new_student, own_portal, version_of

API_BOOKKEEPING = {"api_tokens"}
"""A token's last use changes with every request."""
STORED_ANSWERS = {"idempotency_keys"}
"""An upload's stored answer stays after an undo: a retry with its key is still a replay."""


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def school(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    with ExitStack() as stack:
        database = None
        if request.param == "postgresql":
            database = stack.enter_context(postgres_database("koppel_uploads"))
        directory = Path(tmp_path_factory.mktemp("uploads"))
        portal, log = stack.enter_context(own_portal(directory, database=database))
        yield School(portal, make_tokens(portal, "uploads"), log)


def data(school: School, *, leave_out: set[str]) -> dict[str, list[tuple[object, ...]]]:
    """The portal's data as in tests/integration/snapshot.py, without ``leave_out``."""
    engine = connect(school.portal.database)
    try:
        found = snapshot(engine, bookkeeping="audit_entries" not in leave_out)
    finally:
        engine.dispose()
    return {table: rows for table, rows in found.items() if table not in leave_out}


def nothing_written(school: School) -> dict[str, list[tuple[object, ...]]]:
    return data(school, leave_out=API_BOOKKEEPING)


def the_data(school: School) -> dict[str, list[tuple[object, ...]]]:
    """What undo restores: everything but the audit log, change sets and versions."""
    return data(
        school, leave_out={"audit_entries", "changesets", *API_BOOKKEEPING, *STORED_ANSWERS}
    )


def records(school: School, domain: str, department: str, count: int) -> list[dict[str, Any]]:
    with school.client() as client:
        page = client.get(
            f"/api/v1/records/{domain}",
            params={"departments": department, "limit": 5000, "school_year": YEAR},
        )
    assert page.status_code == 200, page.text
    found = [r for r in page.json()["records"] if domain != "home_classes" or r["home_class"]]
    assert len(found) >= count, (domain, department)
    return found[-count:]


def home(record: dict[str, Any], home_class: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "student": record["student"],
        "department": record["department"],
        "home_class": home_class,
        "version": record["version"],
        **extra,
    }


def clusters(record: dict[str, Any], groups: list[str], **extra: Any) -> dict[str, Any]:
    return {"student": record["student"], "groups": groups, "version": record["version"], **extra}


def post(school: School, body: dict[str, Any], role: str = "scheduler", **headers: str):
    with school.client(role) as client:
        return client.post("/api/v1/uploads", json=body, headers={**key(), **headers})


def undo(school: School, changeset: str, role: str = "scheduler") -> httpx.Response:
    with school.client(role) as client:
        return client.post(f"/api/v1/changesets/{changeset}/undo")


def changeset_row(school: School, changeset: str) -> tuple[str, str, dict[str, Any]]:
    c = t.changesets
    engine = connect(school.portal.database)
    with engine.connect() as connection:
        row = connection.execute(
            select(c.c.kind, c.c.actor, c.c.summary).where(c.c.id == changeset)
        ).one()
    engine.dispose()
    return row[0], row[1], dict(row[2])


# --- one upload, one change set --------------------------------------------------------


def test_an_upload_is_one_change_set_with_new_versions(school: School):
    homes = records(school, "home_classes", "4V", 2)
    cluster = records(school, "cluster_groups", "5H", 1)[0]
    changesets = school.count(t.changesets)
    body = {
        "school_year": YEAR,
        "students": [new_student("0770001"), new_student("0770002", department="5H")],
        "home_classes": [
            home(homes[0], "4V-upl1"),
            home(homes[1], "4V-upl2"),
            {"student": "0770001", "department": "4V", "home_class": "4V-upl1", "version": 0},
        ],
        "cluster_groups": [
            clusters(cluster, ["5H.upl1", *cluster["groups"][:1]]),
            {"student": "0770002", "groups": ["5H.upl1"], "version": 0},
        ],
    }
    answer = post(school, body)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    named = {"0770001", "0770002", homes[0]["student"], homes[1]["student"], cluster["student"]}
    assert {k: v for k, v in result.items() if k not in ("changeset", "versions")} == {
        "school_year": YEAR,
        "created": 2,
        "home_classes": 3,
        "cluster_groups": 2,
    }
    assert set(result["versions"]) == named
    assert len(set(result["versions"].values())) == 1  # one change set, one revision
    assert all(version_of(school, n) == v for n, v in result["versions"].items())
    assert result["versions"][homes[0]["student"]] > homes[0]["version"]
    assert school.count(t.changesets) == changesets + 1
    kind, actor, summary = changeset_row(school, result["changeset"])
    assert (kind, actor) == ("api", school.portal.personas["scheduler"])
    assert summary == {
        "school_year": YEAR,
        "students": 5,
        "created": 2,
        "home_classes": 3,
        "cluster_groups": 2,
    }
    with school.client() as client:
        read = client.get(
            "/api/v1/records/home_classes",
            params={"departments": "4V", "since": homes[0]["version"], "limit": 5000},
        ).json()["records"]
    after = {r["student"]: r["home_class"] for r in read}
    assert after["0770001"] == after[homes[0]["student"]] == "4V-upl1"
    assert after[homes[1]["student"]] == "4V-upl2"
    g = t.groups
    assert school.scalar(select(g.c.kind).where(g.c.name == "5H.upl1")) == "cluster_group"
    assert school.scalar(select(g.c.folder).where(g.c.name == "4V-upl2")) == "Connector"
    a = t.accounts
    assert school.scalar(select(a.c.password_hash.is_(None)).where(a.c.username == "0770002"))


def test_an_upload_that_changes_nothing_has_no_change_set(school: School):
    record = records(school, "home_classes", "6V", 1)[0]
    changesets = school.count(t.changesets)
    answer = post(school, {"home_classes": [home(record, record["home_class"])]})
    assert answer.status_code == 200, answer.text
    assert answer.json()["changeset"] is None
    assert answer.json()["versions"] == {record["student"]: record["version"]}
    assert answer.json()["school_year"] == YEAR  # the current one when left out
    assert school.count(t.changesets) == changesets


# --- all or nothing --------------------------------------------------------------------


def test_one_stale_item_refuses_the_upload_and_is_listed_alone(school: School):
    homes = records(school, "home_classes", "5V", 3)
    cluster = records(school, "cluster_groups", "5V", 1)[0]
    stale = home(homes[1], "5V-stale", version=homes[1]["version"] + 1000)
    body = {
        "students": [new_student("0770010")],
        "home_classes": [home(homes[0], "5V-ok"), stale, home(homes[2], None)],
        "cluster_groups": [clusters(cluster, ["5V.ok"])],
    }
    before = nothing_written(school)
    answer = post(school, body, **{"Accept-Language": "en"})
    assert answer.status_code == 412, answer.text
    error = answer.json()["error"]
    assert error["code"] == "api.upload_stale"
    assert "in 1 of the 5 items" in error["message"]
    assert error["items"] == [
        {
            "list": "home_classes",
            "index": 1,
            "student": homes[1]["student"],
            "code": "api.item_version_stale",
            "message": f"student '{homes[1]['student']}' has changed meanwhile: the item "
            f"names version {stale['version']}, the current version is {homes[1]['version']}"
            "; read the student again",
            "current_version": homes[1]["version"],
        }
    ]
    assert nothing_written(school) == before

    body["home_classes"].pop(1)  # what a client does: leave the refused item out
    again = post(school, body)
    assert again.status_code == 200, again.text
    assert again.json()["created"] == 1
    assert again.json()["home_classes"] == 2


def test_every_refused_item_is_listed_and_the_most_specific_status_answers(school: School):
    project = records(school, "home_classes", "4H", 3)
    portal_led = records(school, "home_classes", "2M", 1)[0]
    cluster = records(school, "cluster_groups", "4H", 1)[0]
    taken = records(school, "students", "5V", 1)[0]["student"]
    body = {
        "students": [
            new_student("0770020"),
            new_student(taken),
            new_student("0770021", postcode="nope"),
        ],
        "home_classes": [
            home(project[0], "4H-x", version=project[0]["version"] + 1000),
            home(portal_led, "2M9"),
            {"student": "NOSUCH1", "department": "4H", "home_class": "4H1", "version": 0},
            home(project[1], "4H-y", department="9Z"),
            home(project[2], "4H-z"),
        ],
        "cluster_groups": [
            clusters(cluster, ["4H1"]),  # a home class
            clusters(cluster, ["4H.x"]),
        ],
    }
    before = nothing_written(school)
    answer = post(school, body)
    assert answer.status_code == 409, answer.text
    error = answer.json()["error"]
    assert error["code"] == "api.upload_refused"
    assert [(i["list"], i["index"], i["code"]) for i in error["items"]] == [
        ("students", 1, "api.student_exists"),
        ("students", 2, "postcode.format"),
        ("home_classes", 0, "api.item_version_stale"),
        ("home_classes", 1, "api.portal_leads"),
        ("home_classes", 2, "api.unknown_student"),
        ("home_classes", 3, "api.unknown_department"),
        ("cluster_groups", 0, "api.not_a_cluster_group"),
        ("cluster_groups", 1, "api.upload_duplicate"),
    ]
    versions = {i["student"]: i["current_version"] for i in error["items"]}
    assert versions["NOSUCH1"] is None
    assert versions[taken] == version_of(school, taken)
    assert all(i["message"] for i in error["items"])
    assert nothing_written(school) == before

    unknown_only = post(school, {"home_classes": [body["home_classes"][2]]})
    assert unknown_only.status_code == 404
    rules_only = post(school, {"cluster_groups": [body["cluster_groups"][0]]})
    assert rules_only.status_code == 422
    assert rules_only.json()["error"]["items"][0]["code"] == "api.not_a_cluster_group"


def test_an_unknown_school_year_refuses_the_whole_upload(school: School):
    answer = post(school, {"school_year": "1999-2000", "students": [new_student("0770030")]})
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "api.unknown_school_year"
    assert answer.json()["error"].get("items", []) == []


# --- Idempotency-Key -------------------------------------------------------------------


def test_a_retry_with_the_same_key_is_applied_once(school: School):
    record = records(school, "cluster_groups", "6V", 1)[0]
    body = {"students": [new_student("0770040")], "cluster_groups": [clusters(record, ["6V.r"])]}
    headers = key()
    changesets = school.count(t.changesets)
    with school.client() as client:
        missing = client.post("/api/v1/uploads", json=body)
        first = client.post("/api/v1/uploads", json=body, headers=headers)
        again = client.post("/api/v1/uploads", json=body, headers=headers)
        other = client.post("/api/v1/uploads", json={**body, "students": []}, headers=headers)
    assert (missing.status_code, missing.json()["error"]["code"]) == (
        400,
        "api.idempotency_key_required",
    )
    assert first.status_code == again.status_code == 200, first.text
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert (other.status_code, other.json()["error"]["code"]) == (
        422,
        "api.idempotency_key_reused",
    )
    assert school.count(t.changesets) == changesets + 1
    assert school.count(t.students, t.students.c.student_number == "0770040") == 1


# --- undo ------------------------------------------------------------------------------


def test_undo_through_the_api_restores_the_data_exactly(school: School):
    homes = records(school, "home_classes", "5H", 2)
    cluster = records(school, "cluster_groups", "5H", 1)[0]
    before = the_data(school)
    body = {
        "students": [new_student("0770050"), new_student("0770051", department="5H")],
        "home_classes": [
            home(homes[0], "5H-undo"),
            home(homes[1], None),
            {"student": "0770051", "department": "5H", "home_class": "5H-undo", "version": 0},
        ],
        "cluster_groups": [
            clusters(cluster, ["5H.undo1", "5H.undo2"]),
            {"student": "0770050", "groups": ["5H.undo1", *cluster["groups"]], "version": 0},
        ],
    }
    done = post(school, body)
    assert done.status_code == 200, done.text
    changeset = done.json()["changeset"]
    assert the_data(school) != before

    undone = undo(school, changeset)
    assert undone.status_code == 200, undone.text
    result = undone.json()
    assert result["undone"] == changeset
    assert result["written"] is True
    assert result["changeset"] not in (None, changeset)
    assert result["reversed"] == 2 * 2 + 3 + 3 + 2  # students, accounts, groups, ...
    assert the_data(school) == before
    assert version_of(school, homes[0]["student"]) > done.json()["versions"][homes[0]["student"]]
    assert changeset_row(school, result["changeset"])[:2] == (
        "undo",
        school.portal.personas["scheduler"],
    )

    twice = undo(school, changeset)
    assert twice.status_code == 200
    assert twice.json() == {"undone": changeset, "changeset": None, "reversed": 0, "written": False}
    assert the_data(school) == before


def test_only_the_tokens_own_api_change_sets_are_undone(school: School):
    record = records(school, "cluster_groups", "4V", 1)[0]
    theirs = post(school, {"cluster_groups": [clusters(record, ["4V.admin"])]}, "administrator")
    assert theirs.status_code == 200, theirs.text
    changeset = theirs.json()["changeset"]

    refused = undo(school, changeset)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "api.changeset_not_yours"
    assert changeset in refused.json()["error"]["message"]
    unknown = undo(school, "nosuchchange")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (
        404,
        "api.unknown_changeset",
    )

    own = undo(school, changeset, "administrator")
    assert own.status_code == 200, own.text
    of_an_undo = undo(school, own.json()["changeset"], "administrator")
    assert (of_an_undo.status_code, of_an_undo.json()["error"]["code"]) == (
        403,
        "api.changeset_not_yours",
    )


def test_only_the_newest_change_set_is_undone(school: School):
    first_record, second_record = records(school, "cluster_groups", "6V", 2)
    first = post(school, {"cluster_groups": [clusters(first_record, ["6V.first"])]})
    second = post(school, {"cluster_groups": [clusters(second_record, ["6V.second"])]})
    assert first.status_code == second.status_code == 200
    older, newer = first.json()["changeset"], second.json()["changeset"]

    refused = undo(school, older)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "api.undo_not_latest"
    assert newer in refused.json()["error"]["message"]
    assert undo(school, newer).status_code == 200
    assert undo(school, older).status_code == 200


# --- who may ---------------------------------------------------------------------------


def test_only_scheduler_and_administrator_tokens_upload_and_undo(school: School):
    revision = school.scalar(select(t.revision_counter.c.value))
    for role in set(ROLES) - CONNECTOR_ROLES:
        answers = [
            post(school, {"students": [new_student("0770060")]}, role),
            undo(school, "nosuchchange", role),
        ]
        assert [a.status_code for a in answers] == [403, 403], role
        assert {a.json()["error"]["code"] for a in answers} == {"api.forbidden"}
    assert school.scalar(select(t.revision_counter.c.value)) == revision
