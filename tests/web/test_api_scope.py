"""Least privilege for API tokens, over real HTTP on SQLite and PostgreSQL, beyond the
matrix (test_authorization_matrix.py holds every route x token role x inside/outside):
what a token reads when it names no department, the read log, what ``since`` tells,
an upload with one item outside, and an old scheduler's token.
"""

from __future__ import annotations

from tests.web.scope_school import (
    INSIDE,
    LEGACY,
    OUTSIDE,
    ScopedSchool,
    changeset_by,
    school,
    upload_call,
)

__all__ = ["school"]  # the module's fixture


def test_a_schedulers_token_reads_its_own_departments_when_it_names_none(school: ScopedSchool):
    with school.client("scheduler") as client:
        mine = client.get("/api/v1/records/students", params={"limit": 5000})
        mixed = client.get(
            "/api/v1/records/personal_data", params={"departments": f"{INSIDE},{OUTSIDE}"}
        )
    assert mine.status_code == 200
    assert {r["student"] for r in mine.json()["records"]} == school.students_in({INSIDE})
    assert mine.json()["in_scope"] == len(school.students_in({INSIDE}))
    assert mixed.status_code == 403
    assert OUTSIDE in mixed.json()["error"]["message"]
    with school.client("administrator") as client:
        everyone = client.get("/api/v1/records/students", params={"limit": 5000})
    assert len(everyone.json()["records"]) > len(mine.json()["records"])


def test_reads_of_personal_data_and_lwoo_are_logged_with_the_token_and_a_count(
    school: ScopedSchool,
):
    before = school.state()["audit_entries"]
    with school.client("scheduler") as client:
        for domain in ("personal_data", "lwoo"):
            assert client.get(f"/api/v1/records/{domain}", params={"limit": 3}).status_code == 200
    new = [row for row in school.state()["audit_entries"] if row not in before]
    reads = sorted((row for row in new if "read" in row), key=repr)
    assert len(reads) == 2
    expected = {"students": 3, "departments": [INSIDE], "token": "scope-scheduler"}
    assert all(expected in row for row in reads)
    written = repr(reads)
    assert not any(school.inside[i] in written for i in range(3))  # counts, never students


def test_a_token_learns_of_no_student_outside_its_departments_since_a_revision(
    school: ScopedSchool,
):
    with school.client("scheduler") as client:
        revision = client.get("/api/v1/records/students", params={"limit": 1}).json()["revision"]
    changeset_by(school, "administrator", inside=False)  # a student of 5V changes
    params = {"departments": INSIDE, "since": revision}
    with school.client("scheduler") as client:
        scoped = client.get("/api/v1/records/students", params=params).json()
    with school.client("administrator") as client:
        whole = client.get("/api/v1/records/students", params=params).json()
    assert school.outside[1] in whole["left_scope"]  # the whole school's token is told
    assert scoped["left_scope"] == []
    assert scoped["records"] == []


def test_an_upload_with_one_item_outside_lists_it_and_writes_nothing(school: ScopedSchool):
    call = upload_call(school, "scheduler", inside=False)
    before = school.state()
    with school.client("scheduler") as client:
        response = client.post(call.path, json=call.body, headers=call.headers)
    assert response.status_code == 403
    items = response.json()["error"]["items"]
    assert [(i["list"], i["index"], i["code"]) for i in items] == [
        ("cluster_groups", 1, "api.student_out_of_scope")
    ]
    assert items[0]["current_version"] is not None
    assert school.state() == before


def test_an_old_schedulers_token_is_told_to_make_a_new_one_with_departments(
    school: ScopedSchool,
):
    with school.client(LEGACY) as client:
        me = client.get("/api/v1/me")
        refused = client.get("/api/v1/records/students", headers={"Accept-Language": "en"})
    assert me.json()["departments"] == []
    assert refused.status_code == 403
    message = refused.json()["error"]["message"]
    assert "--department" in message
    assert school.usernames["scheduler"] in message
    with school.client("scheduler") as client:
        assert client.get("/api/v1/me").json()["departments"] == [INSIDE]
