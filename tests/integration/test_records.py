"""The connector's records service on SQLite and PostgreSQL: scope, pages, versions, a
fixed number of queries per page, writes with versions and keys, and undo."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, event, select

from koppel.domain.accounts import WHOLE_SCHOOL, Role
from koppel.services.accounts.tokens import create_token
from koppel.services.audit.undo import undo_changeset
from koppel.services.connector_api.reads import Domain, RecordQuery, read_records
from koppel.services.connector_api.refusals import KeyReused, StaleVersion, VersionRequired
from koppel.services.connector_api.writes import (
    ANSWER_KEPT,
    WriteRequest,
    perform,
    set_cluster_groups,
    set_home_class,
)
from koppel.services.demo.build import build_demo_school
from koppel.store import tables as t
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

YEAR = "2026-2027"


@pytest.fixture
def school(engine: Engine) -> Engine:
    build_demo_school(SqlAlchemyUnitOfWork(engine), students=120, seed=2, today=date(2026, 9, 1))
    return engine


def read(engine: Engine, domain: Domain, **options: object) -> list[dict[str, object]]:
    """Every record, page by page."""
    records: list[dict[str, object]] = []
    cursor = None
    while True:
        page = read_records(
            SqlAlchemyUnitOfWork(engine),
            RecordQuery(domain, YEAR, cursor=cursor, **options),  # type: ignore[arg-type]
            actor="test",
            token=WHOLE_SCHOOL,
        )
        records.extend(page.records)
        cursor = page.next_cursor
        if cursor is None:
            return records


@contextmanager
def counted(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_pages_together_are_the_whole_scope_in_number_order(school: Engine):
    whole = read(school, Domain.STUDENTS, limit=5000)
    paged = read(school, Domain.STUDENTS, limit=7)
    assert paged == whole
    numbers = [r["student"] for r in whole]
    assert numbers == sorted(numbers)
    assert len(numbers) >= 110
    chosen = read(school, Domain.STUDENTS, departments=("4V", "5V"))
    assert chosen
    assert {r["department"] for r in chosen} <= {"4V", "5V"}
    assert len(chosen) < len(whole)


@pytest.mark.parametrize("domain", list(Domain))
def test_a_page_takes_the_same_few_queries_however_many_students(school: Engine, domain):
    def queries(limit: int) -> int:
        with counted(school) as statements:
            page = read_records(
                SqlAlchemyUnitOfWork(school),
                RecordQuery(domain, YEAR, limit=limit),
                actor="t",
                token=WHOLE_SCHOOL,
            )
        assert page.records
        return len(statements)

    small, large = queries(3), queries(120)
    assert small == large
    assert large <= 10


def test_a_change_gives_a_new_version_that_since_finds_and_undo_restores(school: Engine):
    token = create_token(
        SqlAlchemyUnitOfWork(school),
        "it",
        username=_scheduler(school),
        role=Role.SCHEDULER,
        departments=["5V"],
    )
    assert token.token
    before = read(school, Domain.CLUSTER_GROUPS, departments=("5V",))[0]
    number, version = str(before["student"]), int(str(before["version"]))
    revision = read_records(
        SqlAlchemyUnitOfWork(school),
        RecordQuery(Domain.STUDENTS, YEAR, limit=1),
        actor="t",
        token=WHOLE_SCHOOL,
    ).revision

    who = WriteRequest("it", "soos", "hash-1", "key-1")
    operation = set_cluster_groups(
        number, school_year=YEAR, groups=["5V.x"], if_match=f'"{version}"', token=WHOLE_SCHOOL
    )
    answer = perform(SqlAlchemyUnitOfWork(school), who, operation)
    assert answer.body["groups"] == ["5V.x"]
    assert answer.version == revision + 1
    again = perform(SqlAlchemyUnitOfWork(school), who, operation)
    assert again.replayed
    assert again.body == answer.body
    with pytest.raises(KeyReused):
        perform(
            SqlAlchemyUnitOfWork(school), WriteRequest("it", "soos", "hash-2", "key-1"), operation
        )
    with pytest.raises(StaleVersion) as stale:
        perform(SqlAlchemyUnitOfWork(school), WriteRequest("it", "soos", "h"), operation)
    assert stale.value.current == answer.version
    with pytest.raises(VersionRequired):
        perform(
            SqlAlchemyUnitOfWork(school),
            WriteRequest("it", "soos", "h"),
            set_home_class(
                number,
                "5V",
                school_year=YEAR,
                home_class="5V9",
                if_match=None,
                token=WHOLE_SCHOOL,
            ),
        )

    changed = read(school, Domain.CLUSTER_GROUPS, since=revision)
    assert [(r["student"], r["groups"]) for r in changed] == [(number, ["5V.x"])]

    undo_changeset(SqlAlchemyUnitOfWork(school), str(answer.body["changeset"]))
    restored = next(
        r
        for r in read(school, Domain.CLUSTER_GROUPS, departments=("5V",))
        if r["student"] == number
    )
    assert restored["groups"] == before["groups"]
    assert int(str(restored["version"])) > answer.version


def _scheduler(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(
            connection.scalar(
                select(t.accounts.c.username)
                .join(t.account_roles, t.account_roles.c.account_id == t.accounts.c.id)
                .where(t.account_roles.c.role == "scheduler")
                .limit(1)
            )
        )


def test_a_stored_answer_is_forgotten_after_a_day(school: Engine):
    create_token(
        SqlAlchemyUnitOfWork(school),
        "it",
        username=_scheduler(school),
        role=Role.SCHEDULER,
        departments=["5V"],
    )
    records = read(school, Domain.CLUSTER_GROUPS, departments=("5V",))
    first, second = (str(r["student"]) for r in records[:2])
    versions = {str(r["student"]): int(str(r["version"])) for r in records[:2]}

    def write(number: str, key: str) -> None:
        operation = set_cluster_groups(
            number,
            school_year=YEAR,
            groups=["5V.y"],
            if_match=f'"{versions[number]}"',
            token=WHOLE_SCHOOL,
        )
        perform(SqlAlchemyUnitOfWork(school), WriteRequest("it", "soos", key, key), operation)

    def keys() -> set[str]:
        with school.connect() as connection:
            return set(connection.scalars(select(t.idempotency_keys.c.key)))

    write(first, "old")
    with school.begin() as connection:
        connection.execute(
            t.idempotency_keys.update().values(
                created_at=datetime.now(UTC) - ANSWER_KEPT - timedelta(minutes=1)
            )
        )
    write(second, "new")
    assert keys() == {"new"}  # the day-old answer is gone, the new one kept
