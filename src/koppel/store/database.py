"""Connecting to the portal database: SQLite (the default) or PostgreSQL."""

from __future__ import annotations

import re

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import ExceptionContext, make_url
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
