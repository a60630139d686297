"""An upload of the connector on SQLite and PostgreSQL, below HTTP: the same few statements
whatever its size, the same audit entries as the single writes, and an exact undo."""

from __future__ import annotations

from datetime import date
from itertools import zip_longest

import pytest
from sqlalchemy import Engine, select

from koppel.domain.accounts import Role, TokenScope
from koppel.services.accounts.tokens import create_token
from koppel.services.audit.undo import undo_changeset
from koppel.services.connector_api.changes import (
    ClusterGroupsChange,
    HomeClassChange,
    NewStudentRequest,
)
from koppel.services.connector_api.reads import Domain
from koppel.services.connector_api.uploads import Upload, UploadRefused, upload
from koppel.services.connector_api.writes import (
    Operation,
    WriteAnswer,
    WriteRequest,
    perform,
    set_home_class,
)
from koppel.services.demo.build import build_demo_school
from koppel.store import tables as t
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.integration.snapshot import snapshot
from tests.integration.test_records import YEAR, counted, read

PROJECT_LED = ("4H", "4V", "5H", "5V", "6V")
TOKEN = TokenScope(frozenset(PROJECT_LED))
"""The token's departments: every item of these uploads is in them."""


@pytest.fixture
def school(engine: Engine) -> Engine:
    build_demo_school(SqlAlchemyUnitOfWork(engine), students=400, seed=2, today=date(2026, 9, 1))
    with engine.connect() as connection:
        scheduler = connection.scalar(
            select(t.accounts.c.username)
            .join(t.account_roles, t.account_roles.c.account_id == t.accounts.c.id)
            .where(t.account_roles.c.role == Role.SCHEDULER.value)
            .limit(1)
        )
    create_token(
        SqlAlchemyUnitOfWork(engine),
        "it",
        username=scheduler,
        role=Role.SCHEDULER,
        departments=PROJECT_LED,
    )
    return engine


def _new(number: str, department: str = "4V") -> NewStudentRequest:
    return NewStudentRequest(
        number, department, f"{number}@example.org", {"first_name": "Noor", "last_name": "Berg"}
    )


def _upload(size: int, offset: int, records: list[dict[str, object]]) -> Upload:
    """``size`` new students with a home class and cluster groups, and ``size`` existing
    students with a new home class and a new cluster group."""
    numbers = [f"0{offset + i:06d}" for i in range(size)]
    per_department: dict[str, list[dict[str, object]]] = {}
    for record in records:
        per_department.setdefault(str(record["department"]), []).append(record)
    # one of each department first: the home classes take a statement per department
    spread = [r for row in zip_longest(*per_department.values()) for r in row if r]
    existing = spread[:size]
    assert len(existing) == size
    return Upload(
        YEAR,
        [_new(n) for n in numbers],
        [HomeClassChange(n, "4V", f"4V-n{offset}", "0") for n in numbers]
        + [
            HomeClassChange(str(r["student"]), d, f"{d}-e{offset}", str(r["version"]))
            for r in existing
            for d in [str(r["department"])]
        ],
        [ClusterGroupsChange(n, [f"4V.c{offset}"], "0") for n in numbers]
        + [ClusterGroupsChange(str(r["student"]), [f"4V.c{offset}"], "v0") for r in existing],
    )


def _apply(engine: Engine, operation: Operation, key: str) -> WriteAnswer:
    return perform(SqlAlchemyUnitOfWork(engine), WriteRequest("it", "soos", key, key), operation)


def test_an_upload_takes_the_same_statements_whatever_its_size(school: Engine):
    def statements(size: int, offset: int) -> tuple[int, int]:
        records = read(school, Domain.HOME_CLASSES, departments=PROJECT_LED)
        refused = _upload(size, offset, records)  # "v0": every cluster item is stale
        with counted(school) as refusing, pytest.raises(UploadRefused) as error:
            _apply(school, upload(refused, token=TOKEN), f"r{offset}")
        assert len(error.value.refusals) == size
        done = Upload(
            refused.school_year,
            refused.students,
            refused.home_classes,
            refused.cluster_groups[:size],
        )
        with counted(school) as writing:
            answer = _apply(school, upload(done, token=TOKEN), f"w{offset}")
        assert answer.body["created"] == size
        return len(refusing), len(writing)

    small, large = statements(5, 1000), statements(80, 2000)
    assert small == large
    assert large[0] <= 13  # with the one that asks which year the upload is about
    assert large[1] <= 40


def test_an_upload_records_what_the_single_write_records(school: Engine):
    record = read(school, Domain.HOME_CLASSES, departments=("5V",))[0]
    number, version = str(record["student"]), str(record["version"])
    single = _apply(
        school,
        set_home_class(
            number, "5V", school_year=YEAR, home_class="5V-same", if_match=version, token=TOKEN
        ),
        "single",
    )
    undo_changeset(SqlAlchemyUnitOfWork(school), str(single.body["changeset"]))
    version = str(read(school, Domain.HOME_CLASSES, departments=("5V",))[0]["version"])
    change = HomeClassChange(number, "5V", "5V-same", version)
    batch = _apply(school, upload(Upload(YEAR, [], [change]), token=TOKEN), "b")

    def entries(changeset: object) -> list[tuple[object, ...]]:
        a = t.audit_entries
        with school.connect() as connection:
            rows = connection.execute(
                select(a.c.action, a.c.entity, a.c.key, a.c.before, a.c.after)
                .where(a.c.changeset == str(changeset))
                .order_by(a.c.id)
            )
            return [tuple(row) for row in rows]

    assert entries(batch.body["changeset"]) == entries(single.body["changeset"])
    assert len(entries(single.body["changeset"])) == 2  # group.add, student.home_class


def test_undo_of_an_upload_restores_everything_but_the_bookkeeping(school: Engine):
    before = snapshot(school)
    records = read(school, Domain.HOME_CLASSES, departments=PROJECT_LED)
    request = _upload(25, 3000, records)
    request = Upload(YEAR, request.students, request.home_classes, request.cluster_groups[:25])
    answer = _apply(school, upload(request, token=TOKEN), "undo-me")
    assert answer.body["home_classes"] == 50
    result = undo_changeset(SqlAlchemyUnitOfWork(school), str(answer.body["changeset"]))
    assert result.written
    after = snapshot(school)
    assert {k: v for k, v in after.items() if k != "idempotency_keys"} == {
        k: v for k, v in before.items() if k != "idempotency_keys"
    }
