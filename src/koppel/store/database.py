"""Connecting to the portal database: SQLite (the default) or PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import ConnectionPoolEntry

from koppel.domain.errors import KoppelError

SQLITE_BUSY_TIMEOUT_MS = 10_000
_PASSWORD_IN_URL = re.compile(r"(://[^/@:]*:).*@")


class DatabaseError(KoppelError):
    """The database cannot be used (bad URL, unreachable, not set up): exit code 2."""

    exit_code = 2


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` use psycopg 3; other URLs pass unchanged."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def without_password(url: str) -> str:
    """``url`` as messages show it: a password in it (``user:secret@``) becomes ``***``,
    also when the rest of the URL is not valid."""
    return _PASSWORD_IN_URL.sub(r"\1***@", url)


def _set_sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")
"""The database file and the files SQLite keeps beside it (they hold its data too)."""


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite database URL; None for another database, one in memory, or
    a ``file:`` URI (SQLite's own syntax)."""
    name = url.database
    if url.get_backend_name() != "sqlite" or name in (None, "", ":memory:"):
        return None
    if str(name).startswith("file:") or url.query.get("uri"):
        return None
    return Path(str(name))


def _create_private(path: Path) -> None:
    """The database file, made empty and 0600 before SQLite opens it (an empty file is an
    empty database), so that it is never readable by others, whatever the umask. SQLite
    then makes its -wal and -shm files with the same mode."""
    if path.parent.is_dir():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _before_sqlite_opens(path: Path) -> Callable[..., None]:
    """SQLAlchemy's ``do_connect`` event, just before SQLite opens (or makes) the file."""

    def create(*_event: object) -> None:
        _create_private(path)

    return create


def make_private(engine: Engine) -> list[Path]:
    """A SQLite database's files (the database, -wal, -shm) of this user made 0600 again
    where they were readable by others (files made before koppel kept them private);
    the files changed."""
    path = sqlite_file(engine.url)
    changed: list[Path] = []
    if path is None:
        return changed
    for suffix in SQLITE_COMPANIONS:
        found = path.with_name(path.name + suffix)
        try:
            mode = found.lstat()
        except FileNotFoundError:
            continue
        if stat.S_ISREG(mode.st_mode) and mode.st_uid == os.getuid() and mode.st_mode & 0o077:
            found.chmod(stat.S_IMODE(mode.st_mode) & 0o700)
            changed.append(found)
    return changed


def _only_the_primary_message(context: ExceptionContext) -> None:
    """PostgreSQL details an error with the values involved (``Failing row contains (...)``,
    ``Key (email)=(...)``): personal data. Its message, and so every log and traceback,
    keeps only the first line; the details stay in the driver error's ``diag``."""
    original = context.original_exception
    text = str(original)
    primary = text.split("\n", 1)[0]
    if primary == text:
        return
    original.args = (primary,)
    wrapped = context.sqlalchemy_exception
    if wrapped is not None and wrapped.args:
        wrapped.args = (str(wrapped.args[0]).replace(text, primary),)


def connect(url: str) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys ON, WAL and a busy timeout on every
    connection. Nothing is opened until the engine is first used. A failed statement's
    error never shows its values (they are personal data): only the SQL and the reason."""
    normalised = normalise_url(url)
    try:
        parsed = make_url(normalised)
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(normalised, hide_parameters=True)
            event.listen(engine, "connect", _set_sqlite_pragmas)
            path = sqlite_file(parsed)
            if path is not None:
                event.listen(engine, "do_connect", _before_sqlite_opens(path))
            return engine
        if parsed.get_backend_name() != "postgresql":
            raise DatabaseError("database.url", url=without_password(url))
        engine = create_engine(normalised, pool_pre_ping=True, hide_parameters=True)
        event.listen(engine, "handle_error", _only_the_primary_message)
        return engine
    except (ArgumentError, ValueError) as error:
        raise DatabaseError("database.url", url=without_password(url)) from error


def display_url(engine: Engine) -> str:
    """The engine's URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


def ensure_reachable(engine: Engine) -> None:
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DatabaseError(
            "database.unreachable", url=display_url(engine), reason=reason
        ) from error


def is_initialised(engine: Engine) -> bool:
    """Whether ``koppel init`` has created the tables (Alembic's version table exists)."""
    ensure_reachable(engine)
    return inspect(engine).has_table("alembic_version")


def require_initialised(engine: Engine) -> None:
    if not is_initialised(engine):
        raise DatabaseError("database.not_initialised", url=display_url(engine))
