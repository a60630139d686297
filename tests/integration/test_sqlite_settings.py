"""SQLite is set up safely on every connection."""

from __future__ import annotations

from sqlalchemy import text

from koppel.store.database import SQLITE_BUSY_TIMEOUT_MS, connect


def test_every_sqlite_connection_has_foreign_keys_wal_and_a_busy_timeout(sqlite_url: str):
    engine = connect(sqlite_url)
    for _ in range(2):
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            timeout = connection.execute(text("PRAGMA busy_timeout")).scalar()
            assert timeout == SQLITE_BUSY_TIMEOUT_MS
        engine.dispose()
