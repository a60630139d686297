"""The school's write lock: one writer at a time, from its first read on.

Whatever reads, plans and then writes (an import, a transition step, a bulk edit, a
year's switch) takes this lock before its first read, so no other writer can change
what its plan was computed from, and every change set's "before" is what was really
there. PostgreSQL: a transaction-level advisory lock on one key, per database, released
at commit or rollback. SQLite: an exclusive lock (``flock``) on the file
``<database>.lock`` beside the database, held until the unit of work ends; it is not
SQLite's own write lock, which would also stop the small writes that plan nothing (a
session's last use, the audit of a read) for the whole import, and so every page. A
database in memory needs none: no other connection sees it. A second writer waits at
most ``wait_seconds`` (after ``on_wait`` told the user), then is refused with
:class:`WriteBusy`."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from koppel.domain.errors import KoppelError

WRITE_LOCK_KEY = 0x6B6F7070656C  # "koppel": one advisory lock key for the whole school
DEFAULT_WAIT_SECONDS = 60.0
_POLL_SECONDS = 0.05

Release = Callable[[], None]
"""Ends the hold (the unit of work calls it once its transaction has ended)."""


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
) -> Release:
    """Hold the write lock from now on (``connection``'s transaction has read nothing
    yet) until the answer is called, after the transaction ended."""
    if connection.dialect.name != "sqlite":
        _postgresql(connection, wait_seconds, on_wait)
        return _nothing
    lock_file = lock_file_of(connection.engine.url.database)
    if lock_file is None:  # in memory: each connection is a database of its own
        return _nothing
    return _file_lock(lock_file, wait_seconds, on_wait)


def lock_file_of(database: str | None) -> Path | None:
    """The lock file beside a SQLite database file; None for a database in memory."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database + ".lock")


def _nothing() -> None:
    pass


def _file_lock(path: Path, wait_seconds: float, on_wait: Callable[[], None] | None) -> Release:
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + wait_seconds
    told = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(handle)
                raise WriteBusy(wait_seconds) from None
            if not told and on_wait is not None:
                on_wait()
            told = True
            time.sleep(_POLL_SECONDS)

    def release() -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)

    return release


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
