"""One transaction per use case: the unit of work opens it, hands out the repositories
and commits once; anything not committed is rolled back.

``with uow:`` holds the school's write lock from before its first read
(:mod:`koppel.store.write_lock`): every use case that reads, plans and writes is
serialised with every other, and never works from a stale read. ``with uow.unlocked():``
is a transaction without it, for what only reads (pages, the connector's reads) or
writes nothing another writer plans with (a session's last use, a failed sign-in, the
audit of a read); it never waits for an import."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import TracebackType

from sqlalchemy import Connection, Engine, RootTransaction

from koppel.store.repositories.account_identities import SqlAlchemyAccountIdentityRepository
from koppel.store.repositories.accounts import SqlAlchemyAccountRepository
from koppel.store.repositories.audit import SqlAlchemyAuditRepository
from koppel.store.repositories.changesets import SqlAlchemyChangeSetRepository
from koppel.store.repositories.connector_api.reads import SqlAlchemyRecordRepository
from koppel.store.repositories.connector_api.versions import SqlAlchemyVersionRepository
from koppel.store.repositories.connector_api.writes import SqlAlchemyRecordWriteRepository
from koppel.store.repositories.forgetting import SqlAlchemyForgettingRepository
from koppel.store.repositories.group_deletion import SqlAlchemyGroupDeletionRepository
from koppel.store.repositories.groups import SqlAlchemyGroupRepository
from koppel.store.repositories.leavers import SqlAlchemyLeaverRepository
from koppel.store.repositories.planning import SqlAlchemyPlanningRepository
from koppel.store.repositories.school import SqlAlchemySchoolRepository
from koppel.store.repositories.school_years.lifecycle import SqlAlchemySchoolYearRepository
from koppel.store.repositories.sessions import SqlAlchemySessionRepository
from koppel.store.repositories.sis.export import SqlAlchemySisExportRepository
from koppel.store.repositories.sis.ids import SqlAlchemySisIdRepository
from koppel.store.repositories.sis.runs import SqlAlchemySisRunRepository
from koppel.store.repositories.sis.writes import SqlAlchemySisWriteRepository
from koppel.store.repositories.staff import SqlAlchemyStaffRepository
from koppel.store.repositories.student_planning import SqlAlchemyStudentPlanningRepository
from koppel.store.repositories.student_states import SqlAlchemyStudentStateRepository
from koppel.store.repositories.students import SqlAlchemyStudentRepository
from koppel.store.repositories.tokens import SqlAlchemyTokenRepository
from koppel.store.repositories.transition_previews import SqlAlchemyTransitionPreviewRepository
from koppel.store.secrets import SecretBox, key_source_from_environment
from koppel.store.write_lock import DEFAULT_WAIT_SECONDS, Release, take_write_lock


class SqlAlchemyUnitOfWork:
    """``with SqlAlchemyUnitOfWork(engine) as uow: ...; uow.commit()``; ``on_wait`` is
    called once when another writer holds the write lock (the command line says that it
    waits), ``write_wait_seconds`` bounds the wait; ``secrets`` seals the TOTP secrets."""

    school: SqlAlchemySchoolRepository
    school_years: SqlAlchemySchoolYearRepository
    students: SqlAlchemyStudentRepository
    student_states: SqlAlchemyStudentStateRepository
    student_planning: SqlAlchemyStudentPlanningRepository
    staff: SqlAlchemyStaffRepository
    groups: SqlAlchemyGroupRepository
    group_deletion: SqlAlchemyGroupDeletionRepository
    planning: SqlAlchemyPlanningRepository
    accounts: SqlAlchemyAccountRepository
    account_identities: SqlAlchemyAccountIdentityRepository
    audit: SqlAlchemyAuditRepository
    changesets: SqlAlchemyChangeSetRepository
    sessions: SqlAlchemySessionRepository
    tokens: SqlAlchemyTokenRepository
    versions: SqlAlchemyVersionRepository
    records: SqlAlchemyRecordRepository
    record_writes: SqlAlchemyRecordWriteRepository
    sis_export: SqlAlchemySisExportRepository
    sis_ids: SqlAlchemySisIdRepository
    sis_writes: SqlAlchemySisWriteRepository
    transition_previews: SqlAlchemyTransitionPreviewRepository
    sis_runs: SqlAlchemySisRunRepository
    leavers: SqlAlchemyLeaverRepository
    forgetting: SqlAlchemyForgettingRepository

    def __init__(
        self,
        engine: Engine,
        *,
        write_wait_seconds: float = DEFAULT_WAIT_SECONDS,
        on_wait: Callable[[], None] | None = None,
        secrets: SecretBox | None = None,
    ) -> None:
        self._engine = engine
        self.secrets = secrets or SecretBox(lambda: key_source_from_environment(engine.url))
        """Seals and opens the accounts' TOTP secrets (:mod:`koppel.store.secrets`); by
        default with the key the settings choose for this database."""
        self._write_wait_seconds = write_wait_seconds
        self._on_wait = on_wait
        self._connection: Connection | None = None
        self._transaction: RootTransaction | None = None
        self._release: Release | None = None

    def __enter__(self) -> SqlAlchemyUnitOfWork:
        return self._open(locked=True)

    def unlocked(self) -> AbstractContextManager[SqlAlchemyUnitOfWork]:
        """A transaction without the write lock (see the module's text for when)."""
        return self.transaction(write_lock=False)

    @contextmanager
    def transaction(self, *, write_lock: bool = True) -> Iterator[SqlAlchemyUnitOfWork]:
        """``with uow`` or, without ``write_lock`` (a preview that writes nothing), ``with
        uow.unlocked()``."""
        self._open(locked=write_lock)
        try:
            yield self
        finally:
            self._close()

    def _open(self, *, locked: bool) -> SqlAlchemyUnitOfWork:
        if self._connection is not None:
            raise RuntimeError("the unit of work is already open")
        connection = self._engine.connect()
        self._connection = connection
        try:
            self._transaction = connection.begin()
            if locked:
                self._release = take_write_lock(
                    connection, wait_seconds=self._write_wait_seconds, on_wait=self._on_wait
                )
        except BaseException:
            self._close()
            raise
        self.school = SqlAlchemySchoolRepository(connection)
        self.school_years = SqlAlchemySchoolYearRepository(connection, school=self.school)
        self.students = SqlAlchemyStudentRepository(connection)
        self.staff = SqlAlchemyStaffRepository(connection)
        self.student_states = SqlAlchemyStudentStateRepository(
            connection, school=self.school, students=self.students
        )
        self.student_planning = SqlAlchemyStudentPlanningRepository(
            connection, school=self.school, students=self.students
        )
        self.groups = SqlAlchemyGroupRepository(
            connection, school=self.school, students=self.students, staff=self.staff
        )
        self.group_deletion = SqlAlchemyGroupDeletionRepository(
            connection, school=self.school, students=self.students, staff=self.staff
        )
        self.planning = SqlAlchemyPlanningRepository(
            connection, school=self.school, students=self.students
        )
        self.accounts = SqlAlchemyAccountRepository(
            connection,
            school=self.school,
            students=self.students,
            staff=self.staff,
            secrets=self.secrets,
        )
        self.account_identities = SqlAlchemyAccountIdentityRepository(connection)
        self.audit = SqlAlchemyAuditRepository(connection)
        self.changesets = SqlAlchemyChangeSetRepository(connection)
        self.sessions = SqlAlchemySessionRepository(connection)
        self.tokens = SqlAlchemyTokenRepository(connection)
        self.versions = SqlAlchemyVersionRepository(connection)
        self.records = SqlAlchemyRecordRepository(connection)
        self.record_writes = SqlAlchemyRecordWriteRepository(connection)
        self.sis_export = SqlAlchemySisExportRepository(connection)
        self.sis_ids = SqlAlchemySisIdRepository(connection)
        self.sis_writes = SqlAlchemySisWriteRepository(
            connection, school=self.school, students=self.students, staff=self.staff
        )
        self.transition_previews = SqlAlchemyTransitionPreviewRepository(connection)
        self.sis_runs = SqlAlchemySisRunRepository(connection)
        self.leavers = SqlAlchemyLeaverRepository(connection)
        self.forgetting = SqlAlchemyForgettingRepository(connection)
        return self

    def commit(self) -> None:
        if self._transaction is None:
            raise RuntimeError("commit outside the unit of work")
        self._transaction.commit()
        self._transaction = None

    def rollback(self) -> None:
        if self._transaction is not None:
            self._transaction.rollback()
            self._transaction = None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._close()

    def _close(self) -> None:
        try:
            self.rollback()
            if self._connection is not None:
                self._connection.close()
                self._connection = None
        finally:
            if self._release is not None:
                self._release()
                self._release = None
