"""Creating and opening a project file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DatabaseError as SqlDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import ConnectionPoolEntry

from koppel.domain.errors import KoppelError
from koppel.store.project import tables
from koppel.store.project.session import ProjectSession


class ProjectFileError(KoppelError):
    """A project file that cannot be made or used (exit code 2)."""

    exit_code = 2


@dataclass(frozen=True)
class ProjectInfo:
    school_year: str
    """The project's school year; empty in a file without one (see
    :mod:`koppel.connector.years`: it then works as the portal's current year)."""
    departments: tuple[str, ...]
    portal_url: str
    token: str
    created_at: str = ""

    def as_settings(self) -> dict[str, str]:
        return {
            "format": str(tables.FORMAT_VERSION),
            "school_year": self.school_year,
            "departments": ",".join(self.departments),
            "portal_url": self.portal_url,
            "token": self.token,
            "created_at": self.created_at or datetime.now(UTC).isoformat(timespec="seconds"),
        }

    @classmethod
    def from_settings(cls, found: dict[str, str]) -> ProjectInfo:
        return cls(
            found.get("school_year", ""),
            tuple(code for code in found["departments"].split(",") if code),
            found["portal_url"],
            found["token"],
            found.get("created_at", ""),
        )


def _pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA journal_mode=DELETE")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


class ProjectFile:
    """A project file on disk; ``with project.begin() as session:`` is one transaction
    (all of it is written, or nothing)."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    @classmethod
    def create(cls, path: Path, info: ProjectInfo) -> ProjectFile:
        if path.exists():
            raise ProjectFileError("project.exists", path=str(path))
        if not path.parent.is_dir():
            raise ProjectFileError("project.no_folder", path=str(path))
        # 0600 before anything is in it (the file holds the portal token and pupils' data),
        # whatever the umask
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise ProjectFileError("project.exists", path=str(path)) from None
        project = cls(path, _engine(path))
        tables.project_metadata.create_all(project.engine)
        with project.begin() as session:
            for name, value in info.as_settings().items():
                session.set_setting(name, value)
        return project

    @classmethod
    def open(cls, path: Path) -> ProjectFile:
        if not path.is_file():
            raise ProjectFileError("project.missing", path=str(path))
        project = cls(path, _engine(path))
        try:
            known = set(inspect(project.engine).get_table_names())
        except SqlDatabaseError as error:
            raise ProjectFileError("project.not_a_project", path=str(path)) from error
        if "project_settings" not in known:
            raise ProjectFileError("project.not_a_project", path=str(path))
        tables.project_metadata.create_all(project.engine)  # tables added since: made here
        return project

    def info(self) -> ProjectInfo:
        with self.begin() as session:
            return ProjectInfo.from_settings(session.settings())

    @contextmanager
    def begin(self) -> Iterator[ProjectSession]:
        try:
            with self.engine.begin() as conn:
                yield ProjectSession(conn)
        except OperationalError as error:
            if not _write_failed(error):
                raise
            reason = str(error.orig).strip().splitlines()[0]
            raise ProjectFileError(
                "project.not_saved", path=str(self.path), reason=reason
            ) from error

    def close(self) -> None:
        self.engine.dispose()


def _write_failed(error: OperationalError) -> bool:
    """The disk is full, the file may not grow (a quota, a size limit) or the disk failed:
    SQLite has rolled the transaction back with its journal, the file is as it was."""
    name = str(getattr(error.orig, "sqlite_errorname", ""))
    return name == "SQLITE_FULL" or name.startswith("SQLITE_IOERR")


def _engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", hide_parameters=True)  # values: personal data
    event.listen(engine, "connect", _pragmas)
    return engine
