"""A database of its own for a benchmark run: a SQLite file in ``folder``, or a fresh
PostgreSQL database on the local server, dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    """``kind`` is ``sqlite`` or ``postgresql`` (any case); yields the database URL."""
    if kind.lower() == "sqlite":
        yield f"sqlite:///{folder / 'koppel.db'}"
        return
    name = f"koppel_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
