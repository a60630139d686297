"""The school's write lock: one writer at a time, from its first read on.

Whatever reads, plans and then writes (an import, a transition step, a bulk edit, a
year's switch) takes this lock before its first read, so no other writer can change
what its plan was computed from, and every change set's "before" is what was really
there. SQLite: ``BEGIN IMMEDIATE`` (the database's own write lock). PostgreSQL: a
transaction-level advisory lock on one key, per database, released at commit or
rollback. A second writer waits at most ``wait_seconds`` (after ``on_wait`` told the
user), then is refused with :class:`WriteBusy`."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from koppel.domain.errors import KoppelError

WRITE_LOCK_KEY = 0x6B6F7070656C  # "koppel": one advisory lock key for the whole school
DEFAULT_WAIT_SECONDS = 60.0


class WriteBusy(KoppelError):
    """Another writer held the lock longer than this one would wait: nothing was written,
    try again (exit code 3; 409 in the API)."""

    exit_code = 3

    def __init__(self, wait_seconds: float) -> None:
        super().__init__("database.busy", seconds=round(wait_seconds))


def take_write_lock(
    connection: Connection,
    *,
    wait_seconds: float = DEFAULT_WAIT_SECONDS,
    on_wait: Callable[[], None] | None = None,
) -> None:
    """Hold the write lock for the rest of ``connection``'s transaction, which has read
    nothing yet."""
    if connection.dialect.name == "sqlite":
        _sqlite(connection, wait_seconds, on_wait)
    else:
        _postgresql(connection, wait_seconds, on_wait)


def _sqlite(
    connection: Connection, wait_seconds: float, on_wait: Callable[[], None] | None
) -> None:
    from koppel.store.database import SQLITE_BUSY_TIMEOUT_MS

    try:
        connection.exec_driver_sql("PRAGMA busy_timeout=0")
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError:
            pass  # another writer holds it: say so, then wait for it
        if on_wait is not None:
            on_wait()
        connection.exec_driver_sql(f"PRAGMA busy_timeout={int(wait_seconds * 1000)}")
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except OperationalError as error:
            raise WriteBusy(wait_seconds) from error
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")


def _postgresql(
    connection: Connection, wait_seconds: float, on_wait: Callable[[], None] | None
) -> None:
    key = {"key": WRITE_LOCK_KEY}
    if connection.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), key).scalar():
        return
    if on_wait is not None:
        on_wait()
    timeout = {"timeout": f"{int(wait_seconds * 1000)}ms"}
    connection.execute(text("SELECT set_config('lock_timeout', :timeout, true)"), timeout)
    try:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), key)
    except OperationalError as error:
        raise WriteBusy(wait_seconds) from error
    connection.execute(text("SELECT set_config('lock_timeout', '0', true)"))
